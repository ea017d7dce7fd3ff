/**
 * `pnpm seed:volume [--scale N] [--seed S]`: loads the benchmark's generated volume (scale 1:
 * 2,000 networks, 100,000 registrations, 200,000 indicator values…) on DATABASE_URL or (unset)
 * on the embedded database under DATA_DIR, and prints the rows and the time it took.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@kommunenett/db';
import { seedVolume } from './volume';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' }, seed: { type: 'string', default: '20130521' } } });
  const scale = Number(values.scale);
  let embedded: EmbeddedPostgres | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: join(resolve(process.env.DATA_DIR ?? '.data'), 'pglite') });
    url = embedded.url;
  }
  try {
    console.log(`Loading volume of scale ${scale} into ${embedded ? 'the embedded database' : 'PostgreSQL'}`);
    const summary = await seedVolume(url, scale, (msg) => console.log(`  ${msg}`), Number(values.seed));
    for (const [table, rows] of Object.entries(summary.counts)) console.log(`  ${table.padEnd(32)} ${rows.toLocaleString('en').padStart(12)}`);
    console.log(`Loaded in ${summary.seconds} s`);
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
