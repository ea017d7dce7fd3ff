import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { GraphQLResolveInfo } from 'graphql';
import { Brackets, type SelectQueryBuilder } from 'typeorm';
import {
  badInput, escapeLike, foldForSearch, keysetPage, nodeColumns, userError, type KeysetColumn, type RequestContext, type UserError,
} from '@kommunenett/subgraph-kit';
import { Network, nextSessionSql, sessionIntervalEndSql } from '../entities/network.entity';
import { Program } from '../entities/program.entity';
import { Country, Language, NetworkOrder, NetworkStatus, RegistrantKind } from '../entities/enums';
import { canManageNetwork, canManageProgram, canRunNetwork, canSeeNetwork, requireAllowed, visibleNetworks } from './access';
import { refuseAll, checkVersion, refuse, lockRow, runMutation } from '@kommunenett/subgraph-kit';
import { idsAt, unseenPeople } from './people';
import { AuditLog, networkValues } from './audit';
import { NetworkAuditKind } from '../entities/audit-entry';
import { addDays, endOfLocalDay, startOfLocalDay, timeZoneFor } from './time';
import { LIMITS, id, list, localDate, organizationId, positiveInt, requiredText, text, expectedVersion } from './validation';


/** Fields of a network's description and registration rules, as both create and update take them. */
const networkFields = {
  programId: id.nullish(),
  name: requiredText(LIMITS.name),
  description: text(LIMITS.text).nullish(),
  theme: requiredText(LIMITS.name),
  language: z.enum(Language),
  hostIds: list(organizationId, 10).min(1, 'A network has at least one host.'),
  contactPersonIds: list(id, 10),
  targetRoles: list(requiredText(LIMITS.name)),
  points: list(requiredText(LIMITS.shortText), 30),
  eligibleKinds: z.array(z.enum(RegistrantKind)).min(1, 'Say who may register.').max(2),
  capacity: positiveInt.nullish(),
  capacityMin: positiveInt.nullish(),
  plannedMunicipalityCount: positiveInt.nullish(),
  perMunicipalityLimit: positiveInt.nullish(),
  perMunicipalityMin: positiveInt.nullish(),
  registrationOpensOn: localDate.nullish(),
  registrationDeadlineOn: localDate.nullish(),
  requiresApproval: z.boolean(),
  requiresLeadershipAnchoring: z.boolean(),
  costNote: text(LIMITS.text).nullish(),
};

const createSchema = z.object({
  ...networkFields,
  country: z.enum(Country),
  contactPersonIds: networkFields.contactPersonIds.default([]),
  targetRoles: networkFields.targetRoles.default([]),
  points: networkFields.points.default([]),
  eligibleKinds: networkFields.eligibleKinds.default([RegistrantKind.MUNICIPALITY]),
  requiresApproval: networkFields.requiresApproval.default(false),
  requiresLeadershipAnchoring: networkFields.requiresLeadershipAnchoring.default(false),
});
const updateSchema = z.object({ id, expectedVersion, ...z.object(networkFields).partial().shape });

type NetworkChanges = Partial<z.infer<typeof updateSchema>>;

/** Copies the given fields onto the row; dates are calendar days in the network's time zone. */
function applyChanges(network: Network, changes: NetworkChanges): void {
  const { registrationOpensOn, registrationDeadlineOn, id: _id, expectedVersion: _v, ...plain } = changes;
  for (const [key, v] of Object.entries(plain)) if (v !== undefined) Object.assign(network, { [key]: v });
  // "Deadline 21 May 2013" is the end of that day where the network is; opening, the start of the day.
  if (registrationOpensOn !== undefined) network.registrationOpensAt = registrationOpensOn ? startOfLocalDay(registrationOpensOn, network.timeZone) : null;
  if (registrationDeadlineOn !== undefined) network.registrationDeadline = registrationDeadlineOn ? endOfLocalDay(registrationDeadlineOn, network.timeZone) : null;
}

