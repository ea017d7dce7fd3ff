import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { InMemoryLRUCache, PrefixingKeyValueCache, type KeyValueCache, type KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { Logger } from 'pino';

/** Apollo's persisted query manifest, as `packages/dashboard/codegen.cjs` writes it. */
interface PersistedQueryManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: { id: string; name: string; type: string; body: string }[];
}

/**
 * The queries of a manifest by their SHA-256. An entry whose id is not the hash of its body is
 * refused, so the gateway never runs a text under a hash that names another.
 */
export function readPersistedQueryManifest(path: string): Map<string, string> {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as PersistedQueryManifest;
  if (manifest.format !== 'apollo-persisted-query-manifest' || manifest.version !== 1) throw new Error(`${path} is not a persisted query manifest of version 1.`);
  return new Map(manifest.operations.map(({ id, name, body }) => {
    if (createHash('sha256').update(body).digest('hex') !== id) throw new Error(`${path}: the id of ${name} is not the SHA-256 of its body.`);
    return [id, body];
  }));
}

/**
 * The cache of automatic persisted queries: the manifest's queries are always there (never
 * evicted, no first miss after a restart), and any client may still register its own queries
 * the automatic way, kept in a bounded in-memory cache as before. Apollo Server looks hashes up
 * here directly (no key prefix: the cache serves persisted queries only).
 */
export function persistedQueryCache(manifest: Map<string, string>): KeyValueCache<string> {
  const registered = new InMemoryLRUCache<string>();
  const cache: KeyValueCache<string> = {
    get: async (hash: string) => manifest.get(hash) ?? registered.get(hash),
    set: async (hash: string, query: string, options?: KeyValueCacheSetOptions) => {
      if (!manifest.has(hash)) await registered.set(hash, query, options);
    },
    delete: async (hash: string) => registered.delete(hash),
  };
  return PrefixingKeyValueCache.cacheDangerouslyDoesNotNeedPrefixesForIsolation(cache);
}

/** The manifest of the dashboard build the gateway serves, if there is one. */
export function dashboardPersistedQueries(path: string, log: Logger): Map<string, string> {
  if (!existsSync(path)) return new Map();
  const manifest = readPersistedQueryManifest(path);
  log.info({ path, operations: manifest.size }, 'persisted queries loaded');
  return manifest;
}
