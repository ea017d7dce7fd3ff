import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlySql } from '@kommunenett/subgraph-kit';

/**
 * The organiser's trail of this service (docs/audit.md): who changed a network's rules, dates,
 * capacity or status and its sessions' dates, through which client, with the values before and
 * after. Append-only: a trigger refuses UPDATE and DELETE.
 */
export class AuditTrail1738500000000 implements MigrationInterface {
  name = 'AuditTrail1738500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE networks.audit_entry (
        id uuid PRIMARY KEY,
        network_id uuid NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        kind text NOT NULL,
        action text NOT NULL,
        subject_id uuid NOT NULL,
        actor text,
        actor_role text,
        client text,
        before jsonb,
        after jsonb
      )`);
    await q.query('CREATE INDEX audit_entry_network_idx ON networks.audit_entry (network_id, occurred_at DESC, id)');
    for (const sql of appendOnlySql('networks', 'audit_entry')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE networks.audit_entry');
    await q.query('DROP FUNCTION networks.audit_entry_append_only()');
  }
}
