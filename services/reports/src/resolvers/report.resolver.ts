import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { badInput, ConnectionArgs, keysetPage, type RequestContext, requireUuid, entityRef } from '@kommunenett/subgraph-kit';
import { MUNICIPALITY_ID_PATTERN } from '@kommunenett/reference-data';
import { Indicator } from '../entities/indicator.entity';
import { Audit, Finding, IndicatorValue, RecommendationStatus, Report, Risk } from '../entities/report.entity';
import { IndicatorValueType } from '../entities/enums';
import { Municipality, Network, Organization, Recommendation } from '../entities/references';
import {
  auditById, auditsByReport, findingsByAudit, findingsByReport, indicatorById, recommendationStatusesByReport, reportById,
  risksByReport, valuesByReport,
} from '../loaders';
import { requirePeriods } from '../services/periods';
import { restrictToVisible, visibleReports } from '../services/report-access';
import { createReport, publishReport, returnReport, submitReport, updateReport } from '../services/report-workflow';
import {
  CreateReportInput, FindingConnection, OverdueFindingsFilter, ReportConnection, ReportFilter, ReportPayload, ReportTransitionInput,
  ReturnReportInput, UpdateReportInput,
} from './types';


function requireMunicipalityIds(ids: string[] | undefined, field: string): string[] | undefined {
  for (const id of ids ?? []) if (!MUNICIPALITY_ID_PATTERN.test(id)) throw badInput(`${id} is not a municipality id (like NO-0301).`, field);
  return ids;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

@Resolver(() => Report)
export class ReportResolver {
  @Query(() => ReportConnection, { description: 'Reports the viewer may see (published ones for everyone), ordered by period, municipality and id.' })
  reports(@Ctx() ctx: RequestContext, @Args() page: ConnectionArgs, @Arg('filter', () => ReportFilter, { nullable: true, description: 'Conditions the reports must meet.' }) filter?: ReportFilter) {
    const qb = visibleReports(ctx);
    if (filter?.municipalityIds?.length) qb.andWhere('r.municipality_id IN (:...municipalityIds)', { municipalityIds: requireMunicipalityIds(filter.municipalityIds, 'filter.municipalityIds') });
    const periods = requirePeriods(filter?.periods, 'filter.periods');
    if (periods?.length) qb.andWhere('r.period IN (:...periods)', { periods });
    if (filter?.kinds?.length) qb.andWhere('r.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter?.statuses?.length) qb.andWhere('r.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter?.networkId) qb.andWhere('r.network_id = :networkId', { networkId: requireUuid(filter.networkId, 'filter.networkId') });
    if (filter?.recipientId) qb.andWhere('r.recipient_id = :recipientId', { recipientId: filter.recipientId });
    return keysetPage(qb, [
      { sql: 'r.period', value: (r) => r.period }, { sql: 'r.municipality_id', value: (r) => r.municipalityId }, { sql: 'r.id', value: (r) => r.id },
    ], page);
  }

  @Query(() => Report, { nullable: true, description: 'A report, when the viewer may see it.' })
  report(@Arg('id', () => ID, { description: 'The report’s id.' }) id: string, @Ctx() ctx: RequestContext) {
    return reportById(ctx).load(requireUuid(id, 'id'));
  }

  @Query(() => FindingConnection, {
    description: 'Open findings (no closed date) whose deadline is before `asOf` (default today), in the reports the viewer may see. Ordered by deadline.',
  })
  overdueFindings(
    @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs,
    @Arg('asOf', () => LocalDateResolver, { nullable: true, description: 'The day to judge by, YYYY-MM-DD (default today, UTC).' }) asOf?: string,
    @Arg('filter', () => OverdueFindingsFilter, { nullable: true, description: 'Conditions the findings must meet.' }) filter?: OverdueFindingsFilter,
  ) {
    const qb = ctx.ds.getRepository(Finding).createQueryBuilder('f')
      .innerJoin(Report, 'r', 'r.id = f.report_id')
      .where('f.closed_on IS NULL AND f.deadline IS NOT NULL AND f.deadline < :asOf', { asOf: asOf ?? today() });
    restrictToVisible(qb, ctx.viewer, 'r');
    if (filter?.municipalityIds?.length) qb.andWhere('f.municipality_id IN (:...municipalityIds)', { municipalityIds: requireMunicipalityIds(filter.municipalityIds, 'filter.municipalityIds') });
    if (filter?.kinds?.length) qb.andWhere('f.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter?.auditKinds?.length) {
      qb.andWhere('f.audit_id IN (SELECT a.id FROM reports.audit a WHERE a.kind IN (:...auditKinds))', { auditKinds: filter.auditKinds });
    }
    return keysetPage(qb, [{ sql: 'f.deadline', value: (f) => f.deadline }, { sql: 'f.id', value: (f) => f.id }], page);
  }

  @FieldResolver(() => Municipality, { description: 'The municipality, by its current id.' })
  municipality(@Root() r: Report) {
    return entityRef(Municipality, r.municipalityId);
  }

  @FieldResolver(() => Organization, { description: 'Organization that receives and publishes the report.' })
  recipient(@Root() r: Report) {
    return entityRef(Organization, r.recipientId);
  }

  @FieldResolver(() => Network, { nullable: true, description: 'The network, for a network project result.' })
  network(@Root() r: Report) {
    return r.networkId ? entityRef(Network, r.networkId) : null;
  }

  @FieldResolver(() => [IndicatorValue], { description: 'Values of indicators in the report.' })
  values(@Root() r: Report, @Ctx() ctx: RequestContext) {
    return valuesByReport(ctx).load(r.id);
  }

  @FieldResolver(() => [Risk], { description: 'Risk analysis: factors with likelihood and consequence.' })
  risks(@Root() r: Report, @Ctx() ctx: RequestContext) {
    return risksByReport(ctx).load(r.id);
  }

  @FieldResolver(() => [Audit], { description: 'Supervisions and audits covered by the report.' })
  audits(@Root() r: Report, @Ctx() ctx: RequestContext) {
    return auditsByReport(ctx).load(r.id);
  }

  @FieldResolver(() => [Finding], { description: 'Every finding of the report’s audits.' })
  findings(@Root() r: Report, @Ctx() ctx: RequestContext) {
    return findingsByReport(ctx).load(r.id);
  }

  @FieldResolver(() => [RecommendationStatus], { description: 'The municipality’s status on recommendations.' })
  recommendationStatuses(@Root() r: Report, @Ctx() ctx: RequestContext) {
    return recommendationStatusesByReport(ctx).load(r.id);
  }

  @Mutation(() => ReportPayload, { description: 'Starts a report in DRAFT. COORDINATOR of the municipality.' })
  createReport(@Arg('input', () => CreateReportInput, { description: 'The new report.' }) input: CreateReportInput, @Ctx() ctx: RequestContext) {
    return createReport(ctx, input);
  }

  @Mutation(() => ReportPayload, { description: 'Changes a DRAFT or RETURNED report. COORDINATOR of the municipality.' })
  updateReport(@Arg('input', () => UpdateReportInput, { description: 'The report, the version you read and the fields to change.' }) input: UpdateReportInput, @Ctx() ctx: RequestContext) {
    return updateReport(ctx, input);
  }

  @Mutation(() => ReportPayload, { description: 'DRAFT or RETURNED → SUBMITTED. COORDINATOR of the municipality.' })
  submitReport(@Arg('input', () => ReportTransitionInput, { description: 'The report and the version you read.' }) input: ReportTransitionInput, @Ctx() ctx: RequestContext) {
    return submitReport(ctx, input);
  }

  @Mutation(() => ReportPayload, { description: 'SUBMITTED → RETURNED with a comment. ORG_ADMIN of the receiving organization.' })
  returnReport(@Arg('input', () => ReturnReportInput, { description: 'The report, the version you read and what must change.' }) input: ReturnReportInput, @Ctx() ctx: RequestContext) {
    return returnReport(ctx, input);
  }

  @Mutation(() => ReportPayload, { description: 'SUBMITTED → PUBLISHED. ORG_ADMIN of the receiving organization.' })
  publishReport(@Arg('input', () => ReportTransitionInput, { description: 'The report and the version you read.' }) input: ReportTransitionInput, @Ctx() ctx: RequestContext) {
    return publishReport(ctx, input);
  }
}

@Resolver(() => IndicatorValue)
export class IndicatorValueResolver {
  @FieldResolver(() => Indicator, { description: 'The indicator.' })
  indicator(@Root() v: IndicatorValue, @Ctx() ctx: RequestContext) {
    return indicatorById(ctx).load(v.indicatorId);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'The value as a whole number, for INTEGER indicators (counts).' })
  async intValue(@Root() v: IndicatorValue, @Ctx() ctx: RequestContext) {
    const indicator = await indicatorById(ctx).load(v.indicatorId);
    return indicator?.valueType === IndicatorValueType.INTEGER ? v.value : null;
  }

  @FieldResolver(() => Municipality, { description: 'The municipality, by its current id.' })
  municipality(@Root() v: IndicatorValue) {
    return entityRef(Municipality, v.municipalityId);
  }

  @FieldResolver(() => Report, { nullable: true, description: 'The report the value is in.' })
  report(@Root() v: IndicatorValue, @Ctx() ctx: RequestContext) {
    return reportById(ctx).load(v.reportId);
  }
}

