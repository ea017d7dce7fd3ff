/**
 * Volume data for the benchmark (`pnpm seed:volume --scale N`, and `pnpm bench` before it
 * measures): migrates each service and loads its demo data, then runs the service's own volume
 * generator (`volumeSeed` of its definition) through the service's DataSource. Idempotent: a
 * service whose volume of that scale is there already is skipped.
 */
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { faker as fakerNo } from '@faker-js/faker/locale/nb_NO';
import { faker as fakerSe } from '@faker-js/faker/locale/sv';
import { createServiceDataSource, databaseUrlFor, migrateAndPrepare } from '@kommunenett/db';
import { municipalities } from '@kommunenett/reference-data';
import { createLogger, type GeneratedName } from '@kommunenett/subgraph-kit';
import { SUBGRAPHS } from '@kommunenett/stack';

export interface VolumeSummary {
  /** Rows in the main tables after loading, e.g. `participants.registration`. */
  counts: Record<string, number>;
  /** Volume networks anyone may see (all but drafts), for the scenarios. */
  networkIds: string[];
  municipalityIds: string[];
  seconds: number;
}

/** The tables whose sizes the summary reports. */
const REPORTED_TABLES: Record<string, string[]> = {
  networks: ['program', 'network', 'session', 'agenda_item'],
  participants: ['person', 'registration', 'attendance'],
  reports: ['report', 'indicator_value'],
  handbook: ['handbook', 'chapter', 'network_handbook'],
};
const VOLUME_NETWORKS = 2000;

/** md5(text)::uuid, as the generators' SQL derives ids. */
export function volumeId(name: string): string {
  const h = createHash('md5').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Norwegian and Swedish fake names from @faker-js/faker, seeded so every run names the same people. */
export function fakerNames(seed: number): (country: 'NO' | 'SE', count: number) => GeneratedName[] {
  fakerNo.seed(seed);
  fakerSe.seed(seed + 1);
  return (country, count) => {
    const faker = country === 'SE' ? fakerSe : fakerNo;
    return Array.from({ length: count }, () => {
      const sex = faker.person.sex() as 'female' | 'male';
      return { givenName: faker.person.firstName(sex), familyName: faker.person.lastName(), sex };
    });
  };
}

export async function seedVolume(databaseUrl: string, scale: number, log: (msg: string) => void, seed = 20130521): Promise<VolumeSummary> {
  if (!(scale > 0)) throw new Error(`The scale must be a positive number, not ${scale}.`);
  const logger = createLogger('seed-volume');
  const started = Date.now();
  const names = fakerNames(seed);
  for (const def of SUBGRAPHS) {
    const ds = createServiceDataSource({
      service: def.name, url: databaseUrlFor(def.name, { ...process.env, DATABASE_URL: databaseUrl }), entities: def.tables, migrations: def.migrations, poolSize: 2,
    });
    await ds.initialize();
    try {
      const serviceStarted = Date.now();
      await migrateAndPrepare(ds, def.name, def.seed ? () => def.seed!(ds, logger) : undefined);
      const result = await def.volumeSeed?.(ds, { scale, seed, log, names });
      const seconds = ((Date.now() - serviceStarted) / 1000).toFixed(1);
      if (!result) log(`${def.name}: no volume generator`);
      else if (result.skipped) log(`${def.name}: volume of scale ${scale} already loaded`);
      else log(`${def.name}: ${Object.entries(result.counts).map(([table, rows]) => `${rows.toLocaleString('en')} ${table}`).join(', ')} in ${seconds} s`);
    } finally {
      await ds.destroy();
    }
  }
  // Fresh planner statistics: autovacuum would get there in its own time, PGlite never.
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query('ANALYZE');
  } finally {
    await admin.end();
  }
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  log(`volume of scale ${scale} ready in ${seconds} s`);
  return { ...(await volumeSummary(databaseUrl, scale)), seconds };
}

/** What is loaded on `databaseUrl`: the sizes of the main tables and the volume's ids of scale `scale`. */
export async function volumeSummary(databaseUrl: string, scale: number): Promise<Omit<VolumeSummary, 'seconds'>> {
  const counts: Record<string, number> = {};
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const [schema, tables] of Object.entries(REPORTED_TABLES)) {
      for (const table of tables) counts[`${schema}.${table}`] = (await client.query<{ rows: number }>(`SELECT count(*)::int AS rows FROM ${schema}.${table}`)).rows[0].rows;
    }
  } finally {
    await client.end();
  }
  const networks = Math.max(1, Math.round(VOLUME_NETWORKS * scale));
  return {
    counts,
    networkIds: Array.from({ length: networks }, (_, i) => i + 1).filter((n) => n % 10 !== 0).map((n) => volumeId(`kommunenett:volume:network:${n}`)),
    municipalityIds: municipalities().map((m) => m.id),
  };
}
