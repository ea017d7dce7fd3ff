import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { EntityManager } from 'typeorm';
import type { ServiceDeps } from '@kommunenett/subgraph-kit';
import { settingsOf } from '../config';
import { networksClient } from './network-rules';

/*
 * Messages about gatherings (docs/notifications.md). The networks service owns the sessions; this
 * service keeps what it last read of them (`session_snapshot`) and, when a gathering got a date or
 * its date changed, writes a GATHERING_SCHEDULED message for every confirmed participant in the
 * transaction that records the new reading: each change is told once, however often the job runs.
 */

interface SessionFacts {
  id: string;
  title: string;
  startsAt: string | null;
  endsAt: string | null;
  plannedMonth: string | null;
  plannedTo: string | null;
  location: { venue: string | null; place: string | null } | null;
  /** Titles of the work due before the gathering. */
  assignmentsDue?: string[];
}

interface Snapshot {
  sessionId: string;
  startsAt: Date | null;
  endsAt: Date | null;
  plannedFrom: string | null;
  icsSequence: number;
}

const sameInstant = (a: Date | string | null, b: Date | string | null) => (a === null || b === null ? a === b : new Date(a).getTime() === new Date(b).getTime());
const placeOf = (s: SessionFacts) => [s.location?.venue, s.location?.place].filter(Boolean).join(', ') || null;

/**
 * Reads the sessions of the networks this service holds registrations for (not finished), a
 * hundred networks per call, and tells confirmed participants of each gathering that got exact
 * times or moved (only gatherings still ahead). Returns how many messages it queued.
 */
export async function syncGatherings(deps: ServiceDeps, onlyNetworkIds?: string[]): Promise<number> {
  const ids = onlyNetworkIds ?? ((await deps.ds.query(
    `SELECT network_id::text AS id FROM participants.network_snapshot WHERE status NOT IN ('CANCELLED', 'COMPLETED')`)) as { id: string }[]).map((r) => r.id);
  let queued = 0;
  for (let i = 0; i < ids.length; i += 100) {
    const networks = await networksClient(deps).entities<{ id: string; sessions: SessionFacts[]; assignments: { title: string; dueBefore: { id: string } | null }[] }>(
      'Network', ids.slice(i, i + 100), 'id sessions { id title startsAt endsAt plannedMonth plannedTo location { venue place } } assignments { title dueBefore { id } }');
    for (const network of networks) {
      if (!network) continue;
      const due = new Map<string, string[]>();
      for (const a of network.assignments) if (a.dueBefore) due.set(a.dueBefore.id, [...(due.get(a.dueBefore.id) ?? []), a.title]);
      queued += await deps.ds.transaction((m) => recordSessions(m, network.id, network.sessions.map((s) => ({ ...s, assignmentsDue: due.get(s.id) ?? [] }))));
    }
  }
  if (queued) deps.log.info({ queued }, 'participants told of gatherings scheduled or moved');
  return queued;
}

async function recordSessions(m: EntityManager, networkId: string, sessions: SessionFacts[]): Promise<number> {
  // The network's snapshot row, locked: two job runs never both tell the same change.
  const [known] = (await m.query('SELECT sessions_known AS "known" FROM participants.network_snapshot WHERE network_id = $1 FOR UPDATE', [networkId])) as { known: boolean }[];
  if (!known) return 0; // no registrations here
  const before = new Map(((await m.query(
    `SELECT session_id::text AS "sessionId", starts_at AS "startsAt", ends_at AS "endsAt", planned_from AS "plannedFrom", ics_sequence AS "icsSequence"
     FROM participants.session_snapshot WHERE network_id = $1`, [networkId])) as Snapshot[]).map((s) => [s.sessionId, s]));
  const now = Date.now();
  const told: { session: SessionFacts; previous: Snapshot | undefined; sequence: number }[] = [];
  for (const s of sessions) {
    const previous = before.get(s.id);
    const moved = s.startsAt !== null && (!previous || !sameInstant(previous.startsAt, s.startsAt) || !sameInstant(previous.endsAt, s.endsAt));
    // The first reading of a network only records; after it, every gathering given times ahead of now is news.
    if (moved && known.known && new Date(s.startsAt!).getTime() > now) {
      // A calendar has the event once it got a file with a date: each later file raises SEQUENCE.
      told.push({ session: s, previous, sequence: previous?.startsAt ? previous.icsSequence + 1 : previous?.icsSequence ?? 0 });
    }
  }
  await m.query('DELETE FROM participants.session_snapshot WHERE network_id = $1 AND NOT (session_id = ANY($2::uuid[]))', [networkId, sessions.map((s) => s.id)]);
  if (sessions.length) {
    const sequences = new Map(told.map((t) => [t.session.id, t.sequence]));
    await m.query(
      `INSERT INTO participants.session_snapshot (session_id, network_id, title, starts_at, ends_at, planned_from, planned_to, place, ics_sequence, assignments_due)
       SELECT s.id, $1, s.title, s.starts_at, s.ends_at, s.planned_from, s.planned_to, s.place, s.seq,
              ARRAY(SELECT jsonb_array_elements_text(s.due))
       FROM unnest($2::uuid[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::text[], $7::text[], $8::text[], $9::int[], $10::jsonb[])
         AS s(id, title, starts_at, ends_at, planned_from, planned_to, place, seq, due)
       ON CONFLICT (session_id) DO UPDATE SET title = EXCLUDED.title, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, planned_from = EXCLUDED.planned_from,
         planned_to = EXCLUDED.planned_to, place = EXCLUDED.place, ics_sequence = EXCLUDED.ics_sequence, assignments_due = EXCLUDED.assignments_due`,
      [networkId, sessions.map((s) => s.id), sessions.map((s) => s.title), sessions.map((s) => s.startsAt), sessions.map((s) => s.endsAt),
        sessions.map((s) => s.plannedMonth), sessions.map((s) => s.plannedTo), sessions.map(placeOf),
        sessions.map((s) => sequences.get(s.id) ?? before.get(s.id)?.icsSequence ?? 0), sessions.map((s) => JSON.stringify(s.assignmentsDue ?? []))],
    );
  }
  if (!known.known) await m.query('UPDATE participants.network_snapshot SET sessions_known = true WHERE network_id = $1', [networkId]);
  if (told.length === 0) return 0;
  const data = told.map(({ session: s, previous, sequence }) => JSON.stringify({
    sessionId: s.id, title: s.title, startsAt: s.startsAt, endsAt: s.endsAt, place: placeOf(s), sequence,
    previousStartsAt: previous?.startsAt ? new Date(previous.startsAt).toISOString() : null, previousMonth: previous?.startsAt ? null : previous?.plannedFrom ?? null,
  }));
  const rows = (await m.query(
    `INSERT INTO participants.notification (id, kind, person_id, registration_id, network_id, data)
     SELECT gen_random_uuid(), 'GATHERING_SCHEDULED', r.person_id, r.id, r.network_id, d.data
     FROM participants.registration r CROSS JOIN unnest($2::jsonb[]) AS d(data)
     WHERE r.network_id = $1 AND r.status = 'CONFIRMED' AND r.person_id IS NOT NULL
     RETURNING id`, [networkId, data])) as unknown[];
  return rows.length;
}

