import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalogue's free-text search is a substring match (LIKE '%…%'), which a B-tree cannot
 * serve: a trigram index (pg_trgm, a trusted extension in PostgreSQL and bundled with the
 * embedded database) answers it for search words of three letters or more. The extension goes
 * into this service's schema unless the database has it already, wherever that is.
 */
export class SearchTrigrams1732000000002 implements MigrationInterface {
  name = 'SearchTrigrams1732000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA networks');
    const [{ schema }] = (await q.query(
      `SELECT quote_ident(n.nspname) AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`,
    )) as { schema: string }[];
    await q.query(`CREATE INDEX network_search_idx ON networks.network USING gin (search_text ${schema}.gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX networks.network_search_idx');
  }
}
