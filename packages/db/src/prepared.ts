import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';

/** A statement sent often enough to be parsed and planned once per connection. */
export interface PreparedStatement {
  /** Unique among the statements of the process. */
  name: string;
  text: string;
}

interface PgClient {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

const embeddedBySource = new WeakMap<DataSource, Promise<boolean>>();

/**
 * Whether the data source is the embedded database. Its one backend session is shared by every
 * connection of every service, so a name prepared by one connection would collide with the same
 * name from another: there statements are sent unnamed.
 */
function isEmbedded(m: EntityManager): Promise<boolean> {
  const ds = m.connection;
  let known = embeddedBySource.get(ds);
  if (!known) {
    // On the caller's connection: on the embedded database another one waits for its transaction.
    known = (m.query('SELECT version() AS v') as Promise<{ v: string }[]>).then((rows) => rows[0].v.includes('PGlite'));
    embeddedBySource.set(ds, known);
    known.catch(() => embeddedBySource.delete(ds));
  }
  return known;
}

/**
 * Runs a statement as a named prepared statement of `pg` (parsed and planned once per
 * connection), counted like every other statement; its errors are typeorm's `QueryFailedError`,
 * as from `m.query`, so constraint refusals map the same way. Inside the transaction of `m` when
 * it has one; given a data source (or a manager without a transaction), on a connection of the
 * pool taken for this statement alone. Returns the rows.
 */
export async function queryPrepared<T>(on: EntityManager | DataSource, statement: PreparedStatement, values: unknown[]): Promise<T[]> {
  const m = 'manager' in on ? on.manager : on;
  const own = m.queryRunner ? null : m.connection.createQueryRunner('slave');
  const runner = m.queryRunner ?? own!;
  try {
    const named = !(await isEmbedded(m));
    const client = (await runner.connect()) as PgClient;
    m.connection.logger.logQuery(statement.text, values, runner);
    try {
      const result = await client.query(named ? { name: statement.name, text: statement.text, values } : { text: statement.text, values });
      return result.rows as T[];
    } catch (error) {
      throw new QueryFailedError(statement.text, values, error as Error);
    }
  } finally {
    if (own) await own.release();
  }
}
