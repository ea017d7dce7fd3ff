import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import { z } from 'zod';
import { alreadyChecked, forbidden, inputSchemas, refuse, refuseAll, Refusal, RollBack, runMutation, userError, validateInput, type RequestContext, type UserError } from '@kommunenett/subgraph-kit';
import { Registration } from '../entities/registration.entity';
import { LIVE, RegistrationChangeKind, RegistrationStatus, SEAT_HOLDING } from '../entities/enums';
import { municipalityById, registrationById } from '../loaders';
import { canActForRegistrant, canDecideRegistration, canSeeRegistration, requireMayRegister, type RegistrationFacts } from './access';
import { ChangeLog } from './changes';
import { settings } from './config';
import { runIdempotent, type IdempotencyGuard } from './idempotency';
import { fetchNetworkRules, hostIdsOf, networkRules, saveNetworkSnapshot, saveNetworkSnapshots, type NetworkRules } from './network-rules';
import { personInputSchema, upsertPersonsByEmail } from './people';
import { peopleWithContactAccess, visiblePersonById } from './person-visibility';
import { eligibilityError, NetworkLedger, registrationWindowError, type LiveRegistration } from './placement';
import { lockNetworks } from './locks';
import type { ServiceCause } from './notifications';

/** What every registration mutation returns: the registration (by id, resolved per viewer) and the broken rules. */
export interface RegistrationResult {
  registrationId: string | null;
  userErrors: UserError[];
}

const failed = (...userErrors: UserError[]): RegistrationResult => ({ registrationId: null, userErrors });

export const idSchema = inputSchemas.id;
export const municipalityIdSchema = inputSchemas.municipalityIdFormat;
export const idempotencyKeySchema = inputSchemas.idempotencyKey;
const externalRefSchema = z.string().trim().min(1).max(200).nullish();
const textSchema = (max: number) => z.string().trim().max(max).nullish();

// ---------------------------------------------------------------------------------------------
// Reading and writing under the network's lock

