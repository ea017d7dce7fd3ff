import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Facts of the source documents that had no column: the month a measurement was taken (YYYY-MM),
 * beside the period it counts for, and the points a report lists under a recommendation's status.
 */
export class SourceFacts1733000015000 implements MigrationInterface {
  name = 'SourceFacts1733000015000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE reports.indicator_value ADD COLUMN measured_in text');
    await q.query(`ALTER TABLE reports.recommendation_status ADD COLUMN points text[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE reports.recommendation_status DROP COLUMN points');
    await q.query('ALTER TABLE reports.indicator_value DROP COLUMN measured_in');
  }
}
