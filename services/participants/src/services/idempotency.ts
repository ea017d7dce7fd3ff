import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { userError, type RequestContext, type ServiceDeps, type UserError } from '@kommunenett/subgraph-kit';
import { queryPrepared, type PreparedStatement } from '@kommunenett/db';
import { settingsOf } from '../config';

/**
 * Idempotency keys of partner mutations: the same key with the same input within the window
 * returns the first result; with another input it is a user error. The key is claimed inside the
 * transaction of the change, so concurrent retries wait for each other and create one result, and
 * a result is kept only when the change committed (a broken rule is re-evaluated on retry).
 */

interface KeyedRequest {
  scope: string;
  key: string;
  operation: string;
  hash: string;
}

/** Thrown inside a transaction when another request committed the same key first. */
class KeyTaken extends Error {}

/** JSON with sorted object keys, so that equal inputs hash equally. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

async function lookup(ds: DataSource | EntityManager, r: KeyedRequest, keptHours: number): Promise<{ hash: string; response: unknown } | null> {
  const rows = (await ds.query(
    `SELECT request_hash AS hash, response FROM participants.idempotency_key
     WHERE scope = $1 AND key = $2 AND created_at > now() - make_interval(hours => $3)`,
    [r.scope, r.key, keptHours],
  )) as { hash: string; response: unknown }[];
  return rows[0] ?? null;
}

/** What the work does with the key inside its transaction. */
export interface IdempotencyGuard {
  /**
   * Claims the key; throws (rolling the transaction back) when a concurrent retry committed it.
   * With `result` (known before the change is made) it is kept in the same statement, and `save` is not needed.
   */
  claim(m: EntityManager, result?: unknown): Promise<void>;
  /** Keeps the result under the key, in the same transaction. */
  save(m: EntityManager, result: unknown): Promise<void>;
}

/**
 * `lookupFirst: false` skips the read of the key before the work (one statement less on the
 * first try): a key already used is then found by the claim, or, when the work fails before
 * claiming (`failed`) or throws, by a read afterwards; either way the stored result is returned.
 */
export interface IdempotencyOptions<P> {
  lookupFirst: boolean;
  failed: (result: P) => boolean;
}

const CLAIM: PreparedStatement = {
  name: 'participants-idempotency-claim',
  text: `INSERT INTO participants.idempotency_key (scope, key, operation, request_hash, response) VALUES ($1, $2, $3, $4, $6::jsonb)
         ON CONFLICT (scope, key) DO UPDATE SET operation = EXCLUDED.operation, request_hash = EXCLUDED.request_hash, response = EXCLUDED.response, created_at = now()
           WHERE participants.idempotency_key.created_at <= now() - make_interval(hours => $5::int)
         RETURNING 1`,
};

const NO_KEY: IdempotencyGuard = { claim: async () => undefined, save: async () => undefined };

export function reusedKeyError(): UserError {
  return userError('idempotencyKey', 'The idempotency key was used with a different input within the last 24 hours.', 'IDEMPOTENCY_KEY_REUSED');
}

/**
 * Runs `work` once per idempotency key. `refused(errors)` builds the payload for a key reused with
 * another input.
 */
export async function runIdempotent<P>(
  ctx: RequestContext,
  operation: string,
  key: string | null | undefined,
  input: unknown,
  refused: (errors: UserError[]) => P,
  work: (guard: IdempotencyGuard) => Promise<P>,
  options: IdempotencyOptions<P> = { lookupFirst: true, failed: () => false },
): Promise<P> {
  if (!key) return work(NO_KEY);
  const v = ctx.viewer;
  const request: KeyedRequest = {
    scope: v.clientId ?? v.subject ?? 'anonymous', key, operation,
    hash: createHash('sha256').update(`${operation}\n${canonical(input)}`).digest('hex'),
  };
  const replay = async (): Promise<P | null> => {
    const stored = await lookup(ctx.ds, request, settingsOf(ctx).idempotencyHours);
    if (!stored) return null;
    return stored.hash === request.hash ? (stored.response as P) : refused([reusedKeyError()]);
  };
  if (options.lookupFirst) {
    const first = await replay();
    if (first) return first;
  }
  const guard: IdempotencyGuard = {
    async claim(m, result) {
      const claimed = await queryPrepared(m, CLAIM, [request.scope, request.key, request.operation, request.hash, settingsOf(ctx).idempotencyHours,
        result === undefined ? null : JSON.stringify(result)]);
      if (claimed.length === 0) throw new KeyTaken();
    },
    async save(m, result) {
      await m.query('UPDATE participants.idempotency_key SET response = $3 WHERE scope = $1 AND key = $2', [request.scope, request.key, JSON.stringify(result)]);
    },
  };
  try {
    const result = await work(guard);
    if (options.lookupFirst || !options.failed(result)) return result;
    return (await replay()) ?? result;
  } catch (error) {
    if (!(error instanceof KeyTaken) && options.lookupFirst) throw error;
    const again = await replay();
    if (again) return again;
    throw error;
  }
}

/** Removes keys past their window (scheduled). */
export async function purgeIdempotencyKeys(deps: ServiceDeps): Promise<void> {
  await deps.ds.query('DELETE FROM participants.idempotency_key WHERE created_at < now() - make_interval(hours => $1)', [settingsOf(deps).idempotencyHours]);
}
