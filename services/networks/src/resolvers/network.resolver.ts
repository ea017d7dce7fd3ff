import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, type RequestContext, Payload, payload } from '@kommunenett/subgraph-kit';
import { Network } from '../entities/network.entity';
import { Program } from '../entities/program.entity';
import { Session } from '../entities/session.entity';
import { Organization, Person, organizationRef, personRef } from '../entities/references';
import { Country, Language, NetworkOrder, RegistrantKind } from '../entities/enums';
import { networkById, programById, sessionsByNetwork } from '../loaders';
import { createNetwork, isOpenForRegistration, networkCatalogue, transitionNetwork, updateNetwork, type Transition } from '../services/networks';
import { formatInZone, sessionInterval } from '../services/time';
import { NetworkConnection, NetworkFilter } from './types';
import { requireUuid } from '@kommunenett/subgraph-kit';

@InputType({ description: 'A new network, created as a DRAFT. Dates are calendar days in the network’s time zone (Europe/Oslo for NO, Europe/Stockholm for SE).' })
class CreateNetworkInput {
  @Field(() => ID, { nullable: true }) programId?: string | null;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field() theme: string;
  @Field(() => Country) country: Country;
  @Field(() => Language) language: Language;
  @Field(() => [ID], { description: 'Organizations that run the network; an ORG_ADMIN must include their own.' }) hostIds: string[];
  @Field(() => [ID], { nullable: true, description: 'Person ids of the contact persons.' }) contactPersonIds?: string[];
  @Field(() => [String], { nullable: true, description: 'Roles the network is for, e.g. economists, lawyers, controllers.' }) targetRoles?: string[];
  @Field(() => [RegistrantKind], { nullable: true, description: 'Default: municipalities.' }) eligibleKinds?: RegistrantKind[];
  @Field(() => Int, { nullable: true, description: 'Most participants.' }) capacity?: number | null;
  @Field(() => Int, { nullable: true, description: 'Fewest participants for the network to run.' }) capacityMin?: number | null;
  @Field(() => Int, { nullable: true, description: 'Number of municipalities the network is set up for, when its programme states it.' }) plannedMunicipalityCount?: number | null;
  @Field(() => Int, { nullable: true }) perMunicipalityLimit?: number | null;
  @Field(() => Int, { nullable: true }) perMunicipalityMin?: number | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD. First day of registration (from 00:00).' }) registrationOpensOn?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD. Last day of registration (until 23:59:59.999): "deadline 21 May 2013".' }) registrationDeadlineOn?: string | null;
  @Field({ nullable: true }) requiresApproval?: boolean;
  @Field({ nullable: true }) requiresLeadershipAnchoring?: boolean;
  @Field(() => String, { nullable: true, description: 'Who pays what.' }) costNote?: string | null;
}

@InputType({ description: 'Changes to a network’s description and rules: only the fields given change; null clears an optional field.' })
class UpdateNetworkInput {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'The version you read; a newer one refuses the change with STALE_VERSION.' }) expectedVersion: number;
  @Field(() => ID, { nullable: true }) programId?: string | null;
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) theme?: string;
  @Field(() => Language, { nullable: true }) language?: Language;
  @Field(() => [ID], { nullable: true }) hostIds?: string[];
  @Field(() => [ID], { nullable: true }) contactPersonIds?: string[];
  @Field(() => [String], { nullable: true }) targetRoles?: string[];
  @Field(() => [RegistrantKind], { nullable: true }) eligibleKinds?: RegistrantKind[];
  @Field(() => Int, { nullable: true }) capacity?: number | null;
  @Field(() => Int, { nullable: true }) capacityMin?: number | null;
  @Field(() => Int, { nullable: true, description: 'Number of municipalities the network is set up for, when its programme states it.' }) plannedMunicipalityCount?: number | null;
  @Field(() => Int, { nullable: true }) perMunicipalityLimit?: number | null;
  @Field(() => Int, { nullable: true }) perMunicipalityMin?: number | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' }) registrationOpensOn?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' }) registrationDeadlineOn?: string | null;
  @Field({ nullable: true }) requiresApproval?: boolean;
  @Field({ nullable: true }) requiresLeadershipAnchoring?: boolean;
  @Field(() => String, { nullable: true }) costNote?: string | null;
}

@InputType({ description: 'A status change of a network.' })
class NetworkTransitionInput {
  @Field(() => ID) networkId: string;
  @Field(() => Int, { description: 'The version the client last read; the change is refused with STALE_VERSION when the object has changed since.' }) expectedVersion: number;
}

@InputType()
class CancelNetworkInput extends NetworkTransitionInput {
  @Field({ description: 'Why the network is cancelled; shown to participants.' }) reason: string;
}

const NetworkPayload = Payload(Network, 'network');

@Resolver(() => Network)
export class NetworkResolver {
  @Query(() => NetworkConnection, { description: 'The network catalogue: published networks, and drafts for those who run them.' })
  networks(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg('filter', () => NetworkFilter, { nullable: true }) filter?: NetworkFilter,
    @Arg('orderBy', () => NetworkOrder, { defaultValue: NetworkOrder.NAME }) orderBy: NetworkOrder = NetworkOrder.NAME,
  ) {
    if (filter?.programId) requireUuid(filter.programId, 'filter.programId');
    return networkCatalogue(ctx, filter, orderBy, page);
  }

  @Query(() => Network, { nullable: true })
  network(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return networkById(ctx).load(requireUuid(id, 'id'));
  }

