import { Client } from 'pg';

/**
 * PGlite runs no autovacuum: without it the planner never learns how big a table has grown (a
 * freshly loaded table of 200,000 rows is planned as if it held one) and dead rows are never
 * reclaimed. The embedded server does autovacuum's job itself, with autovacuum's default
 * thresholds: a table is analyzed once more than 50 rows + 10 % of it changed since the last
 * analyze, and vacuumed once more than 50 rows + 20 % of it are dead or more than 1,000 rows + 20 %
 * of it were inserted since the last vacuum (which marks pages all-visible, so that index-only
 * scans need not visit the table). It connects over the wire
 * protocol like any client, so its statements queue behind the services' transactions.
 */
export interface MaintenanceRound {
  analyzed: string[];
  vacuumed: string[];
}

const DUE_TABLES = `
  SELECT format('%I.%I', schemaname, relname) AS name,
         n_dead_tup > 50 + 0.2 * n_live_tup OR n_ins_since_vacuum > 1000 + 0.2 * n_live_tup AS vacuum,
         n_mod_since_analyze > 50 + 0.1 * n_live_tup AS analyze
    FROM pg_stat_user_tables
   WHERE n_dead_tup > 50 + 0.2 * n_live_tup OR n_ins_since_vacuum > 1000 + 0.2 * n_live_tup
      OR n_mod_since_analyze > 50 + 0.1 * n_live_tup
   ORDER BY 1`;

/** One round: vacuums and analyzes the tables that are due, and says which. */
export async function maintainEmbeddedDatabase(url: string): Promise<MaintenanceRound> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // Counters reach the shared statistics at most once a second; ask for them now.
    await client.query('SELECT pg_stat_force_next_flush()');
    const due = (await client.query<{ name: string; vacuum: boolean; analyze: boolean }>(DUE_TABLES)).rows;
    const round: MaintenanceRound = { analyzed: [], vacuumed: [] };
    for (const table of due) {
      // The name comes from format('%I.%I'), quoted by the server.
      await client.query(`${table.vacuum ? 'VACUUM (ANALYZE)' : 'ANALYZE'} ${table.name}`);
      round.analyzed.push(table.name);
      if (table.vacuum) round.vacuumed.push(table.name);
    }
    return round;
  } finally {
    await client.end();
  }
}

/** Runs a round every `intervalMs` (never two at once); returns the function that stops it. */
export function scheduleEmbeddedMaintenance(url: string, intervalMs: number, onRound: (round: MaintenanceRound | Error) => void): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    maintainEmbeddedDatabase(url)
      .then((round) => onRound(round), (error: unknown) => onRound(error instanceof Error ? error : new Error(String(error))))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
