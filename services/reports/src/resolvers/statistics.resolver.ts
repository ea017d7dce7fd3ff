import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { CellPageArgs, MAX_CELL_PAGE_SIZE, listPage, type RequestContext } from '@kommunenett/subgraph-kit';
import { StatisticsDimension } from '../entities/enums';
import { computeStatistics } from '../services/statistics';
import { Statistics, StatisticsCellConnection } from '../entities/statistics';
import { StatisticsFilter } from './statistics.types';

@Resolver(() => Statistics)
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

  @FieldResolver(() => StatisticsCellConnection, {
    description: 'One cell per indicator and combination of the group keys that has data, a page at a time, ordered by indicator, then the group keys in the order of groupBy, then breakdown. Every cell is computed and suppressed before paging, so totalCount and what is suppressed do not depend on the page.',
  })
  cells(@Root() s: Statistics, @Args() page: CellPageArgs) {
    return listPage(s.allCells, s.cellKey, page, MAX_CELL_PAGE_SIZE);
  }
}
