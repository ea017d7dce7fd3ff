import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, entityRef, type RequestContext, requireUuid } from '@kommunenett/subgraph-kit';
import { Registration } from '../entities/registration.entity';
import { Person } from '../entities/person.entity';
import { Municipality } from '../entities/municipality.entity';
import { Network } from '../entities/references';
import { RegistrationChange } from '../entities/registration-change.entity';
import { hostIdsOfNetwork, municipalityById, registrationById } from '../loaders';
import { visiblePersonById } from '../services/person-visibility';
import { canSeeRegistration } from '../services/access';
import {
  acceptOffer, approveRegistration, cancelRegistration, moveRegistration, registerParticipant, rejectRegistration, updateRegistration,
} from '../services/registrations';
import { changesByRegistration } from '../services/change-feed';
import { importRegistrations } from '../services/import';
import {
  AcceptOfferInput, ApproveRegistrationInput, CancelRegistrationInput, ImportRegistrationsInput, ImportRegistrationsPayload,
  ImportRowResult, MoveRegistrationInput, RegisterParticipantInput, RegistrationConnection, RegistrationFilter, RegistrationPayload,
  RejectRegistrationInput, UpdateRegistrationInput, type WrittenRegistration,
} from './types';
import { listRegistrations } from '../services/registration-queries';

export const networkRef = (id: string): Network => entityRef(Network, id);

/** A registration as the viewer may see it, or null. `fresh` skips what this request loaded before (after a write). */
export async function visibleRegistration(ctx: RequestContext, id: string, fresh = false, written?: WrittenRegistration): Promise<Registration | null> {
  if (written) {
    registrationById(ctx).clear(id).prime(id, written.registration);
    return canSeeRegistration(ctx.viewer, { ...written.registration, hostIds: written.hostIds }) ? written.registration : null;
  }
  if (fresh) registrationById(ctx).clear(id);
  const reg = await registrationById(ctx).load(id);
  if (!reg) return null;
  return canSeeRegistration(ctx.viewer, { ...reg, hostIds: await hostIdsOfNetwork(ctx, reg.networkId) }) ? reg : null;
}

@Resolver(() => Registration)
export class RegistrationResolver {
  @Query(() => Registration, { nullable: true, description: 'A registration, if you may see it.' })
  registration(@Arg('id', () => ID, { description: 'The registration’s id.' }) id: string, @Ctx() ctx: RequestContext) {
    requireUuid(id, 'id');
    return visibleRegistration(ctx, id);
  }

  @Query(() => RegistrationConnection, {
    description: 'Registrations you may see (your organization’s networks, your municipality, your own…), in registration order. A partner finds its own by filter.externalRef.',
  })
  registrations(@Ctx() ctx: RequestContext, @Args() page: ConnectionArgs, @Arg('filter', () => RegistrationFilter, { nullable: true, description: 'Conditions the registrations must meet.' }) filter?: RegistrationFilter) {
    return listRegistrations(ctx, filter, page);
  }

