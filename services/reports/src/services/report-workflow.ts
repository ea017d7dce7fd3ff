import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { MUNICIPALITY_ID_PATTERN } from '@kommunenett/reference-data';
import { inputSchemas, refuse, refuseAll, runMutation, userError, type Outcome, type RequestContext, type UserError } from '@kommunenett/subgraph-kit';
import { Indicator } from '../entities/indicator.entity';
import { Audit, Finding, IndicatorValue, RecommendationStatus, Report, Risk } from '../entities/report.entity';
import {
  AuditKind, FindingKind, IndicatorUnit, Language, RecommendationImplementation, ReportKind, ReportStatus, RiskStatus, ValueProvenance,
} from '../entities/enums';
import { directoryEntry, networkExists, organizationExists } from './graph';
import { codeInForce } from './municipality-codes';
import { indicatorHasPeriod, PERIOD_PATTERN } from './periods';
import { canReviewReport, canSeeReport, canWriteReport, refused } from './report-access';
import { valueProblem } from './values';

const outOfRange = (what: string) => ({ message: `${what} must be a whole number from 1 to 10.`, params: { code: 'OUT_OF_RANGE' } });
const rating = (what: string) => z.number().int(outOfRange(what)).refine((n) => n >= 1 && n <= 10, outOfRange(what));
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((s) => s || null);
const localDate = z.string().nullish().transform((s) => s ?? null);

const contentSchema = z.object({
  sections: z.array(z.object({
    key: z.string().regex(/^[a-z][a-z0-9-]{0,49}$/, 'A section key is lowercase letters, digits and hyphens.'),
    title: text(200),
    body: z.string().max(50_000),
  })).max(50).refine((s) => new Set(s.map((x) => x.key)).size === s.length, { message: 'Section keys must differ.', params: { code: 'DUPLICATE' } }).nullish(),
  values: z.array(z.object({
    indicatorId: text(100),
    value: z.number(),
    unit: z.enum(IndicatorUnit).nullish(),
    breakdown: z.string().regex(/^[a-z][a-z0-9-]{0,49}:\S.{0,99}$/, 'A breakdown is "dimension:value", e.g. "area:hms".').nullish().transform((s) => s ?? null),
    asOf: localDate,
    measuredIn: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month is written YYYY-MM, e.g. "2013-03".').nullish().transform((s) => s ?? null),
    note: optionalText(2000),
    // A named public source makes the value IMPORTED; without one the municipality reports it.
    source: z.object({ name: text(300), url: inputSchemas.httpUrl.nullish().transform((s) => s ?? null) }).nullish().transform((s) => s ?? null),
  })).max(500).nullish(),
  risks: z.array(z.object({
    factor: text(300),
    description: optionalText(5000),
    likelihood: rating('likelihood'),
    consequence: rating('consequence'),
    measures: optionalText(5000),
    owner: optionalText(200),
    status: z.enum(RiskStatus).nullish().transform((s) => s ?? RiskStatus.OPEN),
  })).max(200).nullish(),
  audits: z.array(z.object({
    kind: z.enum(AuditKind),
    authority: text(200),
    topic: text(500),
    unit: optionalText(300),
    performedOn: localDate,
    outcome: optionalText(5000),
    findings: z.array(z.object({
      kind: z.enum(FindingKind),
      count: z.number().int().min(1).max(100_000).nullish().transform((n) => n ?? 1),
      description: optionalText(5000),
      deadline: localDate,
      closedOn: localDate,
    })).max(100).nullish().transform((f) => f ?? []),
  })).max(200).nullish(),
  recommendationStatuses: z.array(z.object({
    recommendationId: inputSchemas.id,
    status: z.enum(RecommendationImplementation),
    comment: optionalText(5000),
    points: z.array(text(2000)).max(30).nullish().transform((p) => p ?? []),
  })).max(50).refine((s) => new Set(s.map((x) => x.recommendationId)).size === s.length, { message: 'A recommendation is given twice.', params: { code: 'DUPLICATE' } }).nullish(),
});
type Content = z.infer<typeof contentSchema>;

const createSchema = contentSchema.extend({
  municipalityId: z.string().regex(MUNICIPALITY_ID_PATTERN, 'A municipality id is like NO-0301 or SE-0180.'),
  period: z.string().refine((p) => PERIOD_PATTERN.test(p), { message: 'A period is a year such as "2022".', params: { code: 'INVALID_PERIOD' } }),
  kind: z.enum(ReportKind),
  title: text(300),
  language: z.enum(Language),
  recipientId: text(100),
  networkId: inputSchemas.id.nullish().transform((s) => s ?? null),
}).refine((i) => i.kind !== ReportKind.NETWORK_PROJECT_RESULT || i.networkId, {
  message: 'A network project result names its network.', path: ['networkId'], params: { code: 'NETWORK_REQUIRED' },
});

const updateSchema = contentSchema.extend({ id: inputSchemas.id, expectedVersion: inputSchemas.expectedVersion, title: text(300).nullish() });

const EDITABLE = [ReportStatus.DRAFT, ReportStatus.RETURNED];