/** The rules that tie the fields together, checked on the network as it would be saved. */
function ruleErrors(n: Network): UserError[] {
  const errors: UserError[] = [];
  if (n.capacity != null && n.capacityMin != null && n.capacity < n.capacityMin) {
    errors.push(userError('capacity', `The capacity (${n.capacity}) is below the minimum (${n.capacityMin}).`, 'CAPACITY_BELOW_MIN'));
  }
  if (n.perMunicipalityLimit != null && n.perMunicipalityMin != null && n.perMunicipalityLimit < n.perMunicipalityMin) {
    errors.push(userError('perMunicipalityLimit', `The most per municipality (${n.perMunicipalityLimit}) is below the fewest (${n.perMunicipalityMin}).`, 'LIMIT_BELOW_MIN'));
  }
  const perRegistrant = n.perMunicipalityLimit ?? n.perMunicipalityMin;
  if (n.capacity != null && perRegistrant != null && perRegistrant > n.capacity) {
    const field = n.perMunicipalityLimit != null ? 'perMunicipalityLimit' : 'perMunicipalityMin';
    errors.push(userError(field, `One municipality may not register more (${perRegistrant}) than the network holds (${n.capacity}).`, 'LIMIT_ABOVE_CAPACITY'));
  }
  if (n.registrationOpensAt && n.registrationDeadline && n.registrationDeadline <= n.registrationOpensAt) {
    errors.push(userError('registrationDeadlineOn', 'The registration deadline is before registration opens.', 'DEADLINE_BEFORE_OPENING'));
  }
  return errors;
}

async function checkProgram(ctx: RequestContext, m: import('typeorm').EntityManager, programId: string | null | undefined): Promise<void> {
  if (!programId) return;
  const program = await m.getRepository(Program).findOneBy({ id: programId });
  if (!program) refuse('programId', `Programme ${programId} was not found.`, 'NOT_FOUND');
  requireAllowed(canManageProgram(ctx.viewer, program) || program.partnerIds.includes(ctx.viewer.organizationId ?? ''),
    'Only owners and partners of a programme may add networks to it.');
}

function save(m: import('typeorm').EntityManager, network: Network): Promise<Network> {
  const errors = ruleErrors(network);
  if (errors.length) refuseAll(errors);
  return m.getRepository(Network).save(network);
}

/** The contact persons of an input, as (field, id) pairs to check. */
const contactIdsOf = (input: unknown) => idsAt((input as { contactPersonIds?: unknown } | null)?.contactPersonIds, 'contactPersonIds');

/** ADMIN, or ORG_ADMIN for a network their organization hosts. New networks are drafts. */
export function createNetwork(ctx: RequestContext, input: unknown) {
  const prepare = (value: { contactPersonIds?: string[] }) => unseenPeople(ctx, contactIdsOf(value));
  const audit = new AuditLog(ctx);
  return runMutation(ctx, { input, schema: createSchema, prepare, events: audit }, async (value, m, unseen) => {
    requireAllowed(canManageNetwork(ctx.viewer, value), 'You may only create networks your organization hosts.');
    refuseAll(unseen);
    await checkProgram(ctx, m, value.programId);
    const network = m.getRepository(Network).create({
      id: randomUUID(), status: NetworkStatus.DRAFT, country: value.country, timeZone: timeZoneFor(value.country),
      programId: null, description: null, capacity: null, capacityMin: null, plannedMunicipalityCount: null, perMunicipalityLimit: null, perMunicipalityMin: null,
      registrationOpensAt: null, registrationDeadline: null, costNote: null, cancellationReason: null,
    });
    const { country: _country, ...changes } = value;
    applyChanges(network, changes);
    audit.change(network.id, NetworkAuditKind.NETWORK_RULES, 'createNetwork', network.id, null, { ...networkValues(network), country: network.country, status: network.status });
    return save(m, network);
  });
}

