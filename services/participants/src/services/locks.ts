import type { EntityManager } from 'typeorm';

/**
 * Serializes the writers of one network's registrations until the transaction ends: capacity
 * and per-municipality limits are checked and written under it. Locks several in a fixed order.
 */
export async function lockNetworks(m: EntityManager, networkIds: string[]): Promise<void> {
  for (const id of [...new Set(networkIds)].sort()) {
    await m.query('SELECT pg_advisory_xact_lock(4002, hashtext($1))', [id]);
  }
}
