import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import {
  AuditKind, FindingKind, Language, RecommendationImplementation, ReportKind, ReportStatus, RiskStatus, ValueProvenance,
} from './enums';

@ObjectType({ description: 'A free-text section of a report, in the report’s language.' })
export class ReportSection {
  @Field({ description: 'Stable key within the report, e.g. "summary", "measures", "anticorruption".' }) key: string;
  @Field({ description: 'Heading of the section.' }) title: string;
  @Field({ description: 'The text.' }) body: string;
}

@ObjectType({ description: 'A municipality’s structured report for a period: values of indicators, risks, audits and findings, recommendation statuses.' })
@Directive('@key(fields: "id")')
@Entity({ name: 'report' })
export class Report {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  /** Current id of the municipality (NO-3201), even when it reported under an earlier code. */
  @Column('text', { name: 'municipality_id' }) municipalityId: string;
  @Field({ description: 'Official code of the municipality in force in the report’s period (Bærum reported for 2022 as 3024; today 3201).' })
  @Column('text', { name: 'municipality_code' }) municipalityCode: string;
  @Field({ description: 'The year reported on, e.g. "2022".' }) @Column('text') period: string;
  @Field(() => ReportKind, { description: 'What sort of report it is: internal control, risk assessment, network project result or custom.' }) @Column('text') kind: ReportKind;
  @Field(() => ReportStatus, { description: 'DRAFT → SUBMITTED → PUBLISHED, or RETURNED to the municipality for changes. Only PUBLISHED reports are public.' }) @Column('text') status: ReportStatus;
  @Field({ description: 'Title of the report.' }) @Column('text') title: string;
  @Field(() => Language, { description: 'Language the report is written in.' }) @Column('text') language: Language;
  @Field(() => [ReportSection], { description: 'Free-text sections, in order.' }) @Column('jsonb', { default: () => "'[]'" }) sections: ReportSection[];
  /** Organization that receives and publishes the report. */
  @Column('text', { name: 'recipient_id' }) recipientId: string;
  @Column('uuid', { name: 'network_id', nullable: true }) networkId: string | null;
  @Field(() => String, { nullable: true, description: 'Why the recipient returned the report.' })
  @Column('text', { name: 'return_comment', nullable: true }) returnComment: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was last submitted (UTC instant); null before.' }) @Column('timestamptz', { name: 'submitted_at', nullable: true }) submittedAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it was published (UTC instant); null before.' }) @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt: Date | null;
  @Field(() => Boolean, { description: 'The values are generated demo values, not reported figures.' })
  @Column('boolean', { default: false }) generated: boolean;
  @Field(() => Int, { description: 'Increases with every change; pass it as expectedVersion.' }) @VersionColumn() version: number;
  @Field(() => Date, { description: 'When the report was started (UTC instant).' }) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Field(() => Date, { description: 'When the report last changed (UTC instant).' }) @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@ObjectType({ description: 'The value of one indicator in one report, optionally for one breakdown (e.g. "sector:helse").' })
@Entity({ name: 'indicator_value' })
export class IndicatorValue {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'report_id' }) reportId: string;
  @Column('text', { name: 'indicator_id' }) indicatorId: string;
  @Column('text', { name: 'municipality_id' }) municipalityId: string;
  @Field({ description: 'The year the value is for, e.g. "2022".' }) @Column('text') period: string;
  @Field(() => String, { nullable: true, description: 'Breakdown as "dimension:value", e.g. "area:hms"; null for the total.' })
  @Column('text', { nullable: true }) breakdown: string | null;
  @Field(() => Float, { description: 'The value in the indicator’s unit.' }) @Column('double precision') value: number;
  @Field(() => LocalDateResolver, { nullable: true, description: 'Date the figure is counted to (6919 deviations by 2022-10-19).' })
  @Column('date', { name: 'as_of', nullable: true }) asOf: string | null;
  @Field(() => String, { nullable: true, description: 'Month the measurement was taken, YYYY-MM, when known (004’s result indicators: March of 2013, 2015 and 2017); `period` is the period the value counts for. Null when only the period is known.' })
  @Column('text', { name: 'measured_in', nullable: true }) measuredIn: string | null;
  @Field(() => String, { nullable: true, description: 'A note on the figure, in the report’s words.' }) @Column('text', { nullable: true }) note: string | null;
  @Field(() => ValueProvenance, { description: 'Where the value comes from: REPORTED by the municipality, IMPORTED from the public source named in sourceName, or GENERATED for the demo (not a measurement).' })
  @Column('text', { default: ValueProvenance.REPORTED }) provenance: ValueProvenance;
  @Field(() => String, { nullable: true, description: 'The public source of an IMPORTED value, e.g. «SSB, KOSTRA tabell 12345»; null otherwise.' })
  @Column('text', { name: 'source_name', nullable: true }) sourceName: string | null;
  @Field(() => String, { nullable: true, description: 'Address of the source of an IMPORTED value, where it has one.' })
  @Column('text', { name: 'source_url', nullable: true }) sourceUrl: string | null;
}

