import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Directive, Field, FieldResolver, ID, Info, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, type RequestContext } from '@kommunenett/subgraph-kit';
import { Network } from '../entities/references';
import { Municipality } from '../entities/municipality.entity';
import { ParticipationDimension, RegistrationStatus, SEAT_HOLDING } from '../entities/enums';
import { participationStatistics } from '../services/statistics';
import { confirmedRegistrationsByNetwork, municipalityById, statusCountsByNetwork } from '../loaders';
import { registrationPagesBy } from '../services/registration-queries';
import { RegistrationConnection } from './types';
import { InputType } from 'type-graphql';

@InputType({ description: 'Narrows a network’s registrations.' })
export class NetworkRegistrationFilter {
  @Field(() => [RegistrationStatus], { nullable: true, description: 'Only registrations in one of these statuses.' }) status?: RegistrationStatus[] | null;
  @Field(() => ID, { nullable: true, description: 'Only registrations by this municipality or county authority, e.g. NO-3201.' }) municipalityId?: string | null;
}

@ObjectType({ description: 'Confirmed registrants of a network from one county: where a gathering is easiest to reach.' })
export class CountyRegistrants {
  @Field({ description: 'County code (fylke, län).' }) countyCode: string;
  @Field({ description: 'Name of the county (fylke, län).' }) countyName: string;
  countyAuthorityId: string;
  @Field(() => Int, { nullable: true, description: 'Municipalities and county authorities; null when suppressed.' }) municipalityCount: number | null;
  @Field(() => Int, { nullable: true, description: 'Distinct persons; null when suppressed.' }) participantCount: number | null;
  @Field({ description: 'True when the figures are hidden (fewer than 3 persons, or they would give such a cell away).' }) suppressed: boolean;
  @Field(() => Date, { description: 'The registrations are counted as they were at this moment or later (UTC instant): up to PARTICIPANTS_STATISTICS_MAX_STALENESS_MS old (60 s by default) while a change is decided in the background, as participationStatistics.asOf.' })
  asOf: Date;
}

@Resolver(() => CountyRegistrants)
export class CountyRegistrantsResolver {
  @FieldResolver(() => Municipality, { nullable: true, description: 'The county authority (fylkeskommune, region).' })
  county(@Root() c: CountyRegistrants, @Ctx() ctx: RequestContext) {
    return municipalityById(ctx).load(c.countyAuthorityId);
  }
}

@Resolver(() => Network)
export class NetworkParticipationResolver {
  @FieldResolver(() => RegistrationConnection, { description: 'The network’s registrations you may see, in registration order.' })
  registrations(
    @Root() network: Network, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs,
    @Arg('filter', () => NetworkRegistrationFilter, { nullable: true, description: 'Conditions the registrations must meet.' }) filter?: NetworkRegistrationFilter,
    @Info() info?: GraphQLResolveInfo,
  ) {
    return registrationPagesBy(ctx, 'network_id', filter, page, info).load(network.id);
  }

  @FieldResolver(() => Int, { description: 'Persons with a confirmed registration.' })
  async participantCount(@Root() network: Network, @Ctx() ctx: RequestContext) {
    return (await confirmedRegistrationsByNetwork(ctx).load(network.id)).length;
  }

  @FieldResolver(() => Int, { description: 'Municipalities with at least one confirmed registration.' })
  async municipalityCount(@Root() network: Network, @Ctx() ctx: RequestContext) {
    return new Set((await confirmedRegistrationsByNetwork(ctx).load(network.id)).map((r) => r.municipalityId)).size;
  }

  @FieldResolver(() => [ID], { description: 'Ids of the municipalities with a confirmed registration, sorted.' })
  async participatingMunicipalityIds(@Root() network: Network, @Ctx() ctx: RequestContext) {
    return [...new Set((await confirmedRegistrationsByNetwork(ctx).load(network.id)).map((r) => r.municipalityId))].sort();
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Seats neither confirmed, pending approval nor offered; null when the network has no capacity limit.' })
  @Directive('@requires(fields: "capacity")')
  async seatsLeft(@Root() network: Network, @Ctx() ctx: RequestContext) {
    if (network.capacity === null || network.capacity === undefined) return null;
    const counts = await statusCountsByNetwork(ctx).load(network.id);
    return Math.max(0, network.capacity - SEAT_HOLDING.reduce((n, s) => n + (counts[s] ?? 0), 0));
  }

  @FieldResolver(() => Int, { description: 'Registrations waiting for a seat.' })
  async waitlistCount(@Root() network: Network, @Ctx() ctx: RequestContext) {
    return (await statusCountsByNetwork(ctx).load(network.id))[RegistrationStatus.WAITLISTED] ?? 0;
  }

  @FieldResolver(() => [CountyRegistrants], { description: 'Confirmed registrants by county, most participants first: where a gathering is easiest to reach. The same figures and suppression as participationStatistics(filter: { networkId }, groupBy: [COUNTY]): counts of fewer than 3 persons, or that would give one away, are null with suppressed: true.' })
  async registrantsByCounty(@Root() network: Network, @Ctx() ctx: RequestContext) {
    const { cells, asOf } = await participationStatistics(ctx, { networkId: network.id }, [ParticipationDimension.COUNTY]);
    return cells
      .map((c) => Object.assign(new CountyRegistrants(), {
        countyCode: c.keys[0].value.slice(3), countyName: c.keys[0].label ?? '', countyAuthorityId: c.keys[0].value,
        municipalityCount: c.municipalities, participantCount: c.participants, suppressed: c.suppressed, asOf,
      }))
      .sort((a, b) => (b.participantCount ?? -1) - (a.participantCount ?? -1) || a.countyAuthorityId.localeCompare(b.countyAuthorityId));
  }
}
