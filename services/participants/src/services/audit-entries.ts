import { auditMicrosSql, decodeAuditCursor, forbidden, olderThanSql, type RequestContext } from '@kommunenett/subgraph-kit';

/*
 * This service's part of a network's audit trail (docs/audit.md): its change feed (registrations)
 * and attendance history, written in the transaction of each change. The networks service merges
 * them into `Network.auditTrail`; it alone asks, and has already checked who may read the trail.
 */

export const PARTICIPANTS_AUDIT_KINDS = ['REGISTRATION', 'ATTENDANCE'] as const;

/** Feed entries are ids `r-<seq>` (zero-padded, so text order is number order), attendance entries `a-<uuid>`. */
const REGISTRATION_ID = `'r-' || lpad(c.seq::text, 20, '0')`;
const ATTENDANCE_ID = `'a-' || a.id::text`;

export interface AuditEntriesPage {
  entries: Record<string, unknown>[];
  total: number;
}

/** A network's entries of `kinds` older than the cursor `before`, newest first, at most `first`, with the number of all of them. */
export async function networkAuditEntries(ctx: RequestContext, networkId: string, before: string | null, first: number, kinds: string[]): Promise<AuditEntriesPage> {
  if (ctx.viewer.kind !== 'service' || ctx.viewer.subject !== 'service:networks') throw forbidden('Only the networks service reads the audit entries; ask for Network.auditTrail.');
  const position = decodeAuditCursor(before);
  const limit = Math.max(0, Math.min(first, 101));
  const parts: string[] = [];
  const counts: string[] = [];
  const older = (time: string, id: string) => (position ? `AND ${olderThanSql(time, id, 3)}` : '');
  if (kinds.includes('REGISTRATION')) {
    parts.push(`(SELECT ${REGISTRATION_ID} AS id, ${auditMicrosSql('c.occurred_at')}::text AS micros, c.occurred_at AS "occurredAt", 'REGISTRATION' AS kind,
        c.kind AS action, c.registration_id::text AS "subjectId", r.person_id::text AS "personId", c.actor, c.actor_role AS "actorRole", c.client,
        CASE WHEN c.previous_status IS NULL THEN NULL ELSE jsonb_build_object('status', c.previous_status) END AS before,
        jsonb_build_object('status', c.status) AS after
      FROM participants.registration_change c JOIN participants.registration r ON r.id = c.registration_id
      WHERE c.network_id = $1 ${older('c.occurred_at', REGISTRATION_ID)} ORDER BY c.occurred_at DESC, ${REGISTRATION_ID} COLLATE "C" DESC LIMIT $2)`);
    counts.push('(SELECT count(*) FROM participants.registration_change WHERE network_id = $1)');
  }
  if (kinds.includes('ATTENDANCE')) {
    parts.push(`(SELECT ${ATTENDANCE_ID} AS id, ${auditMicrosSql('a.changed_at')}::text AS micros, a.changed_at AS "occurredAt", 'ATTENDANCE' AS kind,
        a.action, a.session_id::text AS "subjectId", a.person_id::text AS "personId", a.changed_by AS actor, a.actor_role AS "actorRole", a.client,
        CASE WHEN a.from_status IS NULL THEN NULL ELSE jsonb_build_object('status', a.from_status) END AS before,
        NULLIF(jsonb_strip_nulls(jsonb_build_object('status', a.to_status, 'reason', a.reason)), '{}'::jsonb) AS after
      FROM participants.attendance_change a
      WHERE a.network_id = $1 ${older('a.changed_at', ATTENDANCE_ID)} ORDER BY a.changed_at DESC, ${ATTENDANCE_ID} COLLATE "C" DESC LIMIT $2)`);
    counts.push('(SELECT count(*) FROM participants.attendance_change WHERE network_id = $1)');
  }
  if (parts.length === 0) return { entries: [], total: 0 };
  const params: unknown[] = [networkId, limit];
  if (position) params.push(position.micros, position.id);
  const entries = limit === 0 ? [] : (await ctx.ds.query(parts.join(' UNION ALL '), params)) as Record<string, unknown>[];
  const [{ total }] = (await ctx.ds.query(`SELECT (${counts.join(' + ')})::int AS total`, [networkId])) as { total: number }[];
  return { entries, total };
}
