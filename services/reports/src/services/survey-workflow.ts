import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { inputSchemas, isAdmin, refuse, refuseAll, runMutation, userError, type Outcome, type RequestContext, type UserError } from '@kommunenett/subgraph-kit';
import type { Viewer } from '@kommunenett/auth';
import { Survey, SurveyAnswer, SurveyOption, SurveyQuestion, SurveyResult } from '../entities/survey.entity';
import { Country, Language, SurveyQuestionKind } from '../entities/enums';
import { organizationExists } from './graph';
import { PERIOD_PATTERN } from './periods';
import { refused } from './report-access';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((s) => s || null);
const key = z.string().regex(/^[a-z][a-z0-9-]{0,49}$/, 'Lowercase letters, digits and hyphens.');
const invalid = (message: string, code: string) => ({ message, params: { code } });

const resultSchema = z.object({
  option: z.number().int(),
  count: z.number().int().min(0),
  respondents: z.number().int().min(0),
  share: z.number().refine((x) => x >= 0 && x <= 1, invalid('A share is from 0 to 1 (0.3 % is 0.003).', 'OUT_OF_RANGE')).nullish().transform((x) => x ?? null),
  breakdownDimension: key.nullish().transform((s) => s ?? ''),
  breakdownGroup: z.string().trim().max(100).nullish().transform((s) => s ?? ''),
}).refine((r) => r.count <= r.respondents, invalid('count cannot exceed respondents.', 'OUT_OF_RANGE'))
  .refine((r) => (r.breakdownDimension === '') === (r.breakdownGroup === ''), invalid('Give both breakdownDimension and breakdownGroup, or neither.', 'INVALID'));

const createSchema = z.object({
  title: text(300),
  description: optionalText(5000),
  organizationId: text(100),
  conductedBy: optionalText(200),
  period: z.string().refine((p) => PERIOD_PATTERN.test(p), invalid('A period is a year such as "2007".', 'INVALID_PERIOD')),
  country: z.enum(Country),
  language: z.enum(Language),
  population: text(500),
  populationSize: z.number().int().min(0).nullish().transform((n) => n ?? null),
  respondentCount: z.number().int().min(0),
  collectsIndividualAnswers: z.boolean().nullish().transform((b) => b ?? false),
  source: optionalText(500),
  questions: z.array(z.object({
    text: text(1000),
    kind: z.enum(SurveyQuestionKind).nullish().transform((k) => k ?? SurveyQuestionKind.SINGLE_CHOICE),
    options: z.array(text(300)).min(2).max(30),
    results: z.array(resultSchema).max(3000).nullish().transform((r) => r ?? []),
  })).min(1).max(200),
}).superRefine((s, issue) => {
  s.questions.forEach((q, i) => q.results.forEach((r, k) => {
    const path = ['questions', i, 'results', k];
    if (r.option < 1 || r.option > q.options.length) issue.addIssue({ code: 'custom', path: [...path, 'option'], message: `The question has options 1–${q.options.length}.`, params: { code: 'UNKNOWN_OPTION' } });
    if (r.respondents > s.respondentCount) issue.addIssue({ code: 'custom', path: [...path, 'respondents'], message: 'More respondents than the survey had.', params: { code: 'OUT_OF_RANGE' } });
    if (s.collectsIndividualAnswers) issue.addIssue({ code: 'custom', path, message: 'A survey that collects answers counts its results from them.', params: { code: 'RESULTS_FROM_ANSWERS' } });
  }));
});

const recordSchema = z.object({
  surveyId: inputSchemas.id,
  responses: z.array(z.object({
    respondentKey: text(100),
    background: z.array(z.object({ dimension: key, group: text(100) })).max(10).nullish().transform((b) => b ?? []),
    answers: z.array(z.object({ question: z.number().int(), option: z.number().int() })).min(1).max(200),
  })).min(1).max(5000),
});

export interface SurveyResultPayload { survey: Survey | null; userErrors: UserError[] }

function canManageSurvey(v: Viewer, organizationId: string): boolean {
  return isAdmin(v) || (v.role === 'ORG_ADMIN' && v.organizationId === organizationId);
}

