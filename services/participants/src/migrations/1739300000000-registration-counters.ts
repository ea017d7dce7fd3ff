import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registration write path without a global hot row:
 * - each network's snapshot row counts its seats taken and its waitlist, kept by triggers on
 *   every write of registrations (any code path, seeds included), so a registration decides its
 *   seat from one locked row instead of reading every live registration; the row is also the
 *   network's lock (services/locks.ts);
 * - change numbers come from a sequence instead of the one `change_counter` row that every
 *   writing transaction held until commit (the feed's guarantee is kept by services/change-feed.ts).
 */
export class RegistrationCounters1739300000000 implements MigrationInterface {
  name = 'RegistrationCounters1739300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE participants.network_snapshot
      ADD COLUMN seats_taken int NOT NULL DEFAULT 0, ADD COLUMN waitlisted int NOT NULL DEFAULT 0`);
    // A network with registrations but no snapshot yet gets a placeholder, refreshed by the next write or the sync job.
    await q.query(`INSERT INTO participants.network_snapshot (network_id, host_ids, status)
      SELECT DISTINCT network_id, '{}'::text[], 'UNKNOWN' FROM participants.registration ON CONFLICT DO NOTHING`);
    await q.query(`UPDATE participants.network_snapshot s SET seats_taken = c.seats, waitlisted = c.waiting
      FROM (SELECT network_id, count(*) FILTER (WHERE status IN ('PENDING', 'CONFIRMED', 'OFFERED'))::int AS seats,
                   count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waiting
            FROM participants.registration GROUP BY network_id) c
      WHERE s.network_id = c.network_id`);
    // One trigger function for the three statement-level triggers: the rows a statement wrote,
    // counted per network (new rows add, old rows subtract), applied in network order (no deadlock
    // between two statements touching the same networks). A PL/pgSQL branch that is not taken is
    // never planned, so each names only the transition tables its event has.
    const SEAT = "status IN ('PENDING', 'CONFIRMED', 'OFFERED')";
    const added = `SELECT network_id, (${SEAT})::int AS seat, (status = 'WAITLISTED')::int AS waiting FROM new_rows`;
    const removed = `SELECT network_id, -(${SEAT})::int AS seat, -(status = 'WAITLISTED')::int AS waiting FROM old_rows`;
    const apply = (delta: string) => `
        INSERT INTO participants.network_snapshot AS s (network_id, host_ids, status, seats_taken, waitlisted)
        SELECT network_id, '{}'::text[], 'UNKNOWN', sum(seat)::int, sum(waiting)::int FROM (${delta}) d
        GROUP BY network_id HAVING sum(seat) <> 0 OR sum(waiting) <> 0
        ORDER BY network_id
        ON CONFLICT (network_id) DO UPDATE SET seats_taken = s.seats_taken + EXCLUDED.seats_taken, waitlisted = s.waitlisted + EXCLUDED.waitlisted;`;
    await q.query(`
      CREATE FUNCTION participants.count_registrations() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN ${apply(added)}
        ELSIF TG_OP = 'UPDATE' THEN ${apply(`${added} UNION ALL ${removed}`)}
        ELSE ${apply(removed)}
        END IF;
        RETURN NULL;
      END $$`);
    for (const [event, tables] of [['INSERT', 'NEW TABLE AS new_rows'], ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'], ['DELETE', 'OLD TABLE AS old_rows']]) {
      await q.query(`CREATE TRIGGER registration_counts_${event.toLowerCase()} AFTER ${event} ON participants.registration
        REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION participants.count_registrations()`);
    }

    // A municipality's live registrations in a network, counted where the network has a limit.
    await q.query(`CREATE INDEX registration_municipality_live_idx ON participants.registration (network_id, municipality_id)
      WHERE status IN ('PENDING', 'CONFIRMED', 'WAITLISTED', 'OFFERED')`);

    await q.query('CREATE SEQUENCE participants.registration_change_seq AS bigint');
    await q.query(`SELECT setval('participants.registration_change_seq', v, v > 0)
      FROM (SELECT GREATEST(1, (SELECT value FROM participants.change_counter WHERE id = 1), (SELECT max(seq) FROM participants.registration_change)) AS v) x`);
    await q.query('DROP TABLE participants.change_counter');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE participants.change_counter (id int PRIMARY KEY, value bigint NOT NULL)');
    await q.query(`INSERT INTO participants.change_counter (id, value) SELECT 1, COALESCE(max(seq), 0) FROM participants.registration_change`);
    await q.query('DROP SEQUENCE participants.registration_change_seq');
    await q.query('DROP INDEX participants.registration_municipality_live_idx');
    for (const event of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER registration_counts_${event} ON participants.registration`);
    await q.query('DROP FUNCTION participants.count_registrations()');
    await q.query('ALTER TABLE participants.network_snapshot DROP COLUMN seats_taken, DROP COLUMN waitlisted');
  }
}
