import { Client } from 'pg';
import { createTestDatabase, maintainEmbeddedDatabase, type TestDatabase } from '../src';

let db: TestDatabase;
let client: Client;

beforeAll(async () => {
  // Always the embedded database (the maintenance is its own), a copy of the test run's empty one.
  db = await createTestDatabase(undefined);
  client = new Client({ connectionString: db.url });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await db.drop();
});

async function plannedRows(): Promise<number> {
  const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>('EXPLAIN (FORMAT JSON) SELECT * FROM maint.item');
  return rows[0]['QUERY PLAN'][0].Plan['Plan Rows'];
}

describe('maintenance of the embedded database (PGlite has no autovacuum)', () => {
  it('analyzes a table once enough of it changed, vacuums it once enough was inserted or is dead, and leaves it alone otherwise', async () => {
    await client.query('CREATE SCHEMA maint; CREATE TABLE maint.item (id int PRIMARY KEY, label text)');
    await client.query("INSERT INTO maint.item SELECT g, 'x' || g FROM generate_series(1, 20000) g");
    // Without statistics the planner guesses from the table's pages, not from its rows; without a
    // vacuum no page is all-visible, so an index-only scan still reads the table.
    const first = await maintainEmbeddedDatabase(db.url);
    expect(first).toMatchObject({ analyzed: expect.arrayContaining(['maint.item']), vacuumed: expect.arrayContaining(['maint.item']) });
    expect(await plannedRows()).toBe(20000);
    const { rows: [visible] } = await client.query<{ relallvisible: number; relpages: number }>("SELECT relallvisible, relpages FROM pg_class WHERE oid = 'maint.item'::regclass");
    expect(visible.relallvisible).toBe(visible.relpages);

    // A few rows more: under both thresholds.
    await client.query("INSERT INTO maint.item SELECT g, 'x' || g FROM generate_series(20001, 20040) g");
    expect((await maintainEmbeddedDatabase(db.url)).analyzed).not.toContain('maint.item');

    // Nothing changed: nothing to do.
    expect((await maintainEmbeddedDatabase(db.url)).analyzed).not.toContain('maint.item');

    // A quarter of the rows deleted: dead rows past the threshold, so VACUUM (ANALYZE).
    await client.query('DELETE FROM maint.item WHERE id % 4 = 0');
    const third = await maintainEmbeddedDatabase(db.url);
    expect(third).toMatchObject({ analyzed: expect.arrayContaining(['maint.item']), vacuumed: expect.arrayContaining(['maint.item']) });
    expect(await plannedRows()).toBe(15030);
    const { rows: [stats] } = await client.query<{ n_dead_tup: string }>("SELECT n_dead_tup FROM pg_stat_user_tables WHERE relid = 'maint.item'::regclass");
    expect(Number(stats.n_dead_tup)).toBe(0);
  });
});
