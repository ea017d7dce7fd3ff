import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EntityManager } from 'typeorm';
import { type RequestContext } from '@kommunenett/subgraph-kit';
import { Session } from '../entities/session.entity';
import { AgendaItem } from '../entities/agenda-item.entity';
import { AgendaItemKind, SessionKind } from '../entities/enums';
import { lockNetworkToRun } from './networks';
import { checkVersion, refuse, refuseAll, lockRow, runMutation } from '@kommunenett/subgraph-kit';
import { idsAt, unseenPeople } from './people';
import { AuditLog, sessionValues } from './audit';
import { NetworkAuditKind } from '../entities/audit-entry';
import { resolveLocalTime, startOfMonth, wallClock } from './time';
import { LIMITS, clockTime, handbookAnchor, id, list, localDate, month, municipalityId, positiveInt, requiredText, text, expectedVersion } from './validation';

export 
/** Exact times of a session as wall-clock times in the network's time zone; the end may be on a later day. */
const timesSchema = z.object({ startDate: localDate, startTime: clockTime, endDate: localDate.nullish(), endTime: clockTime });
const locationSchema = z.object({ venue: text(LIMITS.name).nullish(), place: text(LIMITS.name).nullish(), municipalityId: municipalityId.nullish() });

const sessionFields = {
  kind: z.enum(SessionKind),
  title: requiredText(LIMITS.name),
  theme: text(LIMITS.name).nullish(),
  description: text(LIMITS.text).nullish(),
  points: list(requiredText(LIMITS.shortText), 30),
  plannedMonth: month.nullish(),
  plannedTo: month.nullish(),
  location: locationSchema.nullish(),
};
const createSchema = z.object({
  networkId: id, ...sessionFields, kind: sessionFields.kind.default(SessionKind.GATHERING), points: sessionFields.points.default([]), times: timesSchema.nullish(),
});
const updateSchema = z.object({ sessionId: id, expectedVersion, ...z.object(sessionFields).partial().shape });
const scheduleSchema = z.object({ sessionId: id, expectedVersion, times: timesSchema });
const deleteSchema = z.object({ sessionId: id, expectedVersion });

/** Locks a session and its network for a change by someone who runs the network. */
async function sessionToChange(ctx: RequestContext, m: EntityManager, sessionId: string, expectedVersion: number) {
  const session = await lockRow(m, Session, sessionId, 'sessionId', 'Session');
  const network = await lockNetworkToRun(ctx, m, session.networkId, 'sessionId');
  checkVersion(session, expectedVersion, 'session');
  return { session, network };
}

/**
 * A wall-clock time of the network's zone as an instant; a time the spring change skips is
 * refused (an ambiguous autumn time is its first occurrence, see resolveLocalTime).
 */
function localInstant(date: string, time: string, timeZone: string, field: string): Date {
  const local = resolveLocalTime(date, time, timeZone);
  if (local.nonexistent) {
    refuse(field, `${date} ${time} does not exist in ${timeZone}: the clocks skip that hour when summer time starts. Give a time before or after the change.`, 'NONEXISTENT_LOCAL_TIME');
  }
  return local.instant;
}

function exactTimes(times: z.infer<typeof timesSchema>, timeZone: string): { startsAt: Date; endsAt: Date } {
  const startsAt = localInstant(times.startDate, times.startTime, timeZone, 'times.startTime');
  const endsAt = localInstant(times.endDate ?? times.startDate, times.endTime, timeZone, 'times.endTime');
  if (endsAt <= startsAt) refuse('times.endTime', 'The session ends before it starts.', 'SESSION_END_BEFORE_START');
  if (endsAt.getTime() - startsAt.getTime() > 7 * 24 * 3_600_000) refuse('times.endDate', 'A session lasts at most a week.', 'SESSION_TOO_LONG');
  return { startsAt, endsAt };
}

/** Puts the planned months on the session (clearing exact times), or fails on a bad span. */
function plan(session: Session, plannedMonth: string | null, plannedTo: string | null, timeZone: string): void {
  if (plannedTo && !plannedMonth) refuse('plannedTo', 'A span of months needs its first month in plannedMonth.', 'PLANNED_MONTH_REQUIRED');
  if (plannedMonth && plannedTo && plannedTo <= plannedMonth) refuse('plannedTo', 'The last month of the span must come after the first.', 'PLANNED_RANGE');
  session.plannedMonth = plannedMonth;
  session.plannedTo = plannedTo;
  if (plannedMonth) {
    session.startsAt = null;
    session.endsAt = null;
  }
  session.sortDate = session.startsAt ?? (plannedMonth ? startOfMonth(plannedMonth, timeZone) : null);
}

function setExact(session: Session, times: { startsAt: Date; endsAt: Date }): void {
  Object.assign(session, { ...times, plannedMonth: null, plannedTo: null, sortDate: times.startsAt });
}

