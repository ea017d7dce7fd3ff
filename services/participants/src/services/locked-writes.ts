import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { RollBack, alreadyChecked, refuse, runMutation, userError, type RequestContext, type UserError } from '@kommunenett/subgraph-kit';
import { queryPrepared, type PreparedStatement } from '@kommunenett/db';
import { Registration } from '../entities/registration.entity';
import { LIVE, RegistrationChangeKind, RegistrationStatus } from '../entities/enums';
import { ChangeLog, changeEventsCtes } from './changes';
import type { IdempotencyGuard } from './idempotency';
import { lockNetworks } from './locks';
import { saveNetworkSnapshot, type NetworkRules } from './network-rules';
import { upsertPersonByEmail, upsertPersonsByEmail } from './people';
import { peopleWithContactAccess } from './person-visibility';
import { NetworkLedger, type LiveRegistration } from './placement';
import type { RegisterInput } from './registrations';
import type { ServiceCause } from './notifications';

/*
 * Reads and writes of one network's registrations under its lock (`lockNetworks`): the ledger of
 * live registrations, status changes with their change events, seats freed going to the
 * waitlist, new registrations placed. Callers hold the lock; the rules of who may do what are
 * the commands' (registrations.ts, import.ts) and the jobs' (registration-jobs.ts).
 */

export async function loadLedger(m: EntityManager, rules: NetworkRules): Promise<NetworkLedger> {
  const rows = (await m.query(
    `SELECT id, person_id AS "personId", municipality_id AS "municipalityId", status, waitlist_position AS "waitlistPosition"
     FROM participants.registration WHERE network_id = $1 AND status = ANY($2)`,
    [rules.id, LIVE],
  )) as LiveRegistration[];
  return new NetworkLedger(rules, rows);
}

export async function setStatus(
  m: EntityManager, changes: ChangeLog, reg: Pick<Registration, 'id' | 'networkId' | 'municipalityId' | 'status'>,
  status: RegistrationStatus,
  extra: { reason?: string | null; decidedBy?: string | null; offerExpiresAt?: Date | null; waitlistPosition?: number | null; cause?: ServiceCause } = {},
): Promise<void> {
  await m.createQueryBuilder().update(Registration).set({
    status, statusReason: extra.reason ?? null, decidedBy: extra.decidedBy ?? null, offerExpiresAt: extra.offerExpiresAt ?? null,
    waitlistPosition: extra.waitlistPosition ?? null,
  }).where('id = :id', { id: reg.id }).execute();
  changes.add({ registrationId: reg.id, networkId: reg.networkId, municipalityId: reg.municipalityId, kind: RegistrationChangeKind.STATUS_CHANGED, status, previousStatus: reg.status, cause: extra.cause });
}

/** Gives freed seats to the waitlist and renumbers it: after every change that can free a seat. */
export async function settleNetwork(m: EntityManager, rules: NetworkRules, changes: ChangeLog, offerTtlHours: number): Promise<void> {
  const ledger = await loadLedger(m, rules);
  const offers = ledger.offerFreeSeats();
  if (offers.length > 0) {
    const expiresAt = new Date(Date.now() + offerTtlHours * 3_600_000);
    await m.createQueryBuilder().update(Registration)
      .set({ status: RegistrationStatus.OFFERED, offerExpiresAt: expiresAt, waitlistPosition: null })
      .where('id IN (:...ids)', { ids: offers.map((o) => o.id) }).execute();
    for (const o of offers) {
      changes.add({ registrationId: o.id, networkId: rules.id, municipalityId: o.municipalityId, kind: RegistrationChangeKind.STATUS_CHANGED, status: RegistrationStatus.OFFERED, previousStatus: RegistrationStatus.WAITLISTED });
    }
  }
  await renumberWaitlist(m, rules.id);
}

async function renumberWaitlist(m: EntityManager, networkId: string): Promise<void> {
  await m.query(
    `UPDATE participants.registration r SET waitlist_position = w.pos
     FROM (SELECT id, row_number() OVER (ORDER BY waitlist_position, registered_at, id)::int AS pos
           FROM participants.registration WHERE network_id = $1 AND status = 'WAITLISTED') w
     WHERE r.id = w.id AND r.waitlist_position IS DISTINCT FROM w.pos`,
    [networkId],
  );
}

