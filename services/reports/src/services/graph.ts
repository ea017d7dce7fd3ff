import { internalClient, loaderById, perService, type RequestContext } from '@kommunenett/subgraph-kit';

/*
 * Facts this service reads from the graph, never from other services' tables: the directory
 * (participants), network participation (participants), programmes' networks (networks). Each
 * reader is a per-request DataLoader, so one request makes one call per owner however many ids.
 */


export interface DirectoryEntry {
  id: string;
  country: 'NO' | 'SE';
  code: string;
  kind: 'MUNICIPALITY' | 'COUNTY';
  countyCode: string;
  population: number | null;
  /** Population figures by year (participants' `Municipality.populations`). */
  populations: { year: number; population: number }[];
}

/**
 * The population of a unit for a period (a year): that year's figure where counted, else the
 * nearest year's (the later one on a tie), with the year used; null without any figure.
 */
export function populationFor(unit: DirectoryEntry, period: string): { population: number; year: number } | null {
  const year = Number(period.slice(0, 4));
  let best: { population: number; year: number } | null = null;
  for (const f of unit.populations) {
    if (!best || Math.abs(f.year - year) < Math.abs(best.year - year) || (Math.abs(f.year - year) === Math.abs(best.year - year) && f.year > best.year)) {
      best = { population: f.population, year: f.year };
    }
  }
  return best;
}

/**
 * The directory changes with municipal reforms and yearly population figures, not between
 * requests, and a statistics query needs hundreds of its entries: entries (and unknown ids) are
 * kept by the running service for DIRECTORY_CACHE_MS, so a dashboard does not ask participants for the
 * same 357 municipalities every time.
 */
const DIRECTORY_CACHE_MS = 5 * 60_000;
const DIRECTORY_CACHE_MAX = 5_000;
const directoryCaches = perService(() => new Map<string, { entry: DirectoryEntry | null; until: number }>());

async function cachedDirectoryEntries(ctx: RequestContext, ids: readonly string[]): Promise<DirectoryEntry[]> {
  const now = Date.now();
  const directoryCache = directoryCaches(ctx);
  const found: DirectoryEntry[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const cached = directoryCache.get(id);
    if (cached && cached.until > now) {
      if (cached.entry) found.push(cached.entry);
    } else missing.push(id);
  }
  if (missing.length) {
    const fetched = (await internalClient(ctx, 'participants').entities<DirectoryEntry>('Municipality', missing, 'id country code kind countyCode population populations { year population }', ctx.requestId))
      .filter((m): m is DirectoryEntry => m !== null);
    const byId = new Map(fetched.map((m) => [m.id, m]));
    if (directoryCache.size + missing.length > DIRECTORY_CACHE_MAX) directoryCache.clear();
    for (const id of missing) directoryCache.set(id, { entry: byId.get(id) ?? null, until: now + DIRECTORY_CACHE_MS });
    found.push(...fetched);
  }
  return found;
}

/** Municipalities from the participants directory, by id (null for an unknown id). */
export const directoryEntry = (ctx: RequestContext) =>
  loaderById<DirectoryEntry>(ctx, 'graph:municipality', (ids) => cachedDirectoryEntries(ctx, ids));

/** Whether organizations exist in the directory. */
export const organizationExists = (ctx: RequestContext) =>
  loaderById<{ id: string }>(ctx, 'graph:organization', async (ids) =>
    (await internalClient(ctx, 'participants').entities<{ id: string }>('Organization', ids, 'id', ctx.requestId)).filter((o): o is { id: string } => o !== null));

/** Networks as the networks service knows them (null when it does not). */
export const networkExists = (ctx: RequestContext) =>
  loaderById<{ id: string }>(ctx, 'graph:network', async (ids) =>
    (await internalClient(ctx, 'networks').entities<{ id: string }>('Network', ids, 'id', ctx.requestId)).filter((n): n is { id: string } => n !== null));

/** Municipalities with a confirmed registration in a network (participants' `Network.participatingMunicipalityIds`). */
export const networkParticipants = (ctx: RequestContext) =>
  loaderById<{ id: string; participatingMunicipalityIds: string[] }>(ctx, 'graph:networkParticipants', async (ids) =>
    (await internalClient(ctx, 'participants').entities<{ id: string; participatingMunicipalityIds: string[] }>(
      'Network', ids, 'id participatingMunicipalityIds', ctx.requestId)).filter((n): n is { id: string; participatingMunicipalityIds: string[] } => n !== null));

interface ProgramNetworks { id: string; networks: { edges: { node: { id: string } }[] } }

/** Ids of the networks of programmes (networks' `Program.networks`). */
export const programNetworkIds = (ctx: RequestContext) =>
  loaderById<{ id: string; networkIds: string[] }>(ctx, 'graph:programNetworks', async (ids) =>
    (await internalClient(ctx, 'networks').entities<ProgramNetworks>('Program', ids, 'id networks(first: 100) { edges { node { id } } }', ctx.requestId))
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
