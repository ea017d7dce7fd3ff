import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Session locations and themes, timed agendas, work between gatherings and municipality projects,
 * and the indexes behind the catalogue's filters and orders.
 */
export class AgendasAssignments1732000000001 implements MigrationInterface {
  name = 'AgendasAssignments1732000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE networks.session RENAME COLUMN location TO location_place');
    await q.query('ALTER TABLE networks.session ADD COLUMN location_venue text, ADD COLUMN theme text');
    await q.query('CREATE INDEX session_network_sort_date_idx ON networks.session (network_id, sort_date)');

    // Free-text search folds case and Nordic letters the way the API folds the query (foldForSearch);
    // spelled out for upper case too, so it does not depend on the database's locale.
    await q.query(`
      ALTER TABLE networks.network ADD COLUMN search_text text GENERATED ALWAYS AS (
        translate(lower(replace(replace(name || ' ' || coalesce(description, ''), 'æ', 'ae'), 'Æ', 'ae')),
          'øåäöéèêáàâüúíóñçŋđØÅÄÖÉÈÊÁÀÂÜÚÍÓÑÇŊĐ', 'oaaoeeeaaauuioncndoaaoeeeaaauuioncnd')
      ) STORED`);
    await q.query('CREATE INDEX network_language_idx ON networks.network (language)');
    await q.query('CREATE INDEX network_theme_idx ON networks.network (theme)');
    await q.query(`CREATE INDEX network_deadline_order_idx ON networks.network ((coalesce(registration_deadline, 'infinity'::timestamptz)), name, id)`);
    await q.query('CREATE INDEX network_open_idx ON networks.network (status, registration_deadline) WHERE status = \'PUBLISHED\'');
    await q.query('CREATE INDEX program_owner_idx ON networks.program USING gin (owner_ids)');

    await q.query(`
      CREATE TABLE networks.agenda_item (
        id uuid PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES networks.session(id) ON DELETE CASCADE,
        position int NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz,
        title text NOT NULL,
        description text,
        kind text NOT NULL,
        leaders text,
        leader_person_ids uuid[] NOT NULL DEFAULT '{}',
        parallel boolean NOT NULL DEFAULT false,
        handbook_anchors text[] NOT NULL DEFAULT '{}',
        tool_ids text[] NOT NULL DEFAULT '{}',
        UNIQUE (session_id, position),
        CHECK (ends_at IS NULL OR ends_at > starts_at)
      )`);

    await q.query(`
      CREATE TABLE networks.assignment (
        id uuid PRIMARY KEY,
        network_id uuid NOT NULL REFERENCES networks.network(id) ON DELETE CASCADE,
        position int NOT NULL,
        title text NOT NULL,
        instructions text NOT NULL,
        given_at_session_id uuid REFERENCES networks.session(id) ON DELETE SET NULL,
        due_before_session_id uuid REFERENCES networks.session(id) ON DELETE SET NULL,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (network_id, position)
      )`);
    await q.query(`
      CREATE TABLE networks.submission (
        id uuid PRIMARY KEY,
        assignment_id uuid NOT NULL REFERENCES networks.assignment(id) ON DELETE CASCADE,
        municipality_id text NOT NULL,
        status text NOT NULL,
        text text,
        links text[] NOT NULL DEFAULT '{}',
        submitted_by_person_id text,
        submitted_at timestamptz,
        reviewed_at timestamptz,
        review_note text,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (assignment_id, municipality_id)
      )`);
    await q.query('CREATE INDEX submission_municipality_idx ON networks.submission (municipality_id)');

    await q.query(`
      CREATE TABLE networks.municipality_project (
        id uuid PRIMARY KEY,
        network_id uuid NOT NULL REFERENCES networks.network(id) ON DELETE CASCADE,
        municipality_id text NOT NULL,
        title text NOT NULL,
        problem text,
        goals text,
        measures text,
        organisation text,
        lead_mandate text,
        anchoring_phase text NOT NULL,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (network_id, municipality_id)
      )`);
    await q.query('CREATE INDEX municipality_project_municipality_idx ON networks.municipality_project (municipality_id)');
    await q.query(`
      CREATE TABLE networks.project_milestone (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES networks.municipality_project(id) ON DELETE CASCADE,
        position int NOT NULL,
        title text NOT NULL,
        due_on date,
        status text NOT NULL,
        UNIQUE (project_id, position)
      )`);
    await q.query(`
      CREATE TABLE networks.anchoring_change (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES networks.municipality_project(id) ON DELETE CASCADE,
        from_phase text,
        to_phase text NOT NULL,
        note text,
        changed_at timestamptz NOT NULL,
        changed_by text
      )`);
    await q.query('CREATE INDEX anchoring_change_project_idx ON networks.anchoring_change (project_id, changed_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['anchoring_change', 'project_milestone', 'municipality_project', 'submission', 'assignment', 'agenda_item']) {
      await q.query(`DROP TABLE networks.${table}`);
    }
    await q.query('DROP INDEX networks.program_owner_idx');
    for (const index of ['network_open_idx', 'network_deadline_order_idx', 'network_theme_idx', 'network_language_idx', 'session_network_sort_date_idx']) {
      await q.query(`DROP INDEX networks.${index}`);
    }
    await q.query('ALTER TABLE networks.network DROP COLUMN search_text');
    await q.query('ALTER TABLE networks.session DROP COLUMN location_venue, DROP COLUMN theme');
    await q.query('ALTER TABLE networks.session RENAME COLUMN location_place TO location');
  }
}