@ObjectType({ description: 'A risk factor of a risk analysis: likelihood × consequence, each rated 1–10.' })
@Entity({ name: 'risk' })
export class Risk {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'report_id' }) reportId: string;
  @Column('int') position: number;
  @Field({ description: 'The risk factor, e.g. «Manglende lederstøtte».' }) @Column('text') factor: string;
  @Field(() => String, { nullable: true, description: 'More about the risk.' }) @Column('text', { nullable: true }) description: string | null;
  @Field(() => Int, { description: '1 (unlikely) to 10 (almost certain).' }) @Column('int') likelihood: number;
  @Field(() => Int, { description: '1 (small) to 10 (severe).' }) @Column('int') consequence: number;
  @Field(() => String, { nullable: true, description: 'What is done about it.' }) @Column('text', { nullable: true }) measures: string | null;
  @Field(() => String, { nullable: true, description: 'Role or unit that owns the risk (no personal data).' }) @Column('text', { nullable: true }) owner: string | null;
  @Field(() => RiskStatus, { description: 'Open, being mitigated, accepted or closed.' }) @Column('text') status: RiskStatus;
}

@ObjectType({ description: 'An external supervision (tilsyn), internal audit, ISO audit or performance audit covered by a report.' })
@Entity({ name: 'audit' })
export class Audit {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'report_id' }) reportId: string;
  @Column('int') position: number;
  @Field(() => AuditKind, { description: 'External supervision, internal audit, ISO audit or performance audit.' }) @Column('text') kind: AuditKind;
  @Field({ description: 'Who audited: Statsforvalteren, Arbeidstilsynet, Nemko, DNV, the municipal auditor.' }) @Column('text') authority: string;
  @Field({ description: 'What was audited, e.g. «Internkontroll etter arbeidsmiljøloven».' }) @Column('text') topic: string;
  @Field(() => String, { nullable: true, description: 'The service unit audited, e.g. «Høvik avlastningssenter».' }) @Column('text', { nullable: true }) unit: string | null;
  @Field(() => LocalDateResolver, { nullable: true, description: 'Day the audit was carried out; null when the report does not say.' }) @Column('date', { name: 'performed_on', nullable: true }) performedOn: string | null;
  @Field(() => String, { nullable: true, description: 'Outcome and follow-up in the report’s words.' }) @Column('text', { nullable: true }) outcome: string | null;
}

@ObjectType({ description: 'What an audit found: deviations, observations, orders with their deadline and when they were closed.' })
@Entity({ name: 'finding' })
export class Finding {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'report_id' }) reportId: string;
  @Column('uuid', { name: 'audit_id', nullable: true }) auditId: string | null;
  @Column('text', { name: 'municipality_id' }) municipalityId: string;
  @Column('int') position: number;
  @Field(() => FindingKind, { description: 'Deviation, observation, order or improvement point.' }) @Column('text') kind: FindingKind;
  @Field(() => Int, { description: 'How many findings of this kind this entry stands for («6 pålegg»).' }) @Column('int') count: number;
  @Field(() => String, { nullable: true, description: 'What was found, in the report’s words.' }) @Column('text', { nullable: true }) description: string | null;
  @Field(() => LocalDateResolver, { nullable: true, description: 'Day by which it must be closed (orders); null when there is none.' }) @Column('date', { nullable: true }) deadline: string | null;
  @Field(() => LocalDateResolver, { nullable: true, description: 'Day it was closed; null while open.' }) @Column('date', { name: 'closed_on', nullable: true }) closedOn: string | null;
}

@ObjectType({ description: 'A municipality’s reported status on a recommendation (e.g. one of Transparency International’s 8).' })
@Entity({ name: 'recommendation_status' })
export class RecommendationStatus {
  @Field(() => ID, { description: 'Unique identifier (a UUID); never changes.' }) @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'report_id' }) reportId: string;
  @Column('uuid', { name: 'recommendation_id' }) recommendationId: string;
  @Column('text', { name: 'municipality_id' }) municipalityId: string;
  @Field({ description: 'The year reported on, e.g. "2022".' }) @Column('text') period: string;
  @Field(() => RecommendationImplementation, { description: 'How far the municipality has implemented the recommendation.' }) @Column('text') status: RecommendationImplementation;
  @Field(() => String, { nullable: true, description: 'What the municipality does, in the report’s language.' }) @Column('text', { nullable: true }) comment: string | null;
  @Field(() => [String], { description: 'The points the report lists under the recommendation, in order and worded as the report words them; empty when it lists none.' })
  @Column('text', { array: true, default: () => "'{}'" }) points: string[];
}
