import { Arg, Ctx, Directive, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { isUuid, loaderByGroup, type RequestContext } from '@kommunenett/subgraph-kit';
import { IndicatorValue, RecommendationStatus, Report } from '../entities/report.entity';
import { ReportKind } from '../entities/enums';
import { Municipality, Network, Program, Recommendation } from '../entities/references';
import { compareIndicator } from '../services/comparison';
import { loadKnown, networkParticipants, programNetworkIds } from '../services/graph';
import { requirePeriods } from '../services/periods';
import { restrictToVisible, visibleReports } from '../services/report-access';
import { IndicatorComparison } from '../entities/statistics';

const ORDER = 'r.period DESC, r.kind, r.id';

@Resolver(() => Municipality)
export class MunicipalityReportsResolver {
  @FieldResolver(() => [Report], { description: 'The municipality’s reports the viewer may see, newest period first.' })
  reports(
    @Root() m: Municipality, @Ctx() ctx: RequestContext,
    @Arg('kinds', () => [ReportKind], { nullable: true, description: 'Only reports of these kinds.' }) kinds?: ReportKind[],
  ) {
    const key = `reportsByMunicipality:${JSON.stringify(kinds ?? null)}`;
    return loaderByGroup(ctx, key, (ids) => {
      const qb = visibleReports(ctx).andWhere('r.municipality_id IN (:...ids)', { ids });
      if (kinds?.length) qb.andWhere('r.kind IN (:...kinds)', { kinds });
      return qb.orderBy(ORDER).getMany();
    }, (r) => r.municipalityId).load(m.id);
  }

  @FieldResolver(() => [IndicatorValue], { description: 'Values of the municipality in the reports the viewer may see, by indicator and period.' })
  indicatorValues(
    @Root() m: Municipality, @Ctx() ctx: RequestContext,
    @Arg('indicators', () => [ID], { nullable: true, description: 'Only these indicators.' }) indicators?: string[],
    @Arg('periods', () => [String], { nullable: true, description: 'Only these years, e.g. ["2021", "2022"].' }) periods?: string[],
  ) {
    const checkedPeriods = requirePeriods(periods, 'periods');
    const key = `valuesByMunicipality:${JSON.stringify([indicators ?? null, checkedPeriods])}`;
    return loaderByGroup(ctx, key, (ids) => {
      const qb = ctx.ds.getRepository(IndicatorValue).createQueryBuilder('v')
        .innerJoin(Report, 'r', 'r.id = v.report_id')
        .where('v.municipality_id IN (:...ids)', { ids });
      restrictToVisible(qb, ctx.viewer, 'r');
      if (indicators?.length) qb.andWhere('v.indicator_id IN (:...indicators)', { indicators });
      if (checkedPeriods?.length) qb.andWhere('v.period IN (:...periods)', { periods: checkedPeriods });
      return qb.orderBy('v.indicator_id').addOrderBy('v.period').addOrderBy('v.breakdown', 'ASC', 'NULLS FIRST').getMany();
    }, (v) => v.municipalityId).load(m.id);
  }
}

@Resolver(() => Network)
export class NetworkReportsResolver {
  @FieldResolver(() => [Report], { description: 'Network project results of the participating municipalities, as the viewer may see them.' })
  reports(@Root() n: Network, @Ctx() ctx: RequestContext) {
    return loaderByGroup(ctx, 'reportsByNetwork', (ids) =>
      visibleReports(ctx).andWhere('r.network_id IN (:...ids)', { ids }).orderBy(ORDER).getMany(), (r) => r.networkId ?? '').load(n.id);
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
  @FieldResolver(() => [RecommendationStatus], { description: 'Municipalities’ reported status on the recommendation, in the reports the viewer may see; newest period first.' })
  statuses(@Root() rec: Recommendation, @Ctx() ctx: RequestContext) {
    return loaderByGroup(ctx, 'statusesByRecommendation', async (ids) => {
      const uuids = ids.filter(isUuid);
      if (uuids.length === 0) return [];
      const qb = ctx.ds.getRepository(RecommendationStatus).createQueryBuilder('s')
        .innerJoin(Report, 'r', 'r.id = s.report_id')
        .where('s.recommendation_id IN (:...ids)', { ids: uuids });
      restrictToVisible(qb, ctx.viewer, 'r');
      return qb.orderBy('s.period', 'DESC').addOrderBy('s.municipality_id').getMany();
    }, (s) => s.recommendationId).load(rec.id);
  }
}

