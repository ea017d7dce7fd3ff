import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { REPO_ROOT } from '@kommunenett/stack';

/**
 * The benchmark's own ports, so it runs beside `pnpm start`; `BENCH_PORT_OFFSET` (read once)
 * moves them all, so two benchmarks can run on one machine.
 */
const offset = Number(process.env.BENCH_PORT_OFFSET ?? 0);
export const PORTS = {
  gateway: 4400 + offset, hive: 4410 + offset, embeddedDb: 54339 + offset, networks: 4401 + offset, participants: 4402 + offset, reports: 4403 + offset, handbook: 4404 + offset,
};

/** Two benchmarks on one PostgreSQL server (moved ports) get databases of their own too. */
const databaseSuffix = offset ? `_p${offset}` : '';

/** The data folder of a scale: the volume loaded once stays there for the next run. */
export const benchDataDir = (scale: number) => join(REPO_ROOT, '.data', `bench-scale-${scale}`);

/**
 * The environment of the benchmark's stack on its own ports; on the PostgreSQL of DATABASE_URL
 * (when set) in a database of its own per scale.
 */
export async function benchStackEnv(scale: number, workers = '1'): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = {
    EMBEDDED_DB_PORT: String(PORTS.embeddedDb), GATEWAY_PORT: String(PORTS.gateway), GATEWAY_WORKERS: workers,
    NETWORKS_PORT: String(PORTS.networks), PARTICIPANTS_PORT: String(PORTS.participants), REPORTS_PORT: String(PORTS.reports), HANDBOOK_PORT: String(PORTS.handbook),
    LOG_LEVEL: 'warn', ENABLE_INTROSPECTION: 'false', ENABLE_GRAPHIQL: 'false',
  };
  if (process.env.DATABASE_URL) env.DATABASE_URL = await ensureDatabase(process.env.DATABASE_URL, `kommunenett_bench_s${scale}${databaseSuffix}`);
  return env;
}

/**
 * The environment of the stack started on a fresh data folder (the first memory state): on
 * PostgreSQL in a database dropped and created for it, kommunenett_bench_fresh.
 */
export async function benchFreshEnv(env: NodeJS.ProcessEnv): Promise<NodeJS.ProcessEnv> {
  if (!process.env.DATABASE_URL) return env;
  return { ...env, DATABASE_URL: await ensureDatabase(process.env.DATABASE_URL, `kommunenett_bench_fresh${databaseSuffix}`, { fresh: true }) };
}

async function ensureDatabase(baseUrl: string, name: string, { fresh = false } = {}): Promise<string> {
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    if (fresh) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Replaces the section of docs/performance.md between this result's markers with the new table. */
export function updatePerformanceDoc(name: string, markdown: string): void {
  const path = join(REPO_ROOT, 'docs', 'performance.md');
  if (!existsSync(path)) return;
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const doc = readFileSync(path, 'utf8');
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i < 0 || j < 0) return;
  writeFileSync(path, `${doc.slice(0, i + start.length)}\n${markdown}${doc.slice(j)}`);
}
