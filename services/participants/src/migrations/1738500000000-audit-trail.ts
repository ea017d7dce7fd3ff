import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlySql } from '@kommunenett/subgraph-kit';

/**
 * This service's part of the organiser's trail (docs/audit.md) is the history it already keeps:
 * the change feed (registrations) and the attendance history. Both learn the role and the client
 * of who made each change, are read per network newest first, and become append-only (a trigger
 * refuses UPDATE and DELETE, except erasure of a person).
 */
export class AuditTrail1738500000000 implements MigrationInterface {
  name = 'AuditTrail1738500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE participants.registration_change ADD COLUMN actor_role text, ADD COLUMN client text');
    await q.query('ALTER TABLE participants.attendance_change ADD COLUMN actor_role text, ADD COLUMN client text');
    await q.query('CREATE INDEX registration_change_network_time_idx ON participants.registration_change (network_id, occurred_at DESC)');
    await q.query('CREATE INDEX attendance_change_network_time_idx ON participants.attendance_change (network_id, changed_at DESC)');
    for (const sql of [...appendOnlySql('participants', 'registration_change'), ...appendOnlySql('participants', 'attendance_change')]) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['registration_change', 'attendance_change']) {
      await q.query(`DROP TRIGGER ${table}_append_only ON participants.${table}`);
      await q.query(`DROP FUNCTION participants.${table}_append_only()`);
    }
    await q.query('DROP INDEX participants.registration_change_network_time_idx');
    await q.query('DROP INDEX participants.attendance_change_network_time_idx');
    await q.query('ALTER TABLE participants.registration_change DROP COLUMN actor_role, DROP COLUMN client');
    await q.query('ALTER TABLE participants.attendance_change DROP COLUMN actor_role, DROP COLUMN client');
  }
}
