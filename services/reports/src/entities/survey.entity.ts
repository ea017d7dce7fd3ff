import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { Country, Language, SurveyQuestionKind } from './enums';

@ObjectType({ description: 'A survey across municipalities, e.g. KS’ survey of 1,760 public-sector leaders (2007). Results are aggregates.' })
@Directive('@key(fields: "id")')
@Entity({ name: 'survey' })
export class Survey {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Field({ description: 'Title of the survey.' }) @Column('text') title: string;
  @Field(() => String, { nullable: true, description: 'What the survey asked about and why.' }) @Column('text', { nullable: true }) description: string | null;
  /** Organization that ran the survey (e.g. ks). */
  @Column('text', { name: 'organization_id' }) organizationId: string;
  @Field(() => String, { nullable: true, description: 'Who carried out the fieldwork, e.g. TNS Gallup.' })
  @Column('text', { name: 'conducted_by', nullable: true }) conductedBy: string | null;
  @Field({ description: 'Year of the survey, e.g. "2007".' }) @Column('text') period: string;
  @Field(() => LocalDateResolver, { nullable: true, description: 'Day the results were published.' }) @Column('date', { name: 'published_on', nullable: true }) publishedOn: string | null;
  @Field(() => Country, { description: 'Country the survey was held in.' }) @Column('text') country: Country;
  @Field(() => Language, { description: 'Language of the questions.' }) @Column('text') language: Language;
  @Field({ description: 'Who was asked, e.g. «ledere i offentlig sektor».' }) @Column('text') population: string;
  @Field(() => Int, { nullable: true, description: 'Size of the population asked, where known.' })
  @Column('int', { name: 'population_size', nullable: true }) populationSize: number | null;
  @Field(() => Int, { description: 'Number of respondents.' }) @Column('int', { name: 'respondent_count' }) respondentCount: number;
  @Field({ description: 'Individual answers are stored. Otherwise only aggregates exist.' })
  @Column('boolean', { name: 'collects_individual_answers', default: false }) collectsIndividualAnswers: boolean;
  @Field(() => String, { nullable: true, description: 'Where the figures are published.' }) @Column('text', { nullable: true }) source: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@ObjectType({ description: 'A question of a survey, with its options and results.' })
@Entity({ name: 'survey_question' })
export class SurveyQuestion {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'survey_id' }) surveyId: string;
  @Field(() => Int, { description: 'Place in the survey, from 1.' }) @Column('int') position: number;
  @Field({ description: 'The question as asked.' }) @Column('text') text: string;
  @Field(() => SurveyQuestionKind, { description: 'Single choice, multiple choice or a scale.' }) @Column('text') kind: SurveyQuestionKind;
}

@ObjectType({ description: 'An answer option of a survey question.' })
@Entity({ name: 'survey_option' })
export class SurveyOption {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'question_id' }) questionId: string;
  @Field(() => Int, { description: 'Place among the question’s options, from 1.' }) @Column('int') position: number;
  @Field({ description: 'The option as worded, e.g. «Svært enig».' }) @Column('text') label: string;
}

/** Aggregated answers to one option, in total or for one breakdown group (e.g. sector = helse). */
@Entity({ name: 'survey_result' })
export class SurveyResult {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'question_id' }) questionId: string;
  @Column('uuid', { name: 'option_id' }) optionId: string;
  /** Breakdown dimension (sector, role, county) and group; empty strings for the total. */
  @Column('text', { name: 'breakdown_dimension', default: '' }) breakdownDimension: string;
  @Column('text', { name: 'breakdown_group', default: '' }) breakdownGroup: string;
  /** Respondents who answered the question in this group. */
  @Column('int') respondents: number;
  @Column('int') count: number;
  /** The share as published, where it was published as a share (0.3 %); else count / respondents. */
  @Column('double precision', { name: 'published_share', nullable: true }) publishedShare: number | null;
}

/** One respondent's answer, stored only for surveys that collect individual answers. */
@ObjectType({ description: 'One respondent’s answer to one question (surveys that collect individual answers only).' })
@Entity({ name: 'survey_answer' })
export class SurveyAnswer {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'survey_id' }) surveyId: string;
  @Field(() => ID, { description: 'The question answered.' }) @Column('uuid', { name: 'question_id' }) questionId: string;
  @Field(() => ID, { description: 'The option chosen.' }) @Column('uuid', { name: 'option_id' }) optionId: string;
  @Field({ description: 'Opaque respondent key (no personal data).' }) @Column('text', { name: 'respondent_key' }) respondentKey: string;
  /** Background for breakdowns, e.g. { "sector": "helse", "county": "32" }. */
  @Column('jsonb', { default: () => "'{}'" }) background: Record<string, string>;
}