function setLocation(session: Session, location: z.infer<typeof locationSchema> | null | undefined): void {
  if (location === undefined) return;
  session.locationVenue = location?.venue || null;
  session.locationPlace = location?.place || null;
  session.locationMunicipalityId = location?.municipalityId ?? null;
}

/** Agenda items must stay inside the session when its times change. */
async function checkAgendaStillFits(m: EntityManager, session: Session): Promise<void> {
  const items = await m.getRepository(AgendaItem).findBy({ sessionId: session.id });
  if (items.length === 0) return;
  const outside = !session.startsAt || !session.endsAt
    || items.some((i) => i.startsAt < session.startsAt! || (i.endsAt ?? i.startsAt) > session.endsAt!);
  if (outside) refuse('times', 'The session has an agenda that would fall outside the new times; change the agenda first.', 'AGENDA_OUTSIDE_SESSION');
}

export function createSession(ctx: RequestContext, input: unknown) {
  const audit = new AuditLog(ctx);
  return runMutation(ctx, { input, schema: createSchema, events: audit }, async (value, m) => {
    const network = await lockNetworkToRun(ctx, m, value.networkId, 'networkId');
    if (value.times && value.plannedMonth) refuse('plannedMonth', 'Give either exact times or a planned month, not both.', 'CONFLICTING_DATES');
    const last = await m.getRepository(Session).maximum('sequence', { networkId: network.id });
    const session = m.getRepository(Session).create({
      id: randomUUID(), networkId: network.id, sequence: (last ?? 0) + 1, kind: value.kind, title: value.title,
      theme: value.theme ?? null, description: value.description ?? null, points: value.points, startsAt: null, endsAt: null,
    });
    setLocation(session, value.location ?? null);
    plan(session, value.plannedMonth ?? null, value.plannedTo ?? null, network.timeZone);
    if (value.times) setExact(session, exactTimes(value.times, network.timeZone));
    audit.change(network.id, NetworkAuditKind.SESSION, 'createSession', session.id, null, sessionValues(session));
    return m.getRepository(Session).save(session);
  });
}

/** Changes what a session is about, where it is, or the month it is planned for. */
export function updateSession(ctx: RequestContext, input: unknown) {
  const audit = new AuditLog(ctx);
  return runMutation(ctx, { input, schema: updateSchema, events: audit }, async ({ sessionId, expectedVersion, location, plannedMonth, plannedTo, ...changes }, m) => {
    const { session, network } = await sessionToChange(ctx, m, sessionId, expectedVersion);
    const before = sessionValues(session);
    for (const [key, v] of Object.entries(changes)) if (v !== undefined) Object.assign(session, { [key]: v });
    setLocation(session, location);
    if (plannedMonth !== undefined || plannedTo !== undefined) {
      plan(session, plannedMonth === undefined ? session.plannedMonth : plannedMonth, plannedTo === undefined ? session.plannedTo : plannedTo, network.timeZone);
      await checkAgendaStillFits(m, session);
    }
    audit.change(network.id, NetworkAuditKind.SESSION, 'updateSession', session.id, before, sessionValues(session));
    return m.getRepository(Session).save(session);
  });
}

/** Turns a planned month into exact times (or moves exact times). */
export function scheduleSession(ctx: RequestContext, input: unknown) {
  const audit = new AuditLog(ctx);
  return runMutation(ctx, { input, schema: scheduleSchema, events: audit }, async ({ sessionId, expectedVersion, times }, m) => {
    const { session, network } = await sessionToChange(ctx, m, sessionId, expectedVersion);
    const before = sessionValues(session);
    setExact(session, exactTimes(times, network.timeZone));
    await checkAgendaStillFits(m, session);
    audit.change(network.id, NetworkAuditKind.SESSION, 'scheduleSession', session.id, before, sessionValues(session));
    return m.getRepository(Session).save(session);
  });
}

/** Removes a session with its agenda; the later sessions move up one place. */
export function deleteSession(ctx: RequestContext, input: unknown) {
  const audit = new AuditLog(ctx);
  return runMutation(ctx, { input, schema: deleteSchema, events: audit }, async ({ sessionId, expectedVersion }, m) => {
    const { session } = await sessionToChange(ctx, m, sessionId, expectedVersion);
    audit.change(session.networkId, NetworkAuditKind.SESSION, 'deleteSession', session.id, sessionValues(session), null);
    await m.getRepository(Session).delete({ id: session.id });
    // Two steps, so that no intermediate state breaks the unique (network, sequence).
    await m.query('UPDATE networks.session SET sequence = -sequence WHERE network_id = $1 AND sequence > $2', [session.networkId, session.sequence]);
    await m.query('UPDATE networks.session SET sequence = -sequence - 1, version = version + 1 WHERE network_id = $1 AND sequence < 0', [session.networkId]);
    return session;
  });
}

