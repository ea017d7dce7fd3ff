import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';

/** A statement sent often enough to be parsed and planned once per connection. */
export interface PreparedStatement {
  /** Unique among the statements of the process. */
  name: string;
  text: string;
}

/**
 * How many statements a connection keeps prepared (the least recently used goes first). The
 * embedded database keeps every connection's statements in its one backend, about 11 KB each.
 */
export const PREPARED_PER_CONNECTION = 64;

/** Texts a connection remembers having sent once, to prepare them when they come again. */
const SEEN_ONCE_PER_CONNECTION = 512;

/** PostgreSQL cuts names at 63 bytes: longer ones are shortened to a hash. */
const NAME_LIMIT = 63;

/** Names of this process's statements begin with it: processes sharing the embedded database never meet. */
const PROCESS_TAG = randomBytes(3).toString('hex');
let connections = 0;

/** The SQLSTATEs of a prepared statement the server no longer has or can no longer run as planned. */
const STALE_STATEMENT = new Set(['26000', '0A000']);

interface NamedQuery { name: string; text: string; values?: unknown[] }

/** The part of pg's client this one reads: its connection's record of the statements it parsed. */
interface ParsedStatements { connection: { parsedStatements: Record<string, string> } }

/**
 * The statements of one connection: which texts it has prepared, under which names, in the order
 * of their last use. A text is prepared the second time it comes (a statement sent once, such as
 * a page with an unusual size, is not worth a name), the least recently used beyond the limit goes.
 */
class StatementNames {
  private readonly named = new Map<string, string>();
  private readonly seenOnce = new Set<string>();
  private count = 0;

  constructor(private readonly prefix: string) {}

  /** The name to send `text` under, or undefined to send it unnamed this time. */
  forText(text: string): string | undefined {
    const name = this.used(text);
    if (name) return name;
    if (!this.seenOnce.delete(text)) {
      if (this.seenOnce.size >= SEEN_ONCE_PER_CONNECTION) this.seenOnce.clear();
      this.seenOnce.add(text);
      return undefined;
    }
    this.count += 1;
    return this.add(text, `${this.prefix}${this.count}`);
  }

  /** The name of a statement its caller prepares from the first use (`queryPrepared`). */
  forStatement(statement: PreparedStatement): string {
    const name = `${this.prefix}${statement.name}`;
    return this.used(statement.text)
      ?? this.add(statement.text, name.length <= NAME_LIMIT ? name : `${this.prefix}${createHash('sha1').update(statement.name).digest('hex').slice(0, 24)}`);
  }

  /** The names to let go: beyond the limit, least recently used first. */
  overLimit(): string[] {
    const out: string[] = [];
    for (const [text, name] of this.named) {
      if (this.named.size - out.length <= PREPARED_PER_CONNECTION) break;
      this.named.delete(text);
      out.push(name);
    }
    return out;
  }

  forget(name: string): void {
    for (const [text, own] of this.named) if (own === name) this.named.delete(text);
  }

  /** The name `text` is prepared under, now the most recently used; undefined when it is not. */
  private used(text: string): string | undefined {
    const name = this.named.get(text);
    if (name) {
      this.named.delete(text);
      this.named.set(text, name);
    }
    return name;
  }

  private add(text: string, name: string): string {
    this.named.set(text, name);
    return name;
  }
}

/**
 * The pg client of every service's pool (`createServiceDataSource`): a statement with parameters
 * that the connection sends a second time goes as a named prepared statement, parsed and planned
 * once per connection (on the embedded database that saved about 30 % of its CPU in the four-hop
 * benchmark query), and `queryPrepared` names its statements from the first use. Names carry the
 * connection's own prefix: the embedded database runs every connection of every service on one
 * backend, where a name is shared, so one connection's "s1" must not be another's (the embedded
 * server lets a closed connection's statements go, see embedded-server.ts).
 */
export class PreparingClient extends pg.Client {
  private readonly statements: StatementNames;
  /** pg's own `query`, with all its overloads. */
  private readonly send: (...args: unknown[]) => unknown;

  constructor(config?: string | pg.ClientConfig) {
    super(config);
    connections += 1;
    this.statements = new StatementNames(`k${PROCESS_TAG}${connections.toString(36)}_`);
    this.send = pg.Client.prototype.query.bind(this) as (...args: unknown[]) => unknown;
    // Set on the instance, so that `query` keeps pg's typed overloads for its callers.
    this.query = ((config: unknown, values?: unknown, callback?: unknown) => {
      if (typeof config === 'string' && Array.isArray(values) && values.length > 0 && !config.includes(';') && callback === undefined) {
        const name = this.statements.forText(config);
        if (name) return this.named({ name, text: config, values });
      }
      return this.send(config, values, callback);
    }) as pg.Client['query'];
  }

  /** Runs `statement` named from its first use. */
  prepared(statement: PreparedStatement, values: unknown[]): Promise<pg.QueryResult> {
    return this.named({ name: this.statements.forStatement(statement), text: statement.text, values });
  }

  private async named(query: NamedQuery): Promise<pg.QueryResult> {
    for (const name of this.statements.overLimit()) this.deallocate(name);
    try {
      return await (this.send(query) as Promise<pg.QueryResult>);
    } catch (error) {
      // Gone (the server was restarted, a DISCARD) or planned for a table that has changed since:
      // the next use prepares it again.
      if (STALE_STATEMENT.has((error as { code?: string }).code ?? '')) this.forgetName(query.name);
      throw error;
    }
  }

  private forgetName(name: string): void {
    this.statements.forget(name);
    this.deallocate(name);
  }

  /** Lets the server drop a statement; queued behind what the connection is sending. */
  private deallocate(name: string): void {
    delete (this as unknown as ParsedStatements).connection.parsedStatements[name];
    (this.send(`DEALLOCATE "${name}"`) as Promise<unknown>).catch(() => undefined);
  }
}

/**
 * Runs a statement as a named prepared statement (parsed and planned once per connection),
 * counted like every other statement; its errors are typeorm's `QueryFailedError`, as from
 * `m.query`, so constraint refusals map the same way. Inside the transaction of `m` when it has
 * one; given a data source (or a manager without a transaction), on a connection of the pool
 * taken for this statement alone. Returns the rows.
 */
export async function queryPrepared<T>(on: EntityManager | DataSource, statement: PreparedStatement, values: unknown[]): Promise<T[]> {
  const m = 'manager' in on ? on.manager : on;
  const own = m.queryRunner ? null : m.connection.createQueryRunner('slave');
  const runner = m.queryRunner ?? own!;
  try {
    const client = (await runner.connect()) as pg.Client;
    m.connection.logger.logQuery(statement.text, values, runner);
    try {
      const result = client instanceof PreparingClient ? await client.prepared(statement, values) : await client.query(statement.text, values);
      return result.rows as T[];
    } catch (error) {
      throw new QueryFailedError(statement.text, values, error as Error);
    }
  } finally {
    if (own) await own.release();
  }
}
