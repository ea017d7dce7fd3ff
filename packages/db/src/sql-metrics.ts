import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeormLogger } from 'typeorm';
import type { Logger } from 'pino';

/** Per-request tally of SQL statements, carried through async calls. */
export interface SqlTally {
  statements: number;
}

export const sqlTallyStorage = new AsyncLocalStorage<SqlTally>();

/** Statements sent by this process, per service: read by `/metrics`, tests and the benchmark. */
export const sqlStatementTotals = new Map<string, number>();

/** The part of those sent while answering a request (not by scheduled jobs or start-up). */
export const sqlRequestStatementTotals = new Map<string, number>();

/** Counts every statement (for the per-request tally and `/metrics`) and logs at debug level. */
export class CountingSqlLogger implements TypeormLogger {
  constructor(private readonly service: string, private readonly logger?: Logger) {
    sqlStatementTotals.set(service, sqlStatementTotals.get(service) ?? 0);
  }

  logQuery(query: string): void {
    sqlStatementTotals.set(this.service, (sqlStatementTotals.get(this.service) ?? 0) + 1);
    const tally = sqlTallyStorage.getStore();
    if (tally) {
      tally.statements += 1;
      sqlRequestStatementTotals.set(this.service, (sqlRequestStatementTotals.get(this.service) ?? 0) + 1);
    }
    if (this.logger?.isLevelEnabled('trace')) this.logger.trace({ sql: query }, 'sql');
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger?.warn({ sql: query, err: error }, 'sql error');
  }

  logQuerySlow(time: number, query: string): void {
    this.logger?.warn({ sql: query, ms: time }, 'slow sql');
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger?.info({ migration: message }, 'migration');
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger?.warn({ message }, 'typeorm');
  }
}
