import { SubgraphClient, type RequestContext } from '@kommunenett/subgraph-kit';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';

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
}

const RULES_SELECTION = `id status country capacity perMunicipalityLimit perMunicipalityMin registrationOpensAt registrationDeadline
  eligibleKinds requiresApproval requiresLeadershipAnchoring hosts { id } program { id }`;

/** Reads network rules from the networks subgraph's `_entities` with the internal credentials. */
export async function fetchNetworkRules(ids: readonly string[], requestId?: string): Promise<(NetworkRules | null)[]> {
  const secret = process.env.INTERNAL_AUTH_SECRET ?? '';
  const client = new SubgraphClient('participants', 'networks', secret);
  return client.entities<NetworkRules>('Network', ids, RULES_SELECTION, requestId);
}

/** Per request: all networks whose rules a request needs, in one call to the networks subgraph. */
export const networkRules = (ctx: RequestContext) =>
  ctx.loaders.get('networkRules', () => new DataLoader<string, NetworkRules | null>((ids) => fetchNetworkRules(ids, ctx.requestId)));

export const hostIdsOf = (rules: NetworkRules) => rules.hosts.map((h) => h.id);

/** Keeps this service's copy of the facts it needs for row access and statistics up to date. */
export async function saveNetworkSnapshot(m: EntityManager, rules: NetworkRules): Promise<void> {
  await m.query(
    `INSERT INTO participants.network_snapshot (network_id, program_id, host_ids, country, status, capacity, refreshed_at)
     VALUES ($1, $2, $3, $4, $5, $6, now())
     ON CONFLICT (network_id) DO UPDATE SET program_id = EXCLUDED.program_id, host_ids = EXCLUDED.host_ids, country = EXCLUDED.country,
       status = EXCLUDED.status, capacity = EXCLUDED.capacity, refreshed_at = now()`,
    [rules.id, rules.program?.id ?? null, hostIdsOf(rules), rules.country, rules.status, rules.capacity],
  );
}
