import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ConnectionType, UserError } from '@kommunenett/subgraph-kit';
import { Finding, IndicatorValue, RecommendationStatus, Report } from '../entities/report.entity';
import { Survey, SurveyAnswer } from '../entities/survey.entity';
import {
  AuditKind, FindingKind, IndicatorLevel, IndicatorUnit, Language, RecommendationImplementation, ReportKind, ReportStatus, RiskStatus,
} from '../entities/enums';

export const ReportConnection = ConnectionType(Report, 'Report');
export const IndicatorValueConnection = ConnectionType(IndicatorValue, 'IndicatorValue');
export const RecommendationStatusConnection = ConnectionType(RecommendationStatus, 'RecommendationStatus');
export const FindingConnection = ConnectionType(Finding, 'Finding');
export const SurveyConnection = ConnectionType(Survey, 'Survey');
export const SurveyAnswerConnection = ConnectionType(SurveyAnswer, 'SurveyAnswer');

@InputType({ description: 'Narrows the indicator catalogue. All given conditions must hold.' })
export class IndicatorFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[];
  @Field({ nullable: true, description: 'e.g. internal-control, whistleblowing, supervision, iso, preparedness, results, management-practice.' }) category?: string;
  @Field(() => IndicatorUnit, { nullable: true }) unit?: IndicatorUnit;
  @Field(() => IndicatorLevel, { nullable: true }) level?: IndicatorLevel;
  @Field({ nullable: true, description: 'Only indicators measured in this year.' }) period?: string;
}

@InputType({ description: 'Narrows the report list. All given conditions must hold.' })
export class ReportFilter {
  @Field(() => [ID], { nullable: true }) municipalityIds?: string[];
  @Field(() => [String], { nullable: true }) periods?: string[];
  @Field(() => [ReportKind], { nullable: true }) kinds?: ReportKind[];
  @Field(() => [ReportStatus], { nullable: true }) statuses?: ReportStatus[];
  @Field(() => ID, { nullable: true }) networkId?: string;
  @Field(() => ID, { nullable: true, description: 'Organization the reports are sent to.' }) recipientId?: string;
}

@InputType()
export class ReportSectionInput {
  @Field({ description: 'Lowercase key, e.g. "summary", "measures".' }) key: string;
  @Field() title: string;
  @Field() body: string;
}

@InputType({ description: 'A value of an indicator. Give the unit to have it checked against the indicator’s.' })
export class IndicatorValueInput {
  @Field(() => ID) indicatorId: string;
  @Field(() => Float) value: number;
  @Field(() => IndicatorUnit, { nullable: true }) unit?: IndicatorUnit;
  @Field(() => String, { nullable: true, description: '"dimension:value", e.g. "area:hms".' }) breakdown?: string | null;
  @Field(() => LocalDateResolver, { nullable: true }) asOf?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM: the month the measurement was taken, when the indicator is measured in a given month.' }) measuredIn?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class RiskInput {
  @Field() factor: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Int, { description: '1–10.' }) likelihood: number;
  @Field(() => Int, { description: '1–10.' }) consequence: number;
  @Field(() => String, { nullable: true }) measures?: string | null;
  @Field(() => String, { nullable: true }) owner?: string | null;
  @Field(() => RiskStatus, { nullable: true, description: 'Default OPEN.' }) status?: RiskStatus | null;
}

@InputType()
export class FindingInput {
  @Field(() => FindingKind) kind: FindingKind;
  @Field(() => Int, { nullable: true, description: 'Default 1.' }) count?: number | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => LocalDateResolver, { nullable: true }) deadline?: string | null;
  @Field(() => LocalDateResolver, { nullable: true }) closedOn?: string | null;
}

@InputType()
export class AuditInput {
  @Field(() => AuditKind) kind: AuditKind;
  @Field() authority: string;
  @Field() topic: string;
  @Field(() => String, { nullable: true }) unit?: string | null;
  @Field(() => LocalDateResolver, { nullable: true }) performedOn?: string | null;
  @Field(() => String, { nullable: true }) outcome?: string | null;
  @Field(() => [FindingInput], { nullable: true }) findings?: FindingInput[] | null;
}

@InputType()
export class RecommendationStatusInput {
  @Field(() => ID) recommendationId: string;
  @Field(() => RecommendationImplementation) status: RecommendationImplementation;
  @Field(() => String, { nullable: true }) comment?: string | null;
}

/** The content of a report. A list that is given replaces the report's list; one left out stays. */
@InputType()
export class ReportContentInput {
  @Field(() => [ReportSectionInput], { nullable: true }) sections?: ReportSectionInput[] | null;
  @Field(() => [IndicatorValueInput], { nullable: true }) values?: IndicatorValueInput[] | null;
  @Field(() => [RiskInput], { nullable: true }) risks?: RiskInput[] | null;
  @Field(() => [AuditInput], { nullable: true }) audits?: AuditInput[] | null;
  @Field(() => [RecommendationStatusInput], { nullable: true }) recommendationStatuses?: RecommendationStatusInput[] | null;
}

@InputType({ description: 'A new report, in DRAFT. The municipality’s COORDINATOR writes it.' })
export class CreateReportInput extends ReportContentInput {
  @Field(() => ID) municipalityId: string;
  @Field({ description: 'The year reported on, e.g. "2022".' }) period: string;
  @Field(() => ReportKind) kind: ReportKind;
  @Field() title: string;
  @Field(() => Language) language: Language;
  @Field(() => ID, { description: 'Organization that receives and publishes the report, e.g. "ks".' }) recipientId: string;
  @Field(() => ID, { nullable: true, description: 'Required for NETWORK_PROJECT_RESULT.' }) networkId?: string | null;
}

@InputType({ description: 'Changes a DRAFT or RETURNED report. Lists given replace the report’s lists.' })
export class UpdateReportInput extends ReportContentInput {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'The version the client last read; the change is refused with STALE_VERSION when the object has changed since.' }) expectedVersion: number;
  @Field(() => String, { nullable: true }) title?: string | null;
}

@InputType()
export class ReportTransitionInput {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'The version the client last read; the change is refused with STALE_VERSION when the object has changed since.' }) expectedVersion: number;
}

@InputType()
export class ReturnReportInput extends ReportTransitionInput {
  @Field({ description: 'What the municipality must change.' }) comment: string;
}

@ObjectType()
export class ReportPayload {
  @Field(() => Report, { nullable: true }) report: Report | null;
  @Field(() => [UserError], { description: 'Rules the input broke; empty when the change was made.' }) userErrors: UserError[];
}

@InputType({ description: 'Narrows the list of open findings past their deadline.' })
export class OverdueFindingsFilter {
  @Field(() => [ID], { nullable: true }) municipalityIds?: string[];
  @Field(() => [AuditKind], { nullable: true }) auditKinds?: AuditKind[];
  @Field(() => [FindingKind], { nullable: true }) kinds?: FindingKind[];
}