/** Changes a network's description and rules: ADMIN or ORG_ADMIN of a host, not facilitators. */
export function updateNetwork(ctx: RequestContext, input: unknown) {
  // People already named on the network stay allowed; new ones must be people the writer may see.
  const prepare = async (value: { id: string; contactPersonIds?: string[] }) => {
    const current = await ctx.ds.getRepository(Network).findOneBy({ id: value.id });
    return unseenPeople(ctx, contactIdsOf(value), current?.contactPersonIds);
  };
  const audit = new AuditLog(ctx);
  return runMutation(ctx, { input, schema: updateSchema, prepare, events: audit }, async (changes, m, unseen) => {
    const network = await lockNetwork(ctx, m, changes.id, 'id');
    requireAllowed(canManageNetwork(ctx.viewer, network), 'Only the hosts of a network may change its rules.');
    refuseAll(unseen);
    checkVersion(network, changes.expectedVersion, 'network');
    if (network.status === NetworkStatus.COMPLETED || network.status === NetworkStatus.CANCELLED) {
      refuse('id', `The network is ${network.status.toLowerCase()}; it can no longer be changed.`, 'NETWORK_FINISHED');
    }
    if (changes.programId !== undefined && changes.programId !== network.programId) await checkProgram(ctx, m, changes.programId);
    const before = networkValues(network);
    applyChanges(network, changes);
    audit.change(network.id, NetworkAuditKind.NETWORK_RULES, 'updateNetwork', network.id, before, networkValues(network));
    requireAllowed(canManageNetwork(ctx.viewer, network), 'You may not remove your own organization from the hosts.');
    return save(m, network);
  });
}

/** Locks a network the viewer can see; one they cannot see is NOT_FOUND, as if it did not exist. */
export async function lockNetwork(ctx: RequestContext, m: import('typeorm').EntityManager, networkId: string, field: string): Promise<Network> {
  const network = await lockRow(m, Network, networkId, field, 'Network');
  if (!canSeeNetwork(ctx.viewer, network)) refuse(field, `Network ${networkId} was not found.`, 'NOT_FOUND');
  return network;
}

/** Locks a network for a change by someone who runs it (hosts' ORG_ADMIN or its FACILITATOR). */
export async function lockNetworkToRun(ctx: RequestContext, m: import('typeorm').EntityManager, networkId: string, field: string): Promise<Network> {
  const network = await lockNetwork(ctx, m, networkId, field);
  requireAllowed(canRunNetwork(ctx.viewer, network), 'Only the hosts and facilitators of a network may do this.');
  return network;
}

export type Transition = 'publish' | 'closeRegistration' | 'start' | 'complete' | 'cancel';

/** The status machine: which statuses each transition leaves from, and where it goes. */
export const TRANSITIONS: Record<Transition, { from: NetworkStatus[]; to: NetworkStatus }> = {
  publish: { from: [NetworkStatus.DRAFT], to: NetworkStatus.PUBLISHED },
  closeRegistration: { from: [NetworkStatus.PUBLISHED], to: NetworkStatus.REGISTRATION_CLOSED },
  start: { from: [NetworkStatus.REGISTRATION_CLOSED], to: NetworkStatus.RUNNING },
  complete: { from: [NetworkStatus.RUNNING], to: NetworkStatus.COMPLETED },
  cancel: { from: [NetworkStatus.DRAFT, NetworkStatus.PUBLISHED, NetworkStatus.REGISTRATION_CLOSED, NetworkStatus.RUNNING], to: NetworkStatus.CANCELLED },
};

const transitionSchema = z.object({ networkId: id, expectedVersion, reason: requiredText(LIMITS.shortText).optional() });

