import type { EntityManager } from 'typeorm';
import { queryPrepared, type PreparedStatement } from '@kommunenett/db';
import type { Viewer } from '@kommunenett/auth';
import { clientOf } from '@kommunenett/subgraph-kit';
import { COPIED_TO_COORDINATOR, type RegistrationChangeKind, type RegistrationStatus } from '../entities/enums';
import { notificationFor, type ServiceCause } from './notifications';

export interface PendingChange {
  registrationId: string;
  networkId: string;
  municipalityId: string;
  kind: RegistrationChangeKind;
  status: RegistrationStatus;
  previousStatus: RegistrationStatus | null;
  /** Why the service itself made the change (the message to the person says it). */
  cause?: ServiceCause;
}

/**
 * The advisory-lock class of the in-flight markers: a transaction about to number its changes
 * holds a shared lock on (MARKER_CLASS + high bits, low 31 bits) of the sequence's last value,
 * read before it draws its numbers, until it ends. The feed reads these markers (change-feed.ts).
 */
export const MARKER_CLASS = 40_030_000;

const COPIED = COPIED_TO_COORDINATOR.map((k) => `'${k}'`).join(', ');

/**
 * Everything `flush` writes, in one statement: the in-flight marker (before any number is
 * drawn: an InitPlan that gates the numbering), the numbers from the sequence in the order the
 * changes were made, the feed entries, the notification outbox (one message per change that
 * concerns a person, with the status and waitlist position as of this transaction; a copy to the
 * municipality's coordinator of the decisions they answer for; a message of a new registration
 * to each contact person of the network, sent alone or waiting for their daily digest) and the
 * webhook outbox (a subscription sees changes in its organization's networks and of
 * registrations its client made; with no subscription the join ends at once).
 *
 * As common table expressions, so that a write can carry its change events in the same statement
 * (`ChangeLog.flushWith`): `registrations` is where the changed registrations are read (the table,
 * or a CTE of the statement that writes them: a statement does not see its own writes in the
 * table), the parameters are numbered from `first`, and `gate` (SQL) must hold for any number to
 * be drawn.
 */
export function changeEventsCtes(registrations: string, first: number, gate = 'true'): string {
  const $ = (n: number) => `$${first + n - 1}`;
  return `marker AS MATERIALIZED (
       SELECT pg_advisory_xact_lock_shared(${MARKER_CLASS} + (s.last_value >> 31)::int, (s.last_value & 2147483647)::int)::text AS taken
       FROM participants.registration_change_seq s),
     numbered AS MATERIALIZED (
       SELECT nextval('participants.registration_change_seq') AS seq, c.*
       FROM (SELECT * FROM unnest(${$(1)}::uuid[], ${$(2)}::uuid[], ${$(3)}::text[], ${$(4)}::text[], ${$(5)}::text[], ${$(6)}::text[], ${$(7)}::text[], ${$(8)}::jsonb[]) WITH ORDINALITY
               AS c(registration_id, network_id, municipality_id, kind, status, previous_status, notice_kind, notice_data, ord)
             WHERE EXISTS (SELECT FROM marker) AND ${gate} ORDER BY ord) c),
     logged AS (
       INSERT INTO participants.registration_change (seq, registration_id, network_id, municipality_id, kind, status, previous_status, actor, actor_role, client)
       SELECT seq, registration_id, network_id, municipality_id, kind, status, previous_status, ${$(9)}, ${$(10)}, ${$(11)} FROM numbered),
     notified AS (
       INSERT INTO participants.notification (id, kind, person_id, registration_id, network_id, change_seq, data)
       SELECT gen_random_uuid(), c.notice_kind, r.person_id, r.id, c.network_id, c.seq,
              c.notice_data || jsonb_build_object('status', c.status, 'waitlistPosition', r.waitlist_position)
       FROM numbered c JOIN ${registrations} r ON r.id = c.registration_id
       WHERE c.notice_kind IS NOT NULL AND r.person_id IS NOT NULL),
     copied AS (
       INSERT INTO participants.notification (id, kind, person_id, registration_id, network_id, change_seq, data)
       SELECT gen_random_uuid(), 'COORDINATOR_COPY', mc.person_id, r.id, c.network_id, c.seq,
              c.notice_data || jsonb_build_object('of', c.notice_kind, 'status', c.status, 'waitlistPosition', r.waitlist_position)
       FROM numbered c JOIN ${registrations} r ON r.id = c.registration_id
       JOIN participants.municipality_coordinator mc ON mc.municipality_id = c.municipality_id
       WHERE c.notice_kind IN (${COPIED}) AND r.person_id IS NOT NULL AND mc.person_id <> r.person_id
         AND NOT EXISTS (SELECT 1 FROM participants.notification_preference np WHERE np.person_id = mc.person_id AND np.kind = 'COORDINATOR_COPY' AND NOT np.enabled)),
     organised AS (
       INSERT INTO participants.notification (id, kind, person_id, registration_id, network_id, change_seq, data, status)
       SELECT gen_random_uuid(), 'NEW_REGISTRATION', o.id, r.id, c.network_id, c.seq, jsonb_build_object('status', c.status, 'waitlistPosition', r.waitlist_position),
              CASE WHEN np.digest THEN 'AWAITING_DIGEST' ELSE 'PENDING' END
       FROM numbered c JOIN ${registrations} r ON r.id = c.registration_id
       JOIN participants.network_snapshot n ON n.network_id = c.network_id
       JOIN participants.person o ON o.id = ANY(n.contact_person_ids)
       LEFT JOIN participants.notification_preference np ON np.person_id = o.id AND np.kind = 'NEW_REGISTRATION'
       WHERE c.kind = 'CREATED' AND c.notice_kind IS NOT NULL AND r.person_id IS NOT NULL AND o.id <> r.person_id AND np.enabled IS DISTINCT FROM false),
     hooked AS (
       INSERT INTO participants.webhook_delivery (id, subscription_id, change_seq)
       SELECT gen_random_uuid(), s.id, c.seq
       FROM numbered c
       JOIN ${registrations} r ON r.id = c.registration_id
       LEFT JOIN participants.network_snapshot n ON n.network_id = c.network_id
       JOIN participants.webhook_subscription s ON s.active AND (s.organization_id = ANY(n.host_ids) OR s.client_id = r.client_id))`;
}