/** One registration to place, with where its errors point (`input` or `input.rows.3`). */
export interface Placement extends Pick<RegisterInput, 'municipalityId' | 'person' | 'personId' | 'leadershipAnchoring' | 'note' | 'externalRef'> {
  field: string;
}

/** The unique index of a partner client's references (migration 1733000000000), as a refusal. */
export const EXTERNAL_REF_TAKEN = {
  registration_external_ref_idx: { field: 'externalRef', code: 'EXTERNAL_REF_TAKEN', message: 'This externalRef is already used by another of your registrations.' },
} as const;

/** What became of each placement: a registration, or the rule it broke. */
export type Outcome = { id: string; status: RegistrationStatus } | { error: UserError };

/**
 * Places registrations into one network in one transaction under its lock: persons found or
 * created by email, each rule checked against the live registrations (in order, as if registered
 * one after another), rows and changes written. Commits only when `commit` is set and every
 * placement succeeded; otherwise rolls back and still reports each placement's outcome.
 */
export async function placeRegistrations(
  ctx: RequestContext, rules: NetworkRules, placements: Placement[], guard: IdempotencyGuard, commit: boolean,
  /** The payload a retry with the same idempotency key gets back. */
  replayOf: (placed: { id: string; status: RegistrationStatus }[]) => unknown,
): Promise<{ outcomes: Outcome[]; committed: boolean }> {
  const v = ctx.viewer;
  const clientId = v.role === 'PARTNER' ? v.clientId : null;
  const seen = await peopleWithContactAccess(ctx, placements.flatMap((p) => (p.person ? [p.person.email] : [])), placements.flatMap((p) => (p.personId ? [p.personId] : [])));
  // The references are checked under the network's lock, but another network's transaction may
  // take the same reference meanwhile: the unique index refuses the second, and running the checks
  // again (the other has committed by then) answers EXTERNAL_REF_TAKEN for the right placement.
  for (let attempt = 1; ; attempt++) {
    const placed = await placeOnce(ctx, rules, placements, guard, commit, replayOf, seen, clientId);
    if (attempt < 3 && !placed.value && placed.userErrors[0]?.code === 'EXTERNAL_REF_TAKEN') continue;
    // A refusal the runner mapped (a unique key taken meanwhile) stops every placement.
    if (!placed.value) return { outcomes: placements.map(() => ({ error: placed.userErrors[0] })), committed: false };
    return { outcomes: placed.value, committed: !placed.rolledBack };
  }
}

