import type { EntityManager } from 'typeorm';

/**
 * Serializes the writers of one network's registrations until the transaction ends: capacity
 * and per-municipality limits are checked and written under it. The lock is the network's
 * snapshot row (created as a placeholder when missing), the row whose seat counters every
 * registration takes its seat from (`placeRegistration`), so both wait for each other. Locks
 * several in one statement, in a fixed order.
 */
export async function lockNetworks(m: EntityManager, networkIds: string[]): Promise<void> {
  if (networkIds.length === 0) return;
  await m.query(
    `INSERT INTO participants.network_snapshot AS s (network_id, host_ids, status)
     SELECT id, '{}'::text[], 'UNKNOWN' FROM unnest($1::uuid[]) AS id ORDER BY id
     ON CONFLICT (network_id) DO UPDATE SET network_id = s.network_id`,
    [[...new Set(networkIds)].sort()],
  );
}
