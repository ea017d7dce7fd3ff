import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Facts of the source documents that had no column: who signed a programme's invitation, and the
 * points an invitation lists for a network or a session or an agenda under an item, and the number of
 * municipalities a network is set up for (until now only prose in the description).
 */
export class SourceFacts1732000015000 implements MigrationInterface {
  name = 'SourceFacts1732000015000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE networks.program ADD COLUMN signatory_person_ids uuid[] NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE networks.agenda_item ADD COLUMN points text[] NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE networks.session ADD COLUMN points text[] NOT NULL DEFAULT '{}'`);
    await q.query('ALTER TABLE networks.network ADD COLUMN planned_municipality_count int CHECK (planned_municipality_count > 0)');
    await q.query(`ALTER TABLE networks.network ADD COLUMN points text[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE networks.network DROP COLUMN points');
    await q.query('ALTER TABLE networks.network DROP COLUMN planned_municipality_count');
    await q.query('ALTER TABLE networks.session DROP COLUMN points');
    await q.query('ALTER TABLE networks.agenda_item DROP COLUMN points');
    await q.query('ALTER TABLE networks.program DROP COLUMN signatory_person_ids');
  }
}
