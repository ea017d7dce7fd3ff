/**
 * The embedded database as a process of its own (what `pnpm start` runs when DATABASE_URL is
 * unset): PGlite with its data under `<DATA_DIR>/pglite`, served on `EMBEDDED_DB_PORT`.
 */
import { join, resolve } from 'node:path';
import { scheduleEmbeddedMaintenance } from './embedded-maintenance';
import { startEmbeddedPostgres } from './embedded-server';

/** How often the embedded server looks for tables that need ANALYZE or VACUUM (PGlite has no autovacuum). */
const MAINTENANCE_INTERVAL_MS = 60_000;

async function main(): Promise<void> {
  const dataDir = join(resolve(process.env.DATA_DIR ?? '.data'), 'pglite');
  const port = Number(process.env.EMBEDDED_DB_PORT ?? 54329);
  const db = await startEmbeddedPostgres({ dataDir, port, sharedBuffers: process.env.EMBEDDED_DB_SHARED_BUFFERS });
  console.log(JSON.stringify({ level: 30, service: 'database', msg: 'embedded database ready', url: db.url, dataDir }));
  const stopMaintenance = scheduleEmbeddedMaintenance(db.url, MAINTENANCE_INTERVAL_MS, (round) => {
    if (round instanceof Error) console.log(JSON.stringify({ level: 50, service: 'database', msg: 'maintenance failed', err: round.message }));
    else if (round.analyzed.length) console.log(JSON.stringify({ level: 30, service: 'database', msg: 'tables analyzed', ...round }));
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    stopMaintenance();
    await db.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
