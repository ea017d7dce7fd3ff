import type { MigrationInterface, QueryRunner } from 'typeorm';
import { roleOfTitle } from '../services/position-roles';

/**
 * Positions get a role of a small vocabulary beside their free-text title (docs/participants.md),
 * so that outcomes ("became chief executive") are counted by the graph, not by reading titles.
 * Positions recorded before get the role their title gives (`roleOfTitle`), computed here rather
 * than in SQL: the database's lower() does not fold Ø or Å in every locale.
 */
export class PositionRoles1739200000000 implements MigrationInterface {
  name = 'PositionRoles1739200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE participants.position ADD COLUMN role text NOT NULL DEFAULT 'OTHER'
      CHECK (role IN ('CHIEF_EXECUTIVE', 'DEPUTY_CHIEF_EXECUTIVE', 'DEPARTMENT_HEAD', 'MANAGER', 'ADVISER', 'POLITICIAN', 'OTHER'))`);
    const titles = (await q.query('SELECT DISTINCT title FROM participants.position')) as { title: string }[];
    const roles = titles.map((t) => roleOfTitle(t.title));
    await q.query(`UPDATE participants.position p SET role = t.role FROM unnest($1::text[], $2::text[]) AS t(title, role) WHERE p.title = t.title AND t.role <> 'OTHER'`,
      [titles.map((t) => t.title), roles]);
    // Outcomes look for the positions of a role a person entered after a date.
    await q.query('CREATE INDEX position_person_role_idx ON participants.position (person_id, role, valid_from)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX participants.position_person_role_idx');
    await q.query('ALTER TABLE participants.position DROP COLUMN role');
  }
}
