import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestStack, type TestStack } from '@kommunenett/stack/testing';
import { readPersistedQueryManifest } from '../src/persisted-queries';

/**
 * Persisted queries: the operations of the manifest in the served dashboard build are answered
 * by their hash from the first request on; other clients still register their own queries the
 * automatic way, and ad-hoc queries work as before.
 */
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const PINNED = 'query PinnedNetworks {\n  networks(first: 2) {\n    totalCount\n    __typename\n  }\n}';
const dir = mkdtempSync(join(tmpdir(), 'kommunenett-dashboard-'));
const manifestOf = (operations: { id: string; name: string; type: string; body: string }[]) => JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations });
let stack: TestStack;

beforeAll(async () => {
  writeFileSync(join(dir, 'persisted-queries.json'), manifestOf([{ id: sha256(PINNED), name: 'PinnedNetworks', type: 'query', body: PINNED }]));
  stack = await startTestStack({ gateway: { dashboardDir: dir } });
}, 240_000);
afterAll(async () => {
  await stack?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A POST as urql's persisted exchange sends it: the hash, and the query only when given. */
async function post(hash: string, query?: string) {
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables: {}, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
  });
  return { status: response.status, body: await response.json() as { data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] } };
}

it('answers a query of the manifest by its hash alone, from the first request on', async () => {
  const answer = await post(sha256(PINNED));
  expect(answer.status).toBe(200);
  expect(answer.body.errors).toBeUndefined();
  const adHoc = await stack.graphql<{ networks: { totalCount: number } }>('{ networks(first: 2) { totalCount } }');
  expect(answer.body.data).toEqual({ networks: { totalCount: adHoc.body.data!.networks.totalCount, __typename: 'NetworkConnection' } });
});

it('answers an unknown hash PersistedQueryNotFound, and lets a client register its query the automatic way', async () => {
  const query = '{ programs(first: 1) { totalCount } }';
  const miss = await post(sha256(query));
  expect(miss.body.errors?.[0]).toMatchObject({ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } });
  const registered = await post(sha256(query), query);
  expect(registered.body.errors).toBeUndefined();
  const hit = await post(sha256(query));
  expect(hit.body).toEqual(registered.body);
  expect(hit.body.data).toHaveProperty('programs.totalCount');
});

it('refuses a query sent under a hash that is not its own', async () => {
  const answer = await post(sha256(PINNED), '{ programs(first: 1) { totalCount } }');
  expect(answer.status).toBe(400);
  expect(answer.body.data).toBeUndefined();
});

it('refuses a manifest whose id is not the hash of its query', () => {
  const path = join(dir, 'tampered.json');
  writeFileSync(path, manifestOf([{ id: sha256(PINNED), name: 'Other', type: 'query', body: '{ programs(first: 1) { totalCount } }' }]));
  expect(() => readPersistedQueryManifest(path)).toThrow(/not the SHA-256/);
});