/** One attempt of `placeRegistrations`, in one transaction. */
function placeOnce(
  ctx: RequestContext, rules: NetworkRules, placements: Placement[], guard: IdempotencyGuard, commit: boolean,
  replayOf: (placed: { id: string; status: RegistrationStatus }[]) => unknown, seen: Set<string>, clientId: string | null,
) {
  const v = ctx.viewer;
  return runMutation(ctx, { input: placements, schema: alreadyChecked<Placement[]>(), constraints: EXTERNAL_REF_TAKEN }, async (_, m) => {
    if (commit) await guard.claim(m);
    // Persons before the network's lock, as in placeRegistration: one order of locks for every writer.
    const { ids: emails, created } = await upsertPersonsByEmail(m, placements.filter((p) => p.person).map((p) => ({ ...p.person!, employerMunicipalityId: p.municipalityId })));
    await lockNetworks(m, [rules.id]);
    await saveNetworkSnapshot(m, rules);
    const refs = placements.map((p) => p.externalRef).filter((r): r is string => !!r);
    const takenRefs = new Set(clientId && refs.length
      ? ((await m.query('SELECT external_ref FROM participants.registration WHERE client_id = $1 AND external_ref = ANY($2)', [clientId, refs])) as { external_ref: string }[]).map((r) => r.external_ref)
      : []);
    const ledger = await loadLedger(m, rules);
    const changes = ChangeLog.by(v);
    const rows: Partial<Registration>[] = [];
    const now = new Date();
    const outcomes = placements.map((p): Outcome => {
      const personId = p.personId ?? emails.get(p.person!.email)!;
      if (clientId && p.externalRef) {
        if (takenRefs.has(p.externalRef)) return { error: userError(`${p.field}.externalRef`, EXTERNAL_REF_TAKEN.registration_external_ref_idx.message, 'EXTERNAL_REF_TAKEN') };
        takenRefs.add(p.externalRef);
      }
      const id = randomUUID();
      const placed = ledger.place({ id, personId, municipalityId: p.municipalityId }, p.field);
      if ('error' in placed) return placed;
      rows.push({
        id, networkId: rules.id, personId, municipalityId: p.municipalityId, status: placed.status, waitlistPosition: placed.waitlistPosition,
        registeredAt: now, leadershipAnchoring: p.leadershipAnchoring ?? null, note: p.note ?? null, externalRef: p.externalRef ?? null,
        registeredBy: v.subject, registeredByRole: v.kind === 'service' ? 'SERVICE' : v.role, clientId,
        grantsRegistrarAccess: seen.has(personId) || (!!p.person && created.has(p.person.email)),
      });
      changes.add({ registrationId: id, networkId: rules.id, municipalityId: p.municipalityId, kind: RegistrationChangeKind.CREATED, status: placed.status, previousStatus: null });
      return { id, status: placed.status };
    });
    if (!commit || outcomes.some((o) => 'error' in o)) throw new RollBack(outcomes);
    for (let i = 0; i < rows.length; i += 500) await m.getRepository(Registration).insert(rows.slice(i, i + 500));
    await changes.flush(m);
    await guard.save(m, replayOf(outcomes as { id: string; status: RegistrationStatus }[]));
    return outcomes;
  });
}

/**
 * Locks the network's snapshot row (the network's lock, services/locks.ts) and reads its seat
 * counters, kept by the registration triggers.
 */
const TAKE_NETWORK: PreparedStatement = {
  name: 'participants-take-network',
  text: `INSERT INTO participants.network_snapshot AS s (network_id, host_ids, status) VALUES ($1, '{}'::text[], 'UNKNOWN')
     ON CONFLICT (network_id) DO UPDATE SET network_id = s.network_id RETURNING seats_taken AS "seatsTaken", waitlisted`,
};

/**
 * The registration row, written only while its municipality is under the network's limit ($15,
 * null for none), counted over its live registrations by index under the network's lock. A
 * person already registered goes on to the unique index (ALREADY_REGISTERED comes before the
 * limit, as in the ledger); the partner's reference has its own unique index. Its change events
 * come in the same statement (`changeEventsCtes`, parameters from $16), drawn only when the row
 * was written: one round trip less under the network's lock.
 */
const INSERT_REGISTRATION: PreparedStatement = {
  name: 'participants-insert-registration',
  text: `WITH inserted AS (
       INSERT INTO participants.registration (id, network_id, person_id, municipality_id, status, waitlist_position, registered_at,
         leadership_anchoring, note, external_ref, registered_by, registered_by_role, client_id, grants_registrar_access)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14
       WHERE $15::int IS NULL
          OR (SELECT count(*) FROM (SELECT FROM participants.registration WHERE network_id = $2 AND municipality_id = $4
                AND status IN ('PENDING', 'CONFIRMED', 'WAITLISTED', 'OFFERED') LIMIT $15) l) < $15
          OR EXISTS (SELECT FROM participants.registration WHERE network_id = $2 AND person_id = $3 AND status IN ('PENDING', 'CONFIRMED', 'WAITLISTED', 'OFFERED'))
       RETURNING id, person_id, waitlist_position, client_id, updated_at, version),
     ${changeEventsCtes('inserted', 16, 'EXISTS (SELECT FROM inserted)')}
   SELECT updated_at AS "updatedAt", version FROM inserted`,
};

/** Where a unique index refuses a single registration: the person's live registration, the partner's reference. */
const registrationTaken = (field: string) => ({
  registration_person_live_idx: { field, code: 'ALREADY_REGISTERED', message: 'The person is already registered for this network.' },
  registration_external_ref_idx: { ...EXTERNAL_REF_TAKEN.registration_external_ref_idx, field: `${field}.externalRef` },
} as const);