async function loadLedger(m: EntityManager, rules: NetworkRules): Promise<NetworkLedger> {
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
export async function settleNetwork(m: EntityManager, rules: NetworkRules, changes: ChangeLog): Promise<void> {
  const ledger = await loadLedger(m, rules);
  const offers = ledger.offerFreeSeats();
  if (offers.length > 0) {
    const expiresAt = new Date(Date.now() + settings.offerTtlHours() * 3_600_000);
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

/** Everything a write needs about an existing registration, with the viewer's access checked. */
interface Target {
  reg: Registration;
  rules: NetworkRules | null;
  facts: RegistrationFacts;
}

async function loadTarget(ctx: RequestContext, ref: { registrationId?: string | null; externalRef?: string | null }): Promise<Target> {
  let reg: Registration | null = null;
  if (ref.registrationId) reg = await registrationById(ctx).load(ref.registrationId);
  else if (ref.externalRef && ctx.viewer.clientId) {
    reg = await ctx.ds.getRepository(Registration).findOneBy({ clientId: ctx.viewer.clientId, externalRef: ref.externalRef });
  }
  const notFound = () => refuse(ref.registrationId ? 'registrationId' : 'externalRef', 'No such registration.', 'NOT_FOUND');
  if (!reg) return notFound();
  const rules = await networkRules(ctx).load(reg.networkId);
  const hostIds = rules ? hostIdsOf(rules) : [];
  const facts: RegistrationFacts = { ...reg, hostIds };
  if (!canSeeRegistration(ctx.viewer, facts)) return notFound();
  return { reg, rules, facts };
}

/** Re-reads the registration inside the transaction, after the network lock: its status may have moved. */
async function reload(m: EntityManager, id: string): Promise<Registration> {
  return m.getRepository(Registration).findOneByOrFail({ id });
}

const registrationRef = z.object({
  registrationId: idSchema.nullish(),
  externalRef: externalRefSchema,
}).refine((r) => !!r.registrationId !== !!r.externalRef, { message: 'Give either registrationId or externalRef.', path: ['registrationId'], params: { code: 'INVALID' } });

// ---------------------------------------------------------------------------------------------
// registerParticipant

export const registerSchema = z.object({
  networkId: idSchema,
  municipalityId: municipalityIdSchema,
  person: personInputSchema.nullish(),
  personId: idSchema.nullish(),
  leadershipAnchoring: textSchema(2000),
  note: textSchema(2000),
  idempotencyKey: idempotencyKeySchema,
  externalRef: externalRefSchema,
}).refine((r) => !!r.person !== !!r.personId, { message: 'Give either person or personId.', path: ['person'], params: { code: 'INVALID' } });
export type RegisterInput = z.infer<typeof registerSchema>;

/** The checks of a registration that need no lock: the network's window, eligibility, anchoring. */
async function preconditions(ctx: RequestContext, rules: NetworkRules | null, input: Pick<RegisterInput, 'municipalityId' | 'leadershipAnchoring'>, at: (f: string) => string): Promise<UserError[]> {
  if (!rules) return [userError(at('networkId'), 'No such network.', 'NOT_FOUND')];
  const municipality = await municipalityById(ctx).load(input.municipalityId);
  if (!municipality) return [userError(at('municipalityId'), `No municipality ${input.municipalityId}.`, 'UNKNOWN_MUNICIPALITY')];
  const errors = [registrationWindowError(rules, new Date(), at('networkId')), eligibilityError(rules, municipality, at('municipalityId'))];
  if (rules.requiresLeadershipAnchoring && !input.leadershipAnchoring) {
    errors.push(userError(at('leadershipAnchoring'), 'The network requires participation anchored in a leadership decision: describe it.', 'LEADERSHIP_ANCHORING_REQUIRED'));
  }
  return errors.filter((e): e is UserError => e !== null);
}

const strip = <T extends object>(input: T) => ({ ...input, idempotencyKey: undefined });

export async function registerParticipant(ctx: RequestContext, raw: unknown): Promise<RegistrationResult> {
  const parsed = validateInput(registerSchema, raw);
  if (!parsed.ok) return failed(...parsed.userErrors);
  const input = parsed.value;
  requireMayRegister(ctx.viewer, input.municipalityId);
  return runIdempotent(ctx, 'registerParticipant', input.idempotencyKey, strip(input), (e) => failed(...e), async (guard) => {
    const rules = await networkRules(ctx).load(input.networkId);
    if (rules) requireMayRegister(ctx.viewer, input.municipalityId, hostIdsOf(rules));
    const errors = await preconditions(ctx, rules, input, (f) => f);
    if (input.personId) {
      // Only a person the caller may already see: any other gets the answer of an unknown id.
      const person = await visiblePersonById(ctx).load(input.personId);
      if (!person || person.erasedAt) errors.push(userError('personId', 'No such person.', 'NOT_FOUND'));
    }
    if (errors.length > 0 || !rules) return failed(...errors);
    const { outcomes: [outcome] } = await placeRegistrations(ctx, rules, [{ ...input, field: 'input' }], guard, true,
      ([placed]) => ({ registrationId: placed.id, userErrors: [] }));
    return 'error' in outcome ? failed(outcome.error) : { registrationId: outcome.id, userErrors: [] };
  });
}

/** One registration to place, with where its errors point (`input` or `input.rows.3`). */
interface Placement extends Pick<RegisterInput, 'municipalityId' | 'person' | 'personId' | 'leadershipAnchoring' | 'note' | 'externalRef'> {
  field: string;
}

/** What became of each placement: a registration, or the rule it broke. */
type Outcome = { id: string; status: RegistrationStatus } | { error: UserError };

/**
 * Places registrations into one network in one transaction under its lock: persons found or
 * created by email, each rule checked against the live registrations (in order, as if registered
 * one after another), rows and changes written. Commits only when `commit` is set and every
 * placement succeeded; otherwise rolls back and still reports each placement's outcome.
 */
async function placeRegistrations(
  ctx: RequestContext, rules: NetworkRules, placements: Placement[], guard: IdempotencyGuard, commit: boolean,
  /** The payload a retry with the same idempotency key gets back. */
  replayOf: (placed: { id: string; status: RegistrationStatus }[]) => unknown,
): Promise<{ outcomes: Outcome[]; committed: boolean }> {
  const v = ctx.viewer;
  const clientId = v.role === 'PARTNER' ? v.clientId : null;
  const seen = await peopleWithContactAccess(ctx, placements.flatMap((p) => (p.person ? [p.person.email] : [])), placements.flatMap((p) => (p.personId ? [p.personId] : [])));
  const placed = await runMutation(ctx, { input: placements, schema: alreadyChecked<Placement[]>() }, async (_, m) => {
    if (commit) await guard.claim(m);
    await lockNetworks(m, [rules.id]);
    await saveNetworkSnapshot(m, rules);
    const { ids: emails, created } = await upsertPersonsByEmail(m, placements.filter((p) => p.person).map((p) => ({ ...p.person!, employerMunicipalityId: p.municipalityId })));
    const refs = placements.map((p) => p.externalRef).filter((r): r is string => !!r);
    const takenRefs = new Set(clientId && refs.length
      ? ((await m.query('SELECT external_ref FROM participants.registration WHERE client_id = $1 AND external_ref = ANY($2)', [clientId, refs])) as { external_ref: string }[]).map((r) => r.external_ref)
      : []);
    const ledger = await loadLedger(m, rules);
    const changes = new ChangeLog(v.subject, v.role);
    const rows: Partial<Registration>[] = [];
    const now = new Date();
    const outcomes = placements.map((p): Outcome => {
      const personId = p.personId ?? emails.get(p.person!.email)!;
      if (clientId && p.externalRef) {
        if (takenRefs.has(p.externalRef)) return { error: userError(`${p.field}.externalRef`, 'This externalRef is already used by another of your registrations.', 'EXTERNAL_REF_TAKEN') };
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
  // A refusal the runner mapped (a unique key taken meanwhile) stops every placement.
  if (!placed.value) return { outcomes: placements.map(() => ({ error: placed.userErrors[0] })), committed: false };
  return { outcomes: placed.value, committed: !placed.rolledBack };
}

// ---------------------------------------------------------------------------------------------
// Changes of an existing registration

export const cancelSchema = z.object({
  registrationId: idSchema.nullish(),
  externalRef: externalRefSchema,
  reason: textSchema(1000),
  idempotencyKey: idempotencyKeySchema,
}).and(registrationRef);

/** What a change of an existing registration decides before its transaction, with the networks it locks. */
interface Prepared {
  target: Target;
  /** Networks whose registrations the change touches, locked in this order-independent set. */
  lock: string[];
}

/**
 * The one sequence of every change of an existing registration: the input checked, a reply
 * replayed for a known idempotency key, `prepare` (the registration as the viewer may see it,
 * other services' facts), then in one transaction: the key claimed, the networks locked, the
 * registration read again (its status may have moved), the rule, the change events and the
 * key's reply written. A refusal anywhere rolls all of it back.
 */
async function changeRegistration<I extends object, P extends Prepared>(
  ctx: RequestContext, operation: string, raw: unknown, schema: z.ZodType<I>,
  prepare: (input: I) => Promise<P>,
  rule: (input: I, m: EntityManager, prepared: P, reg: Registration, changes: ChangeLog) => Promise<void>,
): Promise<RegistrationResult> {
  const checked = validateInput(schema, raw);
  if (!checked.ok) return failed(...checked.userErrors);
  const input = checked.value;
  const key = (input as { idempotencyKey?: string | null }).idempotencyKey;
  return runIdempotent(ctx, operation, key, strip(input), (e) => failed(...e), async (guard) => {
    const changes = new ChangeLog(ctx.viewer.subject, ctx.viewer.role);
    let reply: RegistrationResult | undefined;
    const events = { flush: async (m: EntityManager) => { await changes.flush(m); await guard.save(m, reply); } };
    const outcome = await runMutation(ctx, { input, schema: alreadyChecked<I>(), prepare, events }, async (value, m, prepared) => {
      await guard.claim(m);
      await lockNetworks(m, prepared.lock);
      // Under a network lock the status may have moved since prepare read it: read it again.
      const reg = prepared.lock.length ? await reload(m, prepared.target.reg.id) : prepared.target.reg;
      await rule(value, m, prepared, reg, changes);
      reply = { registrationId: reg.id, userErrors: [] };
      return reg.id;
    });
    return { registrationId: outcome.value ?? null, userErrors: outcome.userErrors };
  });
}

/** The registration the input names, as the viewer may see it, and the viewer's right to act for its registrant. */
async function targetToActFor(ctx: RequestContext, ref: { registrationId?: string | null; externalRef?: string | null }, refusal: string): Promise<Prepared> {
  const target = await loadTarget(ctx, ref);
  if (!canActForRegistrant(ctx.viewer, target.facts)) throw forbidden(refusal);
  return { target, lock: [target.reg.networkId] };
}

export function cancelRegistration(ctx: RequestContext, raw: unknown): Promise<RegistrationResult> {
  return changeRegistration(ctx, 'cancelRegistration', raw, cancelSchema, (input) => targetToActFor(ctx, input, 'You may not cancel this registration.'),
    async (input, m, { target }, reg, changes) => {
      if (!LIVE.includes(reg.status)) refuse('registrationId', `The registration is already ${reg.status.toLowerCase()}.`, 'ALREADY_CANCELLED');
      await setStatus(m, changes, reg, RegistrationStatus.CANCELLED, { reason: input.reason, decidedBy: ctx.viewer.subject });
      if (target.rules) {
        await saveNetworkSnapshot(m, target.rules);
        await settleNetwork(m, target.rules, changes);
      }
    });
}

const decisionSchema = z.object({ registrationId: idSchema, reason: textSchema(1000) });
const rejectionSchema = decisionSchema.extend({ reason: z.string().trim().min(1).max(1000) });

/** Approves a PENDING registration (ORG_ADMIN of a host, the network’s FACILITATOR). */
export function approveRegistration(ctx: RequestContext, raw: unknown): Promise<RegistrationResult> {
  return decide(ctx, raw, decisionSchema, RegistrationStatus.CONFIRMED);
}

/** Rejects a PENDING registration with a reason; its seat goes to the waitlist. */
export function rejectRegistration(ctx: RequestContext, raw: unknown): Promise<RegistrationResult> {
  return decide(ctx, raw, rejectionSchema, RegistrationStatus.REJECTED);
}

function decide(ctx: RequestContext, raw: unknown, schema: z.ZodType<z.infer<typeof decisionSchema>>, status: RegistrationStatus.CONFIRMED | RegistrationStatus.REJECTED): Promise<RegistrationResult> {
  const prepare = async (input: z.infer<typeof decisionSchema>): Promise<Prepared> => {
    const target = await loadTarget(ctx, input);
    if (!canDecideRegistration(ctx.viewer, target.facts)) throw forbidden('Only the network’s organizers approve or reject registrations.');
    return { target, lock: [target.reg.networkId] };
  };
  // Decisions take no idempotency key: deciding twice is refused as NOT_PENDING.
  return changeRegistration(ctx, 'decideRegistration', raw, schema, prepare, async (input, m, { target }, reg, changes) => {
    if (reg.status !== RegistrationStatus.PENDING) refuse('registrationId', `The registration is ${reg.status.toLowerCase()}, not pending.`, 'NOT_PENDING');
    await setStatus(m, changes, reg, status, { reason: input.reason, decidedBy: ctx.viewer.subject });
    if (status === RegistrationStatus.REJECTED && target.rules) await settleNetwork(m, target.rules, changes);
  });
}

export const acceptOfferSchema = z.object({ registrationId: idSchema.nullish(), externalRef: externalRefSchema, idempotencyKey: idempotencyKeySchema }).and(registrationRef);

/** Takes an offered seat before the offer lapses (the person, their coordinator, the partner that registered them). */
export function acceptOffer(ctx: RequestContext, raw: unknown): Promise<RegistrationResult> {
  return changeRegistration(ctx, 'acceptOffer', raw, acceptOfferSchema, (input) => targetToActFor(ctx, input, 'You may not accept this offer.'),
    async (_input, m, { target }, reg, changes) => {
      if (reg.status !== RegistrationStatus.OFFERED) refuse('registrationId', `The registration is ${reg.status.toLowerCase()}, not offered a seat.`, 'NOT_OFFERED');
      if (reg.offerExpiresAt && reg.offerExpiresAt < new Date()) refuse('registrationId', `The offer expired at ${reg.offerExpiresAt.toISOString()}.`, 'OFFER_EXPIRED');
      await setStatus(m, changes, reg, target.rules?.requiresApproval ? RegistrationStatus.PENDING : RegistrationStatus.CONFIRMED, { decidedBy: ctx.viewer.subject });
    });
}

export const updateSchema = z.object({
  registrationId: idSchema,
  expectedVersion: z.number().int().min(1),
  leadershipAnchoring: textSchema(2000),
  note: textSchema(2000),
  externalRef: externalRefSchema,
  idempotencyKey: idempotencyKeySchema,
});

/** Changes the registrant's notes, anchoring statement or reference; refuses a stale version. */
export function updateRegistration(ctx: RequestContext, raw: unknown): Promise<RegistrationResult> {
  // A change of notes frees no seat: the registration's own version guards it, no network lock.
  const prepare = async (input: z.infer<typeof updateSchema>) => ({ ...(await targetToActFor(ctx, input, 'You may not change this registration.')), lock: [] });
  return changeRegistration(ctx, 'updateRegistration', raw, updateSchema, prepare, async (input, m, { target }, _reg, changes) => {
    const set: Partial<Registration> = {};
    if (input.leadershipAnchoring !== undefined) set.leadershipAnchoring = input.leadershipAnchoring;
    if (input.note !== undefined) set.note = input.note;
    if (input.externalRef !== undefined) {
      if (input.externalRef && target.reg.clientId) {
        const taken = await m.getRepository(Registration).findOneBy({ clientId: target.reg.clientId, externalRef: input.externalRef });
        if (taken && taken.id !== target.reg.id) refuse('externalRef', 'This externalRef is already used by another registration.', 'EXTERNAL_REF_TAKEN');
      }
      set.externalRef = input.externalRef;
    }
    const updated = await m.createQueryBuilder().update(Registration).set(set)
      .where('id = :id AND version = :version', { id: target.reg.id, version: input.expectedVersion }).execute();
    if (!updated.affected) refuse('expectedVersion', 'The registration was changed by someone else: reload it and try again.', 'STALE_VERSION');
    changes.add({ registrationId: target.reg.id, networkId: target.reg.networkId, municipalityId: target.reg.municipalityId, kind: RegistrationChangeKind.UPDATED, status: target.reg.status, previousStatus: target.reg.status });
  });
}

export const moveSchema = z.object({ registrationId: idSchema, toNetworkId: idSchema, idempotencyKey: idempotencyKeySchema });

/**
 * Moves a live registration to another network of the same programme: the rules of the target
 * network apply (a seat, PENDING or the waitlist), and the seat it leaves goes to the waitlist.
 */
export function moveRegistration(ctx: RequestContext, raw: unknown): Promise<RegistrationResult> {
  const prepare = async (input: z.infer<typeof moveSchema>) => {
    const { target } = await targetToActFor(ctx, input, 'You may not move this registration.');
    const to = await networkRules(ctx).load(input.toNetworkId);
    if (to) requireMayRegister(ctx.viewer, target.reg.municipalityId, hostIdsOf(to));
    const errors = await preconditions(ctx, to, { municipalityId: target.reg.municipalityId, leadershipAnchoring: target.reg.leadershipAnchoring }, (f) => (f === 'networkId' ? 'toNetworkId' : f));
    refuseAll([...errors, ...(target.rules ? [] : [userError('registrationId', 'The registration’s network no longer exists.', 'NOT_FOUND')])]);
    if (!to || !target.rules) throw new Error('unreachable: preconditions refuse a missing network');
    if (to.id === target.reg.networkId) refuse('toNetworkId', 'The registration is already in this network.', 'SAME_NETWORK');
    if (!to.program || to.program.id !== target.rules.program?.id) refuse('toNetworkId', 'A registration moves only between networks of the same programme.', 'DIFFERENT_PROGRAM');
    return { target, from: target.rules, to, lock: [target.rules.id, to.id] };
  };
  return changeRegistration(ctx, 'moveRegistration', raw, moveSchema, prepare, async (_input, m, { from, to }, reg, changes) => {
    await saveNetworkSnapshot(m, to);
    if (!LIVE.includes(reg.status)) refuse('registrationId', `The registration is ${reg.status.toLowerCase()}.`, 'NOT_LIVE');
    const ledger = await loadLedger(m, to);
    const placed = ledger.place({ id: reg.id, personId: reg.personId, municipalityId: reg.municipalityId }, 'registrationId');
    if ('error' in placed) throw new Refusal(placed.error);
    await m.createQueryBuilder().update(Registration)
      .set({ networkId: to.id, status: placed.status, waitlistPosition: placed.waitlistPosition, offerExpiresAt: null })
      .where('id = :id', { id: reg.id }).execute();
    changes.add({ registrationId: reg.id, networkId: to.id, municipalityId: reg.municipalityId, kind: RegistrationChangeKind.MOVED, status: placed.status, previousStatus: reg.status });
    if (SEAT_HOLDING.includes(reg.status) || reg.status === RegistrationStatus.WAITLISTED) await settleNetwork(m, from, changes);
  });
}

// ---------------------------------------------------------------------------------------------
// Import

export const importRowSchema = z.object({
  municipalityId: municipalityIdSchema,
  name: personInputSchema.shape.name,
  email: personInputSchema.shape.email,
  phone: personInputSchema.shape.phone,
  title: personInputSchema.shape.title,
  leadershipAnchoring: textSchema(2000),
  note: textSchema(2000),
  externalRef: externalRefSchema,
});
export type ImportRow = z.infer<typeof importRowSchema>;

export interface ImportRowResult {
  /** Row number in the file (1 = the first row after the header) or index + 1 in `rows`. */
  row: number;
  /** What the row became, or would become on a dry run. */
  status: RegistrationStatus | null;
  registrationId: string | null;
  errors: UserError[];
}
export interface ImportResult {
  applied: boolean;
  rows: ImportRowResult[];
  userErrors: UserError[];
}

/**
 * Validates every row (form, municipality, the network's rules, duplicates within the file) and,
 * unless `dryRun`, applies all rows in one transaction, or none when any row is wrong.
 */
export async function importRows(ctx: RequestContext, networkId: string, rawRows: unknown[], dryRun: boolean, guard: IdempotencyGuard): Promise<ImportResult> {
  const rowErrors = rawRows.map((): UserError[] => []);
  const valid: { index: number; row: ImportRow }[] = [];
  rawRows.forEach((raw, i) => {
    const parsed = validateInput(importRowSchema, raw);
    if (parsed.ok) valid.push({ index: i, row: parsed.value });
    else rowErrors[i].push(...parsed.userErrors.map((e) => ({ ...e, field: ['input', 'rows', String(i), ...(e.field ?? []).slice(1)] })));
  });
  const rules = await networkRules(ctx).load(networkId);
  if (!rules) return { applied: false, rows: [], userErrors: [userError('networkId', 'No such network.', 'NOT_FOUND')] };
  requireMayRegister(ctx.viewer, null, hostIdsOf(rules));
  const windowError = registrationWindowError(rules, new Date());
  if (windowError) return { applied: false, rows: [], userErrors: [windowError] };
  // One statement for every municipality of the file; the checks below then read the loader's cache.
  await municipalityById(ctx).loadMany([...new Set(valid.map((v) => v.row.municipalityId))]);
  const firstRowOf = new Map<string, number>();
  for (const { index, row } of valid) {
    const at = (f: string) => `rows.${index}.${f}`;
    if (ctx.viewer.role === 'COORDINATOR' && row.municipalityId !== ctx.viewer.municipalityId) {
      rowErrors[index].push(userError(at('municipalityId'), 'A coordinator registers people of their own municipality only.', 'FORBIDDEN_MUNICIPALITY'));
    }
    rowErrors[index].push(...await preconditions(ctx, rules, row, (f) => (f === 'networkId' ? 'networkId' : at(f))));
    const first = firstRowOf.get(row.email);
    if (first !== undefined) rowErrors[index].push(userError(at('email'), `The same person is in row ${first + 1}.`, 'DUPLICATE_ROW'));
    else firstRowOf.set(row.email, index);
  }
  const placeable = valid.filter(({ index }) => rowErrors[index].length === 0);
  const commit = !dryRun && placeable.length === rawRows.length;
  const { outcomes, committed } = placeable.length
    ? await placeRegistrations(ctx, rules, placeable.map(({ index, row }) => ({
      field: `rows.${index}`, municipalityId: row.municipalityId, person: { name: row.name, email: row.email, phone: row.phone, title: row.title },
      leadershipAnchoring: row.leadershipAnchoring, note: row.note, externalRef: row.externalRef,
    })), guard, commit, (placed) => ({
      applied: true, userErrors: [], rows: placed.map((p, i) => ({ row: i + 1, status: p.status, registrationId: p.id, errors: [] })),
    }))
    : { outcomes: [], committed: false };
  const outcomeOf = new Map(placeable.map(({ index }, k) => [index, outcomes[k]]));
  const rows = rawRows.map((_, i): ImportRowResult => {
    const outcome = outcomeOf.get(i);
    if (outcome && 'error' in outcome) rowErrors[i].push(outcome.error);
    const placed = outcome && !('error' in outcome) ? outcome : null;
    return { row: i + 1, status: placed?.status ?? null, registrationId: committed && placed ? placed.id : null, errors: rowErrors[i] };
  });
  return { applied: committed, rows, userErrors: [] };
}

// ---------------------------------------------------------------------------------------------
// The waitlist job

/**
 * Lets offers lapse and passes their seats on, and gives seats freed by grown capacity to the
 * waitlist: for every network with offers or a waitlist. Runs in one instance at a time (the
 * job lock), and each network under its own lock, so it is safe beside live requests. A first
 * pass reads the live registrations of up to 100 networks in one statement and asks the ledger in
 * memory; only networks where an offer lapsed or a seat can be offered take the lock, so a
 * thousand full waitlists cost a few statements a minute, not thousands.
 */
export async function processWaitlists(ds: DataSource, log?: Logger, onlyNetworkIds?: string[]): Promise<{ expired: number; networks: number; settled: number }> {
  const ids = onlyNetworkIds ?? ((await ds.query(
    `SELECT DISTINCT network_id::text AS id FROM participants.registration
     WHERE status = 'WAITLISTED' OR (status = 'OFFERED' AND offer_expires_at < now())`)) as { id: string }[]).map((r) => r.id);
  let expired = 0;
  let settled = 0;
  for await (const rules of networkRulesInBatches(ds, ids)) {
    for (const r of await networksWithWaitlistWork(ds, rules)) {
      settled += 1;
      await asServiceUnderLock(ds, r.id, async (m, changes) => {
        expired += await cancelAsService(m, changes, r.id, "status = 'OFFERED' AND offer_expires_at < now()", [], 'Tilbudet gikk ut / offer expired', 'OFFER_EXPIRED');
        await settleNetwork(m, r, changes);
      });
    }
  }
  if (settled) log?.info({ networks: ids.length, settled, expired }, 'waitlists processed');
  return { expired, networks: ids.length, settled };
}

/**
 * Keeps this service in step with the networks it holds registrations for, in batches of 100:
 * refreshes their snapshots (hosts, programme, status, capacity) and cancels the live
 * registrations of a network that was cancelled, each with a change event (and so a webhook) like
 * any cancellation. Networks already finished here (cancelled, completed) are not asked again.
 */
export async function syncNetworks(ds: DataSource, log?: Logger, onlyNetworkIds?: string[]): Promise<{ networks: number; cancelled: number }> {
  const ids = onlyNetworkIds ?? ((await ds.query(
    `SELECT network_id::text AS id FROM participants.network_snapshot WHERE status NOT IN ('CANCELLED', 'COMPLETED')`)) as { id: string }[]).map((r) => r.id);
  let cancelled = 0;
  for await (const rules of networkRulesInBatches(ds, ids)) {
    for (const r of rules.filter((n) => n.status === 'CANCELLED')) {
      await asServiceUnderLock(ds, r.id, async (m, changes) => {
        cancelled += await cancelAsService(m, changes, r.id, 'status = ANY($2)', [LIVE], 'Nettverket er avlyst / the network was cancelled', 'NETWORK_CANCELLED');
      });
    }
  }
  if (cancelled) log?.info({ networks: ids.length, cancelled }, 'registrations of cancelled networks cancelled');
  return { networks: ids.length, cancelled };
}

/** The rules of networks from the networks service, a hundred per call, with this service's snapshots refreshed. */
async function* networkRulesInBatches(ds: DataSource, ids: string[]): AsyncGenerator<NetworkRules[]> {
  for (let i = 0; i < ids.length; i += 100) {
    const rules = (await fetchNetworkRules(ids.slice(i, i + 100))).filter((r): r is NetworkRules => r !== null);
    await saveNetworkSnapshots(ds.manager, rules);
    yield rules;
  }
}

/** A job's change to one network: in a transaction under the network's lock, its changes logged as the service's. */
function asServiceUnderLock(ds: DataSource, networkId: string, work: (m: EntityManager, changes: ChangeLog) => Promise<void>): Promise<void> {
  return ds.transaction(async (m) => {
    await lockNetworks(m, [networkId]);
    const changes = new ChangeLog('service:participants');
    await work(m, changes);
    await changes.flush(m);
  });
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

/**
 * The networks of a batch where the job has work: an offer has lapsed, or the ledger, read
 * without the lock, would offer a seat. Under the lock the transaction reads again and decides.
 */
async function networksWithWaitlistWork(ds: DataSource, rules: NetworkRules[]): Promise<NetworkRules[]> {
  if (rules.length === 0) return [];
  const rows = (await ds.query(
    `SELECT id, network_id AS "networkId", person_id AS "personId", municipality_id AS "municipalityId", status,
            waitlist_position AS "waitlistPosition", (status = 'OFFERED' AND offer_expires_at < now()) AS lapsed
       FROM participants.registration WHERE network_id = ANY($1) AND status = ANY($2)`,
    [rules.map((r) => r.id), LIVE],
  )) as (LiveRegistration & { networkId: string; lapsed: boolean })[];
  const byNetwork = new Map<string, typeof rows>();
  for (const row of rows) byNetwork.set(row.networkId, [...(byNetwork.get(row.networkId) ?? []), row]);
  return rules.filter((r) => {
    const live = byNetwork.get(r.id) ?? [];
    return live.some((row) => row.lapsed) || new NetworkLedger(r, live).offerFreeSeats().length > 0;
  });
}