/** What a report mutation returns: the report after the change, or the rules the input broke. */
export interface ReportResult {
  report: Report | null;
  userErrors: UserError[];
}

/** Checks values against the catalogue: known indicator, measured in the period, right type, unit and range. */
async function valueErrors(m: EntityManager, period: string, values: NonNullable<Content['values']>): Promise<UserError[]> {
  const ids = [...new Set(values.map((v) => v.indicatorId))];
  const indicators = new Map((ids.length ? await m.getRepository(Indicator).findBy({ id: In(ids) }) : []).map((i) => [i.id, i]));
  const errors: UserError[] = [];
  const seen = new Set<string>();
  values.forEach((v, i) => {
    const field = ['values', String(i)];
    const indicator = indicators.get(v.indicatorId);
    if (!indicator) return errors.push(userError([...field, 'indicatorId'], `There is no indicator ${v.indicatorId}.`, 'UNKNOWN_INDICATOR'));
    if (!indicatorHasPeriod(indicator, period)) {
      errors.push(userError([...field, 'indicatorId'], `${indicator.id} is not measured for ${period}.`, 'INDICATOR_NOT_IN_PERIOD'));
    }
    const problem = valueProblem(indicator, v.value, v.unit);
    if (problem) errors.push(userError([...field, problem.code === 'WRONG_UNIT' ? 'unit' : 'value'], problem.message, problem.code));
    const key = `${v.indicatorId}|${v.breakdown ?? ''}`;
    if (seen.has(key)) errors.push(userError(field, `${v.indicatorId} is given twice${v.breakdown ? ` for ${v.breakdown}` : ''}.`, 'DUPLICATE'));
    seen.add(key);
  });
  return errors;
}

/** Replaces the lists of a report that the content gives (but sections, a column); leaves the others. */
async function writeContent(m: EntityManager, report: Report, content: Omit<Content, 'sections'>): Promise<void> {
  const where = { reportId: report.id };
  if (content.values) {
    await m.getRepository(IndicatorValue).delete(where);
    if (content.values.length) {
      await m.getRepository(IndicatorValue).insert(content.values.map((v) => ({
        id: randomUUID(), reportId: report.id, indicatorId: v.indicatorId, municipalityId: report.municipalityId, period: report.period,
        breakdown: v.breakdown, value: v.value, asOf: v.asOf, measuredIn: v.measuredIn, note: v.note,
        provenance: v.source ? ValueProvenance.IMPORTED : ValueProvenance.REPORTED, sourceName: v.source?.name ?? null, sourceUrl: v.source?.url ?? null,
      })));
    }
  }
  if (content.risks) {
    await m.getRepository(Risk).delete(where);
    if (content.risks.length) await m.getRepository(Risk).insert(content.risks.map((r, position) => ({ id: randomUUID(), reportId: report.id, position, ...r })));
  }
  if (content.audits) {
    await m.getRepository(Finding).delete(where);
    await m.getRepository(Audit).delete(where);
    const audits: Partial<Audit>[] = [];
    const findings: Partial<Finding>[] = [];
    content.audits.forEach(({ findings: auditFindings, ...a }, position) => {
      const auditId = randomUUID();
      audits.push({ id: auditId, reportId: report.id, position, ...a });
      for (const f of auditFindings) {
        findings.push({ id: randomUUID(), reportId: report.id, auditId, municipalityId: report.municipalityId, position: findings.length, ...f });
      }
    });
    if (audits.length) await m.getRepository(Audit).insert(audits);
    if (findings.length) await m.getRepository(Finding).insert(findings);
  }
  if (content.recommendationStatuses) {
    await m.getRepository(RecommendationStatus).delete(where);
    if (content.recommendationStatuses.length) {
      await m.getRepository(RecommendationStatus).insert(content.recommendationStatuses.map((s) => ({
        id: randomUUID(), reportId: report.id, municipalityId: report.municipalityId, period: report.period, ...s,
      })));
    }
  }
}

/** The rules of a report change: the viewer's right, the report's state, the change of content. */
type Change = (m: EntityManager, report: Report) => Promise<Partial<Report>>;

const transitionSchema = z.object({ id: inputSchemas.id, expectedVersion: inputSchemas.expectedVersion });

/** A report's outcome as the payload the API returns. */
const asPayload = (outcome: Outcome<Report>): ReportResult => ({ report: outcome.value, userErrors: outcome.userErrors });

