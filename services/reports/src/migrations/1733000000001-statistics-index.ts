import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statistics read the totals of an indicator (values without a breakdown) for some periods:
 * a partial index over just those rows, carrying the report and the value, answers without
 * reading the breakdown rows (five of six rows of the volume data) or the table itself.
 */
export class StatisticsIndex1733000000001 implements MigrationInterface {
  name = 'StatisticsIndex1733000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX indicator_value_totals_idx ON reports.indicator_value (indicator_id, period, municipality_id)
      INCLUDE (report_id, value) WHERE breakdown IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX reports.indicator_value_totals_idx');
  }
}