const agendaItemSchema = z.object({
  date: localDate.nullish(),
  startTime: clockTime,
  durationMinutes: positiveInt.nullish(),
  endTime: clockTime.nullish(),
  title: requiredText(LIMITS.name),
  description: text(LIMITS.text).nullish(),
  kind: z.enum(AgendaItemKind),
  leaders: text(LIMITS.shortText).nullish(),
  leaderPersonIds: list(id, 10).default([]),
  parallel: z.boolean().default(false),
  points: list(requiredText(LIMITS.shortText), 30).default([]),
  handbookAnchors: list(handbookAnchor, 20).default([]),
  toolIds: list(requiredText(100), 20).default([]),
});
const setAgendaSchema = z.object({ sessionId: id, expectedVersion, items: list(agendaItemSchema, LIMITS.items) });

/**
 * Replaces a session's whole agenda at once. Items are wall-clock times in the network's time
 * zone, inside the session's day(s), without overlaps unless marked parallel; stored in order.
 */
export function setAgenda(ctx: RequestContext, input: unknown) {
  // Leaders already on the session's agenda stay allowed; new ones must be people the writer may see.
  const prepare = async (value: { sessionId: string; items: { leaderPersonIds?: string[] }[] }) => {
    const leaders = value.items.flatMap((item, i) => idsAt(item.leaderPersonIds, `items.${i}.leaderPersonIds`));
    const current = leaders.length ? await ctx.ds.getRepository(AgendaItem).findBy({ sessionId: value.sessionId }) : [];
    return unseenPeople(ctx, leaders, current.flatMap((item) => item.leaderPersonIds));
  };
  return runMutation(ctx, { input, schema: setAgendaSchema, prepare }, async ({ sessionId, expectedVersion, items }, m, unseen) => {
    const { session, network } = await sessionToChange(ctx, m, sessionId, expectedVersion);
    refuseAll(unseen);
    const { startsAt, endsAt } = session;
    if (!startsAt || !endsAt) refuse('sessionId', 'The session has no exact date yet; schedule it before giving it an agenda.', 'SESSION_NOT_SCHEDULED');
    const tz = network.timeZone;
    const firstDay = wallClock(startsAt, tz).date;
    const oneDay = firstDay === wallClock(new Date(endsAt.getTime() - 1), tz).date;

    const timed = items.map((item, index) => {
      const at = (field: string) => `items.${index}.${field}`;
      if (!item.date && !oneDay) refuse(at('date'), 'The session lasts more than one day: say which day the item is on.', 'DATE_REQUIRED');
      if (item.durationMinutes && item.endTime) refuse(at('endTime'), 'Give a duration or an end time, not both.', 'CONFLICTING_DURATION');
      const day = item.date ?? firstDay;
      const start = localInstant(day, item.startTime, tz, at('startTime'));
      let end: Date | null = null;
      if (item.durationMinutes) end = new Date(start.getTime() + item.durationMinutes * 60_000);
      if (item.endTime) {
        end = localInstant(day, item.endTime, tz, at('endTime'));
        if (end <= start) refuse(at('endTime'), 'The item ends before it starts.', 'INVALID_DURATION');
      }
      if (start < startsAt || (end ?? start) > endsAt) {
        refuse(at('startTime'), `«${item.title}» falls outside the session (${wallClock(startsAt, tz).date} ${wallClock(startsAt, tz).time} – ${wallClock(endsAt, tz).date} ${wallClock(endsAt, tz).time}).`, 'AGENDA_ITEM_OUTSIDE_SESSION');
      }
      return { item, index, start, end };
    });

    // An item without an end lasts until the next one starts, so only items with an end can overlap.
    const exclusive = timed.filter((t) => !t.item.parallel);
    for (const a of exclusive) {
      for (const b of exclusive) {
        if (b.index <= a.index) continue;
        const aEnd = a.end ?? a.start;
        const bEnd = b.end ?? b.start;
        const overlaps = a.start.getTime() === b.start.getTime() || (a.start < bEnd && b.start < aEnd);
        if (overlaps) {
          refuse(`items.${b.index}.startTime`, `«${b.item.title}» overlaps «${a.item.title}»; mark one of them parallel if they run at the same time.`, 'AGENDA_ITEMS_OVERLAP');
        }
      }
    }

    timed.sort((a, b) => a.start.getTime() - b.start.getTime() || a.index - b.index);
    await m.getRepository(AgendaItem).delete({ sessionId: session.id });
    const rows = timed.map((t, i) => m.getRepository(AgendaItem).create({
      id: randomUUID(), sessionId: session.id, position: i + 1, startsAt: t.start, endsAt: t.end, title: t.item.title,
      description: t.item.description ?? null, kind: t.item.kind, leaders: t.item.leaders ?? null, leaderPersonIds: t.item.leaderPersonIds,
      parallel: t.item.parallel, points: t.item.points, handbookAnchors: t.item.handbookAnchors, toolIds: t.item.toolIds,
    }));
    if (rows.length) await m.getRepository(AgendaItem).insert(rows);
    // The agenda is part of the session: a new agenda is a new version of it.
    await m.query('UPDATE networks.session SET version = version + 1 WHERE id = $1', [session.id]);
    session.version += 1;
    return session;
  });
}