@Resolver(() => Risk)
export class RiskResolver {
  @FieldResolver(() => Int, { description: 'likelihood × consequence (1–100).' })
  score(@Root() r: Risk) {
    return r.likelihood * r.consequence;
  }
}

@Resolver(() => Audit)
export class AuditResolver {
  @FieldResolver(() => [Finding], { description: 'What the audit found, in the order reported.' })
  findings(@Root() a: Audit, @Ctx() ctx: RequestContext) {
    return findingsByAudit(ctx).load(a.id);
  }
}

@Resolver(() => Finding)
export class FindingResolver {
  @FieldResolver(() => Audit, { nullable: true, description: 'The audit that found it.' })
  audit(@Root() f: Finding, @Ctx() ctx: RequestContext) {
    return f.auditId ? auditById(ctx).load(f.auditId) : null;
  }

  @FieldResolver(() => Report, { nullable: true, description: 'The report the audit is in.' })
  report(@Root() f: Finding, @Ctx() ctx: RequestContext) {
    return reportById(ctx).load(f.reportId);
  }

  @FieldResolver(() => Municipality, { description: 'The municipality audited.' })
  municipality(@Root() f: Finding) {
    return entityRef(Municipality, f.municipalityId);
  }

  @FieldResolver({ description: 'Not closed and past its deadline (today).' })
  isOverdue(@Root() f: Finding): boolean {
    return f.closedOn === null && f.deadline !== null && f.deadline < today();
  }
}

@Resolver(() => RecommendationStatus)
export class RecommendationStatusResolver {
  @FieldResolver(() => Recommendation, { description: 'The recommendation.' })
  recommendation(@Root() s: RecommendationStatus) {
    return entityRef(Recommendation, s.recommendationId);
  }

  @FieldResolver(() => Municipality, { description: 'The municipality, by its current id.' })
  municipality(@Root() s: RecommendationStatus) {
    return entityRef(Municipality, s.municipalityId);
  }

  @FieldResolver(() => Report, { nullable: true, description: 'The report the status is in.' })
  report(@Root() s: RecommendationStatus, @Ctx() ctx: RequestContext) {
    return reportById(ctx).load(s.reportId);
  }
}
