import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '@kommunenett/subgraph-kit';
import { Survey } from '../entities/survey.entity';
import { Country, Language, SurveyQuestionKind } from '../entities/enums';

@InputType({ description: 'Published aggregate of one option, in total or for one breakdown group.' })
export class SurveyResultInput {
  @Field(() => Int, { description: 'Position of the option in the question, from 1.' }) option: number;
  @Field(() => Int, { description: 'Respondents who chose the option (in the group).' }) count: number;
  @Field(() => Int, { description: 'Respondents who answered the question (in the group).' }) respondents: number;
  @Field(() => Float, { nullable: true, description: 'The share as published (0–1), when it was published as a share.' }) share?: number | null;
  @Field(() => String, { nullable: true, description: 'e.g. "sector"; with breakdownGroup.' }) breakdownDimension?: string | null;
  @Field(() => String, { nullable: true, description: 'e.g. "helse".' }) breakdownGroup?: string | null;
}

@InputType({ description: 'A question of a survey.' })
export class SurveyQuestionInput {
  @Field({ description: 'The question as asked.' }) text: string;
  @Field(() => SurveyQuestionKind, { nullable: true, description: 'Default SINGLE_CHOICE.' }) kind?: SurveyQuestionKind | null;
  @Field(() => [String], { description: 'The answer options, in order.' }) options: string[];
  @Field(() => [SurveyResultInput], { nullable: true, description: 'Aggregates, for surveys that do not collect individual answers.' }) results?: SurveyResultInput[] | null;
}

@InputType({ description: 'A survey with its questions and, unless it collects individual answers, its published aggregates.' })
export class CreateSurveyInput {
  @Field({ description: 'Title of the survey.' }) title: string;
  @Field(() => String, { nullable: true, description: 'What the survey asked about and why.' }) description?: string | null;
  @Field(() => ID, { description: 'Organization that ran it; ORG_ADMIN of that organization.' }) organizationId: string;
  @Field(() => String, { nullable: true, description: 'Who carried out the fieldwork, e.g. TNS Gallup.' }) conductedBy?: string | null;
  @Field({ description: 'Year, e.g. "2007".' }) period: string;
  @Field(() => Country, { description: 'Country the survey was held in.' }) country: Country;
  @Field(() => Language, { description: 'Language of the questions.' }) language: Language;
  @Field({ description: 'Who was asked, e.g. «ledere i offentlig sektor».' }) population: string;
  @Field(() => Int, { nullable: true, description: 'Size of the population asked, where known.' }) populationSize?: number | null;
  @Field(() => Int, { description: 'Number of respondents.' }) respondentCount: number;
  @Field(() => Boolean, { nullable: true, description: 'Store individual answers (recordSurveyAnswers); results are then counted from them.' })
  collectsIndividualAnswers?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Where the figures are published.' }) source?: string | null;
  @Field(() => [SurveyQuestionInput], { description: 'The questions, in order.' }) questions: SurveyQuestionInput[];
}

@InputType({ description: 'Background of a respondent for breakdowns, e.g. sector = helse.' })
export class RespondentBackgroundInput {
  @Field({ description: 'The dimension, e.g. "sector".' }) dimension: string;
  @Field({ description: 'The respondent’s group in it, e.g. "helse".' }) group: string;
}

@InputType({ description: 'One answer: an option of a question, by position.' })
export class SurveyAnswerInput {
  @Field(() => Int, { description: 'Question position, from 1.' }) question: number;
  @Field(() => Int, { description: 'Option position, from 1.' }) option: number;
}

@InputType({ description: 'One respondent’s answers.' })
export class SurveyResponseInput {
  @Field({ description: 'Opaque key of the respondent; no personal data.' }) respondentKey: string;
  @Field(() => [RespondentBackgroundInput], { nullable: true, description: 'The respondent’s background, for breakdowns.' }) background?: RespondentBackgroundInput[] | null;
  @Field(() => [SurveyAnswerInput], { description: 'The answers.' }) answers: SurveyAnswerInput[];
}

@InputType({ description: 'Individual answers to a survey that collects them.' })
export class RecordSurveyAnswersInput {
  @Field(() => ID, { description: 'The survey; it must collect individual answers.' }) surveyId: string;
  @Field(() => [SurveyResponseInput], { description: 'One entry per respondent.' }) responses: SurveyResponseInput[];
}

@ObjectType({ description: 'The outcome of a change to a survey.' })
export class SurveyPayload {
  @Field(() => Survey, { nullable: true, description: 'The survey after the change; null when nothing changed.' }) survey: Survey | null;
  @Field(() => [UserError], { description: 'Rules the input broke; empty when the change was made.' }) userErrors: UserError[];
}
