import { Brackets, type SelectQueryBuilder, type WhereExpressionBuilder } from 'typeorm';
import { forbidden, isAdmin, isUuid } from '@kommunenett/subgraph-kit';
import type { Viewer } from '@kommunenett/auth';

/**
 * Who may see and change which registrations. Each rule exists twice, side by side: as SQL for
 * lists, and in memory for single rows already loaded. Keep them equal. Which people (and which
 * of their fields) a viewer sees is decided in `person-visibility.ts`, on top of these.
 */

/** What a row rule needs to know about a registration. */
export interface RegistrationFacts {
  networkId: string;
  municipalityId: string;
  personId: string | null;
  clientId: string | null;
  /** Organizations hosting the registration's network. */
  hostIds: readonly string[];
}

const canReadPartnerData = (v: Viewer) => v.scopes.includes('registrations:read') || v.scopes.includes('registrations:write');
export const facilitated = (v: Viewer) => v.networkIds.filter(isUuid);

/** Registrations the viewer may see (ANALYST and anonymous: none; they get aggregates only). */
export function canSeeRegistration(v: Viewer, r: RegistrationFacts): boolean {
  if (isAdmin(v)) return true;
  switch (v.role) {
    case 'ORG_ADMIN': return !!v.organizationId && r.hostIds.includes(v.organizationId);
    case 'FACILITATOR': return facilitated(v).includes(r.networkId);
    case 'COORDINATOR': return r.municipalityId === v.municipalityId;
    case 'PARTNER': return canReadPartnerData(v) && ((!!v.clientId && r.clientId === v.clientId) || (!!v.organizationId && r.hostIds.includes(v.organizationId)));
    case 'PARTICIPANT': return !!v.personId && r.personId === v.personId;
    default: return false;
  }
}

/** The SQL form of `canSeeRegistration` over a registration alias (joined to no other table). */
export function whereRegistrationVisible<T extends WhereExpressionBuilder>(qb: T, v: Viewer, alias = 'r'): T {
  if (isAdmin(v)) return qb;
  const hosted = (org: string) => new Brackets((w) => w.where(
    `EXISTS (SELECT 1 FROM participants.network_snapshot ns WHERE ns.network_id = ${alias}.network_id AND :viewerOrg = ANY(ns.host_ids))`, { viewerOrg: org }));
  const none = () => qb.andWhere('1 = 0');
  switch (v.role) {
    case 'ORG_ADMIN': return v.organizationId ? qb.andWhere(hosted(v.organizationId)) : none();
    case 'FACILITATOR': return facilitated(v).length ? qb.andWhere(`${alias}.network_id IN (:...viewerNetworks)`, { viewerNetworks: facilitated(v) }) : none();
    case 'COORDINATOR': return v.municipalityId ? qb.andWhere(`${alias}.municipality_id = :viewerMunicipality`, { viewerMunicipality: v.municipalityId }) : none();
    case 'PARTNER':
      if (!canReadPartnerData(v)) return none();
      return qb.andWhere(new Brackets((w) => {
        w.where(`${alias}.client_id = :viewerClient`, { viewerClient: v.clientId ?? '' });
        if (v.organizationId) w.orWhere(hosted(v.organizationId));
      }));
    case 'PARTICIPANT': return v.personId && isUuid(v.personId) ? qb.andWhere(`${alias}.person_id = :viewerPerson`, { viewerPerson: v.personId }) : none();
    default: return none();
  }
}

export function visibleRegistrations<T extends object>(qb: SelectQueryBuilder<T>, v: Viewer, alias = 'r'): SelectQueryBuilder<T> {
  return whereRegistrationVisible(qb, v, alias);
}

/** Cancel, accept an offer, update: the registrant side (and the hosts). */
export function canActForRegistrant(v: Viewer, r: RegistrationFacts): boolean {
  if (isAdmin(v)) return true;
  switch (v.role) {
    case 'ORG_ADMIN': return !!v.organizationId && r.hostIds.includes(v.organizationId);
    case 'COORDINATOR': return r.municipalityId === v.municipalityId;
    case 'PARTNER': return v.scopes.includes('registrations:write') && ((!!v.clientId && r.clientId === v.clientId) || (!!v.organizationId && r.hostIds.includes(v.organizationId)));
    case 'PARTICIPANT': return !!v.personId && r.personId === v.personId;
    default: return false;
  }
}

/** Approve or reject: the organizer side (ORG_ADMIN of a host, the network's FACILITATOR). */
export function canDecideRegistration(v: Viewer, r: Pick<RegistrationFacts, 'networkId' | 'hostIds'>): boolean {
  if (isAdmin(v)) return true;
  if (v.role === 'ORG_ADMIN') return !!v.organizationId && r.hostIds.includes(v.organizationId);
  if (v.role === 'FACILITATOR') return facilitated(v).includes(r.networkId);
  return false;
}

/**
 * Whether the viewer may register into a network for a municipality: ADMIN; ORG_ADMIN of a host;
 * COORDINATOR of that municipality; PARTNER with `registrations:write` for its organization's
 * networks. Throws FORBIDDEN otherwise. Without a municipality (an import, whose rows are checked
 * one by one) only the role and the hosts are checked.
 */
export function requireMayRegister(v: Viewer, municipalityId: string | null, hostIds?: readonly string[]): void {
  if (isAdmin(v)) return;
  switch (v.role) {
    case 'COORDINATOR':
      if (municipalityId !== null && v.municipalityId !== municipalityId) throw forbidden('A coordinator registers people of their own municipality only.');
      return;
    case 'PARTNER':
      if (!v.scopes.includes('registrations:write')) throw forbidden('The client lacks the scope registrations:write.');
      if (hostIds && !(v.organizationId && hostIds.includes(v.organizationId))) throw forbidden('A partner registers into its own organization’s networks only.');
      return;
    case 'ORG_ADMIN':
      if (hostIds && !(v.organizationId && hostIds.includes(v.organizationId))) throw forbidden('The network is not hosted by your organization.');
      return;
    default:
      throw forbidden();
  }
}

/**
 * Whose message settings the viewer may read and change: their own (a PARTICIPANT, or a
 * COORDINATOR, ORG_ADMIN or FACILITATOR whose token names their person), anyone's for ADMIN.
 */
export function mayManageNotificationsOf(v: Viewer, personId: string): boolean {
  return isAdmin(v) || (v.kind === 'user' && !!v.personId && v.personId === personId);
}
