import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import { z } from 'zod';
import { forbidden, isAdmin, userError, validateInput, type RequestContext, type UserError } from '@kommunenett/subgraph-kit';
import { ERASED_NAME, Person } from '../entities/person.entity';
import { ErasureRequest } from '../entities/privacy.entity';
import { ErasureRequestStatus, RegistrationChangeKind, type RegistrationStatus } from '../entities/enums';
import { ChangeLog } from './changes';
import { settings } from './config';
import { networksClient } from './network-rules';
import { idSchema } from './registrations';

/**
 * Everything this service holds about a person, as plain JSON: the person, positions,
 * registrations with their history, attendance, erasure requests, who read their contact data
 * (the recipients of their data), the messages sent to them and their message settings.
 */
export async function personalData(ds: DataSource, personId: string): Promise<Record<string, unknown> | null> {
  const [person] = (await ds.query(
    `SELECT id, name, email, phone, title, gender, employer_municipality_id AS "employerMunicipalityId",
       employer_organization_id AS "employerOrganizationId", erased_at AS "erasedAt", created_at AS "createdAt", updated_at AS "updatedAt"
     FROM participants.person WHERE id = $1`, [personId])) as Record<string, unknown>[];
  if (!person) return null;
  const q = (sql: string) => ds.query(sql, [personId]) as Promise<Record<string, unknown>[]>;
  const [positions, registrations, changes, attendance, erasureRequests, contactDataReads, messages, notificationPreferences] = await Promise.all([
    q(`SELECT title, employer_municipality_id AS "employerMunicipalityId", employer_organization_id AS "employerOrganizationId",
         valid_from::text AS "validFrom", valid_to::text AS "validTo" FROM participants.position WHERE person_id = $1 ORDER BY valid_from`),
    q(`SELECT id, network_id AS "networkId", municipality_id AS "municipalityId", status, waitlist_position AS "waitlistPosition",
         registered_at AS "registeredAt", leadership_anchoring AS "leadershipAnchoring", note, external_ref AS "externalRef",
         registered_by_role AS "registeredByRole", client_id AS "clientId", status_reason AS "statusReason", updated_at AS "updatedAt"
       FROM participants.registration WHERE person_id = $1 ORDER BY registered_at`),
    q(`SELECT c.registration_id AS "registrationId", c.kind, c.status, c.previous_status AS "previousStatus", c.occurred_at AS "occurredAt"
       FROM participants.registration_change c JOIN participants.registration r ON r.id = c.registration_id WHERE r.person_id = $1 ORDER BY c.seq`),
    q(`SELECT session_id AS "sessionId", network_id AS "networkId", status, note, recorded_at AS "recordedAt"
       FROM participants.attendance WHERE person_id = $1 ORDER BY recorded_at`),
    q(`SELECT id, reason, status, requested_at AS "requestedAt", decided_at AS "decidedAt" FROM participants.erasure_request WHERE person_id = $1 ORDER BY requested_at`),
    q(`SELECT field, viewer_role AS "viewerRole", viewer_organization_id AS "viewerOrganizationId", accessed_at AS "accessedAt"
       FROM participants.contact_access WHERE person_id = $1 ORDER BY accessed_at`),
    q(`SELECT id, kind, status, recipient, language, subject, body_text AS text, registration_id AS "registrationId", created_at AS "createdAt", sent_at AS "sentAt"
       FROM participants.notification WHERE person_id = $1 ORDER BY created_at, id`),
    q(`SELECT kind, enabled, updated_at AS "updatedAt" FROM participants.notification_preference WHERE person_id = $1 ORDER BY kind`),
  ]);
  return {
    person, positions, contactDataReads, erasureRequests, attendance, messages, notificationPreferences,
    registrations: registrations.map((r) => ({ ...r, history: changes.filter((c) => c.registrationId === r.id) })),
  };
}

/** Whose data the viewer may export: their own (PARTICIPANT); ADMIN any person's, for a request made by post. */
export function exportSubject(ctx: RequestContext, personId?: string | null): string {
  if (personId && isAdmin(ctx.viewer)) return personId;
  if (ctx.viewer.personId && (!personId || personId === ctx.viewer.personId)) return ctx.viewer.personId;
  throw forbidden('You may export your own data only.');
}

/**
 * Erases a person's personal data: name, contact data, gender, positions, free text they or
 * others wrote on their registrations. The person row stays as an anonymous id, so registrations,
 * attendance and every count and statistic built on them stay right.
 */
export async function erase(m: EntityManager, personId: string, actor: string | null): Promise<void> {
  await m.query(`UPDATE participants.person SET name = $2, email = NULL, phone = NULL, title = NULL, gender = NULL,
    employer_organization_id = NULL, erased_at = now(), updated_at = now(), version = version + 1 WHERE id = $1`, [personId, ERASED_NAME]);
  await m.query('DELETE FROM participants.position WHERE person_id = $1', [personId]);
  await m.query('UPDATE participants.attendance SET note = NULL WHERE person_id = $1', [personId]);
  // Messages keep only that they were sent (kind, status, when); unsent ones are never sent.
  await m.query(`UPDATE participants.notification SET recipient = NULL, subject = NULL, body_text = NULL, last_error = NULL, data = '{}',
    status = CASE WHEN status = 'PENDING' THEN 'SKIPPED' ELSE status END WHERE person_id = $1`, [personId]);
  await m.query('DELETE FROM participants.notification_preference WHERE person_id = $1', [personId]);
  const regs = (await m.query(`UPDATE participants.registration SET note = NULL, leadership_anchoring = NULL, external_ref = NULL, status_reason = NULL,
    updated_at = now(), version = version + 1 WHERE person_id = $1 RETURNING id, network_id AS "networkId", municipality_id AS "municipalityId", status`, [personId])) as
    [{ id: string; networkId: string; municipalityId: string; status: RegistrationStatus }[], number];
  const changes = new ChangeLog(actor);
  for (const r of regs[0]) changes.add({ registrationId: r.id, networkId: r.networkId, municipalityId: r.municipalityId, kind: RegistrationChangeKind.ANONYMIZED, status: r.status, previousStatus: r.status });
  await changes.flush(m);
  await m.query(`UPDATE participants.erasure_request SET status = 'COMPLETED', decided_by = $2, decided_at = now() WHERE person_id = $1 AND status = 'REQUESTED'`, [personId, actor]);
}

