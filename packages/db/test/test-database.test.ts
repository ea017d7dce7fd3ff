import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../src';

/**
 * Test databases on the database of this run (the embedded one, or the server of DATABASE_URL):
 * copies of a template built once, each its own.
 */
async function query<T extends Record<string, unknown>>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const baseUrl = process.env.DATABASE_URL;
const made: TestDatabase[] = [];
afterAll(async () => {
  for (const database of made) await database.drop();
});
const create = async (...args: Parameters<typeof createTestDatabase>[1][]) => {
  const database = await createTestDatabase(baseUrl, ...args);
  made.push(database);
  return database;
};
const uniqueKey = () => `t${randomBytes(6).toString('hex')}`;

it('builds a template once for all who ask at the same time, and gives each a copy of its own', async () => {
  let builds = 0;
  const template = {
    key: uniqueKey(),
    async build(url: string) {
      builds++;
      await query(url, 'CREATE TABLE item (n int); INSERT INTO item VALUES (1), (2)');
    },
  };
  const [a, b] = await Promise.all([create(template), create(template)]);
  expect(builds).toBe(1);
  expect(a.url).not.toBe(b.url);
  await query(a.url, 'INSERT INTO item VALUES (3)');
  expect(await query(a.url, 'SELECT n FROM item ORDER BY n')).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  expect(await query(b.url, 'SELECT n FROM item ORDER BY n')).toEqual([{ n: 1 }, { n: 2 }]);
  // A later copy is the template as built, not as a copy was changed.
  const c = await create(template);
  expect(builds).toBe(1);
  expect(await query(c.url, 'SELECT count(*)::int AS n FROM item')).toEqual([{ n: 2 }]);
});

it('gives an empty database without a template', async () => {
  const database = await create();
  expect(await query(database.url, "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")).toEqual([{ n: 0 }]);
});

it('reports a failed build to the one who asked, and builds again for the next', async () => {
  const key = uniqueKey();
  await expect(create({ key, build: async () => { throw new Error('the seed failed'); } })).rejects.toThrow('the seed failed');
  const database = await create({ key, build: (url) => query(url, 'CREATE TABLE item (n int)').then(() => undefined) });
  expect(await query(database.url, "SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'item'")).toEqual([{ n: 1 }]);
});

it('refuses a key that is not lower-case letters and digits, or is the empty database\'s', async () => {
  await expect(createTestDatabase(baseUrl, { key: 'Demo-1' })).rejects.toThrow('1–24 lower-case letters and digits');
  await expect(createTestDatabase(baseUrl, { key: 'empty', build: async () => undefined })).rejects.toThrow('is the empty database');
});
