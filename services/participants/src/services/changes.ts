import type { EntityManager } from 'typeorm';
import type { Viewer } from '@kommunenett/auth';
import { clientOf } from '@kommunenett/subgraph-kit';
import type { RegistrationChangeKind, RegistrationStatus } from '../entities/enums';
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
 * Collects the changes of one transaction and writes them at its end: the feed entries, with
 * sequence numbers from the counter row (held until commit, so numbers follow commit order), and
 * the webhook outbox rows for every subscription entitled to see each change. Network snapshots
 * must be saved before `flush`, as they decide which partners see a change. The same statement
 * writes the notification outbox: the message each change gives the registered person.
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
    if (this.changes.length === 0) return;
    const [{ last }] = (await m.query(
      // As a SELECT: typeorm answers a bare UPDATE … RETURNING with [rows, count].
      'WITH bumped AS (UPDATE participants.change_counter SET value = value + $1 WHERE id = 1 RETURNING value) SELECT value::text AS last FROM bumped',
      [this.changes.length],
    )) as { last: string }[];
    const first = BigInt(last) - BigInt(this.changes.length) + 1n;
    const seqs = this.changes.map((_, i) => (first + BigInt(i)).toString());
    await m.query(
      `INSERT INTO participants.registration_change (seq, registration_id, network_id, municipality_id, kind, status, previous_status, actor, actor_role, client)
       SELECT c.*, $9, $10 FROM unnest($1::bigint[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS c`,
      [seqs, this.changes.map((c) => c.registrationId), this.changes.map((c) => c.networkId), this.changes.map((c) => c.municipalityId),
        this.changes.map((c) => c.kind), this.changes.map((c) => c.status), this.changes.map((c) => c.previousStatus), this.changes.map(() => this.actor),
        this.actorRole, this.options.client ?? null],
    );
    const notices = this.options.notify === false ? [] : this.changes.map((c, i) => ({ seq: seqs[i], notice: notificationFor(c, this.actorRole) })).filter((n) => n.notice !== null);
    // The outboxes. Notifications: one per change that concerns a person, with the status and
    // waitlist position as of this transaction. Webhooks: a subscription sees changes in its
    // organization's networks and of registrations its client made.
    await m.query(
      `WITH notified AS (
         INSERT INTO participants.notification (id, kind, person_id, registration_id, network_id, change_seq, data)
         SELECT gen_random_uuid(), n.kind, r.person_id, r.id, c.network_id, c.seq,
                n.data || jsonb_build_object('status', c.status, 'waitlistPosition', r.waitlist_position)
         FROM unnest($3::bigint[], $4::text[], $5::jsonb[]) AS n(seq, kind, data)
         JOIN participants.registration_change c ON c.seq = n.seq
         JOIN participants.registration r ON r.id = c.registration_id
         WHERE r.person_id IS NOT NULL
         RETURNING 1)
       INSERT INTO participants.webhook_delivery (id, subscription_id, change_seq)
       SELECT gen_random_uuid(), s.id, c.seq
       FROM participants.registration_change c
       JOIN participants.registration r ON r.id = c.registration_id
       LEFT JOIN participants.network_snapshot n ON n.network_id = c.network_id
       JOIN participants.webhook_subscription s ON s.active AND (s.organization_id = ANY(n.host_ids) OR s.client_id = r.client_id)
       WHERE c.seq BETWEEN $1 AND $2`,
      [seqs[0], seqs[seqs.length - 1], notices.map((n) => n.seq), notices.map((n) => n.notice!.kind), notices.map((n) => JSON.stringify(n.notice!.data))],
    );
    this.changes.length = 0;
  }
}
