import { Arg, Args, Ctx, Field, FieldResolver, Float, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { appError, badInput, ConnectionArgs, ErrorCode, forbidden, isAdmin, keysetPage, requireRole, unauthenticated, type RequestContext, entityRef } from '@kommunenett/subgraph-kit';
import { Survey, SurveyAnswer, SurveyOption, SurveyQuestion } from '../entities/survey.entity';
import { Organization } from '../entities/references';
import { optionsByQuestion, questionsBySurvey, surveyById } from '../loaders';
import { resultsByQuestion, type OptionResult } from '../services/survey-results';
import { createSurvey, recordSurveyAnswers } from '../services/survey-workflow';
import { CreateSurveyInput, RecordSurveyAnswersInput, SurveyPayload } from './survey.types';
import { requireUuid } from '@kommunenett/subgraph-kit';
import { SurveyAnswerConnection, SurveyConnection } from './types';

@ObjectType({ description: 'Aggregated answers to one option: in total, or for one group of a breakdown (sector, role, county).' })
export class SurveyOptionResult {
  @Field(() => SurveyOption, { description: 'The option.' }) option: SurveyOption;
  @Field(() => String, { nullable: true, description: 'The breakdown dimension, e.g. "sector"; null for the total.' }) breakdownDimension: string | null;
  @Field(() => String, { nullable: true, description: 'The group within it, e.g. "helse"; null for the total.' }) breakdownGroup: string | null;
  @Field(() => Int, { nullable: true, description: 'Respondents who answered the question (in the group).' }) respondents: number | null;
  @Field(() => Int, { nullable: true, description: 'Respondents who chose the option (in the group); null when suppressed.' }) count: number | null;
  @Field(() => Float, { nullable: true, description: 'Share of respondents, 0–1 (0.003 = 0.3 %). As published where it was published as a share.' }) share: number | null;
  @Field({ description: 'Too few respondents in the group: no figures.' }) suppressed: boolean;
}

@Resolver(() => Survey)
export class SurveyResolver {
  @Query(() => SurveyConnection, { description: 'Surveys, newest first. Public: results are aggregates.' })
  surveys(@Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    const qb = ctx.ds.getRepository(Survey).createQueryBuilder('s');
    // Newest first: the keyset runs ascending over the negated year.
    return keysetPage(qb, [{ sql: '(-s.period::int)', value: (s) => -Number(s.period) }, { sql: 's.id', value: (s) => s.id }], page);
  }

  @Query(() => Survey, { nullable: true, description: 'A survey by id. Public: results are aggregates.' })
  survey(@Arg('id', () => ID, { description: 'The survey’s id.' }) id: string, @Ctx() ctx: RequestContext) {
    return surveyById(ctx).load(requireUuid(id, 'id'));
  }

  @Mutation(() => SurveyPayload, { description: 'Records a survey with its questions (and its published aggregates). ORG_ADMIN of the organization that ran it.' })
  createSurvey(@Arg('input', () => CreateSurveyInput, { description: 'The survey, its questions and aggregates.' }) input: CreateSurveyInput, @Ctx() ctx: RequestContext) {
    return createSurvey(ctx, input);
  }

  @Mutation(() => SurveyPayload, { description: 'Stores individual answers of a survey that collects them. ORG_ADMIN of the organization that ran it.' })
  recordSurveyAnswers(@Arg('input', () => RecordSurveyAnswersInput, { description: 'The survey and the respondents’ answers.' }) input: RecordSurveyAnswersInput, @Ctx() ctx: RequestContext) {
    return recordSurveyAnswers(ctx, input);
  }

  @FieldResolver(() => Organization, { description: 'Who ran the survey, e.g. KS.' })
  organization(@Root() s: Survey) {
    return entityRef(Organization, s.organizationId);
  }

  @FieldResolver(() => [SurveyQuestion], { description: 'The questions, in order.' })
  questions(@Root() s: Survey, @Ctx() ctx: RequestContext) {
    return questionsBySurvey(ctx).load(s.id);
  }

  @FieldResolver(() => SurveyAnswerConnection, {
    description: 'Individual answers, for surveys that collect them: ADMIN and ORG_ADMIN of the organization that ran the survey. ANALYST sees aggregates only.',
  })
  async answers(@Root() s: Survey, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    const v = ctx.viewer;
    if (v.kind === 'anonymous') throw unauthenticated();
    if (v.role === 'ANALYST') throw forbidden('Analysts see aggregated results only, never individual answers.');
    requireRole(v, 'ORG_ADMIN');
    if (!isAdmin(v) && v.organizationId !== s.organizationId) throw forbidden('Only the organization that ran the survey sees its answers.');
    if (!s.collectsIndividualAnswers) throw appError(ErrorCode.NOT_FOUND, 'This survey keeps aggregated results only; no individual answers exist.');
    const qb = ctx.ds.getRepository(SurveyAnswer).createQueryBuilder('a').where('a.survey_id = :id', { id: s.id });
    return keysetPage(qb, [{ sql: 'a.respondent_key', value: (a) => a.respondentKey }, { sql: 'a.id', value: (a) => a.id }], page);
  }
}

@Resolver(() => SurveyQuestion)
export class SurveyQuestionResolver {
  @FieldResolver(() => [SurveyOption], { description: 'The answer options, in order.' })
  options(@Root() q: SurveyQuestion, @Ctx() ctx: RequestContext) {
    return optionsByQuestion(ctx).load(q.id);
  }

  @FieldResolver(() => [SurveyOptionResult], { description: 'Results per option, in total or by a breakdown dimension ("sector", "role", "county").' })
  async results(
    @Root() q: SurveyQuestion, @Ctx() ctx: RequestContext,
    @Arg('breakdown', () => String, { nullable: true, description: 'A breakdown dimension, e.g. "sector"; the totals when left out.' }) breakdown?: string,
  ): Promise<SurveyOptionResult[]> {
    if (breakdown && !/^[a-z][a-z0-9-]{0,49}$/.test(breakdown)) throw badInput('A breakdown is a dimension name such as "sector".', 'breakdown');
    const survey = (await surveyById(ctx).load(q.surveyId))!;
    const [rows, options] = await Promise.all([
      resultsByQuestion(ctx, survey.collectsIndividualAnswers, breakdown ?? null).load(q.id),
      optionsByQuestion(ctx).load(q.id),
    ]);
    const optionById = new Map(options.map((o) => [o.id, o]));
    return rows.map((r: OptionResult) => ({ ...r, option: optionById.get(r.optionId)! }));
  }
}
