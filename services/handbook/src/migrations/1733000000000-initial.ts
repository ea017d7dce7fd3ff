import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1733000000000 implements MigrationInterface {
  name = 'Initial1733000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE handbook.handbook (
        id uuid PRIMARY KEY,
        slug text NOT NULL UNIQUE,
        title text NOT NULL,
        subtitle text,
        description text,
        language text NOT NULL,
        publisher_ids text[] NOT NULL,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX handbook_title_idx ON handbook.handbook (title, id)');
    await q.query('CREATE INDEX handbook_publishers_idx ON handbook.handbook USING gin (publisher_ids)');

    await q.query(`
      CREATE TABLE handbook.edition (
        id uuid PRIMARY KEY,
        handbook_id uuid NOT NULL REFERENCES handbook.handbook(id),
        number int NOT NULL,
        title text NOT NULL,
        status text NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'SUPERSEDED')),
        published_on date,
        notes text,
        based_on_id uuid REFERENCES handbook.edition(id),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (handbook_id, number)
      )`);
    // At most one draft and one current edition per handbook.
    await q.query(`CREATE UNIQUE INDEX edition_one_draft_idx ON handbook.edition (handbook_id) WHERE status = 'DRAFT'`);
    await q.query(`CREATE UNIQUE INDEX edition_one_published_idx ON handbook.edition (handbook_id) WHERE status = 'PUBLISHED'`);

    // The search document of a chapter, in the text search configuration of its language.
    // IMMUTABLE (true for these arguments) so that it can define a stored generated column.
    await q.query(`
      CREATE FUNCTION handbook.search_config(language text) RETURNS regconfig
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT (CASE language WHEN 'sv' THEN 'pg_catalog.swedish' WHEN 'en' THEN 'pg_catalog.english' ELSE 'pg_catalog.norwegian' END)::regconfig
      $$`);
    await q.query(`
      CREATE FUNCTION handbook.chapter_document(language text, title text, summary text, tags text[], body text) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT setweight(to_tsvector(handbook.search_config(language), coalesce(title, '')), 'A')
            || setweight(to_tsvector(handbook.search_config(language), coalesce(summary, '') || ' ' || array_to_string(tags, ' ')), 'B')
            || setweight(to_tsvector(handbook.search_config(language), coalesce(body, '')), 'C')
      $$`);
    await q.query(`
      CREATE TABLE handbook.chapter (
        id uuid PRIMARY KEY,
        edition_id uuid NOT NULL REFERENCES handbook.edition(id) ON DELETE CASCADE,
        slug text NOT NULL,
        parent_id uuid REFERENCES handbook.chapter(id),
        position int NOT NULL,
        title text NOT NULL,
        summary text,
        body_markdown text NOT NULL,
        body_text text NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        language text NOT NULL,
        content_note text,
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        search_document tsvector GENERATED ALWAYS AS (handbook.chapter_document(language, title, summary, tags, body_text)) STORED,
        UNIQUE (edition_id, slug)
      )`);
    await q.query('CREATE INDEX chapter_tree_idx ON handbook.chapter (edition_id, parent_id, position)');
    await q.query('CREATE INDEX chapter_parent_idx ON handbook.chapter (parent_id)');
    await q.query('CREATE INDEX chapter_slug_idx ON handbook.chapter (slug)');
    // One GIN index per text search configuration; searches name the same predicate.
    await q.query(`CREATE INDEX chapter_search_norwegian_idx ON handbook.chapter USING gin (search_document) WHERE language IN ('nb', 'nn')`);
    await q.query(`CREATE INDEX chapter_search_swedish_idx ON handbook.chapter USING gin (search_document) WHERE language = 'sv'`);
    await q.query(`CREATE INDEX chapter_search_english_idx ON handbook.chapter USING gin (search_document) WHERE language = 'en'`);

    await q.query(`
      CREATE TABLE handbook.tool (
        id uuid PRIMARY KEY,
        edition_id uuid NOT NULL REFERENCES handbook.edition(id) ON DELETE CASCADE,
        slug text NOT NULL,
        name text NOT NULL,
        kind text NOT NULL,
        purpose text NOT NULL,
        steps text[] NOT NULL DEFAULT '{}',
        chapter_slug text,
        position int NOT NULL,
        content_note text,
        version int NOT NULL DEFAULT 1,
        UNIQUE (edition_id, slug)
      )`);

    await q.query(`
      CREATE TABLE handbook.recommendation (
        id uuid PRIMARY KEY,
        handbook_id uuid NOT NULL REFERENCES handbook.handbook(id),
        number int NOT NULL,
        title text NOT NULL,
        text text NOT NULL,
        source text NOT NULL,
        language text NOT NULL,
        content_note text,
        UNIQUE (handbook_id, number)
      )`);

    await q.query(`
      CREATE TABLE handbook.revision_proposal (
        id uuid PRIMARY KEY,
        handbook_id uuid NOT NULL REFERENCES handbook.handbook(id),
        chapter_slug text NOT NULL,
        network_id uuid NOT NULL,
        session_id uuid,
        proposed_by text NOT NULL,
        proposer_person_id uuid,
        proposer_role text NOT NULL,
        title text NOT NULL,
        rationale text NOT NULL,
        proposed_markdown text,
        status text NOT NULL CHECK (status IN ('PROPOSED', 'ACCEPTED', 'REJECTED')),
        decision_note text,
        decided_by text,
        decided_at timestamptz,
        accepted_into_edition_id uuid REFERENCES handbook.edition(id),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX revision_proposal_handbook_idx ON handbook.revision_proposal (handbook_id, status, created_at, id)');
    await q.query('CREATE INDEX revision_proposal_network_idx ON handbook.revision_proposal (network_id, created_at, id)');
    await q.query('CREATE INDEX revision_proposal_proposer_idx ON handbook.revision_proposal (proposed_by)');
    await q.query('CREATE INDEX revision_proposal_edition_idx ON handbook.revision_proposal (accepted_into_edition_id)');

    await q.query(`
      CREATE TABLE handbook.network_handbook (
        network_id uuid PRIMARY KEY,
        handbook_id uuid NOT NULL REFERENCES handbook.handbook(id)
      )`);
    await q.query('CREATE INDEX network_handbook_handbook_idx ON handbook.network_handbook (handbook_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['network_handbook', 'revision_proposal', 'recommendation', 'tool', 'chapter', 'edition', 'handbook']) {
      await q.query(`DROP TABLE handbook.${table}`);
    }
    await q.query('DROP FUNCTION handbook.chapter_document(text, text, text, text[], text)');
    await q.query('DROP FUNCTION handbook.search_config(text)');
  }
}
