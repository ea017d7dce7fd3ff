import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Gatherings as this service last saw them (docs/notifications.md): the network-sync job compares
 * the networks service's sessions with these rows and tells the confirmed participants of a
 * gathering that got a date or moved, and reminds them of it and of the work due before it. `sessions_known` is false until a network's sessions were
 * read once, so the first reading tells no one.
 */
export class GatheringNotices1738600000000 implements MigrationInterface {
  name = 'GatheringNotices1738600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE participants.session_snapshot (
        session_id uuid PRIMARY KEY,
        network_id uuid NOT NULL,
        title text NOT NULL,
        starts_at timestamptz,
        ends_at timestamptz,
        planned_from text,
        planned_to text,
        place text,
        assignments_due text[] NOT NULL DEFAULT '{}',
        ics_sequence int NOT NULL DEFAULT 0
      )`);
    await q.query('CREATE INDEX session_snapshot_network_idx ON participants.session_snapshot (network_id)');
    await q.query('CREATE INDEX session_snapshot_starts_idx ON participants.session_snapshot (starts_at) WHERE starts_at IS NOT NULL');
    await q.query('ALTER TABLE participants.network_snapshot ADD COLUMN sessions_known boolean NOT NULL DEFAULT false');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE participants.network_snapshot DROP COLUMN sessions_known');
    await q.query('DROP TABLE participants.session_snapshot');
  }
}