/**
 * Places one registration (registerParticipant), in one transaction of at most five statements:
 * the idempotency key claimed with its answer, the person, the network's counters locked and read
 * (a seat when one is free and nobody waits, else the end of the waitlist), the row with its
 * change events (the municipality's limit checked in it, duplicates refused by unique indexes).
 * The batch of an import goes through `placeRegistrations` instead.
 */
export async function placeRegistration(
  ctx: RequestContext, rules: NetworkRules, p: Placement, guard: IdempotencyGuard, seen: Set<string>,
): Promise<{ outcome: Outcome; registration?: Registration }> {
  const v = ctx.viewer;
  const clientId = v.role === 'PARTNER' ? v.clientId : null;
  const id = randomUUID();
  const placed = await runMutation(ctx, { input: p, schema: alreadyChecked<Placement>(), constraints: registrationTaken(p.field) }, async (_, m) => {
    await guard.claim(m, { registrationId: id, userErrors: [] });
    // The person before the network's lock: every statement under it is time the network's other
    // registrations wait (persons before networks is the order of every writer, see placeOnce).
    const person = p.person ? await upsertPersonByEmail(m, { ...p.person, employerMunicipalityId: p.municipalityId }) : null;
    const personId = p.personId ?? person!.id;
    const [seats] = await queryPrepared<{ seatsTaken: number; waitlisted: number }>(m, TAKE_NETWORK, [rules.id]);
    const seat = (rules.capacity === null || seats.seatsTaken < rules.capacity) && seats.waitlisted === 0;
    const reg = Object.assign(new Registration(), {
      id, networkId: rules.id, personId, municipalityId: p.municipalityId,
      status: seat ? (rules.requiresApproval ? RegistrationStatus.PENDING : RegistrationStatus.CONFIRMED) : RegistrationStatus.WAITLISTED,
      waitlistPosition: seat ? null : seats.waitlisted + 1, registeredAt: new Date(),
      leadershipAnchoring: p.leadershipAnchoring ?? null, note: p.note ?? null, externalRef: p.externalRef ?? null,
      registeredBy: v.subject, registeredByRole: v.kind === 'service' ? 'SERVICE' : v.role, clientId,
      grantsRegistrarAccess: seen.has(personId) || !!person?.created, offerExpiresAt: null, statusReason: null, decidedBy: null,
    });
    const changes = ChangeLog.by(v);
    changes.add({ registrationId: id, networkId: rules.id, municipalityId: p.municipalityId, kind: RegistrationChangeKind.CREATED, status: reg.status, previousStatus: null });
    const [written] = await changes.flushWith<{ updatedAt: Date; version: number }>(m, INSERT_REGISTRATION, [
      reg.id, reg.networkId, reg.personId, reg.municipalityId, reg.status, reg.waitlistPosition, reg.registeredAt, reg.leadershipAnchoring, reg.note,
      reg.externalRef, reg.registeredBy, reg.registeredByRole, reg.clientId, reg.grantsRegistrarAccess, rules.perMunicipalityLimit,
    ]);
    if (!written) refuse(p.field, `The municipality has reached its limit of ${rules.perMunicipalityLimit} participants in this network.`, 'MUNICIPALITY_LIMIT_REACHED');
    return Object.assign(reg, written);
  });
  if (!placed.value) return { outcome: { error: placed.userErrors[0] } };
  return { outcome: { id, status: placed.value.status }, registration: placed.value };
}

/**
 * Cancels, as the service, the registrations of a network that `condition` (SQL over its rows,
 * parameters from $2) selects; returns how many.
 */
export async function cancelAsService(
  m: EntityManager, changes: ChangeLog, networkId: string, condition: string, params: unknown[], reason: string, cause?: ServiceCause,
): Promise<number> {
  const rows = (await m.query(
    `SELECT id, network_id AS "networkId", municipality_id AS "municipalityId", status FROM participants.registration
     WHERE network_id = $1 AND ${condition}`, [networkId, ...params])) as Registration[];
  for (const reg of rows) await setStatus(m, changes, reg, RegistrationStatus.CANCELLED, { reason, decidedBy: 'service:participants', cause });
  return rows.length;
}

