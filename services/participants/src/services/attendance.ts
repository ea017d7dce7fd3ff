import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { clientOf, forbidden, isAdmin, pagesByParent, refuse, refuseAll, runMutation, userError, type Connection, type ConnectionArgs, type RequestContext, type UserError } from '@kommunenett/subgraph-kit';
import { Attendance, AttendanceChange } from '../entities/attendance.entity';
import { AttendanceChangeAction, AttendanceStatus, ExcusedRule } from '../entities/enums';
import { hostIdsOfNetwork, networkOfSession } from '../loaders';
import { canDecideRegistration } from './access';
import { fetchSessionDates, networkRules, hostIdsOf } from './network-rules';
import { idSchema } from './registrations';

const recordSchema = z.object({
  sessionId: idSchema,
  entries: z.array(z.object({
    personId: idSchema,
    status: z.enum(AttendanceStatus),
    note: z.string().trim().max(500).nullish(),
  })).min(1).max(200),
});

const removeSchema = z.object({
  sessionId: idSchema,
  personId: idSchema,
  reason: z.string().trim().min(1).max(500),
});

/**
 * The session's network after the organizer check (asked of the networks service before the
 * transaction opens). With `held`, a session that has not started is refused: attendance is of
 * what happened (an exact session from its start, one known only to a month from the first day of
 * that month, an undecided one never).
 */
async function sessionOfOrganizer(ctx: RequestContext, sessionId: string, held: boolean): Promise<string> {
  const [session] = await fetchSessionDates(ctx, [sessionId]);
  if (!session) refuse('sessionId', 'No such session.', 'NOT_FOUND');
  const rules = await networkRules(ctx).load(session.networkId);
  if (!canDecideRegistration(ctx.viewer, { networkId: session.networkId, hostIds: rules ? hostIdsOf(rules) : [] })) {
    throw forbidden('Attendance is recorded and changed by the network’s facilitators and organizers.');
  }
  if (held && !session.intervalStart) refuse('sessionId', 'The session has no date yet, so it has not been held; record attendance once it has.', 'SESSION_IN_FUTURE');
  if (held && new Date(session.intervalStart!).getTime() > Date.now()) {
    refuse('sessionId', `The session has not started yet (${session.intervalStart}); record attendance once it has.`, 'SESSION_IN_FUTURE');
  }
  return session.networkId;
}

function change(ctx: RequestContext, a: Pick<Attendance, 'sessionId' | 'personId' | 'networkId'>, action: AttendanceChangeAction,
  fromStatus: AttendanceStatus | null, toStatus: AttendanceStatus | null, reason: string | null, at: Date): AttendanceChange {
  return Object.assign(new AttendanceChange(), {
    id: randomUUID(), sessionId: a.sessionId, personId: a.personId, networkId: a.networkId, action, fromStatus, toStatus, reason,
    changedBy: ctx.viewer.subject, actorRole: ctx.viewer.kind === 'service' ? null : ctx.viewer.role, client: clientOf(ctx.viewer), changedAt: at,
  });
}

/**
 * Records attendance of a whole session at once (the network's FACILITATOR, ORG_ADMIN of a host):
 * each person must hold a confirmed registration in the session's network, and the session must
 * have started. All or nothing; every new entry and changed status goes into the history.
 */
export async function recordAttendance(ctx: RequestContext, raw: unknown): Promise<{ attendance: Attendance[]; userErrors: UserError[] }> {
  const prepare = ({ sessionId }: z.infer<typeof recordSchema>) => sessionOfOrganizer(ctx, sessionId, true);
  const outcome = await runMutation(ctx, { input: raw, schema: recordSchema, prepare }, async ({ sessionId, entries }, m, networkId) => {
    const personIds = entries.map((e) => e.personId);
    const registered = new Map(((await m.query(
      `SELECT person_id::text AS id, municipality_id FROM participants.registration WHERE network_id = $1 AND status = 'CONFIRMED' AND person_id = ANY($2::uuid[])`,
      [networkId, personIds])) as { id: string; municipality_id: string }[]).map((r) => [r.id, r.municipality_id]));
    const userErrors: UserError[] = [];
    entries.forEach((e, i) => {
      if (!registered.has(e.personId)) userErrors.push(userError(`entries.${i}.personId`, 'The person has no confirmed registration in the session’s network.', 'NOT_REGISTERED'));
      if (personIds.indexOf(e.personId) !== i) userErrors.push(userError(`entries.${i}.personId`, 'The person is listed twice.', 'DUPLICATE_ENTRY'));
    });
    refuseAll(userErrors);
    const before = new Map((await m.getRepository(Attendance).find({ where: personIds.map((personId) => ({ sessionId, personId })), lock: { mode: 'pessimistic_write' } }))
      .map((a) => [a.personId, a.status]));
    const now = new Date();
    const rows = entries.map((e) => Object.assign(new Attendance(), {
      sessionId, personId: e.personId, networkId, municipalityId: registered.get(e.personId) ?? null, status: e.status, note: e.note ?? null,
      recordedBy: ctx.viewer.subject, recordedAt: now,
    }));
    await m.createQueryBuilder().insert().into(Attendance).values(rows)
      .orUpdate(['status', 'note', 'recorded_by', 'recorded_at', 'network_id', 'municipality_id'], ['session_id', 'person_id']).execute();
    const changes = rows.flatMap((a) => {
      const previous = before.get(a.personId) ?? null;
      if (previous === a.status) return [];
      return [change(ctx, a, previous ? AttendanceChangeAction.CHANGED : AttendanceChangeAction.RECORDED, previous, a.status, null, now)];
    });
    if (changes.length) await m.getRepository(AttendanceChange).insert(changes);
    return rows;
  });
  return { attendance: outcome.value ?? [], userErrors: outcome.userErrors };
}