export function transitionNetwork(ctx: RequestContext, transition: Transition, input: unknown) {
  const audit = new AuditLog(ctx);
  return runMutation(ctx, { input, schema: transitionSchema, events: audit }, async ({ networkId, expectedVersion, reason }, m) => {
    if (transition === 'cancel' && !reason) refuse('reason', 'Say why the network is cancelled.', 'REASON_REQUIRED');
    const network = await lockNetwork(ctx, m, networkId, 'networkId');
    requireAllowed(canManageNetwork(ctx.viewer, network), 'Only the hosts of a network may change its status.');
    checkVersion(network, expectedVersion, 'network');
    const { from, to } = TRANSITIONS[transition];
    if (!from.includes(network.status)) {
      refuse('networkId', `A network that is ${network.status} cannot go to ${to}.`, 'ILLEGAL_TRANSITION');
    }
    if (transition === 'publish' && network.registrationDeadline && network.registrationDeadline < new Date()) {
      refuse('networkId', 'The registration deadline has passed; move it before publishing.', 'DEADLINE_PASSED');
    }
    audit.change(network.id, NetworkAuditKind.NETWORK_STATUS, transition, network.id, { status: network.status },
      { status: to, ...(transition === 'cancel' && { reason: reason ?? null }) });
    network.status = to;
    if (transition === 'cancel') network.cancellationReason = reason ?? null;
    return m.getRepository(Network).save(network);
  });
}

export interface CatalogueFilter {
  country?: Country;
  language?: Language;
  theme?: string;
  programId?: string;
  hostId?: string;
  status?: NetworkStatus[];
  openForRegistration?: boolean;
  sessionsFrom?: string;
  sessionsTo?: string;
  search?: string;
}

const OPEN_NOW = `(n.status = 'PUBLISHED' AND (n.registration_opens_at IS NULL OR n.registration_opens_at <= now())
  AND (n.registration_deadline IS NULL OR n.registration_deadline >= now()))`;

/**
 * Columns of a network that only their own field reads: a catalogue page reads them only when
 * the query selects the field (a page for `id name status sessions { … }` reads 9 of 28 columns).
 * What the page itself (order and cursor: name, registration deadline) and the field resolvers and
 * access rules read (hosts, contact persons, programme, time zone, registration dates, status) is
 * always read.
 */
const FIELD_ONLY_COLUMNS = [
  'description', 'theme', 'country', 'language', 'targetRoles', 'points', 'eligibleKinds', 'capacity', 'capacityMin', 'plannedMunicipalityCount',
  'perMunicipalityLimit', 'perMunicipalityMin', 'requiresApproval', 'requiresLeadershipAnchoring', 'costNote', 'cancellationReason', 'version', 'createdAt', 'updatedAt',
] as const;
const ALWAYS_READ = ['id', 'name', 'status', 'programId', 'hostIds', 'contactPersonIds', 'timeZone', 'registrationOpensAt', 'registrationDeadline'];

/**
 * The catalogue query with the viewer's visibility, the filter and the order. With `info`, the page
 * reads only the columns the query's nodes need.
 */
