import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { Viewer } from '@kommunenett/auth';
import type { SubgraphConfig } from './config';

/** Per-request registry of DataLoaders: one loader per name, created on first use. */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = create() as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** What a service's code gets besides a request: its database, log and configuration (jobs, routes, the running subgraph). */
export interface ServiceDeps {
  service: string;
  ds: DataSource;
  log: Logger;
  /** Parsed once at start (`subgraphConfigFromEnv`); read this, never `process.env`. */
  config: SubgraphConfig;
}

/** What every resolver of every subgraph receives. */
export interface RequestContext extends ServiceDeps {
  viewer: Viewer;
  requestId: string;
  loaders: LoaderRegistry;
}

/**
 * A DataLoader over a batch function keyed by id, per request. `batch` returns rows in any order;
 * they are matched to the keys by `keyOf`, missing keys resolve to null.
 */
export function loaderById<V>(
  ctx: RequestContext,
  name: string,
  batch: (ids: readonly string[]) => Promise<V[]>,
  keyOf: (row: V) => string = (row) => (row as { id: string }).id,
): DataLoader<string, V | null> {
  return ctx.loaders.get(name, () => new DataLoader<string, V | null>(async (ids) => {
    const rows = await batch(ids);
    const byId = new Map(rows.map((r) => [keyOf(r), r]));
    return ids.map((id) => byId.get(id) ?? null);
  }, { maxBatchSize: 1000 }));
}

/** A DataLoader that groups rows by a foreign key (one-to-many), per request. */
export function loaderByGroup<V>(
  ctx: RequestContext,
  name: string,
  batch: (keys: readonly string[]) => Promise<V[]>,
  groupOf: (row: V) => string,
): DataLoader<string, V[]> {
  return ctx.loaders.get(name, () => new DataLoader<string, V[]>(async (keys) => {
    const rows = await batch(keys);
    const groups = new Map<string, V[]>(keys.map((k) => [k, []]));
    for (const row of rows) groups.get(groupOf(row))?.push(row);
    return keys.map((k) => groups.get(k) ?? []);
  }, { maxBatchSize: 1000 }));
}
