import type { DataSource } from 'typeorm';
import type { ServiceDeps } from '@kommunenett/subgraph-kit';
import { NotificationKind, OPTIONAL_NOTIFICATIONS, RegistrationChangeKind, RegistrationStatus } from '../entities/enums';
import type { PendingChange } from './changes';
import { settingsOf } from '../config';
import { networksClient } from './network-rules';
import { offerUrl, unsubscribeUrl } from './signed-links';
import { asLanguage, formatDateTime, formatMonth, renderMessage, type MailLanguage } from './mail/templates';
import { gatheringIcs } from './gathering-notices';
import { isPermanentRefusal, openMailer } from './mail/transport';

/**
 * Notifications to people, from an outbox: `ChangeLog.flush` writes a row per message in the
 * transaction of the change (in the statement that writes the webhook outbox, so a request pays
 * no extra round trip), and `deliverNotifications` renders and sends them. Messages carry what
 * their purpose needs: the person's name, the network, the municipality, the decision.
 */

/** Who ended a registration, as the cancellation message says it. */
export type CancelledBy = 'PERSON' | 'COORDINATOR' | 'ORGANISER' | 'PLATFORM';

/** Why the service itself ended a registration. */
export type ServiceCause = 'OFFER_EXPIRED' | 'NETWORK_CANCELLED';

export interface NotificationIntent {
  kind: NotificationKind;
  data: Record<string, unknown>;
}

function cancelledBy(actorRole: string | null, cause: ServiceCause | undefined): CancelledBy {
  if (cause === 'NETWORK_CANCELLED') return 'PLATFORM';
  if (actorRole === 'PARTICIPANT') return 'PERSON';
  if (actorRole === 'COORDINATOR' || actorRole === 'PARTNER') return 'COORDINATOR';
  return 'ORGANISER';
}

/** The message a change gives the registered person, if any. */
export function notificationFor(change: PendingChange, actorRole: string | null): NotificationIntent | null {
  if (change.kind === RegistrationChangeKind.CREATED) return { kind: NotificationKind.REGISTRATION_RECEIVED, data: {} };
  if (change.kind === RegistrationChangeKind.MOVED) return { kind: NotificationKind.REGISTRATION_MOVED, data: {} };
  if (change.kind !== RegistrationChangeKind.STATUS_CHANGED) return null;
  switch (change.status) {
    case RegistrationStatus.OFFERED: return { kind: NotificationKind.SEAT_OFFERED, data: {} };
    case RegistrationStatus.CONFIRMED: return { kind: NotificationKind.REGISTRATION_CONFIRMED, data: {} };
    // An accepted offer that still needs the organiser's approval.
    case RegistrationStatus.PENDING: return { kind: NotificationKind.REGISTRATION_RECEIVED, data: {} };
    case RegistrationStatus.REJECTED: return { kind: NotificationKind.REGISTRATION_REJECTED, data: {} };
    case RegistrationStatus.CANCELLED:
      if (change.cause === 'OFFER_EXPIRED') return { kind: NotificationKind.OFFER_EXPIRED, data: {} };
      return { kind: NotificationKind.REGISTRATION_CANCELLED, data: { cancelledBy: cancelledBy(actorRole, change.cause) } };
    default: return null;
  }
}

/**
 * Queues a reminder for each offer that lapses within `offerReminderHours` and has none for this
 * deadline yet (one statement; the job runs in one instance at a time). Returns how many.
 */
export async function queueOfferReminders(deps: ServiceDeps): Promise<number> {
  const rows = (await deps.ds.query(
    `INSERT INTO participants.notification (id, kind, person_id, registration_id, network_id, data)
     SELECT gen_random_uuid(), 'OFFER_REMINDER', r.person_id, r.id, r.network_id, jsonb_build_object('offerExpiresAt', r.offer_expires_at)
     FROM participants.registration r
     WHERE r.status = 'OFFERED' AND r.person_id IS NOT NULL AND r.offer_expires_at > now() AND r.offer_expires_at <= now() + make_interval(hours => $1)
       AND NOT EXISTS (SELECT 1 FROM participants.notification n WHERE n.registration_id = r.id AND n.kind = 'OFFER_REMINDER'
                       AND (n.data->>'offerExpiresAt')::timestamptz = r.offer_expires_at)
     RETURNING id`,
    [settingsOf(deps).offerReminderHours],
  )) as unknown[];
  return rows.length;
}

