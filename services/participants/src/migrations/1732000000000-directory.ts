import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Directory1732000000000 implements MigrationInterface {
  name = 'Directory1732000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE participants.municipality (
        id text PRIMARY KEY,
        country text NOT NULL,
        code text NOT NULL,
        kind text NOT NULL,
        name text NOT NULL,
        official_name text,
        county_code text NOT NULL,
        county_name text NOT NULL,
        population int,
        search_name text NOT NULL
      )`);
    await q.query('CREATE INDEX municipality_country_county_idx ON participants.municipality (country, county_code)');
    await q.query('CREATE INDEX municipality_search_idx ON participants.municipality (search_name text_pattern_ops)');
    await q.query(`
      CREATE TABLE participants.organization (
        id text PRIMARY KEY,
        name text NOT NULL,
        short_name text NOT NULL,
        country text NOT NULL,
        kind text NOT NULL,
        former_names text[] NOT NULL DEFAULT '{}'
      )`);
    await q.query(`
      CREATE TABLE participants.person (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        email text,
        phone text,
        title text,
        employer_municipality_id text REFERENCES participants.municipality(id),
        employer_organization_id text REFERENCES participants.organization(id),
        gender text,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE UNIQUE INDEX person_email_idx ON participants.person (email)');
    await q.query('CREATE INDEX person_employer_municipality_idx ON participants.person (employer_municipality_id)');
    await q.query('CREATE INDEX person_employer_organization_idx ON participants.person (employer_organization_id)');
    await q.query(`
      CREATE TABLE participants.registration (
        id uuid PRIMARY KEY,
        network_id uuid NOT NULL,
        person_id uuid REFERENCES participants.person(id),
        municipality_id text NOT NULL REFERENCES participants.municipality(id),
        status text NOT NULL,
        waitlist_position int,
        registered_at timestamptz NOT NULL DEFAULT now(),
        leadership_anchoring text,
        version int NOT NULL DEFAULT 1
      )`);
    await q.query('CREATE INDEX registration_network_status_idx ON participants.registration (network_id, status)');
    await q.query('CREATE INDEX registration_municipality_idx ON participants.registration (municipality_id)');
    await q.query('CREATE INDEX registration_person_idx ON participants.registration (person_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE participants.registration');
    await q.query('DROP TABLE participants.person');
    await q.query('DROP TABLE participants.organization');
    await q.query('DROP TABLE participants.municipality');
  }
}