const FLUSH: PreparedStatement = {
  name: 'participants-change-log-flush',
  text: `WITH ${changeEventsCtes('participants.registration', 1)} SELECT`,
};

/**
 * Collects the changes of one transaction and writes them at its end (`FLUSH`): the feed
 * entries numbered from a sequence (no row every writer holds until commit: the feed keeps its
 * order guarantee with the in-flight markers), the notification and webhook outboxes. Network
 * snapshots must be saved before `flush`, as they decide which partners see a change.
 */
export class ChangeLog {
  private readonly changes: PendingChange[] = [];

  /**
   * `actorRole`: the role of who made the changes (null for the service itself); `client`: through
   * which client (the audit trail's, see clientOf); `notify: false` writes no messages (loading demo data).
   */
  constructor(private readonly actor: string | null, private readonly actorRole: string | null = null,
    private readonly options: { notify?: boolean; client?: string | null } = {}) {}

  /** The changes a request makes, recorded as its viewer's, through the viewer's client. */
  static by(viewer: Viewer): ChangeLog {
    return new ChangeLog(viewer.subject, viewer.kind === 'service' ? null : viewer.role, { client: clientOf(viewer) });
  }

  add(change: PendingChange): void {
    this.changes.push(change);
  }

  async flush(m: EntityManager): Promise<void> {
    if (this.changes.length > 0) await this.flushWith(m, FLUSH, []);
  }

  /**
   * Writes the changes with `statement`, a write of the caller's that takes `values` as its first
   * parameters and carries `changeEventsCtes(…, values.length + 1)`: the write and its change
   * events in one statement (one round trip less where a lock is held). Returns its rows.
   */
  async flushWith<T>(m: EntityManager, statement: PreparedStatement, values: unknown[]): Promise<T[]> {
    const rows = await queryPrepared<T>(m, statement, [...values, ...this.parameters()]);
    this.changes.length = 0;
    return rows;
  }

  /** The change events' parameters (`changeEventsCtes`), from the changes added so far. */
  private parameters(): unknown[] {
    const c = this.changes;
    const notices = c.map((change) => (this.options.notify === false ? null : notificationFor(change, this.actorRole)));
    return [
      c.map((x) => x.registrationId), c.map((x) => x.networkId), c.map((x) => x.municipalityId), c.map((x) => x.kind), c.map((x) => x.status),
      c.map((x) => x.previousStatus), notices.map((n) => n?.kind ?? null), notices.map((n) => (n ? JSON.stringify(n.data) : null)), this.actor,
      this.actorRole, this.options.client ?? null,
    ];
  }
}