  @FieldResolver(() => [Organization], { description: 'Organizations that run the network.' })
  hosts(@Root() network: Network) {
    return network.hostIds.map(organizationRef);
  }

  @Authorized()
  @FieldResolver(() => [Person], { nullable: 'items', description: 'Contact persons, each as far as you may see them directly (the person-visibility rule): null for one you may not see. Signed-in callers only.' })
  contactPersons(@Root() network: Network) {
    return network.contactPersonIds.map(personRef);
  }

  @FieldResolver(() => Program, { nullable: true })
  program(@Root() network: Network, @Ctx() ctx: RequestContext) {
    return network.programId ? programById(ctx).load(network.programId) : null;
  }

  @FieldResolver(() => [Session], { description: 'Sessions in order. Bounded by nature, so not paged: the gatherings of one network.' })
  sessions(@Root() network: Network, @Ctx() ctx: RequestContext) {
    return sessionsByNetwork(ctx).load(network.id);
  }

  @FieldResolver(() => Session, {
    nullable: true,
    description: 'The next session: of the sessions whose interval (exact times, or the whole planned month or span, in the network’s time zone) has not ended, the one whose interval starts first. A session planned for the current month is upcoming. Its datePrecision says whether its date is exact or known only to the month.',
  })
  async nextSession(@Root() network: Network, @Ctx() ctx: RequestContext) {
    const now = Date.now();
    const upcoming = (await sessionsByNetwork(ctx).load(network.id))
      .map((session) => ({ session, interval: sessionInterval(session, network.timeZone) }))
      .filter((s) => s.interval && s.interval.end.getTime() > now)
      .sort((a, b) => a.interval!.start.getTime() - b.interval!.start.getTime() || a.session.sequence - b.session.sequence);
    return upcoming[0]?.session ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'registrationDeadline in the network’s time zone with its offset, e.g. 2013-05-21T23:59:59+02:00.' })
  registrationDeadlineLocal(@Root() n: Network) {
    return n.registrationDeadline ? formatInZone(n.registrationDeadline, n.timeZone) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'registrationOpensAt in the network’s time zone with its offset.' })
  registrationOpensAtLocal(@Root() n: Network) {
    return n.registrationOpensAt ? formatInZone(n.registrationOpensAt, n.timeZone) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Published, registration opened and the deadline not passed, now.' })
  isOpenForRegistration(@Root() n: Network) {
    return isOpenForRegistration(n);
  }

  @Authorized('ORG_ADMIN')
  @Mutation(() => NetworkPayload, { description: 'Creates a DRAFT network. ADMIN, or ORG_ADMIN of a host organization.' })
  async createNetwork(@Arg('input') input: CreateNetworkInput, @Ctx() ctx: RequestContext) {
    return payload('network', await createNetwork(ctx, input));
  }

  @Authorized('ORG_ADMIN')
  @Mutation(() => NetworkPayload, { description: 'Changes description and registration rules. ADMIN, or ORG_ADMIN of a host; not facilitators.' })
  async updateNetwork(@Arg('input') input: UpdateNetworkInput, @Ctx() ctx: RequestContext) {
    return payload('network', await updateNetwork(ctx, input));
  }

  @Authorized('ORG_ADMIN')
  @Mutation(() => NetworkPayload, { description: 'DRAFT → PUBLISHED: the network appears in the catalogue and opens for registration.' })
  async publishNetwork(@Arg('input') input: NetworkTransitionInput, @Ctx() ctx: RequestContext) {
    return this.transition(ctx, 'publish', input);
  }

  @Authorized('ORG_ADMIN')
  @Mutation(() => NetworkPayload, { description: 'PUBLISHED → REGISTRATION_CLOSED.' })
  async closeRegistration(@Arg('input') input: NetworkTransitionInput, @Ctx() ctx: RequestContext) {
    return this.transition(ctx, 'closeRegistration', input);
  }

  @Authorized('ORG_ADMIN')
  @Mutation(() => NetworkPayload, { description: 'REGISTRATION_CLOSED → RUNNING.' })
  async startNetwork(@Arg('input') input: NetworkTransitionInput, @Ctx() ctx: RequestContext) {
    return this.transition(ctx, 'start', input);
  }

  @Authorized('ORG_ADMIN')
  @Mutation(() => NetworkPayload, { description: 'RUNNING → COMPLETED.' })
  async completeNetwork(@Arg('input') input: NetworkTransitionInput, @Ctx() ctx: RequestContext) {
    return this.transition(ctx, 'complete', input);
  }

  @Authorized('ORG_ADMIN')
  @Mutation(() => NetworkPayload, { description: 'Any status before COMPLETED → CANCELLED, with a reason.' })
  async cancelNetwork(@Arg('input') input: CancelNetworkInput, @Ctx() ctx: RequestContext) {
    return this.transition(ctx, 'cancel', input);
  }

  private async transition(ctx: RequestContext, transition: Transition, input: NetworkTransitionInput) {
    return payload('network', await transitionNetwork(ctx, transition, input));
  }
}

@Resolver(() => Organization)
export class OrganizationNetworksResolver {
  @FieldResolver(() => NetworkConnection, { description: 'Networks the organization hosts, by name.' })
  hostedNetworks(@Root() org: Organization, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    return networkCatalogue(ctx, { hostId: org.id }, NetworkOrder.NAME, page);
  }
}
