import { z } from 'zod';
import { forbidden, isAdmin, refuse, refuseAll, runMutation, userError, type RequestContext, type UserError } from '@kommunenett/subgraph-kit';
import { Attendance } from '../entities/attendance.entity';
import { AttendanceStatus } from '../entities/enums';
import { attendanceBySession, hostIdsOfNetwork } from '../loaders';
import { canDecideRegistration } from './access';
import { fetchSessionNetworks, networkRules, hostIdsOf } from './network-rules';
import { idSchema } from './registrations';

const recordSchema = z.object({
  sessionId: idSchema,
  entries: z.array(z.object({
    personId: idSchema,
    status: z.enum(AttendanceStatus),
    note: z.string().trim().max(500).nullish(),
  })).min(1).max(200),
});

/**
 * Records attendance of a whole session at once (the network's FACILITATOR, ORG_ADMIN of a host):
 * each person must hold a confirmed registration in the session's network. All or nothing.
 */
export async function recordAttendance(ctx: RequestContext, raw: unknown): Promise<{ attendance: Attendance[]; userErrors: UserError[] }> {
  // The session belongs to the networks service: asked before the transaction opens.
  const prepare = async ({ sessionId }: z.infer<typeof recordSchema>) => {
    const [networkId] = await fetchSessionNetworks([sessionId], ctx.requestId);
    if (!networkId) refuse('sessionId', 'No such session.', 'NOT_FOUND');
    const rules = await networkRules(ctx).load(networkId);
    if (!canDecideRegistration(ctx.viewer, { networkId, hostIds: rules ? hostIdsOf(rules) : [] })) {
      throw forbidden('Attendance is recorded by the network’s facilitators and organizers.');
    }
    return networkId;
  };
  const outcome = await runMutation(ctx, { input: raw, schema: recordSchema, prepare }, async ({ sessionId, entries }, m, networkId) => {
    const personIds = entries.map((e) => e.personId);
    const registered = new Set(((await m.query(
      `SELECT person_id::text AS id FROM participants.registration WHERE network_id = $1 AND status = 'CONFIRMED' AND person_id = ANY($2::uuid[])`,
      [networkId, personIds])) as { id: string }[]).map((r) => r.id));
    const userErrors: UserError[] = [];
    entries.forEach((e, i) => {
      if (!registered.has(e.personId)) userErrors.push(userError(`entries.${i}.personId`, 'The person has no confirmed registration in the session’s network.', 'NOT_REGISTERED'));
      if (personIds.indexOf(e.personId) !== i) userErrors.push(userError(`entries.${i}.personId`, 'The person is listed twice.', 'DUPLICATE_ENTRY'));
    });
    refuseAll(userErrors);
    const now = new Date();
    const rows = entries.map((e) => Object.assign(new Attendance(), {
      sessionId, personId: e.personId, networkId, status: e.status, note: e.note ?? null, recordedBy: ctx.viewer.subject, recordedAt: now,
    }));
    await m.createQueryBuilder().insert().into(Attendance).values(rows)
      .orUpdate(['status', 'note', 'recorded_by', 'recorded_at', 'network_id'], ['session_id', 'person_id']).execute();
    return rows;
  });
  return { attendance: outcome.value ?? [], userErrors: outcome.userErrors };
}

/** A session's attendance as the viewer may see it: all for its organizers, one's own for a participant. */
export async function visibleAttendance(ctx: RequestContext, sessionId: string): Promise<Attendance[]> {
  const rows = await attendanceBySession(ctx).load(sessionId);
  if (rows.length === 0 || isAdmin(ctx.viewer)) return rows;
  const networkId = rows[0].networkId;
  if (canDecideRegistration(ctx.viewer, { networkId, hostIds: await hostIdsOfNetwork(ctx, networkId) })) return rows;
  return rows.filter((a) => ctx.viewer.personId === a.personId);
}
