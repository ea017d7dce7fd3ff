import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { alreadyChecked, forbidden, inputSchemas, refuse, refuseAll, Refusal, runMutation, userError, validateInput, type RequestContext, type UserError } from '@kommunenett/subgraph-kit';
import { Registration } from '../entities/registration.entity';
import { LIVE, RegistrationChangeKind, RegistrationStatus, SEAT_HOLDING } from '../entities/enums';
import { cachedMunicipality, registrationById } from '../loaders';
import { canActForRegistrant, canDecideRegistration, canSeeRegistration, requireMayRegister, type RegistrationFacts } from './access';
import { ChangeLog } from './changes';
import { runIdempotent } from './idempotency';
import { cachedNetworkRules, hostIdsOf, networkRules, saveNetworkSnapshot, type NetworkRules } from './network-rules';
import { personInputSchema } from './people';
import { peopleWithContactAccess, visiblePersonById } from './person-visibility';
import { eligibilityError, registrationWindowError } from './placement';
import { lockNetworks } from './locks';
import { EXTERNAL_REF_TAKEN, loadLedger, placeRegistration, setStatus, settleNetwork } from './locked-writes';
import { settingsOf } from '../config';

/*
 * The registration commands: register, cancel, approve or reject, accept an offer, update, move.
 * Each checks what needs no lock first, then changes the network's registrations under its lock
 * (locked-writes.ts); the import is in import.ts, the scheduled jobs in registration-jobs.ts.
 */

/** What every registration mutation returns: the registration (by id, resolved per viewer) and the broken rules. */
export interface RegistrationResult {
  registrationId: string | null;
  userErrors: UserError[];
  /** The row as written and its network's hosts, when this request wrote it (not read again for the answer); never stored for a replay. */
  written?: { registration: Registration; hostIds: string[] };
}

export const failed = (...userErrors: UserError[]): RegistrationResult => ({ registrationId: null, userErrors });

export const idSchema = inputSchemas.id;
export const municipalityIdSchema = inputSchemas.municipalityIdFormat;
export const idempotencyKeySchema = inputSchemas.idempotencyKey;
export const externalRefSchema = z.string().trim().min(1).max(200).nullish();
export const textSchema = (max: number) => z.string().trim().max(max).nullish();

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
export async function preconditions(ctx: RequestContext, rules: NetworkRules | null, input: Pick<RegisterInput, 'municipalityId' | 'leadershipAnchoring'>, at: (f: string) => string): Promise<UserError[]> {
  if (!rules) return [userError(at('networkId'), 'No such network.', 'NOT_FOUND')];
  const municipality = await cachedMunicipality(ctx, input.municipalityId);
  if (!municipality) return [userError(at('municipalityId'), `No municipality ${input.municipalityId}.`, 'UNKNOWN_MUNICIPALITY')];
  const errors = [registrationWindowError(rules, new Date(), at('networkId')), eligibilityError(rules, municipality, at('municipalityId'))];
  if (rules.requiresLeadershipAnchoring && !input.leadershipAnchoring) {
    errors.push(userError(at('leadershipAnchoring'), 'The network requires participation anchored in a leadership decision: describe it.', 'LEADERSHIP_ANCHORING_REQUIRED'));
  }
  return errors.filter((e): e is UserError => e !== null);
}

export const strip = <T extends object>(input: T) => ({ ...input, idempotencyKey: undefined });

export async function registerParticipant(ctx: RequestContext, raw: unknown): Promise<RegistrationResult> {
  const parsed = validateInput(registerSchema, raw);
  if (!parsed.ok) return failed(...parsed.userErrors);
  const input = parsed.value;
  requireMayRegister(ctx.viewer, input.municipalityId);
  // The key is read only when the registration fails or the claim finds it taken: a first try costs no read.
  return runIdempotent(ctx, 'registerParticipant', input.idempotencyKey, strip(input), (e) => failed(...e), async (guard) => {
    let rules = await cachedNetworkRules(ctx, input.networkId);
    let errors = await preconditions(ctx, rules, input, (f) => f);
    // Refused on cached rules: ask again, the network may have opened since.
    if (errors.length > 0) {
      rules = await cachedNetworkRules(ctx, input.networkId, true);
      errors = await preconditions(ctx, rules, input, (f) => f);
    }
    if (rules) requireMayRegister(ctx.viewer, input.municipalityId, hostIdsOf(rules));
    if (input.personId) {
      // Only a person the caller may already see: any other gets the answer of an unknown id.
      const person = await visiblePersonById(ctx).load(input.personId);
      if (!person || person.erasedAt) errors.push(userError('personId', 'No such person.', 'NOT_FOUND'));
    }
    if (errors.length > 0 || !rules) return failed(...errors);
    const seen = await peopleWithContactAccess(ctx, input.person ? [input.person.email] : [], input.personId ? [input.personId] : []);
    const { outcome, registration } = await placeRegistration(ctx, rules, { ...input, field: 'input' }, guard, seen);
    return 'error' in outcome ? failed(outcome.error) : { registrationId: outcome.id, userErrors: [], written: registration && { registration, hostIds: hostIdsOf(rules) } };
  }, { lookupFirst: false, failed: (r) => r.userErrors.length > 0 });
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
    const changes = ChangeLog.by(ctx.viewer);
    let reply: RegistrationResult | undefined;
    const events = { flush: async (m: EntityManager) => { await changes.flush(m); await guard.save(m, reply); } };
    // Only updateRegistration writes a reference; one taken meanwhile is refused by its index.
    const outcome = await runMutation(ctx, { input, schema: alreadyChecked<I>(), prepare, events, constraints: EXTERNAL_REF_TAKEN }, async (value, m, prepared) => {
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
        await settleNetwork(m, target.rules, changes, settingsOf(ctx).offerTtlHours);
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
    if (status === RegistrationStatus.REJECTED && target.rules) await settleNetwork(m, target.rules, changes, settingsOf(ctx).offerTtlHours);
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
    if (SEAT_HOLDING.includes(reg.status) || reg.status === RegistrationStatus.WAITLISTED) await settleNetwork(m, from, changes, settingsOf(ctx).offerTtlHours);
  });
}
