import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Reports1733000000000 implements MigrationInterface {
  name = 'Reports1733000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reports.indicator (
        id text PRIMARY KEY,
        names jsonb NOT NULL,
        descriptions jsonb NOT NULL DEFAULT '{}',
        unit text NOT NULL,
        value_type text NOT NULL,
        direction text NOT NULL,
        category text NOT NULL,
        level text NOT NULL,
        min_value double precision,
        max_value double precision,
        first_period int NOT NULL,
        last_period int,
        period_step int NOT NULL DEFAULT 1 CHECK (period_step > 0),
        source text
      )`);
    await q.query('CREATE INDEX indicator_category_idx ON reports.indicator (category, id)');

    await q.query(`
      CREATE TABLE reports.report (
        id uuid PRIMARY KEY,
        municipality_id text NOT NULL,
        municipality_code text NOT NULL,
        period text NOT NULL,
        kind text NOT NULL,
        status text NOT NULL,
        title text NOT NULL,
        language text NOT NULL,
        sections jsonb NOT NULL DEFAULT '[]',
        recipient_id text NOT NULL,
        network_id uuid,
        return_comment text,
        submitted_at timestamptz,
        published_at timestamptz,
        generated boolean NOT NULL DEFAULT false,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One report of a kind per municipality and period (per network for network project results).
    await q.query(`CREATE UNIQUE INDEX report_unique_idx ON reports.report
      (municipality_id, kind, period, (COALESCE(network_id, '00000000-0000-0000-0000-000000000000'::uuid)))`);
    await q.query('CREATE INDEX report_list_idx ON reports.report (period, municipality_id, id)');
    await q.query('CREATE INDEX report_status_idx ON reports.report (status)');
    await q.query('CREATE INDEX report_recipient_idx ON reports.report (recipient_id, status)');
    await q.query('CREATE INDEX report_network_idx ON reports.report (network_id) WHERE network_id IS NOT NULL');

    await q.query(`
      CREATE TABLE reports.indicator_value (
        id uuid PRIMARY KEY,
        report_id uuid NOT NULL REFERENCES reports.report(id) ON DELETE CASCADE,
        indicator_id text NOT NULL REFERENCES reports.indicator(id),
        municipality_id text NOT NULL,
        period text NOT NULL,
        breakdown text,
        value double precision NOT NULL,
        as_of date,
        note text
      )`);
    await q.query(`CREATE UNIQUE INDEX indicator_value_unique_idx ON reports.indicator_value (report_id, indicator_id, (COALESCE(breakdown, '')))`);
    // Statistics select by indicator and period, then group by municipality.
    await q.query('CREATE INDEX indicator_value_stats_idx ON reports.indicator_value (indicator_id, period, municipality_id)');
    await q.query('CREATE INDEX indicator_value_municipality_idx ON reports.indicator_value (municipality_id, indicator_id, period)');

    await q.query(`
      CREATE TABLE reports.risk (
        id uuid PRIMARY KEY,
        report_id uuid NOT NULL REFERENCES reports.report(id) ON DELETE CASCADE,
        position int NOT NULL,
        factor text NOT NULL,
        description text,
        likelihood int NOT NULL CHECK (likelihood BETWEEN 1 AND 10),
        consequence int NOT NULL CHECK (consequence BETWEEN 1 AND 10),
        measures text,
        owner text,
        status text NOT NULL
      )`);
    await q.query('CREATE INDEX risk_report_idx ON reports.risk (report_id, position)');

    await q.query(`
      CREATE TABLE reports.audit (
        id uuid PRIMARY KEY,
        report_id uuid NOT NULL REFERENCES reports.report(id) ON DELETE CASCADE,
        position int NOT NULL,
        kind text NOT NULL,
        authority text NOT NULL,
        topic text NOT NULL,
        unit text,
        performed_on date,
        outcome text
      )`);
    await q.query('CREATE INDEX audit_report_idx ON reports.audit (report_id, position)');

    await q.query(`
      CREATE TABLE reports.finding (
        id uuid PRIMARY KEY,
        report_id uuid NOT NULL REFERENCES reports.report(id) ON DELETE CASCADE,
        audit_id uuid REFERENCES reports.audit(id) ON DELETE CASCADE,
        municipality_id text NOT NULL,
        position int NOT NULL,
        kind text NOT NULL,
        count int NOT NULL DEFAULT 1 CHECK (count > 0),
        description text,
        deadline date,
        closed_on date
      )`);
    await q.query('CREATE INDEX finding_report_idx ON reports.finding (report_id, position)');
    await q.query('CREATE INDEX finding_audit_idx ON reports.finding (audit_id)');
    // Open findings by deadline: the overdue-findings query.
    await q.query('CREATE INDEX finding_open_deadline_idx ON reports.finding (deadline, id) WHERE closed_on IS NULL AND deadline IS NOT NULL');

    await q.query(`
      CREATE TABLE reports.recommendation_status (
        id uuid PRIMARY KEY,
        report_id uuid NOT NULL REFERENCES reports.report(id) ON DELETE CASCADE,
        recommendation_id uuid NOT NULL,
        municipality_id text NOT NULL,
        period text NOT NULL,
        status text NOT NULL,
        comment text,
        UNIQUE (report_id, recommendation_id)
      )`);
    await q.query('CREATE INDEX recommendation_status_recommendation_idx ON reports.recommendation_status (recommendation_id, municipality_id)');

    await q.query(`
      CREATE TABLE reports.survey (
        id uuid PRIMARY KEY,
        title text NOT NULL,
        description text,
        organization_id text NOT NULL,
        conducted_by text,
        period text NOT NULL,
        published_on date,
        country text NOT NULL,
        language text NOT NULL,
        population text NOT NULL,
        population_size int,
        respondent_count int NOT NULL CHECK (respondent_count >= 0),
        collects_individual_answers boolean NOT NULL DEFAULT false,
        source text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX survey_list_idx ON reports.survey (period, id)');
    await q.query(`
      CREATE TABLE reports.survey_question (
        id uuid PRIMARY KEY,
        survey_id uuid NOT NULL REFERENCES reports.survey(id) ON DELETE CASCADE,
        position int NOT NULL,
        text text NOT NULL,
        kind text NOT NULL,
        UNIQUE (survey_id, position)
      )`);
    await q.query(`
      CREATE TABLE reports.survey_option (
        id uuid PRIMARY KEY,
        question_id uuid NOT NULL REFERENCES reports.survey_question(id) ON DELETE CASCADE,
        position int NOT NULL,
        label text NOT NULL,
        UNIQUE (question_id, position)
      )`);
    await q.query(`
      CREATE TABLE reports.survey_result (
        id uuid PRIMARY KEY,
        question_id uuid NOT NULL REFERENCES reports.survey_question(id) ON DELETE CASCADE,
        option_id uuid NOT NULL REFERENCES reports.survey_option(id) ON DELETE CASCADE,
        breakdown_dimension text NOT NULL DEFAULT '',
        breakdown_group text NOT NULL DEFAULT '',
        respondents int NOT NULL CHECK (respondents >= 0),
        count int NOT NULL CHECK (count >= 0),
        published_share double precision CHECK (published_share BETWEEN 0 AND 1),
        UNIQUE (question_id, option_id, breakdown_dimension, breakdown_group)
      )`);
    await q.query(`
      CREATE TABLE reports.survey_answer (
        id uuid PRIMARY KEY,
        survey_id uuid NOT NULL REFERENCES reports.survey(id) ON DELETE CASCADE,
        question_id uuid NOT NULL REFERENCES reports.survey_question(id) ON DELETE CASCADE,
        option_id uuid NOT NULL REFERENCES reports.survey_option(id) ON DELETE CASCADE,
        respondent_key text NOT NULL,
        background jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query('CREATE INDEX survey_answer_question_idx ON reports.survey_answer (question_id, option_id)');
    await q.query('CREATE INDEX survey_answer_survey_idx ON reports.survey_answer (survey_id, respondent_key)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['survey_answer', 'survey_result', 'survey_option', 'survey_question', 'survey', 'recommendation_status',
      'finding', 'audit', 'risk', 'indicator_value', 'report', 'indicator']) {
      await q.query(`DROP TABLE reports.${table}`);
    }
  }
}
