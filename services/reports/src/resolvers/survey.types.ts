import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '@kommunenett/subgraph-kit';
import { Survey } from '../entities/survey.entity';
import { Country, Language, SurveyQuestionKind } from '../entities/enums';

@InputType({ description: 'Published aggregate of one option, in total or for one breakdown group.' })
export class SurveyResultInput {
  @Field(() => Int, { description: 'Position of the option in the question, from 1.' }) option: number;
  @Field(() => Int) count: number;
  @Field(() => Int, { description: 'Respondents who answered the question (in the group).' }) respondents: number;
  @Field(() => Float, { nullable: true, description: 'The share as published (0–1), when it was published as a share.' }) share?: number | null;
  @Field(() => String, { nullable: true, description: 'e.g. "sector"; with breakdownGroup.' }) breakdownDimension?: string | null;
  @Field(() => String, { nullable: true, description: 'e.g. "helse".' }) breakdownGroup?: string | null;
}

@InputType()
export class SurveyQuestionInput {
  @Field() text: string;
  @Field(() => SurveyQuestionKind, { nullable: true, description: 'Default SINGLE_CHOICE.' }) kind?: SurveyQuestionKind | null;
  @Field(() => [String]) options: string[];
  @Field(() => [SurveyResultInput], { nullable: true, description: 'Aggregates, for surveys that do not collect individual answers.' }) results?: SurveyResultInput[] | null;
}

@InputType({ description: 'A survey with its questions and, unless it collects individual answers, its published aggregates.' })
export class CreateSurveyInput {
  @Field() title: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => ID, { description: 'Organization that ran it; ORG_ADMIN of that organization.' }) organizationId: string;
  @Field(() => String, { nullable: true }) conductedBy?: string | null;
  @Field({ description: 'Year, e.g. "2007".' }) period: string;
  @Field(() => Country) country: Country;
  @Field(() => Language) language: Language;
  @Field() population: string;
  @Field(() => Int, { nullable: true }) populationSize?: number | null;
  @Field(() => Int) respondentCount: number;
  @Field(() => Boolean, { nullable: true, description: 'Store individual answers (recordSurveyAnswers); results are then counted from them.' })
  collectsIndividualAnswers?: boolean | null;
  @Field(() => String, { nullable: true }) source?: string | null;
  @Field(() => [SurveyQuestionInput]) questions: SurveyQuestionInput[];
}

@InputType({ description: 'Background of a respondent for breakdowns, e.g. sector = helse.' })
export class RespondentBackgroundInput {
  @Field() dimension: string;
  @Field() group: string;
}

@InputType()
export class SurveyAnswerInput {
  @Field(() => Int, { description: 'Question position, from 1.' }) question: number;
  @Field(() => Int, { description: 'Option position, from 1.' }) option: number;
}

@InputType()
export class SurveyResponseInput {
  @Field({ description: 'Opaque key of the respondent; no personal data.' }) respondentKey: string;
  @Field(() => [RespondentBackgroundInput], { nullable: true }) background?: RespondentBackgroundInput[] | null;
  @Field(() => [SurveyAnswerInput]) answers: SurveyAnswerInput[];
}

@InputType()
export class RecordSurveyAnswersInput {
  @Field(() => ID) surveyId: string;
  @Field(() => [SurveyResponseInput]) responses: SurveyResponseInput[];
}

@ObjectType()
export class SurveyPayload {
  @Field(() => Survey, { nullable: true }) survey: Survey | null;
  @Field(() => [UserError], { description: 'Rules the input broke; empty when the change was made.' }) userErrors: UserError[];
}
