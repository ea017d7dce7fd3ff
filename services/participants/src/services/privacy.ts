import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  allowAuditErasure,
  eraseMutationName, eraseTraces, forbidden, isAdmin, refuse, requirePersonalDataReader, runMutation, SUBGRAPH_NAMES, internalClient,
  type PersonTraces, type RequestContext, type ServiceDeps, type UserError,
} from '@kommunenett/subgraph-kit';
import { ERASED_NAME, Person } from '../entities/person.entity';
import { ErasureRequest } from '../entities/privacy.entity';
import { ErasureRequestStatus, LIVE, RegistrationChangeKind, type RegistrationStatus } from '../entities/enums';
import { ChangeLog } from './changes';
import { settingsOf } from '../config';
import { fetchNetworkRules, networksClient, type NetworkRules } from './network-rules';
import { idSchema } from './registrations';
import { cancelAsService, settleNetwork } from './locked-writes';
import { lockNetworks } from './locks';
import { endOf, NETWORK_END_SELECTION, type NetworkEnd } from './network-end';

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
  const subject = personId ?? ctx.viewer.personId;
  if (!subject) throw forbidden('You may export your own data only.');
  requirePersonalDataReader(ctx.viewer, subject);
  return subject;
}

/**
 * Erases a person's personal data in this service: name, contact data, gender, positions, free
 * text they or others wrote on their registrations, the reasons of their erasure requests. The person row stays as an anonymous id, so registrations,
 * attendance and every count and statistic built on them stay right.
 */
export async function erase(m: EntityManager, personId: string, actor: string | null): Promise<void> {
  await allowAuditErasure(m);
  await m.query(`UPDATE participants.person SET name = $2, email = NULL, phone = NULL, title = NULL, gender = NULL,
    employer_organization_id = NULL, erased_at = now(), updated_at = now(), version = version + 1 WHERE id = $1`, [personId, ERASED_NAME]);
  await m.query('DELETE FROM participants.position WHERE person_id = $1', [personId]);
  await m.query('UPDATE participants.attendance SET note = NULL WHERE person_id = $1', [personId]);
  await m.query('UPDATE participants.attendance_change SET reason = NULL WHERE person_id = $1', [personId]);
  // Messages keep only that they were sent (kind, status, when); unsent ones are never sent. So do
  // the messages to others that name the person: copies to the coordinator, organisers' messages and digests.
  // A digest keeps its day: the one-a-day rule still holds for it.
  await m.query(`UPDATE participants.notification SET recipient = NULL, subject = NULL, body_text = NULL, last_error = NULL,
    data = CASE WHEN kind = 'REGISTRATION_DIGEST' THEN jsonb_build_object('day', data->'day') ELSE '{}' END,
    status = CASE WHEN status IN ('PENDING', 'AWAITING_DIGEST') THEN 'SKIPPED' ELSE status END
    WHERE person_id = $1 OR registration_id IN (SELECT id FROM participants.registration WHERE person_id = $1)
       OR (kind = 'REGISTRATION_DIGEST' AND status <> 'PENDING' AND data->'registrationIds' ?| ARRAY(SELECT id::text FROM participants.registration WHERE person_id = $1))`, [personId]);
  // A digest still to go tells the others it lists; it reads names when sent, so it names this person no more.
  await m.query('DELETE FROM participants.notification_preference WHERE person_id = $1', [personId]);
  const regs = (await m.query(`UPDATE participants.registration SET note = NULL, leadership_anchoring = NULL, external_ref = NULL, status_reason = NULL,
    updated_at = now(), version = version + 1 WHERE person_id = $1 RETURNING id, network_id AS "networkId", municipality_id AS "municipalityId", status`, [personId])) as
    [{ id: string; networkId: string; municipalityId: string; status: RegistrationStatus }[], number];
  const changes = new ChangeLog(actor);
  for (const r of regs[0]) changes.add({ registrationId: r.id, networkId: r.networkId, municipalityId: r.municipalityId, kind: RegistrationChangeKind.ANONYMIZED, status: r.status, previousStatus: r.status });
  await changes.flush(m);
  await m.query(`UPDATE participants.erasure_request SET status = 'COMPLETED', decided_by = $2, decided_at = now() WHERE person_id = $1 AND status = 'REQUESTED'`, [personId, actor]);
  // The reason the person gave is their own words: gone with the rest.
  await m.query('UPDATE participants.erasure_request SET reason = NULL WHERE person_id = $1', [personId]);
}

const ERASED_REASON = 'Personen er slettet / the person was erased';

/**
 * Erases a person everywhere (ADMIN's `erasePerson`): first the other services' copies, each
 * through its internal erase mutation (contact persons, leaders, submissions, proposals, and the
 * name, email and token subject in every text column); then, in one transaction here, the seats
 * the person holds in networks not yet finished are released to the waitlist, the person is
 * anonymized (`erase`) and this schema's text columns lose the same traces. The other services
 * go first so that a failure leaves the person whole here and the erasure can simply be retried.
 */
