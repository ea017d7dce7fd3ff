import type { GraphQLResolveInfo } from 'graphql';
import type { SelectQueryBuilder } from 'typeorm';
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Info, Resolver, Root } from 'type-graphql';
import { ConnectionArgs, isUuid, nodeColumns, pagesByParent, type KeysetColumn, type RequestContext } from '@kommunenett/subgraph-kit';
import { IndicatorValue, RecommendationStatus, Report } from '../entities/report.entity';
import { ReportKind } from '../entities/enums';
import { Municipality, Network, Program, Recommendation } from '../entities/references';
import { compareIndicator } from '../services/comparison';
import { loadKnown, networkParticipants, programNetworkIds } from '../services/graph';
import { requirePeriods } from '../services/periods';
import { restrictToVisible, visibleReports } from '../services/report-access';
import { IndicatorComparison } from '../entities/statistics';
import { IndicatorValueConnection, RecommendationStatusConnection, ReportConnection } from './types';

const REPORT_ORDER: KeysetColumn<Report>[] = [
  { sql: '(-r.period::int)', value: (r) => -Number(r.period) },
  { sql: 'r.kind', value: (r) => r.kind },
  { sql: 'r.id', value: (r) => r.id },
];

@Resolver(() => Municipality)
export class MunicipalityReportsResolver {
  @FieldResolver(() => ReportConnection, { description: 'The municipality’s reports the viewer may see, newest period first (then by kind), a page at a time.' })
  reports(
    @Root() m: Municipality, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs,
    @Arg('kinds', () => [ReportKind], { nullable: true, description: 'Only reports of these kinds.' }) kinds?: ReportKind[],
    @Info() info?: GraphQLResolveInfo,
  ) {
    return reportPagesBy(ctx, 'r.municipality_id', (r) => r.municipalityId, kinds, page, info).load(m.id);
  }

  @FieldResolver(() => IndicatorValueConnection, { description: 'Values of the municipality in the reports the viewer may see, by indicator, period and breakdown (the total first), a page at a time.' })
  indicatorValues(
    @Root() m: Municipality, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs,
    @Arg('indicators', () => [ID], { nullable: true, description: 'Only these indicators.' }) indicators?: string[],
    @Arg('periods', () => [String], { nullable: true, description: 'Only these years, e.g. ["2021", "2022"].' }) periods?: string[],
  ) {
    const checkedPeriods = requirePeriods(periods, 'periods');
    return pagesByParent(ctx, `valuesByMunicipality:${JSON.stringify([indicators ?? null, checkedPeriods])}`, {
      query: (ids) => {
        const qb = ctx.ds.getRepository(IndicatorValue).createQueryBuilder('v')
          .innerJoin(Report, 'r', 'r.id = v.report_id')
          .where('v.municipality_id IN (:...ids)', { ids });
        restrictToVisible(qb, ctx.viewer, 'r');
        if (indicators?.length) qb.andWhere('v.indicator_id IN (:...indicators)', { indicators });
        if (checkedPeriods?.length) qb.andWhere('v.period IN (:...periods)', { periods: checkedPeriods });
        return qb;
      },
      parentSql: 'v.municipality_id', parentOf: (v) => v.municipalityId, identitySql: ['v.id'],
      order: [
        { sql: 'v.indicator_id', value: (v) => v.indicatorId },
        { sql: 'v.period', value: (v) => v.period },
        // The total (no breakdown) first.
        { sql: "coalesce(v.breakdown, '')", value: (v) => v.breakdown ?? '' },
        { sql: 'v.id', value: (v) => v.id },
      ],
    }, page).load(m.id);
  }
}

/**
 * Columns of a report that only their own field reads (no field resolver, no visibility rule):
 * a page reads them only when the query selects the field, so a page of hundreds of reports for
 * `kind period` does not parse their dates and texts.
 */
const FIELD_ONLY_COLUMNS = ['municipalityCode', 'title', 'language', 'sections', 'returnComment', 'submittedAt', 'publishedAt', 'generated', 'createdAt', 'updatedAt'] as const;
const ALWAYS_READ = ['id', 'municipalityId', 'period', 'kind', 'status', 'recipientId', 'networkId', 'version'];

