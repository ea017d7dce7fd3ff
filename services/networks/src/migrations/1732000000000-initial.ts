import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1732000000000 implements MigrationInterface {
  name = 'Initial1732000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE networks.program (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        description text,
        language text NOT NULL,
        status text NOT NULL,
        owner_ids text[] NOT NULL,
        partner_ids text[] NOT NULL DEFAULT '{}',
        funder_id text,
        themes text[] NOT NULL DEFAULT '{}',
        period_start text,
        period_end text,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE networks.network (
        id uuid PRIMARY KEY,
        program_id uuid REFERENCES networks.program(id),
        name text NOT NULL,
        description text,
        theme text NOT NULL,
        country text NOT NULL,
        language text NOT NULL,
        status text NOT NULL,
        host_ids text[] NOT NULL,
        contact_person_ids uuid[] NOT NULL DEFAULT '{}',
        target_roles text[] NOT NULL DEFAULT '{}',
        eligible_kinds text[] NOT NULL,
        capacity int,
        capacity_min int,
        per_municipality_limit int,
        per_municipality_min int,
        registration_opens_at timestamptz,
        registration_deadline timestamptz,
        requires_approval boolean NOT NULL DEFAULT false,
        requires_leadership_anchoring boolean NOT NULL DEFAULT false,
        cost_note text,
        time_zone text NOT NULL,
        cancellation_reason text,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX network_program_idx ON networks.network (program_id)');
    await q.query('CREATE INDEX network_status_idx ON networks.network (status)');
    await q.query('CREATE INDEX network_country_idx ON networks.network (country)');
    await q.query('CREATE INDEX network_hosts_idx ON networks.network USING gin (host_ids)');
    await q.query('CREATE INDEX network_name_idx ON networks.network (name, id)');
    await q.query(`
      CREATE TABLE networks.session (
        id uuid PRIMARY KEY,
        network_id uuid NOT NULL REFERENCES networks.network(id) ON DELETE CASCADE,
        sequence int NOT NULL,
        kind text NOT NULL,
        title text NOT NULL,
        description text,
        starts_at timestamptz,
        ends_at timestamptz,
        planned_from text,
        planned_to text,
        location text,
        location_municipality_id text,
        sort_date timestamptz,
        version int NOT NULL DEFAULT 1,
        UNIQUE (network_id, sequence)
      )`);
    await q.query('CREATE INDEX session_sort_date_idx ON networks.session (sort_date)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE networks.session');
    await q.query('DROP TABLE networks.network');
    await q.query('DROP TABLE networks.program');
  }
}
