import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '@kommunenett/subgraph-kit';
import { StatisticsDimension } from '../entities/enums';
import { computeStatistics } from '../services/statistics';
import { Statistics } from '../entities/statistics';
import { StatisticsFilter } from './statistics.types';

@Resolver()
export class StatisticsResolver {
  @Query(() => Statistics, {
    description: 'Indicators across municipalities from published reports, grouped as asked, with small cells suppressed. For dashboards; also as CSV.',
  })
  statistics(
    @Ctx() ctx: RequestContext,
    @Arg('indicators', () => [ID], { description: 'The indicators to count, e.g. ["deviations-reported"].' }) indicators: string[],
    @Arg('filter', () => StatisticsFilter, { nullable: true, description: 'Which units and periods to build the statistics from.' }) filter?: StatisticsFilter,
    @Arg('groupBy', () => [StatisticsDimension], { nullable: true, description: 'Default: one total per indicator.' }) groupBy?: StatisticsDimension[],
    @Arg('breakdown', () => String, { nullable: true, description: 'Group also by a breakdown dimension of the values, e.g. "area".' }) breakdown?: string,
  ) {
    return computeStatistics(ctx, { indicators, filter, groupBy, breakdown });
  }
}