/** Each parent's reports the viewer may see, newest period first: a page per municipality or network. */
function reportPagesBy(ctx: RequestContext, parentSql: string, parentOf: (r: Report) => string | null, kinds: ReportKind[] | undefined, page: ConnectionArgs, info?: GraphQLResolveInfo) {
  const columns = nodeColumns(info, 'r', { always: ALWAYS_READ, fieldOnly: FIELD_ONLY_COLUMNS });
  return pagesByParent(ctx, `reportsBy:${parentSql}:${JSON.stringify(kinds ?? null)}:${columns?.join(',') ?? '*'}`, {
    query: (ids) => {
      const qb = visibleReports(ctx).andWhere(`${parentSql} IN (:...ids)`, { ids });
      if (kinds?.length) qb.andWhere('r.kind IN (:...kinds)', { kinds });
      return qb;
    },
    parentSql, parentOf: (r) => parentOf(r) ?? '', identitySql: ['r.id'], order: REPORT_ORDER,
    ...(columns && { fetch: (qb: SelectQueryBuilder<Report>) => qb.select(columns).getMany() }),
  }, page);
}

@Resolver(() => Network)
export class NetworkReportsResolver {
  @FieldResolver(() => ReportConnection, { description: 'Network project results of the participating municipalities, as the viewer may see them: newest period first (then by kind), a page at a time.' })
  reports(@Root() n: Network, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs, @Info() info?: GraphQLResolveInfo) {
    return reportPagesBy(ctx, 'r.network_id', (r) => r.networkId, undefined, page, info).load(n.id);
  }

  @FieldResolver(() => IndicatorComparison, {
    description: 'An indicator among the municipalities taking part compared with the rest, per period (e.g. 2013, 2015, 2017).',
  })
  @Directive('@requires(fields: "participatingMunicipalityIds")')
  indicatorComparison(
    @Root() n: Network, @Ctx() ctx: RequestContext,
    @Arg('indicator', () => ID, { description: 'The indicator, e.g. "deviations-reported".' }) indicator: string,
    @Arg('periods', () => [String], { description: 'Years to compare, e.g. ["2013", "2015", "2017"].' }) periods: string[],
  ) {
    return compareIndicator(ctx, indicator, periods, n.participatingMunicipalityIds ?? []);
  }
}

@Resolver(() => Program)
export class ProgramComparisonResolver {
  @FieldResolver(() => IndicatorComparison, {
    description: 'An indicator among the municipalities taking part in any network of the programme compared with the rest, per period.',
  })
  async indicatorComparison(
    @Root() p: Program, @Ctx() ctx: RequestContext,
    @Arg('indicator', () => ID, { description: 'The indicator, e.g. "deviations-reported".' }) indicator: string,
    @Arg('periods', () => [String], { description: 'Years to compare, e.g. ["2013", "2015", "2017"].' }) periods: string[],
  ) {
    const [program] = await loadKnown(programNetworkIds(ctx), [p.id]);
    const networks = await loadKnown(networkParticipants(ctx), program?.networkIds ?? []);
    return compareIndicator(ctx, indicator, periods, networks.flatMap((n) => n.participatingMunicipalityIds));
  }
}

@Resolver(() => Recommendation)
export class RecommendationStatusesResolver {
  @FieldResolver(() => RecommendationStatusConnection, { description: 'Municipalities’ reported status on the recommendation, in the reports the viewer may see; newest period first (then by municipality), a page at a time.' })
  statuses(@Root() rec: Recommendation, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    return pagesByParent(ctx, 'statusesByRecommendation', {
      query: (ids) => {
        const uuids = ids.filter(isUuid);
        const qb = ctx.ds.getRepository(RecommendationStatus).createQueryBuilder('s')
          .innerJoin(Report, 'r', 'r.id = s.report_id')
          // A malformed id has no statuses (the recommendation comes from the handbook by reference).
          .where(uuids.length ? 's.recommendation_id IN (:...ids)' : 'false', { ids: uuids });
        return restrictToVisible(qb, ctx.viewer, 'r');
      },
      parentSql: 's.recommendation_id', parentOf: (s) => s.recommendationId, identitySql: ['s.id'],
      order: [
        { sql: '(-s.period::int)', value: (s) => -Number(s.period) },
        { sql: 's.municipality_id', value: (s) => s.municipalityId },
        { sql: 's.id', value: (s) => s.id },
      ],
    }, page).load(rec.id);
  }
}
