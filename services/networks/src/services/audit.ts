import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  auditMicrosSql, clientOf, compareAuditPositions, decodeAuditCursor, encodeAuditCursor, forbidden, internalClient, olderThanSql, pageSize,
  toConnection, unauthenticated, type ChangeEvents, type Connection, type RequestContext,
} from '@kommunenett/subgraph-kit';
import { NetworkAuditEntry, NetworkAuditKind, NETWORKS_OWN_AUDIT_KINDS } from '../entities/audit-entry';
import type { Network } from '../entities/network.entity';
import type { Session } from '../entities/session.entity';
import { canRunNetwork } from './access';

/*
 * The organiser's trail (docs/audit.md). This service writes the entries of its own changes
 * (networks and their gatherings) through the mutation runner's events, so they commit with the
 * change or not at all; `Network.auditTrail` merges them with the participants service's entries
 * (registrations, attendance), read through its internal query.
 */

/** Values of a row as they go into the trail: dates as ISO text, everything else as JSON has it. */
type Values = Record<string, unknown>;

const json = (v: unknown) => (v instanceof Date ? v.toISOString() : v ?? null);

/** The fields of `fields` whose values differ, as (before, after); both null when nothing changed. */
export function diff(before: Values, after: Values): { before: Values; after: Values } | null {
  const b: Values = {};
  const a: Values = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(json(before[key])) === JSON.stringify(json(after[key]))) continue;
    b[key] = json(before[key]);
    a[key] = json(after[key]);
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}

/** A network's rules, dates and capacity as the trail records them. */
export function networkValues(n: Network): Values {
  return {
    name: n.name, description: n.description, theme: n.theme, language: n.language, programId: n.programId, hostIds: [...n.hostIds],
    contactPersonIds: [...n.contactPersonIds], targetRoles: [...n.targetRoles], eligibleKinds: [...n.eligibleKinds],
    capacity: n.capacity, capacityMin: n.capacityMin, perMunicipalityLimit: n.perMunicipalityLimit, perMunicipalityMin: n.perMunicipalityMin,
    registrationOpensAt: n.registrationOpensAt, registrationDeadline: n.registrationDeadline, requiresApproval: n.requiresApproval,
    requiresLeadershipAnchoring: n.requiresLeadershipAnchoring, costNote: n.costNote,
  };
}

/** A gathering's dates, place and subject as the trail records them. */
export function sessionValues(s: Session): Values {
  return {
    title: s.title, kind: s.kind, theme: s.theme, startsAt: s.startsAt, endsAt: s.endsAt, plannedMonth: s.plannedMonth, plannedTo: s.plannedTo,
    venue: s.locationVenue, place: s.locationPlace, municipalityId: s.locationMunicipalityId,
  };
}

interface PendingEntry {
  networkId: string;
  kind: NetworkAuditKind;
  action: string;
  subjectId: string;
  before: Values | null;
  after: Values | null;
}

/** The trail entries of one mutation, written at its end in its transaction (the runner's `events`). */
export class AuditLog implements ChangeEvents {
  private readonly entries: PendingEntry[] = [];

  constructor(private readonly ctx: RequestContext) {}

  /** Records a change; an update that changed none of the recorded values records nothing. */
  change(networkId: string, kind: NetworkAuditKind, action: string, subjectId: string, before: Values | null, after: Values | null): void {
    if (before && after) {
      const changed = diff(before, after);
      if (!changed) return;
      ({ before, after } = changed);
    }
    this.entries.push({ networkId, kind, action, subjectId, before, after });
  }

  async flush(m: EntityManager): Promise<void> {
    if (this.entries.length === 0) return;
    const v = this.ctx.viewer;
    await m.query(
      `INSERT INTO networks.audit_entry (id, network_id, kind, action, subject_id, actor, actor_role, client, before, after)
       SELECT e.id, e.network_id, e.kind, e.action, e.subject_id, $7, $8, $9, e.before, e.after
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::jsonb[], $10::jsonb[]) AS e(id, network_id, kind, action, subject_id, before, after)`,
      [this.entries.map(() => randomUUID()), this.entries.map((e) => e.networkId), this.entries.map((e) => e.kind), this.entries.map((e) => e.action),
        this.entries.map((e) => e.subjectId), this.entries.map((e) => (e.before ? JSON.stringify(e.before) : null)),
        v.subject, v.kind === 'service' ? null : v.role, clientOf(v), this.entries.map((e) => (e.after ? JSON.stringify(e.after) : null))],
    );
    this.entries.length = 0;
  }
}