/** Removes one person's attendance entry from a session, with a reason kept in the history. */
export async function removeAttendance(ctx: RequestContext, raw: unknown): Promise<{ removed: Attendance | null; userErrors: UserError[] }> {
  const prepare = ({ sessionId }: z.infer<typeof removeSchema>) => sessionOfOrganizer(ctx, sessionId, false);
  const outcome = await runMutation(ctx, { input: raw, schema: removeSchema, prepare }, async ({ sessionId, personId, reason }, m) => {
    const entry = await m.getRepository(Attendance).findOne({ where: { sessionId, personId }, lock: { mode: 'pessimistic_write' } });
    if (!entry) refuse('personId', 'The person has no attendance entry for this session.', 'NOT_FOUND');
    await m.getRepository(Attendance).delete({ sessionId, personId });
    await m.getRepository(AttendanceChange).insert(change(ctx, entry, AttendanceChangeAction.REMOVED, entry.status, null, reason, new Date()));
    return entry;
  });
  return { removed: outcome.value, userErrors: outcome.userErrors };
}

/** Whether the viewer sees all of a network's attendance: ADMIN, its facilitators and its hosts' organizers. */
export async function seesAllAttendance(ctx: RequestContext, networkId: string): Promise<boolean> {
  return isAdmin(ctx.viewer) || canDecideRegistration(ctx.viewer, { networkId, hostIds: await hostIdsOfNetwork(ctx, networkId) });
}

/**
 * A page of a session's attendance as the viewer may see it: all for its organizers, one's own
 * for a participant. One statement for the sessions' networks, one for all the sessions' pages
 * (two when some are the viewer's to organize and some not), one for their totals if asked.
 */
export async function visibleAttendance(ctx: RequestContext, sessionId: string, page: ConnectionArgs): Promise<Connection<Attendance>> {
  const networkId = await networkOfSession(ctx).load(sessionId);
  const all = networkId !== null && (await seesAllAttendance(ctx, networkId));
  return pagesByParent(ctx, `attendanceBySession:${all ? 'all' : 'own'}`, {
    query: (ids) => {
      const qb = ctx.ds.getRepository(Attendance).createQueryBuilder('a').where('a.session_id IN (:...ids)', { ids });
      return all ? qb : qb.andWhere('a.person_id = :me', { me: ctx.viewer.personId ?? null });
    },
    parentSql: 'a.session_id', parentOf: (a) => a.sessionId, identitySql: ['a.session_id', 'a.person_id'],
    order: [{ sql: 'a.person_id', value: (a) => a.personId }],
  }, page).load(sessionId);
}

export interface AttendanceCounts {
  present: number;
  absent: number;
  excused: number;
  recorded: number;
  /** Share counted as attending under the rule, 0–1; null when the rule leaves nothing to count. */
  rate: number | null;
  excusedRule: ExcusedRule;
}

/** Counts of entries and the rate under an explicit rule for EXCUSED. */
export function attendanceCounts(rows: readonly Pick<Attendance, 'status'>[], excusedRule: ExcusedRule): AttendanceCounts {
  const count = (s: AttendanceStatus) => rows.filter((a) => a.status === s).length;
  const present = count(AttendanceStatus.PRESENT);
  const absent = count(AttendanceStatus.ABSENT);
  const excused = count(AttendanceStatus.EXCUSED);
  const [attending, base] = {
    [ExcusedRule.COUNT_AS_ABSENT]: [present, present + absent + excused],
    [ExcusedRule.LEAVE_OUT]: [present, present + absent],
    [ExcusedRule.COUNT_AS_PRESENT]: [present + excused, present + absent + excused],
  }[excusedRule];
  return { present, absent, excused, recorded: rows.length, rate: base ? attending / base : null, excusedRule };
}

/** Rows grouped by a key, in the order of the keys' first appearance. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}
