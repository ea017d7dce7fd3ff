import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attendance per municipality and its history: each entry keeps the municipality the person
 * attended for (from their registration in the network), and every recording, change and
 * removal of an entry is kept in attendance_change.
 */
export class AttendanceHistory1735200000000 implements MigrationInterface {
  name = 'AttendanceHistory1735200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE participants.attendance ADD COLUMN municipality_id text');
    await q.query(`
      UPDATE participants.attendance a SET municipality_id = r.municipality_id
      FROM participants.registration r WHERE r.network_id = a.network_id AND r.person_id = a.person_id`);
    await q.query(`
      CREATE TABLE participants.attendance_change (
        id uuid PRIMARY KEY,
        session_id uuid NOT NULL,
        person_id uuid NOT NULL,
        network_id uuid NOT NULL,
        action text NOT NULL,
        from_status text,
        to_status text,
        reason text,
        changed_by text,
        changed_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX attendance_change_session_idx ON participants.attendance_change (session_id, changed_at)');
    await q.query('CREATE INDEX attendance_change_person_idx ON participants.attendance_change (person_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE participants.attendance_change');
    await q.query('ALTER TABLE participants.attendance DROP COLUMN municipality_id');
  }
}
