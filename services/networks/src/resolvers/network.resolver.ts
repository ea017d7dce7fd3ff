import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Info, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, type RequestContext, Payload, payload, entityRef } from '@kommunenett/subgraph-kit';
import { Network } from '../entities/network.entity';
import { Program } from '../entities/program.entity';
import { Session } from '../entities/session.entity';
import { Organization, Person } from '../entities/references';
import { Country, Language, NetworkOrder, RegistrantKind } from '../entities/enums';
import { networkById, nextSessionAtByNetwork, programById, sessionsByNetwork } from '../loaders';
import { createNetwork, isOpenForRegistration, networkCatalogue, transitionNetwork, updateNetwork, type Transition } from '../services/networks';
import { formatInZone, sessionInterval } from '../services/time';
import { NetworkConnection, NetworkFilter } from './types';
import { requireUuid } from '@kommunenett/subgraph-kit';
import { NetworkAuditEntryConnection, NetworkAuditKind } from '../entities/audit-entry';
import { auditTrail } from '../services/audit';

@InputType({ description: 'A new network, created as a DRAFT. Dates are calendar days in the network’s time zone (Europe/Oslo for NO, Europe/Stockholm for SE).' })
class CreateNetworkInput {
  @Field(() => ID, { nullable: true, description: 'The programme the network belongs to, if any.' }) programId?: string | null;
  @Field({ description: 'Name of the network, in its language.' }) name: string;
  @Field(() => String, { nullable: true, description: 'What the network is about and for whom.' }) description?: string | null;
  @Field({ description: 'Theme in a few words, e.g. «antikorrupsjon».' }) theme: string;
  @Field(() => Country, { description: 'Country the network runs in; sets its time zone (NO: Europe/Oslo, SE: Europe/Stockholm) and the municipalities that may register.' }) country: Country;
  @Field(() => Language, { description: 'Language the network is held in.' }) language: Language;
  @Field(() => [ID], { description: 'Organizations that run the network; an ORG_ADMIN must include their own.' }) hostIds: string[];
  @Field(() => [ID], { nullable: true, description: 'Person ids of the contact persons.' }) contactPersonIds?: string[];
  @Field(() => [String], { nullable: true, description: 'Roles the network is for, e.g. economists, lawyers, controllers.' }) targetRoles?: string[];
  @Field(() => [String], { nullable: true, description: 'What the gatherings contain, point by point, as the invitation words it.' }) points?: string[];
  @Field(() => [RegistrantKind], { nullable: true, description: 'Default: municipalities.' }) eligibleKinds?: RegistrantKind[];
  @Field(() => Int, { nullable: true, description: 'Most participants.' }) capacity?: number | null;
  @Field(() => Int, { nullable: true, description: 'Fewest participants for the network to run.' }) capacityMin?: number | null;
  @Field(() => Int, { nullable: true, description: 'Number of municipalities the network is set up for, when its programme states it.' }) plannedMunicipalityCount?: number | null;
  @Field(() => Int, { nullable: true, description: 'Most participants one municipality may register.' }) perMunicipalityLimit?: number | null;
  @Field(() => Int, { nullable: true, description: 'Fewest participants a municipality should register.' }) perMunicipalityMin?: number | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD. First day of registration (from 00:00).' }) registrationOpensOn?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD. Last day of registration (until 23:59:59.999): "deadline 21 May 2013".' }) registrationDeadlineOn?: string | null;
  @Field({ nullable: true, description: 'Registrations wait for approval by the organizer (default false).' }) requiresApproval?: boolean;
  @Field({ nullable: true, description: 'Participation must be anchored in a leadership decision (default false).' }) requiresLeadershipAnchoring?: boolean;
  @Field(() => String, { nullable: true, description: 'Who pays what.' }) costNote?: string | null;
}