  @FieldResolver(() => Network, { description: 'The network registered for.' })
  network(@Root() r: Registration) {
    return networkRef(r.networkId);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'The registered person, as far as you may see them; null otherwise.' })
  person(@Root() r: Registration, @Ctx() ctx: RequestContext) {
    return r.personId ? visiblePersonById(ctx).load(r.personId) : null;
  }

  @FieldResolver(() => Municipality, { description: 'The registering municipality or county authority.' })
  municipality(@Root() r: Registration, @Ctx() ctx: RequestContext) {
    return municipalityById(ctx).load(r.municipalityId);
  }

  @FieldResolver(() => [RegistrationChange], { description: 'The registration’s history, oldest first.' })
  history(@Root() r: Registration, @Ctx() ctx: RequestContext) {
    return changesByRegistration(ctx).load(r.id);
  }

  @Authorized('ORG_ADMIN', 'COORDINATOR', 'PARTNER')
  @Mutation(() => RegistrationPayload, {
    description: 'Registers a person for a network: CONFIRMED, PENDING (approval needed) or WAITLISTED with a position. Each broken rule is a user error with a code: NOT_FOUND, REGISTRATION_NOT_OPEN, REGISTRATION_CLOSED, DEADLINE_PASSED, NETWORK_CANCELLED, NOT_ELIGIBLE, UNKNOWN_MUNICIPALITY, MUNICIPALITY_LIMIT_REACHED, ALREADY_REGISTERED, LEADERSHIP_ANCHORING_REQUIRED, EXTERNAL_REF_TAKEN, IDEMPOTENCY_KEY_REUSED.',
  })
  registerParticipant(@Arg('input', () => RegisterParticipantInput, { description: 'The network, the registering municipality and the person.' }) input: RegisterParticipantInput, @Ctx() ctx: RequestContext) {
    return registerParticipant(ctx, input);
  }

  @Authorized('ORG_ADMIN', 'COORDINATOR', 'PARTNER', 'PARTICIPANT')
  @Mutation(() => RegistrationPayload, { description: 'Cancels a registration; a seat it held is offered to the waitlist. ALREADY_CANCELLED when it is no longer live.' })
  cancelRegistration(@Arg('input', () => CancelRegistrationInput, { description: 'The registration and why.' }) input: CancelRegistrationInput, @Ctx() ctx: RequestContext) {
    return cancelRegistration(ctx, input);
  }

  @Authorized('ORG_ADMIN', 'FACILITATOR')
  @Mutation(() => RegistrationPayload, { description: 'Approves a PENDING registration (ORG_ADMIN of a host, the network’s FACILITATOR).' })
  approveRegistration(@Arg('input', () => ApproveRegistrationInput, { description: 'The registration to approve.' }) input: ApproveRegistrationInput, @Ctx() ctx: RequestContext) {
    return approveRegistration(ctx, input);
  }

  @Authorized('ORG_ADMIN', 'FACILITATOR')
  @Mutation(() => RegistrationPayload, { description: 'Rejects a PENDING registration with a reason; its seat is offered to the waitlist.' })
  rejectRegistration(@Arg('input', () => RejectRegistrationInput, { description: 'The registration and why.' }) input: RejectRegistrationInput, @Ctx() ctx: RequestContext) {
    return rejectRegistration(ctx, input);
  }

  @Authorized('ORG_ADMIN', 'COORDINATOR', 'PARTNER', 'PARTICIPANT')
  @Mutation(() => RegistrationPayload, { description: 'Takes a seat offered from the waitlist before offerExpiresAt (OFFER_EXPIRED after).' })
  acceptOffer(@Arg('input', () => AcceptOfferInput, { description: 'The offered registration.' }) input: AcceptOfferInput, @Ctx() ctx: RequestContext) {
    return acceptOffer(ctx, input);
  }

  @Authorized('ORG_ADMIN', 'COORDINATOR', 'PARTNER', 'PARTICIPANT')
  @Mutation(() => RegistrationPayload, { description: 'Changes the note, anchoring statement or external reference.' })
  updateRegistration(@Arg('input', () => UpdateRegistrationInput, { description: 'The registration, the version you read and the fields to change.' }) input: UpdateRegistrationInput, @Ctx() ctx: RequestContext) {
    return updateRegistration(ctx, input);
  }

  @Authorized('ORG_ADMIN', 'COORDINATOR', 'PARTNER')
  @Mutation(() => RegistrationPayload, { description: 'Moves a registration to another network of the same programme, under that network’s rules.' })
  moveRegistration(@Arg('input', () => MoveRegistrationInput, { description: 'The registration and the network to move it to.' }) input: MoveRegistrationInput, @Ctx() ctx: RequestContext) {
    return moveRegistration(ctx, input);
  }

  @Authorized('ORG_ADMIN', 'COORDINATOR', 'PARTNER')
  @Mutation(() => ImportRegistrationsPayload, {
    description: 'Registers up to 1,000 people into one network from rows or CSV: validates all rows, reports errors per row, and with dryRun: false applies all rows or none.',
  })
  importRegistrations(@Arg('input', () => ImportRegistrationsInput, { description: 'The network and the rows or CSV.' }) input: ImportRegistrationsInput, @Ctx() ctx: RequestContext) {
    return importRegistrations(ctx, input);
  }
}

@Resolver(() => RegistrationPayload)
export class RegistrationPayloadResolver {
  @FieldResolver(() => Registration, { nullable: true, description: 'The registration as it is now.' })
  registration(@Root() p: RegistrationPayload, @Ctx() ctx: RequestContext) {
    return p.registrationId ? visibleRegistration(ctx, p.registrationId, true, p.written) : null;
  }
}

@Resolver(() => ImportRowResult)
export class ImportRowResultResolver {
  @FieldResolver(() => Registration, { nullable: true, description: 'The registration made from the row; null on a dry run or when the import was not applied.' })
  registration(@Root() r: ImportRowResult, @Ctx() ctx: RequestContext) {
    return r.registrationId ? visibleRegistration(ctx, r.registrationId, true) : null;
  }
}
