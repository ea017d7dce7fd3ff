import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Webhooks a partner can recover: the previous secret during a rotation, and the last answer's body excerpt. */
export class WebhookRecovery1737000000000 implements MigrationInterface {
  name = 'WebhookRecovery1737000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE participants.webhook_subscription ADD COLUMN previous_secret text, ADD COLUMN previous_secret_expires_at timestamptz');
    await q.query('ALTER TABLE participants.webhook_delivery ADD COLUMN last_response_excerpt text');
    await q.query(`CREATE INDEX webhook_delivery_failed_idx ON participants.webhook_delivery (subscription_id, created_at) WHERE status = 'FAILED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX participants.webhook_delivery_failed_idx');
    await q.query('ALTER TABLE participants.webhook_delivery DROP COLUMN last_response_excerpt');
    await q.query('ALTER TABLE participants.webhook_subscription DROP COLUMN previous_secret, DROP COLUMN previous_secret_expires_at');
  }
}