/** An entry as either service reads it (participants answers the same shape as JSON). */
interface AuditRow {
  id: string;
  micros: string;
  occurredAt: string | Date;
  kind: NetworkAuditKind;
  action: string;
  subjectId: string;
  personId: string | null;
  actor: string | null;
  actorRole: string | null;
  client: string | null;
  before: Values | null;
  after: Values | null;
}

const toEntry = (row: AuditRow): NetworkAuditEntry => Object.assign(new NetworkAuditEntry(), { ...row, occurredAt: new Date(row.occurredAt) });

/** This service's entries of a network older than `before`, newest first, at most `limit`. */
async function ownEntries(ctx: RequestContext, networkId: string, before: { micros: string; id: string } | null, limit: number, kinds: NetworkAuditKind[]): Promise<AuditRow[]> {
  const params: unknown[] = [networkId, kinds, limit];
  const older = before ? `AND ${olderThanSql('occurred_at', 'id::text', 4)}` : '';
  if (before) params.push(before.micros, before.id);
  return (await ctx.ds.query(
    `SELECT id::text AS id, ${auditMicrosSql('occurred_at')}::text AS micros, occurred_at AS "occurredAt", kind, action, subject_id::text AS "subjectId",
            NULL AS "personId", actor, actor_role AS "actorRole", client, before, after
     FROM networks.audit_entry WHERE network_id = $1 AND kind = ANY($2::text[]) ${older}
     ORDER BY occurred_at DESC, id::text COLLATE "C" DESC LIMIT $3`, params)) as AuditRow[];
}

const countOwn = async (ctx: RequestContext, networkId: string, kinds: NetworkAuditKind[]) =>
  ((await ctx.ds.query('SELECT count(*)::int AS n FROM networks.audit_entry WHERE network_id = $1 AND kind = ANY($2::text[])', [networkId, kinds])) as { n: number }[])[0].n;

/** The participants service's entries (registrations, attendance), through its internal query. */
async function participantsEntries(ctx: RequestContext, networkId: string, before: { micros: string; id: string } | null, limit: number, kinds: NetworkAuditKind[]) {
  const data = await internalClient(ctx, 'participants').query<{ networkAuditEntries: { entries: AuditRow[]; total: number } }>(
    'query($networkId: ID!, $before: String, $first: Int!, $kinds: [String!]!) { networkAuditEntries(networkId: $networkId, before: $before, first: $first, kinds: $kinds) }',
    { networkId, before: before ? encodeAuditCursor(before) : null, first: limit, kinds }, ctx.requestId);
  return data.networkAuditEntries;
}

/**
 * A network's trail, newest first: ADMIN, ORG_ADMIN of a host and the network's FACILITATOR (as
 * `canRunNetwork`); anyone else is refused. Each page reads `first + 1` entries from each service
 * past the cursor and merges them, so a page costs one query here and one internal call.
 */
export async function auditTrail(ctx: RequestContext, network: Network, args: { first?: number | null; after?: string | null; kinds?: NetworkAuditKind[] | null }): Promise<Connection<NetworkAuditEntry>> {
  if (ctx.viewer.kind === 'anonymous') throw unauthenticated();
  if (!canRunNetwork(ctx.viewer, network)) throw forbidden('The audit trail is for the network’s organisers, its facilitators and ADMIN.');
  const first = pageSize(args.first);
  const before = decodeAuditCursor(args.after);
  const kinds = args.kinds?.length ? [...new Set(args.kinds)] : Object.values(NetworkAuditKind);
  const own = kinds.filter((k) => NETWORKS_OWN_AUDIT_KINDS.includes(k));
  const theirs = kinds.filter((k) => !NETWORKS_OWN_AUDIT_KINDS.includes(k));
  const [mine, other] = await Promise.all([
    own.length && first ? ownEntries(ctx, network.id, before, first + 1, own) : Promise.resolve([]),
    theirs.length ? participantsEntries(ctx, network.id, before, first + 1, theirs) : Promise.resolve({ entries: [], total: 0 }),
  ]);
  const rows = [...mine, ...other.entries].sort(compareAuditPositions);
  return toConnection(rows.map(toEntry), first, async () => (own.length ? await countOwn(ctx, network.id, own) : 0) + other.total,
    (e) => [e.micros, e.id], Boolean(before)); // the kit's cursor encoding is encodeAuditCursor's
}
