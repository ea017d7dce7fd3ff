import type { DataSource, EntityManager } from 'typeorm';
import type { UserError } from '@kommunenett/subgraph-kit';

/** Carries a payload with user errors out of a transaction that must change nothing. */
class RollbackWith<P> extends Error {
  constructor(readonly payload: P) {
    super('rolled back');
  }
}

/**
 * Runs `work` in a transaction; when it returns user errors the transaction is rolled back, so a
 * broken rule never leaves a partial change behind. Never call another service inside `work`:
 * on the embedded database a transaction holds the one session every service shares.
 */
export async function transact<P extends { userErrors: UserError[] }>(ds: DataSource, work: (m: EntityManager) => Promise<P>): Promise<P> {
  try {
    return await ds.transaction(async (m) => {
      const payload = await work(m);
      if (payload.userErrors.length > 0) throw new RollbackWith(payload);
      return payload;
    });
  } catch (error) {
    if (error instanceof RollbackWith) return error.payload as P;
    throw error;
  }
}

/**
 * Serializes the writers of one network's registrations until the transaction ends: capacity
 * and per-municipality limits are checked and written under it. Locks several in a fixed order.
 */
export async function lockNetworks(m: EntityManager, networkIds: string[]): Promise<void> {
  for (const id of [...new Set(networkIds)].sort()) {
    await m.query('SELECT pg_advisory_xact_lock(4002, hashtext($1))', [id]);
  }
}