interface DueNotification {
  id: string;
  kind: NotificationKind;
  attempts: number;
  data: { status?: string; waitlistPosition?: number | null; cancelledBy?: CancelledBy; offerExpiresAt?: string; of?: NotificationKind }
    & Partial<GatheringData> & Partial<DigestData>;
  /** For messages about a gathering: its start as this service last read it. */
  sessionStartsAt: Date | null;
  /** Null for a digest (its rows name their networks). */
  networkId: string | null;
  registrationId: string | null;
  email: string | null;
  name: string;
  registrationStatus: RegistrationStatus | null;
  offerExpiresAt: Date | null;
  statusReason: string | null;
  municipalityName: string | null;
  personId: string;
  /** The registered person, for a message to someone else about their registration (a copy, an organiser's message). */
  participantName: string | null;
  switchedOff: boolean;
}

/** What a message about a gathering was written with (gathering-notices.ts). */
interface GatheringData {
  sessionId: string;
  title: string;
  startsAt: string;
  endsAt: string | null;
  place: string | null;
  sequence: number;
  previousStartsAt: string | null;
  previousMonth: string | null;
  assignmentsDue: string[];
}

const GATHERING_KINDS: readonly NotificationKind[] = [NotificationKind.GATHERING_SCHEDULED, NotificationKind.GATHERING_REMINDER, NotificationKind.ASSIGNMENT_DUE];

interface NetworkFacts {
  id: string;
  name: string;
  language: string;
  timeZone: string;
  hosts: { id: string }[];
}

interface Sender {
  id: string;
  name: string;
  mailSenderName: string | null;
  mailReplyTo: string | null;
}

export interface DeliveryResult {
  sent: number;
  skipped: number;
  retried: number;
  failed: number;
  bounced: number;
}

/** Delay before attempt n+1: doubling from the base, capped at six hours, with a little jitter. */
const backoffSeconds = (attempts: number, firstDelayMs: number) => Math.min(firstDelayMs * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000) * (0.9 + Math.random() * 0.2) / 1000;

/** Leases a batch of due messages (SKIP LOCKED and a lease, so two instances never take the same one). */
async function leaseDue(ds: DataSource, limit: number): Promise<DueNotification[]> {
  return (await ds.query(
    `WITH leased AS (
       UPDATE participants.notification n SET locked_until = now() + interval '2 minutes'
       WHERE n.id IN (SELECT id FROM participants.notification
                      WHERE status = 'PENDING' AND next_attempt_at <= now() AND (locked_until IS NULL OR locked_until < now())
                      ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING n.id, n.kind, n.attempts, n.data, n.network_id, n.registration_id, n.person_id, n.created_at)
     SELECT l.id, l.kind, l.attempts, l.data, l.network_id AS "networkId", l.registration_id AS "registrationId",
       CASE WHEN p.erased_at IS NULL THEN p.email END AS email, p.name, r.status AS "registrationStatus", r.offer_expires_at AS "offerExpiresAt",
       r.status_reason AS "statusReason", m.name AS "municipalityName", l.person_id AS "personId", rp.name AS "participantName",
       EXISTS (SELECT 1 FROM participants.notification_preference np
               WHERE np.person_id = l.person_id AND np.kind = CASE WHEN l.kind = 'REGISTRATION_DIGEST' THEN 'NEW_REGISTRATION' ELSE l.kind END
                 AND (NOT np.enabled OR (l.kind = 'NEW_REGISTRATION' AND np.digest))) AS "switchedOff",
       (SELECT s.starts_at FROM participants.session_snapshot s WHERE s.session_id::text = l.data->>'sessionId') AS "sessionStartsAt"
     FROM leased l JOIN participants.person p ON p.id = l.person_id
     LEFT JOIN participants.registration r ON r.id = l.registration_id
     LEFT JOIN participants.person rp ON rp.id = r.person_id
     LEFT JOIN participants.municipality m ON m.id = r.municipality_id
     ORDER BY l.created_at, l.id`,
    [limit],
  )) as DueNotification[];
}

/** What a digest was written with: the organiser's day and the registrations it lists. */
interface DigestData {
  day: string;
  registrationIds: string[];
}

/** One row of a digest, read when it is sent (the status as it is then). */
interface DigestRow {
  id: string;
  networkId: string;
  name: string;
  municipality: string;
  status: RegistrationStatus;
  waitlistPosition: number | null;
  registeredAt: Date;
}