export async function erasePersonEverywhere(ctx: RequestContext, person: Pick<Person, 'id' | 'name' | 'email'>, actor: string | null): Promise<void> {
  const { ds, requestId } = ctx;
  const traces: PersonTraces = { personId: person.id, name: person.name, email: person.email, subjects: [person.id] };
  for (const service of SUBGRAPH_NAMES.filter((s) => s !== 'participants')) {
    await internalClient(ctx, service).query(
      `mutation($personId: ID!, $name: String, $email: String, $subjects: [String!]!) { ${eraseMutationName(service)}(personId: $personId, name: $name, email: $email, subjects: $subjects) }`,
      { ...traces }, requestId);
  }
  const live = (await ds.query('SELECT DISTINCT network_id::text AS id FROM participants.registration WHERE person_id = $1 AND status = ANY($2)', [person.id, LIVE])) as { id: string }[];
  const unfinished = (await fetchNetworkRules(ctx, live.map((r) => r.id)))
    .filter((r): r is NetworkRules => r !== null && r.status !== 'COMPLETED' && r.status !== 'CANCELLED');
  await ds.transaction(async (m) => {
    // The person's row before the networks' locks: the order in which a registration takes them.
    await m.query('SELECT FROM participants.person WHERE id = $1 FOR UPDATE', [person.id]);
    await lockNetworks(m, unfinished.map((r) => r.id));
    const changes = new ChangeLog(actor);
    for (const rules of unfinished) {
      await cancelAsService(m, changes, rules.id, 'person_id = $2 AND status = ANY($3)', [person.id, LIVE], ERASED_REASON);
      await settleNetwork(m, rules, changes, settingsOf(ctx).offerTtlHours);
    }
    await changes.flush(m);
    await erase(m, person.id, actor);
    await eraseTraces(m, 'participants', traces, ['person']);
  });
}

const eraseSchema = z.object({ personId: idSchema });

export async function erasePerson(ctx: RequestContext, raw: unknown): Promise<{ personId: string | null; userErrors: UserError[] }> {
  if (!isAdmin(ctx.viewer)) throw forbidden('Only ADMIN erases personal data.');
  // Erasing reaches every service (and so runs no transaction of its own here): checked first, in prepare.
  const prepare = async ({ personId }: z.infer<typeof eraseSchema>) => {
    const person = await ctx.ds.getRepository(Person).findOneBy({ id: personId });
    if (!person) refuse('personId', 'No such person.', 'NOT_FOUND');
    if (person.erasedAt) refuse('personId', 'The person is already erased.', 'ALREADY_ERASED');
    await erasePersonEverywhere(ctx, person, ctx.viewer.subject);
    return person.id;
  };
  const outcome = await runMutation(ctx, { input: raw, schema: eraseSchema, prepare }, async (_input, _m, personId) => personId);
  return { personId: outcome.value, userErrors: outcome.userErrors };
}

const requestSchema = z.object({ reason: z.string().trim().max(1000).nullish() });

/** The person asks to be erased; ADMIN decides (`erasePerson`). */
export async function requestErasure(ctx: RequestContext, raw: unknown): Promise<{ request: ErasureRequest | null; userErrors: UserError[] }> {
  const personId = ctx.viewer.personId;
  if (ctx.viewer.role !== 'PARTICIPANT' || !personId) throw forbidden('A participant asks for their own erasure.');
  const outcome = await runMutation(ctx, { input: raw, schema: requestSchema }, async ({ reason }, m) => {
    const repo = m.getRepository(ErasureRequest);
    if (await repo.findOneBy({ personId, status: ErasureRequestStatus.REQUESTED })) {
      refuse('reason', 'You already have an erasure request waiting.', 'ALREADY_REQUESTED');
    }
    const request = repo.create({ id: randomUUID(), personId, reason: reason ?? null, status: ErasureRequestStatus.REQUESTED, requestedAt: new Date(), decidedBy: null, decidedAt: null });
    await repo.insert(request);
    return request;
  });
  return { request: outcome.value, userErrors: outcome.userErrors };
}

/**
 * The retention rule: a person whose every registration is in a network that ended more than
 * `retentionYears` ago, and who works for no organization running networks, is anonymized.
 */
export async function applyRetention(deps: ServiceDeps, now = new Date()): Promise<number> {
  const { ds, log } = deps;
  const candidates = (await ds.query(
    `SELECT p.id::text AS "personId", array_agg(DISTINCT r.network_id::text) AS "networkIds"
     FROM participants.person p JOIN participants.registration r ON r.person_id = p.id
     WHERE p.erased_at IS NULL AND p.employer_organization_id IS NULL GROUP BY p.id`)) as { personId: string; networkIds: string[] }[];
  const networkIds = [...new Set(candidates.flatMap((c) => c.networkIds))];
  const client = networksClient(deps);
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - settingsOf(deps).retentionYears);
  const expired = new Set<string>();
  for (let i = 0; i < networkIds.length; i += 100) {
    const networks = await client.entities<NetworkEnd>('Network', networkIds.slice(i, i + 100), NETWORK_END_SELECTION);
    for (const n of networks) {
      const end = n && endOf(n);
      if (n && end && end < cutoff) expired.add(n.id);
    }
  }
  const due = candidates.filter((c) => c.networkIds.every((id) => expired.has(id)));
  for (const c of due) await ds.transaction((m) => erase(m, c.personId, 'service:participants:retention'));
  if (due.length) log.info({ anonymized: due.length }, 'retention rule applied');
  return due.length;
}
