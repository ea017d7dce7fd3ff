import { registerEnumType } from 'type-graphql';
export { Country, MunicipalityKind, MunicipalitySizeClass } from '@kommunenett/subgraph-kit';

export enum OrganizationKind { ASSOCIATION = 'ASSOCIATION', NGO = 'NGO', MINISTRY = 'MINISTRY', UNION = 'UNION', OTHER = 'OTHER' }
export enum RegistrationStatus {
  PENDING = 'PENDING', CONFIRMED = 'CONFIRMED', WAITLISTED = 'WAITLISTED', OFFERED = 'OFFERED',
  CANCELLED = 'CANCELLED', REJECTED = 'REJECTED',
}
export enum Gender { FEMALE = 'FEMALE', MALE = 'MALE', OTHER = 'OTHER' }
export enum AttendanceStatus { PRESENT = 'PRESENT', ABSENT = 'ABSENT', EXCUSED = 'EXCUSED' }
export enum AttendanceChangeAction { RECORDED = 'RECORDED', CHANGED = 'CHANGED', REMOVED = 'REMOVED' }
/** How an EXCUSED entry (meldt forfall) counts in an attendance rate. */
export enum ExcusedRule { COUNT_AS_ABSENT = 'COUNT_AS_ABSENT', LEAVE_OUT = 'LEAVE_OUT', COUNT_AS_PRESENT = 'COUNT_AS_PRESENT' }
export enum RegistrationChangeKind { CREATED = 'CREATED', STATUS_CHANGED = 'STATUS_CHANGED', UPDATED = 'UPDATED', MOVED = 'MOVED', ANONYMIZED = 'ANONYMIZED' }
export enum WebhookDeliveryStatus { PENDING = 'PENDING', DELIVERED = 'DELIVERED', FAILED = 'FAILED' }
export enum ErasureRequestStatus { REQUESTED = 'REQUESTED', COMPLETED = 'COMPLETED', REJECTED = 'REJECTED' }
/** What a message tells a person; each kind has a template per language under `templates/`. */
export enum NotificationKind {
  REGISTRATION_RECEIVED = 'REGISTRATION_RECEIVED', REGISTRATION_CONFIRMED = 'REGISTRATION_CONFIRMED', REGISTRATION_REJECTED = 'REGISTRATION_REJECTED',
  SEAT_OFFERED = 'SEAT_OFFERED', OFFER_REMINDER = 'OFFER_REMINDER', OFFER_EXPIRED = 'OFFER_EXPIRED', REGISTRATION_CANCELLED = 'REGISTRATION_CANCELLED', REGISTRATION_MOVED = 'REGISTRATION_MOVED',
  GATHERING_SCHEDULED = 'GATHERING_SCHEDULED', GATHERING_REMINDER = 'GATHERING_REMINDER', ASSIGNMENT_DUE = 'ASSIGNMENT_DUE',
  COORDINATOR_COPY = 'COORDINATOR_COPY', NEW_REGISTRATION = 'NEW_REGISTRATION', REGISTRATION_DIGEST = 'REGISTRATION_DIGEST',
}
/**
 * Messages a person may switch off (reminders, copies to the coordinator, messages to organisers);
 * decisions, offers and their expiry always go out. The digest is switched with NEW_REGISTRATION.
 */
export const OPTIONAL_NOTIFICATIONS: readonly NotificationKind[] = [NotificationKind.OFFER_REMINDER, NotificationKind.GATHERING_REMINDER, NotificationKind.ASSIGNMENT_DUE,
  NotificationKind.COORDINATOR_COPY, NotificationKind.NEW_REGISTRATION, NotificationKind.REGISTRATION_DIGEST];
