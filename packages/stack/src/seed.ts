/**
 * `pnpm seed`: migrates every service's schema and loads the demo data where a service's tables
 * are empty (unless SEED_DEMO=false), on DATABASE_URL or (unset) on the embedded database under
 * DATA_DIR. `pnpm start` runs it before the database process on a fresh data folder: creating a
 * database and loading data leave a second WebAssembly instance and some 60–200 MB of native
 * memory behind in the process that did it, which a database started on existing data never
 * takes (docs/performance.md, "Round two: memory in every state").
 */
import { join, resolve } from 'node:path';
import { databaseUrlFor, startEmbeddedPostgres, type EmbeddedPostgres } from '@kommunenett/db';
import { createLogger } from '@kommunenett/subgraph-kit';
import { stackConfigFromEnv } from './config';
import { SUBGRAPHS } from './definitions';
import { prepareServiceSchemas } from './prepare';

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
    await prepareServiceSchemas(SUBGRAPHS, (service) => databaseUrlFor(service, { ...process.env, DATABASE_URL: databaseUrl }), { seedDemo: config.seedDemo, log });
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
