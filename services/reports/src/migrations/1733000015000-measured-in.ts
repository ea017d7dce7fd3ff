import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The month a measurement was taken (YYYY-MM), beside the period it counts for. */
export class MeasuredIn1733000015000 implements MigrationInterface {
  name = 'MeasuredIn1733000015000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE reports.indicator_value ADD COLUMN measured_in text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE reports.indicator_value DROP COLUMN measured_in');
  }
}
