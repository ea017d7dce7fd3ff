import 'reflect-metadata';
import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import type { Logger } from 'pino';
import { PreparingClient } from './prepared';
import { CountingSqlLogger } from './sql-metrics';

export interface ServiceDatabaseOptions {
  /** Service name: also its PostgreSQL schema. */
  service: string;
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
  log?: Logger;
}

/** The environment variable that points one service at its own database, if set. */
export function databaseUrlFor(service: string, env: Readonly<Record<string, string | undefined>>): string {
  const url = env[`${service.toUpperCase()}_DATABASE_URL`] ?? env.DATABASE_URL;
  if (!url) throw new Error(`No database configured for ${service}: set DATABASE_URL (pnpm start sets it to the embedded database).`);
  return url;
}

/** A typeorm DataSource on the service's own schema. Migrations only: never `synchronize`. */
export function createServiceDataSource(options: ServiceDatabaseOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.service,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: true,
    logger: new CountingSqlLogger(options.service, options.log),
    maxQueryExecutionTime: 1000,
    // Migrations and raw SQL name their schema: the embedded database has one session for all
    // services, so no session setting such as search_path can be relied on.
    // PreparingClient: repeated statements as named prepared statements (prepared.ts).
    extra: { max: options.poolSize ?? 10, application_name: `kommunenett-${options.service}`, Client: PreparingClient },
  });
}

/** Stable 32-bit key for the advisory lock that serializes start-up work of one service. */
function lockKey(name: string): number {
  let h = 0;
  for (const ch of `kommunenett:${name}`) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

/**
 * Creates the schema and runs pending migrations, then `afterMigrations` (the demo seed), under
 * an advisory lock so that two instances of a service starting together do the work once.
 */
export async function migrateAndPrepare(ds: DataSource, service: string, afterMigrations?: () => Promise<void>): Promise<void> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [lockKey(service)]);
    try {
      await runner.query(`CREATE SCHEMA IF NOT EXISTS "${service}"`);
      await ds.runMigrations({ transaction: 'each' });
      if (afterMigrations) await afterMigrations();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [lockKey(service)]);
    }
  } finally {
    await runner.release();
  }
}

/** True when the database answers and no migration is pending (for `/readyz`). */
export async function isDatabaseReady(ds: DataSource): Promise<boolean> {
  try {
    if (!ds.isInitialized) return false;
    await ds.query('SELECT 1');
    return !(await ds.showMigrations());
  } catch {
    return false;
  }
}