/** The kinds of the person's own registration a copy goes to their municipality's coordinator of (docs/notifications.md). */
export const COPIED_TO_COORDINATOR: readonly NotificationKind[] = [NotificationKind.REGISTRATION_RECEIVED, NotificationKind.REGISTRATION_CONFIRMED,
  NotificationKind.REGISTRATION_REJECTED, NotificationKind.SEAT_OFFERED, NotificationKind.OFFER_EXPIRED, NotificationKind.REGISTRATION_CANCELLED,
  NotificationKind.REGISTRATION_MOVED];
export enum NotificationStatus { PENDING = 'PENDING', SENT = 'SENT', SKIPPED = 'SKIPPED', FAILED = 'FAILED', BOUNCED = 'BOUNCED', AWAITING_DIGEST = 'AWAITING_DIGEST' }
export enum ParticipationDimension {
  COUNTRY = 'COUNTRY', COUNTY = 'COUNTY', MUNICIPALITY = 'MUNICIPALITY', SIZE_CLASS = 'SIZE_CLASS', NETWORK = 'NETWORK', ROLE = 'ROLE', GENDER = 'GENDER',
}

/** What a position is, beside its free-text title (docs/participants.md, "Positions"); `roleOfTitle` derives it from a title. */
export enum PositionRole {
  CHIEF_EXECUTIVE = 'CHIEF_EXECUTIVE', DEPUTY_CHIEF_EXECUTIVE = 'DEPUTY_CHIEF_EXECUTIVE', DEPARTMENT_HEAD = 'DEPARTMENT_HEAD',
  MANAGER = 'MANAGER', ADVISER = 'ADVISER', POLITICIAN = 'POLITICIAN', OTHER = 'OTHER',
}

/** Statuses that hold a seat in the network. */
export const SEAT_HOLDING: readonly RegistrationStatus[] = [RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED];
/** Statuses of a live registration: it holds a seat or waits for one. */
export const LIVE: readonly RegistrationStatus[] = [...SEAT_HOLDING, RegistrationStatus.WAITLISTED];

