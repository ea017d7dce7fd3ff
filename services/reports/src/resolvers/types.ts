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
  @Field(() => [ID], { nullable: true, description: 'Only these indicators.' }) ids?: string[];
  @Field({ nullable: true, description: 'e.g. internal-control, whistleblowing, supervision, iso, preparedness, results, management-practice.' }) category?: string;
  @Field(() => IndicatorUnit, { nullable: true, description: 'Only indicators in this unit.' }) unit?: IndicatorUnit;
  @Field(() => IndicatorLevel, { nullable: true, description: 'Only indicators reported at this level.' }) level?: IndicatorLevel;
  @Field({ nullable: true, description: 'Only indicators measured in this year.' }) period?: string;
}

@InputType({ description: 'Narrows the report list. All given conditions must hold.' })
export class ReportFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these municipalities’ reports, e.g. ["NO-3201"].' }) municipalityIds?: string[];
  @Field(() => [String], { nullable: true, description: 'Only these years, e.g. ["2022"].' }) periods?: string[];
  @Field(() => [ReportKind], { nullable: true, description: 'Only reports of these kinds.' }) kinds?: ReportKind[];
  @Field(() => [ReportStatus], { nullable: true, description: 'Only reports in these statuses.' }) statuses?: ReportStatus[];
  @Field(() => ID, { nullable: true, description: 'Only network project results of this network.' }) networkId?: string;
  @Field(() => ID, { nullable: true, description: 'Organization the reports are sent to.' }) recipientId?: string;
}

@InputType({ description: 'A free-text section of a report.' })
export class ReportSectionInput {
  @Field({ description: 'Lowercase key, e.g. "summary", "measures".' }) key: string;
  @Field({ description: 'Heading of the section.' }) title: string;
  @Field({ description: 'The text.' }) body: string;
}

@InputType({ description: 'The public source a value was taken from (e.g. SSB, KOSTRA): the value is then IMPORTED, not REPORTED.' })
export class ValueSourceInput {
  @Field({ description: 'Name of the source, e.g. «SSB, KOSTRA tabell 12367»; at most 300 characters.' }) name: string;
  @Field(() => String, { nullable: true, description: 'Address of the source (http or https; INVALID_URL otherwise).' }) url?: string | null;
}

@InputType({ description: 'A value of an indicator. Give the unit to have it checked against the indicator’s.' })
export class IndicatorValueInput {
  @Field(() => ID, { description: 'The indicator, e.g. "deviations-reported".' }) indicatorId: string;
  @Field(() => Float, { description: 'The value in the indicator’s unit; within its minValue and maxValue, a whole number for INTEGER indicators.' }) value: number;
  @Field(() => IndicatorUnit, { nullable: true, description: 'The unit you mean; refused with a user error when it is not the indicator’s.' }) unit?: IndicatorUnit;
  @Field(() => String, { nullable: true, description: '"dimension:value", e.g. "area:hms".' }) breakdown?: string | null;
  @Field(() => LocalDateResolver, { nullable: true, description: 'Date the figure is counted to.' }) asOf?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM: the month the measurement was taken, when the indicator is measured in a given month.' }) measuredIn?: string | null;
  @Field(() => String, { nullable: true, description: 'A note on the figure.' }) note?: string | null;
  @Field(() => ValueSourceInput, { nullable: true, description: 'Where the value was taken from, when not the municipality’s own figure: the value is IMPORTED. Without it the value is REPORTED.' })
  source?: ValueSourceInput | null;
}

@InputType({ description: 'A risk factor of a risk analysis.' })
export class RiskInput {
  @Field({ description: 'The risk factor.' }) factor: string;
  @Field(() => String, { nullable: true, description: 'More about the risk.' }) description?: string | null;
  @Field(() => Int, { description: '1–10.' }) likelihood: number;
  @Field(() => Int, { description: '1–10.' }) consequence: number;
  @Field(() => String, { nullable: true, description: 'What is done about it.' }) measures?: string | null;
  @Field(() => String, { nullable: true, description: 'Role or unit that owns the risk (no personal data).' }) owner?: string | null;
  @Field(() => RiskStatus, { nullable: true, description: 'Default OPEN.' }) status?: RiskStatus | null;
}

@InputType({ description: 'What an audit found.' })
export class FindingInput {
  @Field(() => FindingKind, { description: 'Deviation, observation, order or improvement point.' }) kind: FindingKind;
  @Field(() => Int, { nullable: true, description: 'Default 1.' }) count?: number | null;
  @Field(() => String, { nullable: true, description: 'What was found.' }) description?: string | null;
  @Field(() => LocalDateResolver, { nullable: true, description: 'Day by which it must be closed.' }) deadline?: string | null;
  @Field(() => LocalDateResolver, { nullable: true, description: 'Day it was closed.' }) closedOn?: string | null;
}

