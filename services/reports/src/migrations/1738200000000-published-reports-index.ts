import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statistics read only published reports: a partial index over just those, carrying when each
 * was published (the latest one wins), joins the values to them without scanning and hashing
 * every report to filter on status.
 */
export class PublishedReportsIndex1738200000000 implements MigrationInterface {
  name = 'PublishedReportsIndex1738200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX report_published_idx ON reports.report (id) INCLUDE (published_at) WHERE status = 'PUBLISHED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX reports.report_published_idx');
  }
}
