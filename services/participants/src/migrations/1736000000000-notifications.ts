import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notification outbox: one row per message a person is to receive, written in the transaction
 * of the change it tells of and sent by the delivery job; and each organization's mail identity
 * (the sender name and reply-to address its messages carry); and which optional messages a person
 * switched off.
 */
export class Notifications1736000000000 implements MigrationInterface {
  name = 'Notifications1736000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE participants.notification (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        person_id uuid REFERENCES participants.person(id) ON DELETE CASCADE,
        registration_id uuid REFERENCES participants.registration(id) ON DELETE CASCADE,
        network_id uuid,
        change_seq bigint,
        data jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'PENDING',
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        last_error text,
        recipient text,
        language text,
        subject text,
        body_text text,
        message_id text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX notification_due_idx ON participants.notification (next_attempt_at) WHERE status = 'PENDING'`);
    await q.query('CREATE INDEX notification_person_idx ON participants.notification (person_id, created_at)');
    await q.query('CREATE INDEX notification_registration_idx ON participants.notification (registration_id)');
    await q.query(`
      CREATE TABLE participants.notification_preference (
        person_id uuid NOT NULL REFERENCES participants.person(id) ON DELETE CASCADE,
        kind text NOT NULL,
        enabled boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (person_id, kind)
      )`);
    // The reminder pass finds offers about to lapse without reading every registration.
    await q.query(`CREATE INDEX registration_offered_idx ON participants.registration (offer_expires_at) WHERE status = 'OFFERED'`);
    await q.query('ALTER TABLE participants.organization ADD COLUMN mail_sender_name text, ADD COLUMN mail_reply_to text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE participants.organization DROP COLUMN mail_sender_name, DROP COLUMN mail_reply_to');
    await q.query('DROP INDEX participants.registration_offered_idx');
    await q.query('DROP TABLE participants.notification_preference');
    await q.query('DROP TABLE participants.notification');
  }
}
