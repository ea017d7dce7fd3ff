import { Directory1732000000000 } from './1732000000000-directory';
import { Registrations1733000000000 } from './1733000000000-registrations';
import { PersonVisibility1734000000000 } from './1734000000000-person-visibility';
import { Population1735100000000 } from './1735100000000-population';
import { AttendanceHistory1735200000000 } from './1735200000000-attendance-history';
import { Notifications1736000000000 } from './1736000000000-notifications';
import { WebhookRecovery1737000000000 } from './1737000000000-webhook-recovery';
import { AuditTrail1738500000000 } from './1738500000000-audit-trail';
import { GatheringNotices1738600000000 } from './1738600000000-gathering-notices';
import { PositionRoles1739200000000 } from './1739200000000-position-roles';
import { RegistrationCounters1739300000000 } from './1739300000000-registration-counters';
import { OrganiserMessages1739400000000 } from './1739400000000-organiser-messages';

/** In order of application; each file is one step and is never edited once released. */
export const migrations = [Directory1732000000000, Registrations1733000000000, PersonVisibility1734000000000, Population1735100000000,
  AttendanceHistory1735200000000, Notifications1736000000000, WebhookRecovery1737000000000, AuditTrail1738500000000, GatheringNotices1738600000000,
  PositionRoles1739200000000, RegistrationCounters1739300000000, OrganiserMessages1739400000000];
