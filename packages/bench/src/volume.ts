/**
 * Volume data for the benchmark (`pnpm seed:volume --scale N`). Placeholder until the domain
 * services provide their generators: returns the ids the scenarios use.
 */
import { Client } from 'pg';

export interface VolumeSummary {
  counts: Record<string, number>;
  networkIds: string[];
  municipalityIds: string[];
}

export async function seedVolume(databaseUrl: string, _scale: number, _log: (msg: string) => void): Promise<VolumeSummary> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const networks = await db.query<{ id: string }>('SELECT id FROM networks.network ORDER BY id LIMIT 2000');
    const municipalities = await db.query<{ id: string }>('SELECT id FROM participants.municipality ORDER BY id');
    return {
      counts: { networks: networks.rowCount ?? 0, municipalities: municipalities.rowCount ?? 0 },
      networkIds: networks.rows.map((r) => r.id),
      municipalityIds: municipalities.rows.map((r) => r.id),
    };
  } finally {
    await db.end();
  }
}
