import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '@kommunenett/subgraph-kit';
import { Country, ParticipationDimension } from '../entities/enums';
import { Network } from '../entities/network';
import { participationStatistics, type StatisticsKey } from '../services/statistics';
import { networkRef } from './registration.resolver';

@InputType()
export class ParticipationStatisticsFilter {
  @Field(() => ID, { nullable: true }) programId?: string | null;
  @Field(() => ID, { nullable: true }) networkId?: string | null;
  @Field(() => Country, { nullable: true }) country?: Country | null;
  @Field(() => String, { nullable: true, description: 'Two-digit county code.' }) countyCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Year (2013) or month (2013-05) of registration.' }) period?: string | null;
}

@ObjectType({ description: 'One coordinate of a cell: COUNTY NO-32, MUNICIPALITY NO-3201, NETWORK <id>, ROLE controller, GENDER FEMALE (NOT_GIVEN where the person gave none).' })
export class ParticipationStatisticsKey {
  @Field(() => ParticipationDimension) dimension: ParticipationDimension;
  @Field() value: string;
  @Field(() => String, { nullable: true, description: 'Name of the county or municipality.' }) label: string | null;
}

@ObjectType({ description: 'Counts of confirmed registrations. Null and suppressed: true when the cell has fewer than 3 persons, or must be hidden so that such a cell cannot be recovered from the total.' })
export class ParticipationStatisticsCell {
  @Field(() => [ParticipationStatisticsKey]) keys: StatisticsKey[];
  @Field(() => Int, { nullable: true, description: 'Distinct persons.' }) participants: number | null;
  @Field(() => Int, { nullable: true, description: 'Distinct municipalities and county authorities.' }) municipalities: number | null;
  @Field(() => Int, { nullable: true }) registrations: number | null;
  @Field() suppressed: boolean;
}

@ObjectType('ParticipationStatistics')
export class ParticipationStatisticsResult {
  @Field(() => [ParticipationStatisticsCell]) cells: ParticipationStatisticsCell[];
  @Field(() => ParticipationStatisticsCell) total: ParticipationStatisticsCell;
}

@Resolver(() => ParticipationStatisticsKey)
export class StatisticsResolver {
  @Authorized('ORG_ADMIN', 'ANALYST', 'FACILITATOR')
  @Query(() => ParticipationStatisticsResult, { description: 'Participation (confirmed registrations) counted by county, municipality, network, role or gender; small cells suppressed. The only view ANALYST has of registrations.' })
  participationStatistics(
    @Ctx() ctx: RequestContext,
    @Arg('groupBy', () => [ParticipationDimension], { defaultValue: [] }) groupBy: ParticipationDimension[],
    @Arg('filter', () => ParticipationStatisticsFilter, { nullable: true }) filter?: ParticipationStatisticsFilter,
  ) {
    return participationStatistics(ctx, filter, groupBy);
  }

  @FieldResolver(() => Network, { nullable: true, description: 'The network, for the NETWORK dimension.' })
  network(@Root() k: ParticipationStatisticsKey) {
    return k.dimension === ParticipationDimension.NETWORK ? networkRef(k.value) : null;
  }
}