@InputType({ description: 'Changes to a network’s description and rules: only the fields given change; null clears an optional field.' })
class UpdateNetworkInput {
  @Field(() => ID, { description: 'The network to change.' }) id: string;
  @Field(() => Int, { description: 'The version you read; a newer one refuses the change with STALE_VERSION.' }) expectedVersion: number;
  @Field(() => ID, { nullable: true, description: 'The programme the network belongs to; null detaches it.' }) programId?: string | null;
  @Field(() => String, { nullable: true, description: 'New name.' }) name?: string;
  @Field(() => String, { nullable: true, description: 'New description.' }) description?: string | null;
  @Field(() => String, { nullable: true, description: 'New theme.' }) theme?: string;
  @Field(() => Language, { nullable: true, description: 'Language the network is held in.' }) language?: Language;
  @Field(() => [ID], { nullable: true, description: 'Organizations that run the network; replaces the list.' }) hostIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Person ids of the contact persons; replaces the list.' }) contactPersonIds?: string[];
  @Field(() => [String], { nullable: true, description: 'Roles the network is for; replaces the list.' }) targetRoles?: string[];
  @Field(() => [String], { nullable: true, description: 'What the gatherings contain, point by point, as the invitation words it; replaces the list.' }) points?: string[];
  @Field(() => [RegistrantKind], { nullable: true, description: 'Who may register; replaces the list.' }) eligibleKinds?: RegistrantKind[];
  @Field(() => Int, { nullable: true, description: 'Most participants; null removes the limit.' }) capacity?: number | null;
  @Field(() => Int, { nullable: true, description: 'Fewest participants for the network to run.' }) capacityMin?: number | null;
  @Field(() => Int, { nullable: true, description: 'Number of municipalities the network is set up for, when its programme states it.' }) plannedMunicipalityCount?: number | null;
  @Field(() => Int, { nullable: true, description: 'Most participants one municipality may register.' }) perMunicipalityLimit?: number | null;
  @Field(() => Int, { nullable: true, description: 'Fewest participants a municipality should register.' }) perMunicipalityMin?: number | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' }) registrationOpensOn?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' }) registrationDeadlineOn?: string | null;
  @Field({ nullable: true, description: 'Registrations wait for approval by the organizer.' }) requiresApproval?: boolean;
  @Field({ nullable: true, description: 'Participation must be anchored in a leadership decision.' }) requiresLeadershipAnchoring?: boolean;
  @Field(() => String, { nullable: true, description: 'Who pays what.' }) costNote?: string | null;
}

@InputType({ description: 'A status change of a network.' })
class NetworkTransitionInput {
  @Field(() => ID, { description: 'The network to change.' }) networkId: string;
  @Field(() => Int, { description: 'The version the client last read; the change is refused with STALE_VERSION when the object has changed since.' }) expectedVersion: number;
}

