import { In } from 'typeorm';
import { loaderByGroup, loaderById, type RequestContext } from '@kommunenett/subgraph-kit';
import { Indicator } from '../entities/indicator.entity';
import { Audit, Finding, IndicatorValue, RecommendationStatus, Risk } from '../entities/report.entity';
import { Survey, SurveyOption, SurveyQuestion } from '../entities/survey.entity';
import { visibleReports } from '../services/report-access';

export const indicatorById = (ctx: RequestContext) =>
  loaderById(ctx, 'indicatorById', (ids) => ctx.ds.getRepository(Indicator).findBy({ id: In([...ids]) }));

/** Reports by id, as the viewer may see them. */
export const reportById = (ctx: RequestContext) =>
  loaderById(ctx, 'reportById', (ids) => visibleReports(ctx).andWhere('r.id IN (:...ids)', { ids }).getMany());

const byReport = <T extends { reportId: string }>(ctx: RequestContext, name: string, entity: new () => T, order: Record<string, 'ASC'>) =>
  loaderByGroup<T>(ctx, name, (reportIds) =>
    ctx.ds.getRepository(entity).find({ where: { reportId: In([...reportIds]) } as never, order: order as never }), (row) => row.reportId);

export const valuesByReport = (ctx: RequestContext) => byReport(ctx, 'valuesByReport', IndicatorValue, { indicatorId: 'ASC', breakdown: 'ASC' });
export const risksByReport = (ctx: RequestContext) => byReport(ctx, 'risksByReport', Risk, { position: 'ASC' });
export const auditsByReport = (ctx: RequestContext) => byReport(ctx, 'auditsByReport', Audit, { position: 'ASC' });
export const findingsByReport = (ctx: RequestContext) => byReport(ctx, 'findingsByReport', Finding, { position: 'ASC' });
export const recommendationStatusesByReport = (ctx: RequestContext) =>
  byReport(ctx, 'recommendationStatusesByReport', RecommendationStatus, { recommendationId: 'ASC' });

export const auditById = (ctx: RequestContext) =>
  loaderById(ctx, 'auditById', (ids) => ctx.ds.getRepository(Audit).findBy({ id: In([...ids]) }));

export const findingsByAudit = (ctx: RequestContext) =>
  loaderByGroup(ctx, 'findingsByAudit', (auditIds) =>
    ctx.ds.getRepository(Finding).find({ where: { auditId: In([...auditIds]) }, order: { position: 'ASC' } }), (f) => f.auditId ?? '');

export const surveyById = (ctx: RequestContext) =>
  loaderById(ctx, 'surveyById', (ids) => ctx.ds.getRepository(Survey).findBy({ id: In([...ids]) }));

export const questionsBySurvey = (ctx: RequestContext) =>
  loaderByGroup(ctx, 'questionsBySurvey', (surveyIds) =>
    ctx.ds.getRepository(SurveyQuestion).find({ where: { surveyId: In([...surveyIds]) }, order: { position: 'ASC' } }), (q) => q.surveyId);

export const optionsByQuestion = (ctx: RequestContext) =>
  loaderByGroup(ctx, 'optionsByQuestion', (questionIds) =>
    ctx.ds.getRepository(SurveyOption).find({ where: { questionId: In([...questionIds]) }, order: { position: 'ASC' } }), (o) => o.questionId);
