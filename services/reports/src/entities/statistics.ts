import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ConnectionType, type KeyPart } from '@kommunenett/subgraph-kit';
import { Indicator } from './indicator.entity';
import { Municipality, Network } from './references';
import { Country } from './enums';

/* What the statistics and comparison services answer (services/statistics.ts, services/comparison.ts). */

@ObjectType({ description: 'One cell of a statistics table: an indicator for one combination of the group keys asked for.' })
export class StatisticsCell {
  @Field(() => Indicator, { description: 'The indicator.' }) indicator: Indicator;
  @Field(() => Municipality, { nullable: true, description: 'Set when grouped by MUNICIPALITY.' }) municipality: Municipality | null;
  @Field(() => Municipality, { nullable: true, description: 'The county authority of the county, when grouped by COUNTY.' }) county: Municipality | null;
  @Field(() => String, { nullable: true, description: 'Two-digit county code, when grouped by COUNTY.' }) countyCode: string | null;
  @Field(() => Country, { nullable: true, description: 'Set when grouped by COUNTRY.' }) country: Country | null;
  @Field(() => String, { nullable: true, description: 'Set when grouped by PERIOD.' }) period: string | null;
  @Field(() => Network, { nullable: true, description: 'Set when grouped by NETWORK.' }) network: Network | null;
  @Field(() => String, { nullable: true, description: 'Breakdown group ("area:hms") when a breakdown was asked for.' }) breakdown: string | null;
  @Field(() => Float, { nullable: true, description: 'The indicator’s natural aggregate: the sum for counts and kroner, the mean for percentages and scores.' }) value: number | null;
  @Field(() => Float, { nullable: true, description: 'Sum of the units’ values; null when suppressed.' }) sum: number | null;
  @Field(() => Float, { nullable: true, description: 'Mean of the units’ values; null when suppressed.' }) mean: number | null;
  @Field(() => Float, { nullable: true, description: 'Median of the units’ values; null when suppressed.' }) median: number | null;
  @Field(() => Float, { nullable: true, description: 'For counts: sum per 1,000 inhabitants of the units with a known population, each value set against its own period’s population (that year’s figure where counted, else the nearest year’s; see populationYears).' }) perThousandInhabitants: number | null;
  @Field(() => [Int], { description: 'The years of the population figures perThousandInhabitants used (SSB: 1 January of the year; SCB: 31 December); empty when it is null.' }) populationYears: number[];
  @Field(() => Int, { nullable: true, description: 'Number of units (municipalities) the cell is built from; null when suppressed.' }) unitCount: number | null;
  @Field({ description: 'Built from fewer units than the threshold, or suppressed so that such a cell cannot be recovered from the others: no figures are shown.' })
  suppressed: boolean;
}

export const StatisticsCellConnection = ConnectionType(StatisticsCell, 'StatisticsCell');

@ObjectType({ description: 'Statistics of indicators over municipalities: cells grouped as asked, with small cells suppressed.' })
export class Statistics {
  /** Every cell of the answer (one per indicator and combination of the group keys that has data), computed and suppressed whole: the `cells` field pages them. */
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
  @Field({ description: 'True when either side has fewer municipalities with a value than the suppression threshold (3 by default): the means are then hidden.' }) suppressed: boolean;
}

@ObjectType({ description: 'The comparison in one period.' })
export class IndicatorComparisonPeriod {
  @Field({ description: 'The year, e.g. "2015".' }) period: string;
  @Field(() => ComparisonGroup, { description: 'Municipalities that took part.' }) participants: ComparisonGroup;
  @Field(() => ComparisonGroup, { description: 'Municipalities of the same countries that did not take part.' }) others: ComparisonGroup;
  @Field(() => Float, { nullable: true, description: 'participants.mean − others.mean; null when either side is suppressed.' }) difference: number | null;
}

@ObjectType({ description: 'An indicator compared between the municipalities that took part and those that did not, period by period.' })
export class IndicatorComparison {
  @Field(() => Indicator, { description: 'The indicator compared.' }) indicator: Indicator;
  @Field(() => [IndicatorComparisonPeriod], { description: 'One comparison per period asked for, in the order asked.' }) periods: IndicatorComparisonPeriod[];
  @Field(() => Float, { nullable: true, description: 'Difference in the last period minus difference in the first: the change that went with taking part.' })
  differenceInDifferences: number | null;
}
