import type { DataSource, QueryRunner } from 'typeorm';
import { createServiceDataSource, createTestDatabase, PREPARED_PER_CONNECTION, PreparingClient, queryPrepared, type TestDatabase } from '../src';

/**
 * The services' pg client (`PreparingClient`): a statement a connection sends again goes as a
 * named prepared statement, what the server holds of them stays bounded, and the embedded
 * database, whose one backend every connection shares, keeps the names of two connections apart
 * and drops a closed connection's statements. What the server holds is read from its own view,
 * `pg_prepared_statements`.
 */
interface Prepared { name: string; statement: string }

const preparedLike = async (client: PreparingClient, marker: string) =>
  (await client.query<Prepared>('SELECT name, statement FROM pg_prepared_statements WHERE statement LIKE $1 ORDER BY name', [`%${marker}%`])).rows;

describe('on the database of this run, through a service’s data source', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let runner: QueryRunner;
  /** One connection of the pool, held for the whole file. */
  let client: PreparingClient;

  beforeAll(async () => {
    db = await createTestDatabase(process.env.DATABASE_URL);
    ds = createServiceDataSource({ service: 'probe', url: db.url, entities: [], migrations: [], poolSize: 2 });
    await ds.initialize();
    runner = ds.createQueryRunner();
    client = (await runner.connect()) as PreparingClient;
    await runner.query('CREATE SCHEMA probe');
  });
  afterAll(async () => {
    await runner?.release();
    await ds?.destroy();
    await db?.drop();
  });

  it('sends a statement unnamed the first time and prepared from the second, with the same answers', async () => {
    expect(client).toBeInstanceOf(PreparingClient);
    const text = 'SELECT $1::int * 2 AS doubled /* twice-marker */';
    expect((await client.query(text, [4])).rows).toEqual([{ doubled: 8 }]);
    expect(await preparedLike(client, 'twice-marker */')).toEqual([]);
    expect((await client.query(text, [5])).rows).toEqual([{ doubled: 10 }]);
    const prepared = await preparedLike(client, 'twice-marker */');
    expect(prepared.map((p) => p.statement)).toEqual([text]);
    expect(prepared[0].name).toMatch(/^k[0-9a-f]{6}[0-9a-z]+_\d+$/);
    expect((await runner.query(text, [6]))).toEqual([{ doubled: 12 }]);
    expect(await preparedLike(client, 'twice-marker */')).toEqual(prepared);
  });

  it(`keeps at most ${PREPARED_PER_CONNECTION} statements per connection, the most recently used`, async () => {
    const texts = Array.from({ length: PREPARED_PER_CONNECTION + 6 }, (_, i) => `SELECT $1::int + ${i} AS n /* bound-marker-${i} */`);
    for (const [i, text] of texts.entries()) for (const round of [0, 1]) expect((await client.query(text, [round])).rows).toEqual([{ n: i + round }]);
    const kept = (await preparedLike(client, 'bound-marker-')).map((p) => p.statement).sort();
    expect(kept).toEqual(texts.slice(6).sort());
  });

  it('prepares a queryPrepared statement from its first use, and maps its errors as typeorm does', async () => {
    await runner.query('CREATE TABLE probe.item (id int PRIMARY KEY)');
    const insert = { name: 'probe_insert_item', text: 'INSERT INTO probe.item (id) VALUES ($1) RETURNING id' };
    expect(await queryPrepared(runner.manager, insert, [1])).toEqual([{ id: 1 }]);
    expect((await preparedLike(client, 'INSERT INTO probe.item')).map((p) => p.name)).toEqual([expect.stringMatching(/_probe_insert_item$/)]);
    await expect(queryPrepared(runner.manager, insert, [1])).rejects.toMatchObject({ name: 'QueryFailedError', driverError: { code: '23505' } });
    expect(await queryPrepared(runner.manager, insert, [2])).toEqual([{ id: 2 }]);
  });

  it('prepares a statement again after its table changed under it, and answers with the new columns', async () => {
    await runner.query("CREATE TABLE probe.shape (id int PRIMARY KEY, label text); INSERT INTO probe.shape VALUES (1, 'one')");
    const text = 'SELECT * FROM probe.shape WHERE id = $1';
    await client.query(text, [1]);
    expect((await client.query(text, [1])).rows).toEqual([{ id: 1, label: 'one' }]);
    await runner.query('ALTER TABLE probe.shape ADD COLUMN note text');
    // PostgreSQL refuses a plan whose result type has changed (0A000): the client lets the name go.
    await expect(client.query(text, [1])).rejects.toMatchObject({ code: '0A000' });
    expect(await preparedLike(client, 'probe.shape')).toEqual([]);
    await client.query(text, [1]);
    expect((await client.query(text, [1])).rows).toEqual([{ id: 1, label: 'one', note: null }]);
    expect(await preparedLike(client, 'probe.shape')).toHaveLength(1);
  });
});

describe('on the embedded database, whose one backend every connection shares', () => {
  let db: TestDatabase;
  beforeAll(async () => { db = await createTestDatabase(undefined); });
  afterAll(async () => { await db?.drop(); });

  it('keeps the statements of two connections apart, and drops a closed connection’s statements', async () => {
    const text = 'SELECT $1::text AS said /* shared-marker */';
    const clients = [new PreparingClient({ connectionString: db.url }), new PreparingClient({ connectionString: db.url })];
    await Promise.all(clients.map((c) => c.connect()));
    try {
      for (const [i, c] of clients.entries()) for (const round of [0, 1]) expect((await c.query(text, [`${i}-${round}`])).rows).toEqual([{ said: `${i}-${round}` }]);
      const both = await preparedLike(clients[1], 'shared-marker */');
      expect(both).toHaveLength(2);

      // The first connection ends, as a pool ends an idle one: its statement goes, the other's stays.
      await clients[0].end();
      let left = both;
      for (let waited = 0; left.length !== 1 && waited < 10_000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        left = await preparedLike(clients[1], 'shared-marker */');
      }
      expect(left).toHaveLength(1);
      expect(both.map((p) => p.name)).toContain(left[0].name);
      // The one left is the open connection's: it still runs under its name.
      expect((await clients[1].query(text, ['again'])).rows).toEqual([{ said: 'again' }]);
      expect(await preparedLike(clients[1], 'shared-marker */')).toEqual(left);
    } finally {
      await clients[1].end();
    }
  });
});