/** The rows of the digests among `due`, by notification id. */
async function digestRows(ds: DataSource, due: DueNotification[]): Promise<Map<string, DigestRow[]>> {
  const digests = due.filter((d) => d.kind === NotificationKind.REGISTRATION_DIGEST);
  if (digests.length === 0) return new Map();
  const rows = new Map(((await ds.query(
    `SELECT r.id, r.network_id AS "networkId", p.name, m.name AS municipality, r.status, r.waitlist_position AS "waitlistPosition", r.registered_at AS "registeredAt"
     FROM participants.registration r JOIN participants.person p ON p.id = r.person_id JOIN participants.municipality m ON m.id = r.municipality_id
     WHERE r.id = ANY($1::uuid[]) ORDER BY r.registered_at, r.id`,
    [digests.flatMap((d) => d.data.registrationIds ?? [])])) as DigestRow[]).map((r) => [r.id, r]));
  return new Map(digests.map((d) => [d.id, (d.data.registrationIds ?? []).map((id) => rows.get(id)).filter((r): r is DigestRow => !!r)]));
}

/**
 * Sends due messages in batches until none is due (or `maxBatches` passed). A message the server
 * takes is SENT (with its subject and text kept for the person's export); a pause (no connection,
 * a 4xx answer) is retried with backoff and given up (FAILED) after the maximum attempts; a 5xx
 * refusal of the address is BOUNCED and never retried.
 */
export async function deliverNotifications(deps: ServiceDeps, { batchSize = 100, maxBatches = 50 } = {}): Promise<DeliveryResult> {
  const { ds, log } = deps;
  const result: DeliveryResult = { sent: 0, skipped: 0, retried: 0, failed: 0, bounced: 0 };
  const mailer = openMailer(settingsOf(deps));
  try {
    for (let batch = 0; batch < maxBatches; batch += 1) {
      const due = await leaseDue(ds, batchSize);
      if (due.length === 0) break;
      const digests = await digestRows(ds, due);
      const networkIds = [...new Set([...due.map((d) => d.networkId), ...[...digests.values()].flat().map((r) => r.networkId)].filter((id): id is string => !!id))];
      const networks = new Map((await networksClient(deps).entities<NetworkFacts>('Network', networkIds, 'id name language timeZone hosts { id }'))
        .filter((n): n is NetworkFacts => n !== null).map((n) => [n.id, n]));
      const senderIds = [...new Set([...networks.values()].map((n) => n.hosts[0]?.id).filter((id): id is string => !!id))];
      const senders = new Map(((await ds.query(
        `SELECT id, name, mail_sender_name AS "mailSenderName", mail_reply_to AS "mailReplyTo" FROM participants.organization WHERE id = ANY($1)`,
        [senderIds])) as Sender[]).map((s) => [s.id, s]));
      let retried = 0;
      for (const d of due) {
        const rows = digests.get(d.id);
        const outcome = rows
          ? await deliverOne(deps, d, digestNetwork(rows, networks), senders, mailer.send, digestValues(rows, networks))
          : await deliverOne(deps, d, d.networkId ? networks.get(d.networkId) : undefined, senders, mailer.send);
        result[outcome] += 1;
        if (outcome === 'retried') {
          retried += 1;
          log.warn({ notification: d.id, attempts: d.attempts + 1 }, 'notification not delivered, will retry');
        }
      }
      // The server is away: the rest waits for the next round.
      if (retried === due.length) break;
    }
  } finally {
    mailer.close();
  }
  if (result.sent + result.failed + result.bounced > 0) log.info(result, 'notifications delivered');
  return result;
}

/** The network whose language, zone and sender a digest takes: the one with the most new registrations in it. */
function digestNetwork(rows: DigestRow[], networks: Map<string, NetworkFacts>): NetworkFacts | undefined {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.networkId, (counts.get(r.networkId) ?? 0) + 1);
  const [first] = [...counts.entries()].filter(([id]) => networks.has(id)).sort((a, b) => b[1] - a[1]);
  return first ? networks.get(first[0]) : undefined;
}

/** A digest's words: per network (by name), its new registrations with their status and when they came, in the network's zone. */
function digestValues(rows: DigestRow[], networks: Map<string, NetworkFacts>) {
  return (language: MailLanguage) => {
    const byNetwork = new Map<string, DigestRow[]>();
    for (const r of rows) if (networks.has(r.networkId)) byNetwork.set(r.networkId, [...(byNetwork.get(r.networkId) ?? []), r]);
    return {
      count: [...byNetwork.values()].reduce((n, list) => n + list.length, 0),
      networks: [...byNetwork.entries()].map(([id, list]) => {
        const network = networks.get(id)!;
        return {
          network: network.name,
          registrations: list.map((r) => ({
            name: r.name, municipality: r.municipality, status: r.status, waitlistPosition: r.waitlistPosition,
            registeredAt: formatDateTime(new Date(r.registeredAt), language, network.timeZone),
          })),
        };
      }).sort((a, b) => a.network.localeCompare(b.network)),
    };
  };
}