const eraseSchema = z.object({ personId: idSchema });

export async function erasePerson(ctx: RequestContext, raw: unknown): Promise<{ personId: string | null; userErrors: UserError[] }> {
  if (!isAdmin(ctx.viewer)) throw forbidden('Only ADMIN erases personal data.');
  const parsed = validateInput(eraseSchema, raw);
  if (!parsed.ok) return { personId: null, userErrors: parsed.userErrors };
  const person = await ctx.ds.getRepository(Person).findOneBy({ id: parsed.value.personId });
  if (!person) return { personId: null, userErrors: [userError('personId', 'No such person.', 'PERSON_NOT_FOUND')] };
  if (person.erasedAt) return { personId: null, userErrors: [userError('personId', 'The person is already erased.', 'ALREADY_ERASED')] };
  await ctx.ds.transaction((m) => erase(m, person.id, ctx.viewer.subject));
  return { personId: person.id, userErrors: [] };
}

const requestSchema = z.object({ reason: z.string().trim().max(1000).nullish() });

/** The person asks to be erased; ADMIN decides (`erasePerson`). */
export async function requestErasure(ctx: RequestContext, raw: unknown): Promise<{ request: ErasureRequest | null; userErrors: UserError[] }> {
  const personId = ctx.viewer.personId;
  if (ctx.viewer.role !== 'PARTICIPANT' || !personId) throw forbidden('A participant asks for their own erasure.');
  const parsed = validateInput(requestSchema, raw);
  if (!parsed.ok) return { request: null, userErrors: parsed.userErrors };
  const repo = ctx.ds.getRepository(ErasureRequest);
  if (await repo.findOneBy({ personId, status: ErasureRequestStatus.REQUESTED })) {
    return { request: null, userErrors: [userError('reason', 'You already have an erasure request waiting.', 'ALREADY_REQUESTED')] };
  }
  const request = repo.create({ id: randomUUID(), personId, reason: parsed.value.reason ?? null, status: ErasureRequestStatus.REQUESTED, requestedAt: new Date(), decidedBy: null, decidedAt: null });
  await repo.insert(request);
  return { request, userErrors: [] };
}

/** The last day a network's participants are kept: the end of its last session, or null while it runs. */
interface NetworkEnd { id: string; status: string; sessions: { endsAt: string | null; startsAt: string | null; plannedMonth: string | null; plannedTo: string | null }[] }

function endOf(n: NetworkEnd): Date | null {
  if (n.status !== 'COMPLETED' && n.status !== 'CANCELLED') return null;
  const ends = n.sessions.map((s) => {
    if (s.endsAt ?? s.startsAt) return new Date((s.endsAt ?? s.startsAt)!);
    const month = s.plannedTo ?? s.plannedMonth;
    if (!month) return null;
    const [y, mo] = month.split('-').map(Number);
    return new Date(Date.UTC(y, mo, 1)); // first day after the planned month
  }).filter((d): d is Date => d !== null);
  return ends.length ? new Date(Math.max(...ends.map((d) => d.getTime()))) : null;
}

/**
 * The retention rule: a person whose every registration is in a network that ended more than
 * `retentionYears` ago, and who works for no organization running networks, is anonymized.
 */
export async function applyRetention(ds: DataSource, log?: Logger, now = new Date()): Promise<number> {
  const candidates = (await ds.query(
    `SELECT p.id::text AS "personId", array_agg(DISTINCT r.network_id::text) AS "networkIds"
     FROM participants.person p JOIN participants.registration r ON r.person_id = p.id
     WHERE p.erased_at IS NULL AND p.employer_organization_id IS NULL GROUP BY p.id`)) as { personId: string; networkIds: string[] }[];
  const networkIds = [...new Set(candidates.flatMap((c) => c.networkIds))];
  const client = networksClient();
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - settings.retentionYears());
  const expired = new Set<string>();
  for (let i = 0; i < networkIds.length; i += 100) {
    const networks = await client.entities<NetworkEnd>('Network', networkIds.slice(i, i + 100), 'id status sessions { startsAt endsAt plannedMonth plannedTo }');
    for (const n of networks) {
      const end = n && endOf(n);
      if (n && end && end < cutoff) expired.add(n.id);
    }
  }
  const due = candidates.filter((c) => c.networkIds.every((id) => expired.has(id)));
  for (const c of due) await ds.transaction((m) => erase(m, c.personId, 'service:participants:retention'));
  if (due.length) log?.info({ anonymized: due.length }, 'retention rule applied');
  return due.length;
}
