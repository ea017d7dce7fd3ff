import { Client } from 'pg';
import { randomBytes } from 'node:crypto';

/**
 * Creates a fresh, uniquely named database on the server of `baseUrl` and returns its URL, so
 * that each test run against a real PostgreSQL starts empty and runs beside the others.
 */
export async function createFreshDatabase(baseUrl: string, prefix = 'kommunenett_test'): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new Client({ connectionString: baseUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