@InputType({ description: 'Calls a network off before it is completed.' })
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
    @Arg('filter', () => NetworkFilter, { nullable: true, description: 'Conditions the networks must meet; the whole catalogue when left out.' }) filter?: NetworkFilter,
    @Arg('orderBy', () => NetworkOrder, { defaultValue: NetworkOrder.NAME, description: 'Sort order: by name, by the next session or by registration deadline (default NAME).' }) orderBy: NetworkOrder = NetworkOrder.NAME,
    @Info() info?: GraphQLResolveInfo,
  ) {
    if (filter?.programId) requireUuid(filter.programId, 'filter.programId');
    return networkCatalogue(ctx, filter, orderBy, page, info);
  }

  @Query(() => Network, { nullable: true, description: 'A network by id: a published one for anyone, a draft only for those who run it; null otherwise.' })
  network(@Arg('id', () => ID, { description: 'The network’s id.' }) id: string, @Ctx() ctx: RequestContext) {
    return networkById(ctx).load(requireUuid(id, 'id'));
  }

  @FieldResolver(() => [Organization], { description: 'Organizations that run the network.' })
  hosts(@Root() network: Network) {
    return network.hostIds.map((id) => entityRef(Organization, id));
  }

  @Authorized()
  @FieldResolver(() => [Person], { nullable: 'items', description: 'Contact persons, each as far as you may see them directly (the person-visibility rule): null for one you may not see. Signed-in callers only.' })
  contactPersons(@Root() network: Network) {
    return network.contactPersonIds.map((id) => entityRef(Person, id));
  }

  @FieldResolver(() => Program, { nullable: true, description: 'The programme the network belongs to, if any.' })
  program(@Root() network: Network, @Ctx() ctx: RequestContext) {
    return network.programId ? programById(ctx).load(network.programId) : null;
  }

  @FieldResolver(() => [Session], { description: 'Sessions in order. Bounded by nature, so not paged: the gatherings of one network.' })
  sessions(@Root() network: Network, @Ctx() ctx: RequestContext) {
    return sessionsByNetwork(ctx).load(network.id);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'Start of the interval of the next session that has not ended: an exact start, or the first instant of a planned month (a session planned for the current month is upcoming). A bare instant, whatever the precision.',
    deprecationReason: 'An instant that looks exact also for a session known only to a month; use nextSession { datePrecision startsAt plannedMonth plannedTo intervalStart intervalEnd }.',
  })
  async nextSessionAt(@Root() network: Network, @Ctx() ctx: RequestContext) {
    return network.nextSessionAt !== undefined ? network.nextSessionAt : ((await nextSessionAtByNetwork(ctx).load(network.id))?.at ?? null);
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

  @FieldResolver(() => NetworkAuditEntryConnection, {
    nullable: true,
    description: 'Who changed what, newest first: the network’s rules, dates, capacity and status, its gatherings, its registrations (made, approved, rejected, offered, moved, cancelled) and attendance, each with who, when, through which client and the values before and after. For ADMIN, ORG_ADMIN of a host and the network’s FACILITATOR; FORBIDDEN (and null) for anyone else. Entries are never changed or removed.',
  })
  auditTrail(
    @Root() network: Network,
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg('kinds', () => [NetworkAuditKind], { nullable: true, description: 'Only entries of these kinds; all when left out.' }) kinds?: NetworkAuditKind[] | null,
  ) {
    return auditTrail(ctx, network, { ...page, kinds });
  }

  @FieldResolver(() => Boolean, { description: 'Published, registration opened and the deadline not passed, now.' })
  isOpenForRegistration(@Root() n: Network) {
    return isOpenForRegistration(n);
  }

  @Authorized('ORG_ADMIN')
  @Mutation(() => NetworkPayload, { description: 'Creates a DRAFT network. ADMIN, or ORG_ADMIN of a host organization.' })
  async createNetwork(@Arg('input', { description: 'The new network.' }) input: CreateNetworkInput, @Ctx() ctx: RequestContext) {
    return payload('network', await createNetwork(ctx, input));
  }

  @Authorized('ORG_ADMIN')
  @Mutation(() => NetworkPayload, { description: 'Changes description and registration rules. ADMIN, or ORG_ADMIN of a host; not facilitators.' })
  async updateNetwork(@Arg('input', { description: 'The network, the version you read and the fields to change.' }) input: UpdateNetworkInput, @Ctx() ctx: RequestContext) {
    return payload('network', await updateNetwork(ctx, input));
  }

  @Authorized('ORG_ADMIN')
  @Mutation(() => NetworkPayload, { description: 'DRAFT → PUBLISHED: the network appears in the catalogue and opens for registration.' })
  async publishNetwork(@Arg('input', { description: 'The network and the version you read.' }) input: NetworkTransitionInput, @Ctx() ctx: RequestContext) {
    return this.transition(ctx, 'publish', input);
  }

  @Authorized('ORG_ADMIN')
  @Mutation(() => NetworkPayload, { description: 'PUBLISHED → REGISTRATION_CLOSED.' })
  async closeRegistration(@Arg('input', { description: 'The network and the version you read.' }) input: NetworkTransitionInput, @Ctx() ctx: RequestContext) {
    return this.transition(ctx, 'closeRegistration', input);
  }

  @Authorized('ORG_ADMIN')
  @Mutation(() => NetworkPayload, { description: 'REGISTRATION_CLOSED → RUNNING.' })
  async startNetwork(@Arg('input', { description: 'The network and the version you read.' }) input: NetworkTransitionInput, @Ctx() ctx: RequestContext) {
    return this.transition(ctx, 'start', input);
  }

  @Authorized('ORG_ADMIN')
  @Mutation(() => NetworkPayload, { description: 'RUNNING → COMPLETED.' })
  async completeNetwork(@Arg('input', { description: 'The network and the version you read.' }) input: NetworkTransitionInput, @Ctx() ctx: RequestContext) {
    return this.transition(ctx, 'complete', input);
  }

  @Authorized('ORG_ADMIN')
  @Mutation(() => NetworkPayload, { description: 'Any status before COMPLETED → CANCELLED, with a reason.' })
  async cancelNetwork(@Arg('input', { description: 'The network, the version you read and the reason.' }) input: CancelNetworkInput, @Ctx() ctx: RequestContext) {
    return this.transition(ctx, 'cancel', input);
  }

  private async transition(ctx: RequestContext, transition: Transition, input: NetworkTransitionInput) {
    return payload('network', await transitionNetwork(ctx, transition, input));
  }
}

@Resolver(() => Organization)
export class OrganizationNetworksResolver {
  @FieldResolver(() => NetworkConnection, { description: 'Networks the organization hosts, by name.' })
  hostedNetworks(@Root() org: Organization, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs, @Info() info?: GraphQLResolveInfo) {
    return networkCatalogue(ctx, { hostId: org.id }, NetworkOrder.NAME, page, info);
  }
}
