import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType, type KeyPart } from '@kommunenett/subgraph-kit';
import { Indicator } from '../entities/indicator.entity';
import { Municipality, Network } from '../entities/stubs';
import { Country, MunicipalityKind } from '../entities/enums';

@InputType({ description: 'Which units and periods statistics are built from. All given conditions must hold.' })
export class StatisticsFilter {
  @Field(() => [ID], { nullable: true }) municipalities?: string[];
  @Field(() => [String], { nullable: true, description: 'Two-digit county codes (fylke, län), e.g. "32".' }) countyCodes?: string[];
  @Field(() => Country, { nullable: true }) country?: Country;
  @Field(() => [ID], { nullable: true, description: 'Only municipalities taking part in these networks (confirmed registrations).' }) networkIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Only municipalities taking part in a network of these programmes.' }) programIds?: string[];
  @Field(() => [String], { nullable: true, description: 'Years, e.g. ["2020", "2021"]. Default: every year the indicators are measured.' }) periods?: string[];
  @Field(() => MunicipalityKind, { nullable: true, description: 'Units counted: municipalities (default) or county authorities.' }) unitKind?: MunicipalityKind;
}

@ObjectType({ description: 'One cell of a statistics table: an indicator for one combination of the group keys asked for.' })
export class StatisticsCell {
  @Field(() => Indicator) indicator: Indicator;
  @Field(() => Municipality, { nullable: true, description: 'Set when grouped by MUNICIPALITY.' }) municipality: Municipality | null;
  @Field(() => Municipality, { nullable: true, description: 'The county authority of the county, when grouped by COUNTY.' }) county: Municipality | null;
  @Field(() => String, { nullable: true, description: 'Two-digit county code, when grouped by COUNTY.' }) countyCode: string | null;
  @Field(() => Country, { nullable: true }) country: Country | null;
  @Field(() => String, { nullable: true, description: 'Set when grouped by PERIOD.' }) period: string | null;
  @Field(() => Network, { nullable: true, description: 'Set when grouped by NETWORK.' }) network: Network | null;
  @Field(() => String, { nullable: true, description: 'Breakdown group ("area:hms") when a breakdown was asked for.' }) breakdown: string | null;
  @Field(() => Float, { nullable: true, description: 'The indicator’s natural aggregate: the sum for counts and kroner, the mean for percentages and scores.' }) value: number | null;
  @Field(() => Float, { nullable: true }) sum: number | null;
  @Field(() => Float, { nullable: true }) mean: number | null;
  @Field(() => Float, { nullable: true }) median: number | null;
  @Field(() => Float, { nullable: true, description: 'For counts: sum per 1,000 inhabitants of the units with a known population, each value set against its own period’s population (that year’s figure where counted, else the nearest year’s; see populationYears).' }) perThousandInhabitants: number | null;
  @Field(() => [Int], { description: 'The years of the population figures perThousandInhabitants used (SSB: 1 January of the year; SCB: 31 December); empty when it is null.' }) populationYears: number[];
  @Field(() => Int, { nullable: true, description: 'Number of units (municipalities) the cell is built from; null when suppressed.' }) unitCount: number | null;
  @Field({ description: 'Built from fewer units than the threshold, or suppressed so that such a cell cannot be recovered from the others: no figures are shown.' })
  suppressed: boolean;
}

export const StatisticsCellConnection = ConnectionType(StatisticsCell, 'StatisticsCell');

@ObjectType()
export class Statistics {
  /** Every cell of the answer, computed (and suppressed) whole: the `cells` field pages them. */
  allCells: StatisticsCell[];
  /** A cell's key in the table's order: indicator, the group keys as asked, breakdown. */
  cellKey: (cell: StatisticsCell) => KeyPart[];
  @Field({ description: 'All the cells (not a page) as CSV (RFC 4180, header row, suppressed figures empty).' }) csv: string;
  @Field(() => Int, { description: 'Cells from fewer units than this are suppressed.' }) suppressionThreshold: number;
  @Field(() => Int, { description: 'Most cells one query may produce (all of them are computed before they are paged, so that suppression and totals never depend on the page).' }) cellLimit: number;
}

@ObjectType({ description: 'One side of a comparison: the participating municipalities or the rest.' })
export class ComparisonGroup {
  @Field(() => Int, { description: 'Municipalities with a published value.' }) municipalityCount: number;
  @Field(() => Float, { nullable: true, description: 'Mean value; null when suppressed.' }) mean: number | null;
  @Field() suppressed: boolean;
}

@ObjectType()
export class IndicatorComparisonPeriod {
  @Field() period: string;
  @Field(() => ComparisonGroup) participants: ComparisonGroup;
  @Field(() => ComparisonGroup, { description: 'Municipalities of the same countries that did not take part.' }) others: ComparisonGroup;
  @Field(() => Float, { nullable: true, description: 'participants.mean − others.mean; null when either side is suppressed.' }) difference: number | null;
}

@ObjectType({ description: 'An indicator compared between the municipalities that took part and those that did not, period by period.' })
export class IndicatorComparison {
  @Field(() => Indicator) indicator: Indicator;
  @Field(() => [IndicatorComparisonPeriod]) periods: IndicatorComparisonPeriod[];
  @Field(() => Float, { nullable: true, description: 'Difference in the last period minus difference in the first: the change that went with taking part.' })
  differenceInDifferences: number | null;
}