/**
 * Queues reminders for each confirmed participant of a gathering still ahead, once per gathering
 * and start (a gathering moved later is recalled again): GATHERING_REMINDER within
 * `gatheringReminderHours` of its start, and ASSIGNMENT_DUE within `assignmentReminderHours` when
 * work is due before it. One statement per kind; the job runs in one instance at a time. Returns how many.
 */
export async function queueGatheringReminders(deps: ServiceDeps): Promise<number> {
  const settings = settingsOf(deps);
  let queued = 0;
  for (const [kind, hours, condition] of [
    ['GATHERING_REMINDER', settings.gatheringReminderHours, 'true'],
    ['ASSIGNMENT_DUE', settings.assignmentReminderHours, 'cardinality(s.assignments_due) > 0'],
  ] as const) {
    const rows = (await deps.ds.query(
      `INSERT INTO participants.notification (id, kind, person_id, registration_id, network_id, data)
       SELECT gen_random_uuid(), $2, r.person_id, r.id, r.network_id,
              jsonb_build_object('sessionId', s.session_id, 'title', s.title, 'startsAt', s.starts_at, 'endsAt', s.ends_at, 'place', s.place,
                                 'assignmentsDue', to_jsonb(s.assignments_due))
       FROM participants.session_snapshot s
       JOIN participants.registration r ON r.network_id = s.network_id AND r.status = 'CONFIRMED' AND r.person_id IS NOT NULL
       WHERE s.starts_at > now() AND s.starts_at <= now() + make_interval(hours => $1) AND ${condition}
         AND NOT EXISTS (SELECT 1 FROM participants.notification n WHERE n.registration_id = r.id AND n.kind = $2
                         AND n.data->>'sessionId' = s.session_id::text AND (n.data->>'startsAt')::timestamptz = s.starts_at)
       RETURNING id`,
      [hours, kind],
    )) as unknown[];
    queued += rows.length;
  }
  return queued;
}

/**
 * The gathering as an iCalendar event (times in UTC), with the session's id as UID and a
 * SEQUENCE that grows with each move, so a calendar updates the event it already has.
 */
export function gatheringIcs(g: { sessionId: string; title: string; network: string; startsAt: string; endsAt: string | null; place: string | null; sequence: number; organization: string }): string {
  const calendar = ical({ prodId: { company: 'kommunenett', product: 'samlinger', language: 'NO' }, method: ICalCalendarMethod.PUBLISH });
  calendar.createEvent({
    id: `${g.sessionId}@kommunenett`, sequence: g.sequence, start: new Date(g.startsAt), end: g.endsAt ? new Date(g.endsAt) : null,
    summary: `${g.title} – ${g.network}`, location: g.place, description: g.organization, status: ICalEventStatus.CONFIRMED,
  });
  // Every content line ends with CRLF (RFC 5545 3.1), the last one too; ical-generator leaves it off.
  return `${calendar.toString().replace(/\r\n$/, '')}\r\n`;
}