const asPayload = (outcome: Outcome<Survey>): SurveyResultPayload => ({ survey: outcome.value, userErrors: outcome.userErrors });

export async function createSurvey(ctx: RequestContext, input: unknown): Promise<SurveyResultPayload> {
  // The organization directory is another service's: read before the transaction opens.
  const prepare = async ({ organizationId }: z.infer<typeof createSchema>) => {
    if (!canManageSurvey(ctx.viewer, organizationId)) throw refused(ctx.viewer, 'Only the organization’s ORG_ADMIN records its surveys.');
    if (!(await organizationExists(ctx).load(organizationId))) refuse('organizationId', `There is no organization ${organizationId}.`, 'UNKNOWN_ORGANIZATION');
  };
  return asPayload(await runMutation(ctx, { input, schema: createSchema, prepare }, async ({ questions, ...s }, m) => {
    const surveyId = randomUUID();
    const rows = { questions: [] as Partial<SurveyQuestion>[], options: [] as Partial<SurveyOption>[], results: [] as Partial<SurveyResult>[] };
    questions.forEach((q, i) => {
      const questionId = randomUUID();
      rows.questions.push({ id: questionId, surveyId, position: i + 1, text: q.text, kind: q.kind });
      const optionIds = q.options.map((label, k) => {
        const id = randomUUID();
        rows.options.push({ id, questionId, position: k + 1, label });
        return id;
      });
      for (const r of q.results) {
        rows.results.push({ id: randomUUID(), questionId, optionId: optionIds[r.option - 1], breakdownDimension: r.breakdownDimension,
          breakdownGroup: r.breakdownGroup, respondents: r.respondents, count: r.count, publishedShare: r.share });
      }
    });
    await m.getRepository(Survey).insert({ id: surveyId, ...s });
    await m.getRepository(SurveyQuestion).insert(rows.questions);
    await m.getRepository(SurveyOption).insert(rows.options);
    if (rows.results.length) await m.getRepository(SurveyResult).insert(rows.results);
    return m.getRepository(Survey).findOneByOrFail({ id: surveyId });
  }));
}

/** Stores individual answers of a survey that collects them: all or nothing. */
export async function recordSurveyAnswers(ctx: RequestContext, input: unknown): Promise<SurveyResultPayload> {
  return asPayload(await runMutation(ctx, { input, schema: recordSchema }, async ({ surveyId, responses }, m) => {
    const survey = await m.getRepository(Survey).findOneBy({ id: surveyId });
    if (!survey) refuse('surveyId', `There is no survey ${surveyId}.`, 'NOT_FOUND');
    if (!canManageSurvey(ctx.viewer, survey.organizationId)) throw refused(ctx.viewer, 'Only the organization that ran the survey records its answers.');
    if (!survey.collectsIndividualAnswers) refuse('surveyId', 'This survey keeps aggregated results only.', 'INDIVIDUAL_ANSWERS_NOT_COLLECTED');
    const questions = await m.getRepository(SurveyQuestion).find({ where: { surveyId }, order: { position: 'ASC' } });
    const options = await m.getRepository(SurveyOption).createQueryBuilder('o')
      .where('o.question_id IN (:...ids)', { ids: questions.map((q) => q.id) }).orderBy('o.position').getMany();
    const answers: Partial<SurveyAnswer>[] = [];
    const errors: UserError[] = [];
    responses.forEach((r, i) => r.answers.forEach((a, k) => {
      const question = questions[a.question - 1];
      const option = question && options.filter((o) => o.questionId === question.id)[a.option - 1];
      if (!option) {
        errors.push(userError(['responses', i, 'answers', k], `There is no option ${a.option} of question ${a.question}.`, 'UNKNOWN_OPTION'));
        return;
      }
      answers.push({ id: randomUUID(), surveyId, questionId: question.id, optionId: option.id, respondentKey: r.respondentKey,
        background: Object.fromEntries(r.background.map((b) => [b.dimension, b.group])) });
    }));
    refuseAll(errors);
    await m.getRepository(SurveyAnswer).insert(answers);
    return survey;
  }));
}
