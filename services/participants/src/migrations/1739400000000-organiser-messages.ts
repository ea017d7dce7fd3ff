import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Messages beside the person's own (docs/notifications.md): copies to the municipality's
 * coordinator (who that is, set through the graph), a message or a daily digest of new
 * registrations to the network's contact persons (read with the network's other facts into its
 * snapshot, with its language and time zone): their messages wait AWAITING_DIGEST, and there is at
 * most one digest per organiser and day.
 */
export class OrganiserMessages1739400000000 implements MigrationInterface {
  name = 'OrganiserMessages1739400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE participants.network_snapshot ADD COLUMN contact_person_ids uuid[] NOT NULL DEFAULT '{}',
      ADD COLUMN language text, ADD COLUMN time_zone text`);
    await q.query('ALTER TABLE participants.notification_preference ADD COLUMN digest boolean NOT NULL DEFAULT false');
    await q.query(`
      CREATE TABLE participants.municipality_coordinator (
        municipality_id text PRIMARY KEY REFERENCES participants.municipality(id),
        person_id uuid NOT NULL REFERENCES participants.person(id) ON DELETE CASCADE,
        updated_by text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Never two digests for one organiser and day, however many instances run the job.
    // The digest job finds the messages waiting for it without reading the outbox.
    await q.query(`CREATE INDEX notification_awaiting_digest_idx ON participants.notification (person_id) WHERE status = 'AWAITING_DIGEST'`);
    await q.query(`CREATE UNIQUE INDEX notification_digest_day_idx ON participants.notification (person_id, (data->>'day')) WHERE kind = 'REGISTRATION_DIGEST'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX participants.notification_digest_day_idx');
    await q.query('DROP INDEX participants.notification_awaiting_digest_idx');
    await q.query('DROP TABLE participants.municipality_coordinator');
    await q.query('ALTER TABLE participants.notification_preference DROP COLUMN digest');
    await q.query('ALTER TABLE participants.network_snapshot DROP COLUMN contact_person_ids, DROP COLUMN language, DROP COLUMN time_zone');
  }
}