/** The words of a message about a gathering: its title, when (in the network's zone), where, and when it was before. */
function gatheringValues(data: Partial<GatheringData>, language: ReturnType<typeof asLanguage>, timeZone: string): Record<string, string | string[] | null> {
  if (!data.sessionId || !data.startsAt) return {};
  return {
    gathering: data.title ?? '', when: formatDateTime(new Date(data.startsAt), language, timeZone), place: data.place ?? null,
    previously: data.previousStartsAt ? formatDateTime(new Date(data.previousStartsAt), language, timeZone) : null,
    plannedMonth: data.previousMonth ? formatMonth(data.previousMonth, language) : null,
    assignments: data.assignmentsDue ?? [],
  };
}

/** The kind an unsubscribe link switches off: a digest is switched with the messages it gathers. */
const unsubscribeKindOf = (kind: NotificationKind) => (kind === NotificationKind.REGISTRATION_DIGEST ? NotificationKind.NEW_REGISTRATION : kind);

async function deliverOne(
  deps: ServiceDeps, d: DueNotification, network: NetworkFacts | undefined, senders: Map<string, Sender>,
  send: ReturnType<typeof openMailer>['send'], digest?: (language: MailLanguage) => Record<string, unknown>,
): Promise<keyof DeliveryResult> {
  const { ds } = deps;
  const settings = settingsOf(deps);
  const attempts = d.attempts + 1;
  const giveUp = (status: 'FAILED' | 'BOUNCED', error: string) => ds.query(
    'UPDATE participants.notification SET status = $2, attempts = $3, last_error = $4, locked_until = NULL WHERE id = $1', [d.id, status, attempts, error.slice(0, 500)]);
  if (!d.email) {
    await giveUp('FAILED', 'The person has no address (erased or never given).');
    return 'failed';
  }
  const skip = async (why: string) => {
    await ds.query(`UPDATE participants.notification SET status = 'SKIPPED', last_error = $2, locked_until = NULL WHERE id = $1`, [d.id, why]);
    return 'skipped' as const;
  };
  if (d.switchedOff) return skip(d.kind === NotificationKind.NEW_REGISTRATION ? 'The person switched this message off or takes the daily digest.' : 'The person switched this message off.');
  if (!network) {
    if (digest) return skip('None of the registrations it listed is left.');
    await giveUp('FAILED', 'The network no longer exists.');
    return 'failed';
  }
  if (d.kind === NotificationKind.OFFER_REMINDER && !(d.registrationStatus === RegistrationStatus.OFFERED && d.offerExpiresAt
    && new Date(d.offerExpiresAt).getTime() === new Date(d.data.offerExpiresAt ?? 0).getTime())) {
    return skip('The offer was answered or lapsed first.');
  }
  if (GATHERING_KINDS.includes(d.kind)) {
    if (d.registrationStatus !== RegistrationStatus.CONFIRMED) return skip('The registration is no longer confirmed.');
    // Moved again before this went out: the message about the newer date tells it.
    if (!d.sessionStartsAt || new Date(d.sessionStartsAt).getTime() !== new Date(d.data.startsAt ?? 0).getTime()) return skip('The gathering moved again.');
  }
  const optional = OPTIONAL_NOTIFICATIONS.includes(d.kind);
  const language = asLanguage(network.language);
  const sender = senders.get(network.hosts[0]?.id ?? '');
  const organization = sender?.mailSenderName ?? sender?.name ?? 'kommunenett';
  const unsubscribe = optional ? unsubscribeUrl(deps, d.personId, unsubscribeKindOf(d.kind), language) : null;
  // A copy says what the person was told, never the reason or the answer link (docs/notifications.md).
  const copy = d.kind === NotificationKind.COORDINATOR_COPY;
  const message = renderMessage(d.kind, language, {
    name: d.name, network: network.name, municipality: d.municipalityName, organization, participant: d.participantName, of: d.data.of,
    status: d.data.status, waitlistPosition: d.data.waitlistPosition, cancelledBy: d.data.cancelledBy, reason: copy ? null : d.statusReason,
    deadline: d.offerExpiresAt ? formatDateTime(new Date(d.offerExpiresAt), language, network.timeZone) : null,
    unsubscribeUrl: unsubscribe,
    ...gatheringValues(d.data, language, network.timeZone),
    ...digest?.(language),
    answerUrl: (d.kind === NotificationKind.SEAT_OFFERED || d.kind === NotificationKind.OFFER_REMINDER) && d.offerExpiresAt && d.registrationId ? offerUrl(deps, d.registrationId, new Date(d.offerExpiresAt)) : null,
  });
  try {
    const messageId = await send({
      from: { name: organization, address: settings.mailFrom }, replyTo: sender?.mailReplyTo ?? undefined, to: { name: d.name, address: d.email },
      subject: message.subject, text: message.text, html: message.html,
      ...(d.kind === NotificationKind.GATHERING_SCHEDULED && d.data.startsAt && {
        attachments: [{
          filename: 'samling.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
          content: gatheringIcs({ ...(d.data as GatheringData), network: network.name, organization }),
        }],
      }),
      // The notification's id: a message sent again after a lost answer is recognisably the same one.
      messageId: `<${d.id}@kommunenett>`,
      headers: { 'Content-Language': language, 'X-Kommunenett-Notification': d.kind, ...(unsubscribe && { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }) },
      // Optional messages only: one-click unsubscribe (RFC 8058) for mail programs that offer it.
      ...(unsubscribe && { list: { unsubscribe: { url: unsubscribe, comment: 'unsubscribe' } } }),
    });
    await ds.query(
      `UPDATE participants.notification SET status = 'SENT', attempts = $2, recipient = $3, language = $4, subject = $5, body_text = $6,
         message_id = $7, sent_at = now(), last_error = NULL, locked_until = NULL WHERE id = $1`,
      [d.id, attempts, d.email, language, message.subject, message.text, messageId]);
    return 'sent';
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'sending failed';
    if (isPermanentRefusal(error)) {
      await giveUp('BOUNCED', reason);
      return 'bounced';
    }
    if (attempts >= settings.mailMaxAttempts) {
      await giveUp('FAILED', reason);
      return 'failed';
    }
    await ds.query(
      `UPDATE participants.notification SET attempts = $2, last_error = $3, next_attempt_at = now() + make_interval(secs => $4), locked_until = NULL WHERE id = $1`,
      [d.id, attempts, reason.slice(0, 500), backoffSeconds(attempts, settings.mailBackoffMs)]);
    return 'retried';
  }
}

