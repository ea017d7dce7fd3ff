import { internalClient, perService, ProcessCache, SubgraphClient, type RequestContext, type ServiceDeps } from '@kommunenett/subgraph-kit';

/** Who calls the networks subgraph: a request context (its request id travels along) or a job's deps. */
type Caller = Pick<ServiceDeps, 'service' | 'config'> & { requestId?: string };
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { settingsOf } from '../config';

/** The rules of a network as the networks service states them. */
export interface NetworkRules {
  id: string;
  status: 'DRAFT' | 'PUBLISHED' | 'REGISTRATION_CLOSED' | 'RUNNING' | 'COMPLETED' | 'CANCELLED';
  country: 'NO' | 'SE';
  capacity: number | null;
  perMunicipalityLimit: number | null;
  perMunicipalityMin: number | null;
  registrationOpensAt: string | null;
  registrationDeadline: string | null;
  eligibleKinds: ('MUNICIPALITY' | 'COUNTY')[];
  requiresApproval: boolean;
  requiresLeadershipAnchoring: boolean;
  hosts: { id: string }[];
  program: { id: string } | null;
  /** The organisers who receive messages of new registrations (NEW_REGISTRATION, the digest). */
  contactPersons?: ({ id: string } | null)[];
  language?: string;
  timeZone?: string;
}

const RULES_SELECTION = `id status country capacity perMunicipalityLimit perMunicipalityMin registrationOpensAt registrationDeadline
  eligibleKinds requiresApproval requiresLeadershipAnchoring hosts { id } program { id } contactPersons { id } language timeZone`;

/** The networks subgraph, called with the internal credentials of the caller's configuration. */
export function networksClient(caller: Caller): SubgraphClient {
  return internalClient(caller, 'networks');
}

/** Reads network rules from the networks subgraph's `_entities`. */
export async function fetchNetworkRules(caller: Caller, ids: readonly string[]): Promise<(NetworkRules | null)[]> {
  return networksClient(caller).entities<NetworkRules>('Network', ids, RULES_SELECTION, caller.requestId);
}

/** Per request: all networks whose rules a request needs, in one call to the networks subgraph. */
export const networkRules = (ctx: RequestContext) =>
  ctx.loaders.get('networkRules', () => new DataLoader<string, NetworkRules | null>((ids) => fetchNetworkRules(ctx, ids)));

const rulesCache = perService(() => new ProcessCache<NetworkRules | null>());

/**
 * A network's rules for a registration, from the service's cache (kept for
 * `PARTICIPANTS_NETWORK_RULES_CACHE_MS`, 5 s by default) instead of a call to the networks
 * service per registration; `fresh` reads them again (a registration about to be refused asks
 * again, so a network that has just opened is never refused on stale rules). The snapshot row
 * (hosts for row access and webhooks) is refreshed when the rules are read, not per registration.
 */
export async function cachedNetworkRules(ctx: RequestContext, networkId: string, fresh = false): Promise<NetworkRules | null> {
  if (fresh) rulesCache(ctx).delete(networkId);
  return rulesCache(ctx).get(networkId, settingsOf(ctx).networkRulesCacheMs, async () => {
    const rules = await networkRules(ctx).load(networkId);
    if (rules) await saveNetworkSnapshot(ctx.ds.manager, rules);
    return rules;
  }, (rules) => rules !== null);
}

export const hostIdsOf = (rules: NetworkRules) => rules.hosts.map((h) => h.id);

/** Keeps this service's copy of the facts it needs for row access and statistics up to date. */
export async function saveNetworkSnapshot(m: EntityManager, rules: NetworkRules): Promise<void> {
  await saveNetworkSnapshots(m, [rules]);
}

/** The same for many networks in one statement; rows whose facts did not change are left as they are. */
export async function saveNetworkSnapshots(m: EntityManager, rules: readonly NetworkRules[]): Promise<void> {
  if (rules.length === 0) return;
  await m.query(
    `INSERT INTO participants.network_snapshot (network_id, program_id, host_ids, country, status, capacity, contact_person_ids, language, time_zone, refreshed_at)
     SELECT n.network_id, n.program_id, ARRAY(SELECT jsonb_array_elements_text(n.host_ids)), n.country, n.status, n.capacity,
            ARRAY(SELECT jsonb_array_elements_text(n.contact_person_ids))::uuid[], n.language, n.time_zone, now()
       FROM jsonb_to_recordset($1::jsonb) AS n(network_id uuid, program_id uuid, host_ids jsonb, country text, status text, capacity int,
            contact_person_ids jsonb, language text, time_zone text)
     ON CONFLICT (network_id) DO UPDATE SET program_id = EXCLUDED.program_id, host_ids = EXCLUDED.host_ids, country = EXCLUDED.country,
       status = EXCLUDED.status, capacity = EXCLUDED.capacity, contact_person_ids = EXCLUDED.contact_person_ids, language = EXCLUDED.language,
       time_zone = EXCLUDED.time_zone, refreshed_at = now()
     WHERE (network_snapshot.program_id, network_snapshot.host_ids, network_snapshot.country, network_snapshot.status, network_snapshot.capacity,
            network_snapshot.contact_person_ids, network_snapshot.language, network_snapshot.time_zone)
       IS DISTINCT FROM (EXCLUDED.program_id, EXCLUDED.host_ids, EXCLUDED.country, EXCLUDED.status, EXCLUDED.capacity,
            EXCLUDED.contact_person_ids, EXCLUDED.language, EXCLUDED.time_zone)`,
    [JSON.stringify(rules.map((r) => ({
      network_id: r.id, program_id: r.program?.id ?? null, host_ids: hostIdsOf(r), country: r.country, status: r.status, capacity: r.capacity,
      contact_person_ids: (r.contactPersons ?? []).filter((p): p is { id: string } => p !== null).map((p) => p.id), language: r.language ?? null, time_zone: r.timeZone ?? null,
    })))],
  );
}

/**
 * The network of each session and the start of the interval its date covers (an exact start, or
 * the first instant of its planned month; null while undecided), from the networks subgraph;
 * null for an unknown session.
 */
export async function fetchSessionDates(caller: Caller, ids: readonly string[]): Promise<({ networkId: string; intervalStart: string | null } | null)[]> {
  const sessions = await networksClient(caller).entities<{ id: string; intervalStart: string | null; network: { id: string } | null }>(
    'Session', ids, 'id intervalStart network { id }', caller.requestId);
  return sessions.map((s) => (s?.network ? { networkId: s.network.id, intervalStart: s.intervalStart } : null));
}
