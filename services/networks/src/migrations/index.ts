import { Initial1732000000000 } from './1732000000000-initial';
import { AgendasAssignments1732000000001 } from './1732000000001-agendas-assignments';
import { SearchTrigrams1732000000002 } from './1732000000002-search-trigrams';
import { SourceFacts1732000015000 } from './1732000015000-source-facts';
import { AuditTrail1738500000000 } from './1738500000000-audit-trail';

/** In order of application; each file is one step and is never edited once released. */
export const migrations = [Initial1732000000000, AgendasAssignments1732000000001, SearchTrigrams1732000000002, SourceFacts1732000015000, AuditTrail1738500000000];