/**
 * Writes the day's digest for each organiser who has new registrations waiting for it (their
 * NEW_REGISTRATION messages written AWAITING_DIGEST in each registration's transaction), once the
 * hour `PARTICIPANTS_DIGEST_HOUR` has come in the time zone of their networks; the messages it
 * tells become SKIPPED with the digest's id. One statement: the unique index on (organiser, day)
 * makes a second run the same day, or a second instance at the same moment, write nothing and
 * take nothing (what arrives after today's digest waits for tomorrow's). The delivery job sends
 * it. Returns how many digests it wrote.
 */
export async function queueRegistrationDigests(deps: ServiceDeps): Promise<number> {
  const rows = (await deps.ds.query(
    `WITH waiting AS (
       SELECT n.id, n.person_id, n.registration_id, r.registered_at, COALESCE(s.time_zone, 'Europe/Oslo') AS zone
       FROM participants.notification n
       JOIN participants.registration r ON r.id = n.registration_id
       LEFT JOIN participants.network_snapshot s ON s.network_id = n.network_id
       WHERE n.status = 'AWAITING_DIGEST'),
     organisers AS (
       SELECT person_id, min(zone) AS zone, array_agg(registration_id ORDER BY registered_at, registration_id) AS registrations, array_agg(id) AS messages
       FROM waiting GROUP BY person_id),
     digests AS (
       INSERT INTO participants.notification (id, kind, person_id, data)
       SELECT gen_random_uuid(), 'REGISTRATION_DIGEST', o.person_id,
              jsonb_build_object('day', to_char(now() AT TIME ZONE o.zone, 'YYYY-MM-DD'), 'registrationIds', to_jsonb(o.registrations))
       FROM organisers o
       WHERE extract(hour FROM now() AT TIME ZONE o.zone) >= $1
       ON CONFLICT (person_id, (data->>'day')) WHERE kind = 'REGISTRATION_DIGEST' DO NOTHING
       RETURNING id, person_id),
     told AS (
       UPDATE participants.notification n SET status = 'SKIPPED', last_error = 'Told in the daily digest.', data = n.data || jsonb_build_object('digestId', d.id)
       FROM digests d JOIN organisers o ON o.person_id = d.person_id
       WHERE n.id = ANY(o.messages))
     SELECT id FROM digests`,
    [settingsOf(deps).digestHour],
  )) as { id: string }[];
  const written = rows.length;
  if (written) deps.log.info({ digests: written }, 'daily digests of new registrations written');
  return written;
}