export async function createReport(ctx: RequestContext, input: unknown): Promise<ReportResult> {
  // The directory and the networks are other services': read before the transaction opens.
  const prepare = async (i: z.infer<typeof createSchema>) => {
    if (!canWriteReport(ctx.viewer, i)) throw refused(ctx.viewer, 'Only the municipality’s coordinator writes its reports.');
    const [municipality, recipient, network] = await Promise.all([
      directoryEntry(ctx).load(i.municipalityId),
      organizationExists(ctx).load(i.recipientId),
      i.networkId ? networkExists(ctx).load(i.networkId) : null,
    ]);
    if (!municipality) refuse('municipalityId', `There is no municipality ${i.municipalityId}.`, 'UNKNOWN_MUNICIPALITY');
    if (!recipient) refuse('recipientId', `There is no organization ${i.recipientId}.`, 'UNKNOWN_ORGANIZATION');
    if (i.networkId && !network) refuse('networkId', `There is no network ${i.networkId}.`, 'NOT_FOUND');
    return municipality;
  };
  const constraints = (i: z.infer<typeof createSchema>) => ({
    report_unique_idx: { field: 'period', code: 'DUPLICATE_REPORT' as const, message: `${i.municipalityId} already has a ${i.kind} report for ${i.period}.` },
  });
  return asPayload(await runMutation(ctx, { input, schema: createSchema, prepare, constraints }, async (i, m, municipality) => {
    if (i.values) refuseAll(await valueErrors(m, i.period, i.values));
    const report = m.getRepository(Report).create({
      id: randomUUID(), municipalityId: i.municipalityId, municipalityCode: codeInForce(i.municipalityId, municipality.code, i.period),
      period: i.period, kind: i.kind, status: ReportStatus.DRAFT, title: i.title, language: i.language, sections: i.sections ?? [],
      recipientId: i.recipientId, networkId: i.networkId, returnComment: null, submittedAt: null, publishedAt: null, generated: false,
    });
    await m.getRepository(Report).insert(report);
    await writeContent(m, report, i);
    return m.getRepository(Report).findOneByOrFail({ id: report.id });
  }));
}

/**
 * Changes a report under a row lock, after checking that the viewer may see it and that the
 * expected version is current; `change` checks the rest and says what to store.
 */
async function changeReport<S extends typeof transitionSchema>(ctx: RequestContext, input: unknown, schema: S, change: (value: z.infer<S>) => Change): Promise<ReportResult> {
  return asPayload(await runMutation(ctx, { input, schema }, async (value, m) => {
    const report = await m.getRepository(Report).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id: value.id }).getOne();
    if (!report || !canSeeReport(ctx.viewer, report)) refuse('id', `There is no report ${value.id}.`, 'NOT_FOUND');
    if (report.version !== value.expectedVersion) {
      refuse('expectedVersion', `The report has changed since version ${value.expectedVersion} (it is at ${report.version}). Reload it.`, 'STALE_VERSION');
    }
    const changes = await change(value)(m, report);
    // typeorm's update bumps the version column: every change, content only too, gets a new version.
    await m.getRepository(Report).update(report.id, { ...changes, updatedAt: new Date() });
    return m.getRepository(Report).findOneByOrFail({ id: report.id });
  }));
}

const refuseUnlessEditable = (report: Report) => {
  if (!EDITABLE.includes(report.status)) refuse('id', `A ${report.status.toLowerCase()} report cannot be changed.`, 'REPORT_NOT_EDITABLE');
};

export function updateReport(ctx: RequestContext, input: unknown): Promise<ReportResult> {
  return changeReport(ctx, input, updateSchema, (content) => async (m, report) => {
    if (!canWriteReport(ctx.viewer, report)) throw refused(ctx.viewer, 'Only the municipality’s coordinator changes its reports.');
    refuseUnlessEditable(report);
    if (content.values) refuseAll(await valueErrors(m, report.period, content.values));
    await writeContent(m, report, content);
    return { ...(content.title && { title: content.title }), ...(content.sections && { sections: content.sections }) };
  });
}

export function submitReport(ctx: RequestContext, input: unknown): Promise<ReportResult> {
  return changeReport(ctx, input, transitionSchema, () => async (_m, report) => {
    if (!canWriteReport(ctx.viewer, report)) throw refused(ctx.viewer, 'Only the municipality’s coordinator submits its reports.');
    if (!EDITABLE.includes(report.status)) refuse('id', `A ${report.status.toLowerCase()} report cannot be submitted.`, 'ILLEGAL_TRANSITION');
    return { status: ReportStatus.SUBMITTED, submittedAt: new Date() };
  });
}

const returnSchema = transitionSchema.extend({ comment: z.string().trim().min(1).max(5000, 'Say in up to 5000 characters what must change.') });

export function returnReport(ctx: RequestContext, input: unknown): Promise<ReportResult> {
  return changeReport(ctx, input, returnSchema, ({ comment }) => async (_m, report) => {
    if (!canReviewReport(ctx.viewer, report)) throw refused(ctx.viewer, 'Only the receiving organization returns a report.');
    if (report.status !== ReportStatus.SUBMITTED) refuse('id', 'Only a submitted report can be returned.', 'ILLEGAL_TRANSITION');
    return { status: ReportStatus.RETURNED, returnComment: comment };
  });
}

export function publishReport(ctx: RequestContext, input: unknown): Promise<ReportResult> {
  return changeReport(ctx, input, transitionSchema, () => async (_m, report) => {
    if (!canReviewReport(ctx.viewer, report)) throw refused(ctx.viewer, 'Only the receiving organization publishes a report.');
    if (report.status !== ReportStatus.SUBMITTED) refuse('id', 'Only a submitted report can be published.', 'ILLEGAL_TRANSITION');
    return { status: ReportStatus.PUBLISHED, publishedAt: new Date(), returnComment: null };
  });
}
