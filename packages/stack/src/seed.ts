/**
 * `pnpm seed`: migrates every service's schema and loads the demo data where a service's tables
 * are empty (unless SEED_DEMO=false), on DATABASE_URL or (unset) on the embedded database under
 * DATA_DIR. `pnpm start` runs it before the database process on a fresh data folder: creating a
 * database and loading data leave a second WebAssembly instance and some 60–200 MB of native
 * memory behind in the process that did it, which a database started on existing data never
 * takes (docs/performance.md, "Round two: memory in every state").
 */
import { join, resolve } from 'node:path';
import { createServiceDataSource, databaseUrlFor, migrateAndPrepare, startEmbeddedPostgres, type EmbeddedPostgres } from '@kommunenett/db';
import { createLogger } from '@kommunenett/subgraph-kit';
import { stackConfigFromEnv } from './config';
import { SUBGRAPHS } from './definitions';

async function main(): Promise<void> {
  const log = createLogger('seed', process.env.LOG_LEVEL || 'info');
  const config = stackConfigFromEnv(process.env);
  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: join(config.dataDir ?? resolve('.data'), 'pglite') });
    databaseUrl = embedded.url;
  }
  try {
    for (const def of SUBGRAPHS) {
      const ds = createServiceDataSource({ service: def.name, url: databaseUrlFor(def.name, { ...process.env, DATABASE_URL: databaseUrl }), entities: def.tables, migrations: def.migrations, log });
      await ds.initialize();
      try {
        await migrateAndPrepare(ds, def.name, def.seed && config.seedDemo ? () => def.seed!(ds, log) : undefined);
        log.info(`${def.name}: migrated${def.seed && config.seedDemo ? ' and seeded' : ''}`);
      } finally {
        await ds.destroy();
      }
    }
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
