import { Arg, Args, Authorized, Ctx, Field, FieldResolver, Float, ID, InputType, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { CellPageArgs, MAX_CELL_PAGE_SIZE, ConnectionType, listPage, type RequestContext } from '@kommunenett/subgraph-kit';
import { Country, ParticipationDimension } from '../entities/enums';
import { Network } from '../entities/references';
import { participationStatistics, type StatisticsKey } from '../services/statistics';
import { networkRef } from './registration.resolver';

@InputType({ description: 'Narrows the registrations counted. All given conditions must hold.' })
export class ParticipationStatisticsFilter {
  @Field(() => ID, { nullable: true, description: 'Only networks of this programme.' }) programId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only this network.' }) networkId?: string | null;
  @Field(() => Country, { nullable: true, description: 'Only this country.' }) country?: Country | null;
  @Field(() => String, { nullable: true, description: 'Two-digit county code.' }) countyCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Year (2013) or month (2013-05) of registration.' }) period?: string | null;
}

@ObjectType({ description: 'One coordinate of a cell: COUNTRY NO, COUNTY NO-32, MUNICIPALITY NO-3201, SIZE_CLASS FROM_20000_TO_49999 (UNKNOWN without a population), NETWORK <id>, ROLE controller, GENDER FEMALE (NOT_GIVEN where the person gave none).' })
export class ParticipationStatisticsKey {
  @Field(() => ParticipationDimension, { description: 'The dimension this coordinate is on.' }) dimension: ParticipationDimension;
  @Field({ description: 'The coordinate: a country code, a county or municipality id, a size class or a network id.' }) value: string;
  @Field(() => String, { nullable: true, description: 'Name of the county or municipality.' }) label: string | null;
}

@ObjectType({ description: 'Counts of confirmed registrations, and rates over the cell’s area. Figures are null and suppressed is true when the cell has fewer than 3 persons, or must be hidden so that such a cell cannot be recovered from this or another answer (docs/security.md).' })
export class ParticipationStatisticsCell {
  @Field(() => [ParticipationStatisticsKey], { description: 'The cell’s coordinates, one per groupBy dimension, in the order asked for.' }) keys: StatisticsKey[];
  @Field(() => Int, { nullable: true, description: 'Distinct persons.' }) participants: number | null;
  @Field(() => Int, { nullable: true, description: 'Distinct municipalities and county authorities.' }) municipalities: number | null;
  @Field(() => Int, { nullable: true, description: 'Confirmed registrations (a person in two networks counts twice).' }) registrations: number | null;
  @Field(() => Int, { nullable: true, description: 'Municipalities (county authorities not counted) of the cell’s area: its country, county, municipality or size class within the geographic filter.' })
  municipalitiesInArea: number | null;
  @Field(() => Int, { nullable: true, description: 'Municipalities of the area that took part (county authorities not counted).' }) participatingMunicipalities: number | null;
  @Field(() => Float, { nullable: true, description: 'participatingMunicipalities / municipalitiesInArea, 0–1: the share of the area’s municipalities that took part.' })
  municipalityShare: number | null;
  @Field(() => Float, { nullable: true, description: 'Inhabitants of the area’s municipalities, by the figures of populationYears (not suppressed: public figures).' }) inhabitants: number | null;
  @Field(() => Float, { nullable: true, description: 'participants per 10,000 inhabitants of the area.' }) participantsPer10000Inhabitants: number | null;
  @Field(() => [Int], { description: 'The years of the population figures used: the registration year of filter.period where counted, else the nearest year counted.' })
  populationYears: number[];
  @Field({ description: 'True when the counts are hidden because fewer than 3 persons are in the cell, or they would give such a cell away.' }) suppressed: boolean;
}

const ParticipationStatisticsCellConnection = ConnectionType(ParticipationStatisticsCell, 'ParticipationStatisticsCell');

@ObjectType('ParticipationStatistics', { description: 'Participation counted by the asked-for dimensions: one cell per combination, and the total.' })
export class ParticipationStatisticsResult {
  /** Every cell (one per combination of the groupBy dimensions that has registrations), computed and suppressed whole: the `cells` field pages them. */
  allCells: ParticipationStatisticsCell[];
  @Field(() => ParticipationStatisticsCell, { description: 'All matching registrations in one cell (its keys are empty).' }) total: ParticipationStatisticsCell;
  @Field(() => Date, { description: 'The registrations are counted as they were at this moment or later (UTC instant). Grouped and filtered by country, county, network and programme only, the counts may be up to PARTICIPANTS_STATISTICS_MAX_STALENESS_MS old (60 s by default) while a change is decided in the background; with other dimensions, as of the query.' })
  asOf: Date;
}

@Resolver(() => ParticipationStatisticsKey)
export class StatisticsResolver {
  @Authorized('ORG_ADMIN', 'ANALYST', 'FACILITATOR')
  @Query(() => ParticipationStatisticsResult, { description: 'Participation (confirmed registrations) counted by country, county, municipality, size class, network, role or gender, with shares and rates per inhabitant; small cells suppressed against differencing (docs/security.md). The only view ANALYST has of registrations.' })
  async participationStatistics(
    @Ctx() ctx: RequestContext,
    @Arg('groupBy', () => [ParticipationDimension], { defaultValue: [], description: 'Dimensions to count by, in order; only the total when empty.' }) groupBy: ParticipationDimension[],
    @Arg('filter', () => ParticipationStatisticsFilter, { nullable: true, description: 'Conditions the registrations counted must meet.' }) filter?: ParticipationStatisticsFilter,
  ) {
    const { cells, total, asOf } = await participationStatistics(ctx, filter, groupBy);
    return Object.assign(new ParticipationStatisticsResult(), { allCells: cells, total, asOf });
  }

  @FieldResolver(() => Network, { nullable: true, description: 'The network, for the NETWORK dimension.' })
  network(@Root() k: ParticipationStatisticsKey) {
    return k.dimension === ParticipationDimension.NETWORK ? networkRef(k.value) : null;
  }
}

@Resolver(() => ParticipationStatisticsResult)
export class ParticipationStatisticsCellsResolver {
  @FieldResolver(() => ParticipationStatisticsCellConnection, {
    description: 'One cell per combination of the groupBy dimensions that has registrations, a page at a time, ordered by their keys’ values in the order of groupBy. Every cell is computed and suppressed before paging, so totalCount, total and what is suppressed do not depend on the page.',
  })
  cells(@Root() result: ParticipationStatisticsResult, @Args() page: CellPageArgs) {
    return listPage(result.allCells, (cell) => cell.keys.map((k) => k.value), page, MAX_CELL_PAGE_SIZE);
  }
}