registerEnumType(OrganizationKind, {
  name: 'OrganizationKind',
  description: 'What kind of organisation (other than a municipality) a person may belong to.',
  valuesConfig: {
    ASSOCIATION: { description: 'An association, e.g. of municipalities.' },
    NGO: { description: 'A non-governmental organisation.' },
    MINISTRY: { description: 'A ministry or other state body.' },
    UNION: { description: 'A trade union.' },
    OTHER: { description: 'Any other organisation.' },
  },
});
registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  description: 'PENDING waits for approval and holds a seat; WAITLISTED waits for a seat; OFFERED has been offered a freed seat until offerExpiresAt; CANCELLED and REJECTED are final.',
  valuesConfig: {
    PENDING: { description: 'Waits for approval by an ORG_ADMIN or FACILITATOR; holds a seat.' },
    CONFIRMED: { description: 'Has a seat.' },
    WAITLISTED: { description: 'Waits for a seat, in waitlist order.' },
    OFFERED: { description: 'Has been offered a freed seat and must accept it before offerExpiresAt.' },
    CANCELLED: { description: 'Cancelled; final.' },
    REJECTED: { description: 'Rejected by an ORG_ADMIN or FACILITATOR; final.' },
  },
});
registerEnumType(Gender, {
  name: 'Gender',
  description: 'Only where the person gave it.',
  valuesConfig: {
    FEMALE: { description: 'Female.' },
    MALE: { description: 'Male.' },
    OTHER: { description: 'Another gender.' },
  },
});
registerEnumType(AttendanceStatus, {
  name: 'AttendanceStatus',
  description: 'PRESENT, ABSENT, or EXCUSED (absent with notice, meldt forfall).',
  valuesConfig: {
    PRESENT: { description: 'Took part.' },
    ABSENT: { description: 'Did not take part, without notice.' },
    EXCUSED: { description: 'Did not take part, with notice (meldt forfall).' },
  },
});
registerEnumType(AttendanceChangeAction, {
  name: 'AttendanceChangeAction',
  description: 'RECORDED: a new entry; CHANGED: a new status for an existing entry; REMOVED: the entry was removed.',
  valuesConfig: {
    RECORDED: { description: 'A new attendance entry.' },
    CHANGED: { description: 'A new status for an existing entry.' },
    REMOVED: { description: 'The entry was removed.' },
  },
});
registerEnumType(ExcusedRule, {
  name: 'ExcusedRule',
  description: 'How EXCUSED entries count in an attendance rate. COUNT_AS_ABSENT: rate = present / (present + absent + excused), attendance as it happened. LEAVE_OUT: rate = present / (present + absent), excused entries are neither counted nor held against anyone. COUNT_AS_PRESENT: rate = (present + excused) / all, excused counts as taking part.',
  valuesConfig: {
    COUNT_AS_ABSENT: { description: 'Excused is absent: present / all recorded (the default).' },
    LEAVE_OUT: { description: 'Excused entries are left out: present / (present + absent).' },
    COUNT_AS_PRESENT: { description: 'Excused counts as taking part: (present + excused) / all recorded.' },
  },
});
registerEnumType(RegistrationChangeKind, {
  name: 'RegistrationChangeKind',
  description: 'What happened to a registration in the change feed.',
  valuesConfig: {
    CREATED: { description: 'The registration was made.' },
    STATUS_CHANGED: { description: 'Its status changed (approved, waitlisted, offered, cancelled, …).' },
    UPDATED: { description: 'Its details changed.' },
    MOVED: { description: 'It was moved to another network.' },
    ANONYMIZED: { description: 'The person’s personal data was erased.' },
  },
});
registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where delivery of one webhook event stands.',
  valuesConfig: {
    PENDING: { description: 'Not delivered yet; will be (re)tried.' },
    DELIVERED: { description: 'The receiver accepted the event.' },
    FAILED: { description: 'Gave up after the maximum attempts; can be redelivered.' },
  },
});
registerEnumType(ErasureRequestStatus, {
  name: 'ErasureRequestStatus',
  description: 'Where a request to erase a person’s personal data stands.',
  valuesConfig: {
    REQUESTED: { description: 'Waiting to be carried out.' },
    COMPLETED: { description: 'The personal data has been erased.' },
    REJECTED: { description: 'Refused.' },
  },
});
registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  description: 'REGISTRATION_RECEIVED (confirmed, pending approval or waitlisted with position), REGISTRATION_CONFIRMED (approved or offer accepted), REGISTRATION_REJECTED (with the reason), SEAT_OFFERED (with the deadline and the link to answer), OFFER_REMINDER (a day before an unanswered offer lapses; can be switched off), OFFER_EXPIRED, REGISTRATION_CANCELLED (and by whom), REGISTRATION_MOVED, GATHERING_SCHEDULED (a gathering got its date or moved, with an .ics file), GATHERING_REMINDER (before a gathering; can be switched off), ASSIGNMENT_DUE (work due before the next gathering; can be switched off); COORDINATOR_COPY, NEW_REGISTRATION and REGISTRATION_DIGEST go to the municipality\'s coordinator and the network\'s contact persons.',
  valuesConfig: {
    REGISTRATION_RECEIVED: { description: 'The registration was received: confirmed, pending approval, or waitlisted with its position.' },
    REGISTRATION_CONFIRMED: { description: 'The registration was approved or an offered seat accepted.' },
    REGISTRATION_REJECTED: { description: 'The registration was rejected, with the reason.' },
    SEAT_OFFERED: { description: 'A freed seat is offered, with the deadline and the link to answer.' },
    OFFER_REMINDER: { description: 'A day before an unanswered offer lapses; the person can switch it off.' },
    OFFER_EXPIRED: { description: 'An offer lapsed unanswered.' },
    REGISTRATION_CANCELLED: { description: 'The registration was cancelled, and by whom.' },
    REGISTRATION_MOVED: { description: 'The registration was moved to another network.' },
    GATHERING_SCHEDULED: { description: 'A gathering got its date (a month became a date) or moved, with an .ics calendar attachment; to confirmed participants.' },
    GATHERING_REMINDER: { description: 'Two days before a gathering (PARTICIPANTS_GATHERING_REMINDER_HOURS); the person can switch it off.' },
    ASSIGNMENT_DUE: { description: 'A week before a gathering (PARTICIPANTS_ASSIGNMENT_REMINDER_HOURS), the work between gatherings due before it; the person can switch it off.' },
    COORDINATOR_COPY: { description: 'To the coordinator of the registered person\'s municipality (setMunicipalityCoordinator): a copy of a decision on a registration (received, confirmed, rejected, offered, expired, cancelled, moved), without the reason or the answer link; the coordinator can switch it off.' },
    NEW_REGISTRATION: { description: 'To each contact person of the network: a registration was made, with its status; one message each, or one daily digest (dailyDigest); can be switched off.' },
    REGISTRATION_DIGEST: { description: 'To a contact person who chose dailyDigest for NEW_REGISTRATION: once a day, the new registrations per network with their status.' },
  },
});
registerEnumType(NotificationStatus, {
  name: 'NotificationStatus',
  description: 'PENDING waits for (another) attempt; SENT was accepted by the mail server; SKIPPED was not sent (answered before a reminder went out, or switched off by the person, or told in the organiser\'s daily digest instead); AWAITING_DIGEST (NEW_REGISTRATION) waits for the organiser\'s next daily digest; FAILED gave up after the maximum attempts; BOUNCED the server refused the address for good (not retried).',
});
registerEnumType(ParticipationDimension, {
  name: 'ParticipationDimension',
  description: 'How participation is grouped: by country, county, municipality, municipality size class (by the latest population), network, role (job title) or gender.',
  valuesConfig: {
    COUNTRY: { description: 'Country of the registering municipality: NO or SE.' },
    COUNTY: { description: 'County (fylke, län) of the registering municipality, as NO-32.' },
    MUNICIPALITY: { description: 'The registering municipality or county authority, as NO-3201.' },
    SIZE_CLASS: { description: 'Size class of the registering municipality by its latest population (MunicipalitySizeClass; UNKNOWN without one).' },
    NETWORK: { description: 'The network registered for.' },
    ROLE: { description: 'The person’s current job title, lower-cased ("not given" without one).' },
    GENDER: { description: 'The person’s gender where given, else NOT_GIVEN.' },
  },
});
registerEnumType(PositionRole, {
  name: 'PositionRole',
  description: 'What a position is, whatever its title’s wording: the small vocabulary outcomes are counted in (docs/participants.md).',
  valuesConfig: {
    CHIEF_EXECUTIVE: { description: 'Head of the administration of a municipality or county authority: rådmann, kommunedirektør (nb, nn), kommundirektör, kommunchef, stadsdirektör (sv), fylkesrådmann, fylkesdirektør, regiondirektör.' },
    DEPUTY_CHIEF_EXECUTIVE: { description: 'Deputy of the chief executive: assisterende rådmann or kommunedirektør, biträdande or vice kommundirektör.' },
    DEPARTMENT_HEAD: { description: 'Heads a sector or department under the chief executive: kommunalsjef, kommunaldirektør, etatsjef, sektorsjef, økonomisjef, HR-sjef, personalsjef, förvaltningschef, ekonomichef.' },
    MANAGER: { description: 'Another leader: enhetsleder, avdelingsleder, innkjøpssjef, rektor, enhetschef (a title with leder, sjef or chef not named above).' },
    ADVISER: { description: 'An adviser or specialist without staff: rådgiver, rådgjevar, controller, revisor, jurist, kommuneadvokat, handläggare, utredare, prosjektleder.' },
    POLITICIAN: { description: 'An elected office: ordfører, ordførar, varaordfører, kommunalråd, kommunstyrelsens ordförande.' },
    OTHER: { description: 'Any other position, or a title that says too little.' },
  },
});
