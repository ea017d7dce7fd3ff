import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Participation statistics decide their base lattice (country × county × network × programme)
 * over all confirmed registrations, which takes seconds at volume: services/statistics.ts keeps
 * the decided lattice and reuses it until the data changes. `network_snapshot.confirmed_changes`
 * tells it cheaply that they did: the registration counters' trigger (same statement, no other row
 * locked) adds every registration row written that is or was CONFIRMED to its network's count.
 */
export class StatisticsVersion1739500000000 implements MigrationInterface {
  name = 'StatisticsVersion1739500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE participants.network_snapshot ADD COLUMN confirmed_changes bigint NOT NULL DEFAULT 0');
    await q.query(countFunction(true));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(countFunction(false));
    await q.query('ALTER TABLE participants.network_snapshot DROP COLUMN confirmed_changes');
  }
}

/** The trigger function of migration 1739300000000, with (or, going down, without) the confirmed changes counted. */
function countFunction(confirmedChanges: boolean): string {
  const SEAT = "status IN ('PENDING', 'CONFIRMED', 'OFFERED')";
  const changed = confirmedChanges ? ", (status = 'CONFIRMED')::int AS confirmed" : '';
  const added = `SELECT network_id, (${SEAT})::int AS seat, (status = 'WAITLISTED')::int AS waiting${changed} FROM new_rows`;
  const removed = `SELECT network_id, -(${SEAT})::int AS seat, -(status = 'WAITLISTED')::int AS waiting${changed} FROM old_rows`;
  const apply = (delta: string) => confirmedChanges ? `
      INSERT INTO participants.network_snapshot AS s (network_id, host_ids, status, seats_taken, waitlisted, confirmed_changes)
      SELECT network_id, '{}'::text[], 'UNKNOWN', sum(seat)::int, sum(waiting)::int, sum(confirmed) FROM (${delta}) d
      GROUP BY network_id HAVING sum(seat) <> 0 OR sum(waiting) <> 0 OR sum(confirmed) <> 0
      ORDER BY network_id
      ON CONFLICT (network_id) DO UPDATE SET seats_taken = s.seats_taken + EXCLUDED.seats_taken, waitlisted = s.waitlisted + EXCLUDED.waitlisted,
        confirmed_changes = s.confirmed_changes + EXCLUDED.confirmed_changes;` : `
      INSERT INTO participants.network_snapshot AS s (network_id, host_ids, status, seats_taken, waitlisted)
      SELECT network_id, '{}'::text[], 'UNKNOWN', sum(seat)::int, sum(waiting)::int FROM (${delta}) d
      GROUP BY network_id HAVING sum(seat) <> 0 OR sum(waiting) <> 0
      ORDER BY network_id
      ON CONFLICT (network_id) DO UPDATE SET seats_taken = s.seats_taken + EXCLUDED.seats_taken, waitlisted = s.waitlisted + EXCLUDED.waitlisted;`;
  return `
    CREATE OR REPLACE FUNCTION participants.count_registrations() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN ${apply(added)}
      ELSIF TG_OP = 'UPDATE' THEN ${apply(`${added} UNION ALL ${removed}`)}
      ELSE ${apply(removed)}
      END IF;
      RETURN NULL;
    END $$`;
}
