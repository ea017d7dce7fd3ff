import { Arg, Args, Ctx, Directive, Field, FieldResolver, ID, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, type RequestContext } from '@kommunenett/subgraph-kit';
import { Network } from '../entities/network';
import { Municipality } from '../entities/municipality.entity';
import { RegistrationStatus, SEAT_HOLDING } from '../entities/enums';
import { confirmedRegistrationsByNetwork, municipalityById, statusCountsByNetwork } from '../loaders';
import { registrationPagesBy } from '../services/registration-queries';
import { RegistrationConnection } from './types';
import { InputType } from 'type-graphql';

@InputType({ description: 'Narrows a network’s registrations.' })
export class NetworkRegistrationFilter {
  @Field(() => [RegistrationStatus], { nullable: true }) status?: RegistrationStatus[] | null;
  @Field(() => ID, { nullable: true }) municipalityId?: string | null;
}

@ObjectType({ description: 'Confirmed registrants of a network from one county: where a gathering is easiest to reach.' })
export class CountyRegistrants {
  @Field({ description: 'County code (fylke, län).' }) countyCode: string;
  @Field() countyName: string;
  countyAuthorityId: string;
  @Field(() => Int) municipalityCount: number;
  @Field(() => Int) participantCount: number;
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
    @Arg('filter', () => NetworkRegistrationFilter, { nullable: true }) filter?: NetworkRegistrationFilter,
  ) {
    return registrationPagesBy(ctx, 'network_id', filter, page).load(network.id);
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

  @FieldResolver(() => [CountyRegistrants], { description: 'Confirmed registrants by county, most participants first: where a gathering is easiest to reach.' })
  async registrantsByCounty(@Root() network: Network, @Ctx() ctx: RequestContext) {
    const regs = await confirmedRegistrationsByNetwork(ctx).load(network.id);
    const municipalities = await municipalityById(ctx).loadMany([...new Set(regs.map((r) => r.municipalityId))]);
    const byId = new Map(municipalities.filter((m): m is Municipality => m instanceof Municipality).map((m) => [m.id, m]));
    const counties = new Map<string, CountyRegistrants & { municipalities: Set<string> }>();
    for (const r of regs) {
      const m = byId.get(r.municipalityId);
      if (!m) continue;
      const key = `${m.country}-${m.countyCode}`;
      const c = counties.get(key) ?? { countyCode: m.countyCode, countyName: m.countyName, countyAuthorityId: key, municipalityCount: 0, participantCount: 0, municipalities: new Set<string>() };
      c.participantCount += 1;
      c.municipalities.add(m.id);
      c.municipalityCount = c.municipalities.size;
      counties.set(key, c);
    }
    return [...counties.values()].sort((a, b) => b.participantCount - a.participantCount || a.countyCode.localeCompare(b.countyCode))
      .map(({ municipalities: _m, ...c }) => Object.assign(new CountyRegistrants(), c));
  }
}