export function networkCatalogue(
  ctx: RequestContext, filter: CatalogueFilter | undefined, orderBy: NetworkOrder, page: { first?: number | null; after?: string | null }, info?: GraphQLResolveInfo,
) {
  const qb = visibleNetworks(ctx);
  const f = filter ?? {};
  if (f.country) qb.andWhere('n.country = :country', { country: f.country });
  if (f.language) qb.andWhere('n.language = :language', { language: f.language });
  if (f.theme) qb.andWhere('n.theme = :theme', { theme: f.theme });
  if (f.programId) qb.andWhere('n.program_id = :programId', { programId: f.programId });
  if (f.hostId) qb.andWhere(':hostId = ANY(n.host_ids)', { hostId: f.hostId });
  if (f.status?.length) qb.andWhere('n.status IN (:...statuses)', { statuses: f.status });
  if (f.openForRegistration !== undefined && f.openForRegistration !== null) qb.andWhere(f.openForRegistration ? OPEN_NOW : `NOT ${OPEN_NOW}`);
  if (f.sessionsFrom || f.sessionsTo) {
    for (const key of ['sessionsFrom', 'sessionsTo'] as const) {
      if (f[key] && !localDate.safeParse(f[key]).success) throw badInput(`${key} is not a date (YYYY-MM-DD).`, `filter.${key}`);
    }
    if (f.sessionsFrom && f.sessionsTo && f.sessionsTo < f.sessionsFrom) throw badInput('sessionsTo is before sessionsFrom.', 'filter.sessionsTo');
    // Calendar days in each network's own time zone. A session is its interval (exact times, or its
    // planned months): it matches when the interval overlaps the days asked for.
    qb.andWhere(new Brackets((w) => {
      w.where(`EXISTS (SELECT 1 FROM networks.session s WHERE s.network_id = n.id AND s.sort_date IS NOT NULL
        AND (CAST(:sessionsFrom AS date) IS NULL OR ${sessionIntervalEndSql('s', 'n')} > (CAST(:sessionsFrom AS timestamp) AT TIME ZONE n.time_zone))
        AND (CAST(:sessionsBefore AS date) IS NULL OR s.sort_date < (CAST(:sessionsBefore AS timestamp) AT TIME ZONE n.time_zone)))`,
      { sessionsFrom: f.sessionsFrom ?? null, sessionsBefore: f.sessionsTo ? addDays(f.sessionsTo, 1) : null });
    }));
  }
  if (f.search) {
    if (f.search.length > 200) throw badInput('search is longer than 200 characters.', 'filter.search');
    qb.andWhere("n.search_text LIKE :q ESCAPE '\\'", { q: `%${escapeLike(foldForSearch(f.search))}%` });
  }
  const columns = nodeColumns(info, 'n', { always: ALWAYS_READ, fieldOnly: FIELD_ONLY_COLUMNS });
  const rowsOf = (page: SelectQueryBuilder<Network>) => (columns ? page.select(columns) : page);
  // In the order by next session, each row's next session is its cursor's first value: read with the page.
  return keysetPage(qb, NETWORK_ORDERS[orderBy], page, (pageQuery) =>
    (orderBy === NetworkOrder.NEXT_SESSION ? withNextSession(rowsOf(pageQuery)) : rowsOf(pageQuery).getMany()));
}

async function withNextSession(qb: SelectQueryBuilder<Network>): Promise<Network[]> {
  const { entities, raw } = await qb.addSelect(`(${nextSessionSql('n')})`, 'next_session_at').getRawAndEntities<{ n_id: string; next_session_at: Date | null }>();
  const next = new Map(raw.map((r) => [r.n_id, r.next_session_at]));
  for (const n of entities) n.nextSessionAt = next.get(n.id) ?? null;
  return entities;
}

const byName: KeysetColumn<Network>[] = [{ sql: 'n.name', value: (n) => n.name }, { sql: 'n.id', value: (n) => n.id }];
/** Keyset orders; missing dates sort last as 'infinity', which PostgreSQL compares like any instant. */
const NETWORK_ORDERS: Record<NetworkOrder, KeysetColumn<Network>[]> = {
  [NetworkOrder.NAME]: byName,
  [NetworkOrder.REGISTRATION_DEADLINE]: [
    { sql: "coalesce(n.registration_deadline, 'infinity'::timestamptz)", value: (n) => n.registrationDeadline?.toISOString() ?? 'infinity' },
    ...byName,
  ],
  [NetworkOrder.NEXT_SESSION]: [
    { sql: `coalesce((${nextSessionSql('n')}), 'infinity'::timestamptz)`, value: (n) => n.nextSessionAt?.toISOString() ?? 'infinity' },
    ...byName,
  ],
};

/** Whether a network takes registrations at `now` (the same rule as the catalogue filter). */
export function isOpenForRegistration(n: Pick<Network, 'status' | 'registrationOpensAt' | 'registrationDeadline'>, now = new Date()): boolean {
  return n.status === NetworkStatus.PUBLISHED && (!n.registrationOpensAt || n.registrationOpensAt <= now) && (!n.registrationDeadline || n.registrationDeadline >= now);
}
