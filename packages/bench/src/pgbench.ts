/**
 * The database's own limit for a registration: PostgreSQL's `pgbench` replays the minimal
 * correct registration transaction (the statements the participants service sends, prepared)
 * with as many clients as the benchmark, into one hot network or spread over many. Its rate
 * beside the service's says how much of the database's speed the service keeps.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

/**
 * One registration as participants/src/services (idempotency.ts, locked-writes.ts, people.ts,
 * changes.ts) writes it: the key claimed with its answer, the person, the network's counter row
 * locked and read, the registration (its trigger counts the seat) with its change, in-flight
 * marker, notification and webhook outboxes in the same statement. Networks are synthetic (`md5('pgbench-' || k)`).
 * Keep it in step with those statements.
 */
const SCRIPT = `\\set k random(1, :networks)
BEGIN;
INSERT INTO participants.idempotency_key (scope, key, operation, request_hash, response)
  VALUES ('pgbench', gen_random_uuid()::text, 'registerParticipant', 'pgbench', '{"userErrors":[]}'::jsonb) RETURNING 1;
INSERT INTO participants.person (id, name, email, employer_municipality_id)
  VALUES (gen_random_uuid(), 'pgbench', gen_random_uuid()::text || '@pgbench.example.org', 'NO-0301') ON CONFLICT (email) DO NOTHING RETURNING id AS person \\gset
INSERT INTO participants.network_snapshot AS s (network_id, host_ids, status) VALUES (md5('pgbench-' || :k)::uuid, '{}'::text[], 'UNKNOWN')
  ON CONFLICT (network_id) DO UPDATE SET network_id = s.network_id RETURNING seats_taken, waitlisted;
WITH inserted AS (
    INSERT INTO participants.registration (id, network_id, person_id, municipality_id, status, registered_at, registered_by_role)
    VALUES (gen_random_uuid(), md5('pgbench-' || :k)::uuid, :person::uuid, 'NO-0301', 'CONFIRMED', now(), 'PARTNER')
    RETURNING id, person_id, waitlist_position, client_id),
  marker AS MATERIALIZED (
    SELECT pg_advisory_xact_lock_shared(40030000 + (s.last_value >> 31)::int, (s.last_value & 2147483647)::int)::text AS taken
    FROM participants.registration_change_seq s),
  numbered AS MATERIALIZED (
    SELECT nextval('participants.registration_change_seq') AS seq, i.id AS registration_id, md5('pgbench-' || :k)::uuid AS network_id
    FROM inserted i WHERE EXISTS (SELECT FROM marker)),
  logged AS (
    INSERT INTO participants.registration_change (seq, registration_id, network_id, municipality_id, kind, status, previous_status, actor, actor_role, client)
    SELECT seq, registration_id, network_id, 'NO-0301', 'CREATED', 'CONFIRMED', NULL, 'pgbench', 'PARTNER', 'pgbench' FROM numbered),
  notified AS (
    INSERT INTO participants.notification (id, kind, person_id, registration_id, network_id, change_seq, data)
    SELECT gen_random_uuid(), 'REGISTRATION_RECEIVED', r.person_id, r.id, c.network_id, c.seq, jsonb_build_object('status', 'CONFIRMED', 'waitlistPosition', r.waitlist_position)
    FROM numbered c JOIN inserted r ON r.id = c.registration_id)
INSERT INTO participants.webhook_delivery (id, subscription_id, change_seq)
SELECT gen_random_uuid(), s.id, c.seq FROM numbered c
JOIN inserted r ON r.id = c.registration_id
LEFT JOIN participants.network_snapshot n ON n.network_id = c.network_id
JOIN participants.webhook_subscription s ON s.active AND (s.organization_id = ANY(n.host_ids) OR s.client_id = r.client_id);
END;
`;

/** pgbench on PATH or in the PostgreSQL installation, or null. */
export function findPgbench(): string | null {
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, 'pgbench'))) return join(dir, 'pgbench');
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    for (const version of readdirSync(root).sort().reverse()) if (existsSync(join(root, version, 'bin', 'pgbench'))) return join(root, version, 'bin', 'pgbench');
  }
  return null;
}

/** Transactions per second of the registration transaction, or why it could not be measured. */
export async function pgbenchRegistrations(databaseUrl: string, options: { networks: number; clients: number; durationSeconds: number }): Promise<{ tps: number } | { skipped: string }> {
  const pgbench = findPgbench();
  if (!pgbench) return { skipped: 'pgbench not found (PATH, /usr/lib/postgresql/*/bin)' };
  const dir = mkdtempSync(join(tmpdir(), 'kommunenett-pgbench-'));
  try {
    writeFileSync(join(dir, 'registration.sql'), SCRIPT);
    const { stdout } = await promisify(execFile)(pgbench, [
      '-n', '-M', 'prepared', '-c', String(options.clients), '-j', '2', '-T', String(options.durationSeconds),
      '-D', `networks=${options.networks}`, '-f', join(dir, 'registration.sql'), databaseUrl,
    ], { maxBuffer: 10 * 1024 * 1024 });
    const match = /tps = ([\d.]+)/.exec(stdout);
    return match ? { tps: Math.round(Number(match[1])) } : { skipped: `no tps in pgbench's output: ${stdout.slice(-200)}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await removePgbenchRows(databaseUrl);
  }
}

/**
 * What the replay wrote that the benchmark reads again: its outbox rows and idempotency keys. Its
 * registrations, people and change entries stay, in networks no scenario reads (the change feed
 * is append-only).
 */
async function removePgbenchRows(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DELETE FROM participants.webhook_delivery d USING participants.registration_change c
      WHERE d.change_seq = c.seq AND c.actor = 'pgbench'`);
    await client.query(`DELETE FROM participants.notification n USING participants.person p WHERE n.person_id = p.id AND p.email LIKE '%@pgbench.example.org'`);
    await client.query(`DELETE FROM participants.idempotency_key WHERE scope = 'pgbench'`);
  } finally {
    await client.end();
  }
}
