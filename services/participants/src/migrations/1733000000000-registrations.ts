import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registration rules and the partner API: position history, richer registrations (who, through
 * which client, external references, offers), the network facts this service enforces rules
 * with, the ordered change feed and its webhook outbox, idempotency keys, attendance, the log
 * of contact-data reads and erasure requests.
 */
export class Registrations1733000000000 implements MigrationInterface {
  name = 'Registrations1733000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE participants.person ADD COLUMN erased_at timestamptz');
    await q.query(`
      CREATE TABLE participants.position (
        id uuid PRIMARY KEY,
        person_id uuid NOT NULL REFERENCES participants.person(id) ON DELETE CASCADE,
        title text NOT NULL,
        employer_municipality_id text REFERENCES participants.municipality(id),
        employer_organization_id text REFERENCES participants.organization(id),
        valid_from date NOT NULL,
        valid_to date,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX position_person_idx ON participants.position (person_id, valid_from)');

    await q.query(`
      ALTER TABLE participants.registration
        ADD COLUMN note text,
        ADD COLUMN external_ref text,
        ADD COLUMN registered_by text,
        ADD COLUMN registered_by_role text,
        ADD COLUMN client_id text,
        ADD COLUMN offer_expires_at timestamptz,
        ADD COLUMN status_reason text,
        ADD COLUMN decided_by text,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`CREATE UNIQUE INDEX registration_external_ref_idx ON participants.registration (client_id, external_ref)
      WHERE external_ref IS NOT NULL AND client_id IS NOT NULL`);
    await q.query('CREATE INDEX registration_external_ref_lookup_idx ON participants.registration (external_ref) WHERE external_ref IS NOT NULL');
    // One live registration per person and network: the last line of defence behind the rules.
    await q.query(`CREATE UNIQUE INDEX registration_person_live_idx ON participants.registration (network_id, person_id)
      WHERE status IN ('PENDING', 'CONFIRMED', 'WAITLISTED', 'OFFERED')`);
    await q.query('CREATE INDEX registration_network_page_idx ON participants.registration (network_id, registered_at, id)');
    await q.query('CREATE INDEX registration_page_idx ON participants.registration (registered_at, id)');
    await q.query('CREATE INDEX registration_client_idx ON participants.registration (client_id)');
    await q.query(`CREATE INDEX registration_offer_expiry_idx ON participants.registration (offer_expires_at) WHERE status = 'OFFERED'`);
    await q.query(`CREATE INDEX registration_waitlist_idx ON participants.registration (network_id, waitlist_position) WHERE status = 'WAITLISTED'`);

    // The facts of a network (owned by the networks service) as last read through its _entities:
    // who hosts it (row access), its programme (moves, statistics) and capacity.
    await q.query(`
      CREATE TABLE participants.network_snapshot (
        network_id uuid PRIMARY KEY,
        program_id uuid,
        host_ids text[] NOT NULL,
        country text,
        status text NOT NULL,
        capacity int,
        refreshed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX network_snapshot_hosts_idx ON participants.network_snapshot USING gin (host_ids)');
    await q.query('CREATE INDEX network_snapshot_program_idx ON participants.network_snapshot (program_id)');

    // The change feed. Sequence numbers come from one counter row, taken at the end of each
    // writing transaction, so they are handed out in commit order and a reader never skips one.
    await q.query('CREATE TABLE participants.change_counter (id int PRIMARY KEY, value bigint NOT NULL)');
    await q.query('INSERT INTO participants.change_counter (id, value) VALUES (1, 0)');
    await q.query(`
      CREATE TABLE participants.registration_change (
        seq bigint PRIMARY KEY,
        registration_id uuid NOT NULL,
        network_id uuid NOT NULL,
        municipality_id text NOT NULL,
        kind text NOT NULL,
        status text NOT NULL,
        previous_status text,
        actor text,
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX registration_change_registration_idx ON participants.registration_change (registration_id, seq)');
    await q.query('CREATE INDEX registration_change_network_idx ON participants.registration_change (network_id, seq)');

    await q.query(`
      CREATE TABLE participants.idempotency_key (
        scope text NOT NULL,
        key text NOT NULL,
        operation text NOT NULL,
        request_hash text NOT NULL,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);
    await q.query('CREATE INDEX idempotency_key_created_idx ON participants.idempotency_key (created_at)');

    await q.query(`
      CREATE TABLE participants.webhook_subscription (
        id uuid PRIMARY KEY,
        organization_id text NOT NULL,
        client_id text NOT NULL,
        url text NOT NULL,
        secret text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_by text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX webhook_subscription_org_idx ON participants.webhook_subscription (organization_id) WHERE active');
    await q.query('CREATE INDEX webhook_subscription_client_idx ON participants.webhook_subscription (client_id)');
    // The outbox: one row per change and subscription, written in the transaction of the change.
    await q.query(`
      CREATE TABLE participants.webhook_delivery (
        id uuid PRIMARY KEY,
        subscription_id uuid NOT NULL REFERENCES participants.webhook_subscription(id) ON DELETE CASCADE,
        change_seq bigint NOT NULL REFERENCES participants.registration_change(seq),
        status text NOT NULL DEFAULT 'PENDING',
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        last_status_code int,
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (subscription_id, change_seq)
      )`);
    await q.query(`CREATE INDEX webhook_delivery_due_idx ON participants.webhook_delivery (next_attempt_at) WHERE status = 'PENDING'`);
    await q.query('CREATE INDEX webhook_delivery_subscription_idx ON participants.webhook_delivery (subscription_id, change_seq)');

    await q.query(`
      CREATE TABLE participants.attendance (
        session_id uuid NOT NULL,
        person_id uuid NOT NULL REFERENCES participants.person(id),
        network_id uuid NOT NULL,
        status text NOT NULL,
        note text,
        recorded_by text,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, person_id)
      )`);
    await q.query('CREATE INDEX attendance_network_idx ON participants.attendance (network_id)');
    await q.query('CREATE INDEX attendance_person_idx ON participants.attendance (person_id)');

    await q.query(`
      CREATE TABLE participants.contact_access (
        id uuid PRIMARY KEY,
        person_id uuid NOT NULL,
        field text NOT NULL,
        viewer_subject text,
        viewer_role text,
        viewer_organization_id text,
        request_id text,
        accessed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX contact_access_person_idx ON participants.contact_access (person_id, accessed_at)');
    await q.query('CREATE INDEX contact_access_time_idx ON participants.contact_access (accessed_at, id)');

    await q.query(`
      CREATE TABLE participants.erasure_request (
        id uuid PRIMARY KEY,
        person_id uuid NOT NULL,
        reason text,
        status text NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        decided_by text,
        decided_at timestamptz
      )`);
    await q.query('CREATE INDEX erasure_request_status_idx ON participants.erasure_request (status, requested_at)');
    await q.query('CREATE INDEX erasure_request_person_idx ON participants.erasure_request (person_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['erasure_request', 'contact_access', 'attendance', 'webhook_delivery', 'webhook_subscription', 'idempotency_key',
      'registration_change', 'change_counter', 'network_snapshot', 'position']) {
      await q.query(`DROP TABLE participants.${table}`);
    }
    await q.query(`ALTER TABLE participants.registration DROP COLUMN note, DROP COLUMN external_ref, DROP COLUMN registered_by,
      DROP COLUMN registered_by_role, DROP COLUMN client_id, DROP COLUMN offer_expires_at, DROP COLUMN status_reason,
      DROP COLUMN decided_by, DROP COLUMN updated_at`);
    await q.query('ALTER TABLE participants.person DROP COLUMN erased_at');
  }
}
