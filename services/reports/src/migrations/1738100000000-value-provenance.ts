import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where each indicator value comes from (docs/reports.md, "Provenance"): reported by the
 * municipality, imported from a named public source (its name, and its address where it has
 * one), or generated for the demo. Values of reports marked `generated` are generated; every
 * other value so far was entered in a municipality's report, so it is reported.
 */
export class ValueProvenance1738100000000 implements MigrationInterface {
  name = 'ValueProvenance1738100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reports.indicator_value
      ADD COLUMN provenance text NOT NULL DEFAULT 'REPORTED' CHECK (provenance IN ('REPORTED', 'IMPORTED', 'GENERATED')),
      ADD COLUMN source_name text,
      ADD COLUMN source_url text,
      ADD CONSTRAINT indicator_value_source_named CHECK ((provenance = 'IMPORTED') = (source_name IS NOT NULL)),
      ADD CONSTRAINT indicator_value_source_url CHECK (source_url IS NULL OR source_name IS NOT NULL)`);
    await q.query(`UPDATE reports.indicator_value v SET provenance = 'GENERATED'
       FROM reports.report r WHERE r.id = v.report_id AND r.generated`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reports.indicator_value DROP COLUMN provenance, DROP COLUMN source_name, DROP COLUMN source_url`);
  }
}
