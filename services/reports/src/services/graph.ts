import { loaderById, SubgraphClient, type RequestContext, type SubgraphName } from '@kommunenett/subgraph-kit';

/*
 * Facts this service reads from the graph, never from other services' tables: the directory
 * (participants), network participation (participants), programmes' networks (networks). Each
 * reader is a per-request DataLoader, so one request makes one call per owner however many ids.
 */

function client(target: SubgraphName): SubgraphClient {
  // Read at call time: the test stack sets the secret and the URLs after the services start.
  return new SubgraphClient('reports', target, process.env.INTERNAL_AUTH_SECRET ?? '');
}

export interface DirectoryEntry {
  id: string;
  country: 'NO' | 'SE';
  code: string;
  kind: 'MUNICIPALITY' | 'COUNTY';
  countyCode: string;
  population: number | null;
}

/** Municipalities from the participants directory, by id (null for an unknown id). */
export const directoryEntry = (ctx: RequestContext) =>
  loaderById<DirectoryEntry>(ctx, 'graph:municipality', async (ids) =>
    (await client('participants').entities<DirectoryEntry>('Municipality', ids, 'id country code kind countyCode population', ctx.requestId))
      .filter((m): m is DirectoryEntry => m !== null));

/** Whether organizations exist in the directory. */
export const organizationExists = (ctx: RequestContext) =>
  loaderById<{ id: string }>(ctx, 'graph:organization', async (ids) =>
    (await client('participants').entities<{ id: string }>('Organization', ids, 'id', ctx.requestId)).filter((o): o is { id: string } => o !== null));

/** Networks as the networks service knows them (null when it does not). */
export const networkExists = (ctx: RequestContext) =>
  loaderById<{ id: string }>(ctx, 'graph:network', async (ids) =>
    (await client('networks').entities<{ id: string }>('Network', ids, 'id', ctx.requestId)).filter((n): n is { id: string } => n !== null));

/** Municipalities with a confirmed registration in a network (participants' `Network.participatingMunicipalityIds`). */
export const networkParticipants = (ctx: RequestContext) =>
  loaderById<{ id: string; participatingMunicipalityIds: string[] }>(ctx, 'graph:networkParticipants', async (ids) =>
    (await client('participants').entities<{ id: string; participatingMunicipalityIds: string[] }>(
      'Network', ids, 'id participatingMunicipalityIds', ctx.requestId)).filter((n): n is { id: string; participatingMunicipalityIds: string[] } => n !== null));

interface ProgramNetworks { id: string; networks: { edges: { node: { id: string } }[] } }

/** Ids of the networks of programmes (networks' `Program.networks`). */
export const programNetworkIds = (ctx: RequestContext) =>
  loaderById<{ id: string; networkIds: string[] }>(ctx, 'graph:programNetworks', async (ids) =>
    (await client('networks').entities<ProgramNetworks>('Program', ids, 'id networks(first: 100) { edges { node { id } } }', ctx.requestId))
      .filter((p): p is ProgramNetworks => p !== null)
      .map((p) => ({ id: p.id, networkIds: p.networks.edges.map((e) => e.node.id) })));

/** Loads many and drops the unknown ones. */
export async function loadKnown<T>(loader: { loadMany(ids: readonly string[]): Promise<(T | null | Error)[]> }, ids: readonly string[]): Promise<T[]> {
  const rows = await loader.loadMany(ids);
  const known: T[] = [];
  for (const row of rows) {
    if (row instanceof Error) throw row;
    if (row !== null) known.push(row);
  }
  return known;
}
