import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ConnectionType, type KeyPart } from '@kommunenett/subgraph-kit';
import { Indicator } from './indicator.entity';
import { Municipality, Network } from './references';
import { Country, MunicipalitySizeClass, ValueProvenance } from './enums';

/* What the statistics and comparison services answer (services/statistics.ts, services/comparison.ts). */

@ObjectType({ description: 'One cell of a statistics table: an indicator for one combination of the group keys asked for.' })
export class StatisticsCell {
  @Field(() => Indicator, { description: 'The indicator.' }) indicator: Indicator;
  @Field(() => Municipality, { nullable: true, description: 'Set when grouped by MUNICIPALITY.' }) municipality: Municipality | null;
  @Field(() => Municipality, { nullable: true, description: 'The county authority of the county, when grouped by COUNTY.' }) county: Municipality | null;
  @Field(() => String, { nullable: true, description: 'Two-digit county code, when grouped by COUNTY.' }) countyCode: string | null;
  @Field(() => Country, { nullable: true, description: 'Set when grouped by COUNTRY.' }) country: Country | null;
  @Field(() => MunicipalitySizeClass, { nullable: true, description: 'Set when grouped by SIZE_CLASS (the class of the latest population, docs/reports.md); null there for the units without a population.' })
  sizeClass: MunicipalitySizeClass | null;
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

@ObjectType({ description: 'One side of a comparison in one period: the participating municipalities or the others.' })
export class ComparisonGroup {
  @Field(() => Int, { description: 'Municipalities of this side with a published value for the period: the group size.' }) municipalityCount: number;
  @Field(() => Float, { nullable: true, description: 'Mean value; null when suppressed.' }) mean: number | null;
  @Field({ description: 'This side or the other has fewer municipalities than the suppression threshold (3): both means are null.' }) suppressed: boolean;
}

@ObjectType({ description: 'The comparison in one period.' })
export class IndicatorComparisonPeriod {
  @Field({ description: 'The year, e.g. "2015".' }) period: string;
  @Field(() => ComparisonGroup, { description: 'The municipalities that took part (a confirmed registration in the network, or in any network of the programme).' }) participants: ComparisonGroup;
  @Field(() => ComparisonGroup, { description: 'The others: every municipality of the participants’ countries, of the same kind (municipalities, or county authorities when those took part), that did not take part, with a published value.' }) others: ComparisonGroup;
  @Field(() => Float, { nullable: true, description: 'participants.mean − others.mean; null when either side is suppressed.' }) difference: number | null;
}

@ObjectType({ description: 'The difference-in-differences from the first to the last period asked for, over the municipalities measured in both (a balanced panel), with a bootstrap confidence interval.' })
export class ComparisonEstimate {
  @Field({ description: 'The first period asked for: the “before”.' }) fromPeriod: string;
  @Field({ description: 'The last period asked for: the “after”.' }) toPeriod: string;
  @Field(() => Int, { description: 'Participating municipalities measured in both periods: the size of the participants’ group in the estimate.' }) participants: number;
  @Field(() => Int, { description: 'Other municipalities measured in both periods: the size of the comparison group in the estimate.' }) others: number;
  @Field(() => Float, { nullable: true, description: 'The participants’ mean change minus the others’ mean change (toPeriod − fromPeriod); null when suppressed.' }) value: number | null;
  @Field(() => Float, { nullable: true, description: 'Lower end of the confidence interval: a percentile bootstrap over municipalities (each group resampled with replacement, `resamples` times, generator seeded with `seed`, so the same data always gives the same interval); null when suppressed.' })
  lower: number | null;
  @Field(() => Float, { nullable: true, description: 'Upper end of the confidence interval (as lower).' }) upper: number | null;
  @Field(() => Float, { description: 'Level of the interval: 0.95 (the 2.5th and 97.5th percentiles of the bootstrap estimates).' }) confidenceLevel: number;
  @Field(() => Int, { description: 'Bootstrap resamples: 2000.' }) resamples: number;
  @Field(() => Int, { description: 'Seed of the bootstrap’s random generator (fixed: the answer is deterministic).' }) seed: number;
  @Field({ description: 'Either group has fewer municipalities than the suppression threshold (3): value and interval are null.' }) suppressed: boolean;
}

@ObjectType({ description: 'Where the values a comparison is built from come from, and how many values each.' })
export class ComparisonSource {
  @Field(() => ValueProvenance, { description: 'Where these values come from.' }) provenance: ValueProvenance;
  @Field(() => String, { nullable: true, description: 'The public source of IMPORTED values.' }) sourceName: string | null;
  @Field(() => String, { nullable: true, description: 'Address of the public source of IMPORTED values, where it has one.' }) sourceUrl: string | null;
  @Field(() => Int, { description: 'Values (municipality and period) of this provenance and source in the comparison, both sides.' }) valueCount: number;
}

@ObjectType({ description: 'An indicator compared between the municipalities that took part and the others, period by period, with the difference-in-differences and its confidence interval (docs/reports.md). Refused with COMPARISON_GROUP_TOO_SMALL when fewer municipalities than the suppression threshold took part.' })
export class IndicatorComparison {
  @Field(() => Indicator, { description: 'The indicator compared.' }) indicator: Indicator;
  @Field(() => Int, { description: 'Municipalities that took part (of the kind compared), whether or not they have values.' }) participantMunicipalities: number;
  @Field(() => [IndicatorComparisonPeriod], { description: 'One comparison per period asked for, in the order asked.' }) periods: IndicatorComparisonPeriod[];
  @Field(() => ComparisonEstimate, { nullable: true, description: 'Difference-in-differences from the first to the last period with its interval; null when one period was asked for.' })
  estimate: ComparisonEstimate | null;
  @Field(() => Float, { nullable: true, deprecationReason: 'Use estimate { value lower upper participants others }: the same figure with its interval and group sizes.', description: 'estimate.value.' })
  differenceInDifferences: number | null;
  @Field(() => [ComparisonSource], { description: 'Provenance of the values compared: GENERATED values are demo values, not measurements. Bounded by nature: one entry per distinct source.' })
  sources: ComparisonSource[];
}