@InputType({ description: 'A supervision or audit covered by a report, with its findings.' })
export class AuditInput {
  @Field(() => AuditKind, { description: 'External supervision, internal audit, ISO audit or performance audit.' }) kind: AuditKind;
  @Field({ description: 'Who audited, e.g. Statsforvalteren, Arbeidstilsynet, the municipal auditor.' }) authority: string;
  @Field({ description: 'What was audited.' }) topic: string;
  @Field(() => String, { nullable: true, description: 'The service unit audited.' }) unit?: string | null;
  @Field(() => LocalDateResolver, { nullable: true, description: 'Day the audit was carried out.' }) performedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'Outcome and follow-up in the report’s words.' }) outcome?: string | null;
  @Field(() => [FindingInput], { nullable: true, description: 'What the audit found.' }) findings?: FindingInput[] | null;
}

@InputType({ description: 'A municipality’s status on one recommendation.' })
export class RecommendationStatusInput {
  @Field(() => ID, { description: 'The recommendation.' }) recommendationId: string;
  @Field(() => RecommendationImplementation, { description: 'How far the municipality has implemented it.' }) status: RecommendationImplementation;
  @Field(() => String, { nullable: true, description: 'What the municipality does.' }) comment?: string | null;
  @Field(() => [String], { nullable: true, description: 'The points the report lists under the recommendation, in order, worded as the report words them (at most 30).' }) points?: string[];
}

/** The content of a report. A list that is given replaces the report's list; one left out stays. */
@InputType()
export class ReportContentInput {
  @Field(() => [ReportSectionInput], { nullable: true, description: 'Free-text sections, in order; given, they replace the report’s sections.' }) sections?: ReportSectionInput[] | null;
  @Field(() => [IndicatorValueInput], { nullable: true, description: 'Values of indicators; given, they replace the report’s values.' }) values?: IndicatorValueInput[] | null;
  @Field(() => [RiskInput], { nullable: true, description: 'The risk analysis: factors with likelihood and consequence; given, it replaces the report’s.' }) risks?: RiskInput[] | null;
  @Field(() => [AuditInput], { nullable: true, description: 'Supervisions and audits covered by the report; given, they replace the report’s.' }) audits?: AuditInput[] | null;
  @Field(() => [RecommendationStatusInput], { nullable: true, description: 'The municipality’s status on recommendations, e.g. Transparency International’s eight; given, they replace the report’s.' }) recommendationStatuses?: RecommendationStatusInput[] | null;
}

@InputType({ description: 'A new report, in DRAFT. The municipality’s COORDINATOR writes it.' })
export class CreateReportInput extends ReportContentInput {
  @Field(() => ID, { description: 'The reporting municipality, e.g. NO-3201.' }) municipalityId: string;
  @Field({ description: 'The year reported on, e.g. "2022".' }) period: string;
  @Field(() => ReportKind, { description: 'What sort of report it is.' }) kind: ReportKind;
  @Field({ description: 'Title of the report.' }) title: string;
  @Field(() => Language, { description: 'Language the report is written in.' }) language: Language;
  @Field(() => ID, { description: 'Organization that receives and publishes the report, e.g. "ks".' }) recipientId: string;
  @Field(() => ID, { nullable: true, description: 'Required for NETWORK_PROJECT_RESULT.' }) networkId?: string | null;
}

@InputType({ description: 'Changes a DRAFT or RETURNED report. Lists given replace the report’s lists.' })
export class UpdateReportInput extends ReportContentInput {
  @Field(() => ID, { description: 'The report to change.' }) id: string;
  @Field(() => Int, { description: 'The version the client last read; the change is refused with STALE_VERSION when the object has changed since.' }) expectedVersion: number;
  @Field(() => String, { nullable: true, description: 'New title.' }) title?: string | null;
}

@InputType({ description: 'A status change of a report.' })
export class ReportTransitionInput {
  @Field(() => ID, { description: 'The report.' }) id: string;
  @Field(() => Int, { description: 'The version the client last read; the change is refused with STALE_VERSION when the object has changed since.' }) expectedVersion: number;
}

@InputType({ description: 'Returns a submitted report to the municipality for changes.' })
export class ReturnReportInput extends ReportTransitionInput {
  @Field({ description: 'What the municipality must change.' }) comment: string;
}

@ObjectType({ description: 'The outcome of a change to a report.' })
export class ReportPayload {
  @Field(() => Report, { nullable: true, description: 'The report after the change; null when nothing changed.' }) report: Report | null;
  @Field(() => [UserError], { description: 'Rules the input broke; empty when the change was made.' }) userErrors: UserError[];
}

@InputType({ description: 'Narrows the list of open findings past their deadline.' })
export class OverdueFindingsFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these municipalities’ findings, e.g. ["NO-3201"].' }) municipalityIds?: string[];
  @Field(() => [AuditKind], { nullable: true, description: 'Only findings of audits of these kinds.' }) auditKinds?: AuditKind[];
  @Field(() => [FindingKind], { nullable: true, description: 'Only findings of these kinds.' }) kinds?: FindingKind[];
}
