import { registerEnumType } from 'type-graphql';
export { Language, Country, MunicipalityKind, MunicipalitySizeClass } from '@kommunenett/subgraph-kit';

export enum IndicatorUnit { COUNT = 'COUNT', PERCENT = 'PERCENT', SCORE = 'SCORE', NOK = 'NOK' }
export enum IndicatorValueType { INTEGER = 'INTEGER', DECIMAL = 'DECIMAL' }
export enum IndicatorDirection { HIGHER_IS_BETTER = 'HIGHER_IS_BETTER', LOWER_IS_BETTER = 'LOWER_IS_BETTER', NEUTRAL = 'NEUTRAL' }
export enum IndicatorLevel { MUNICIPALITY = 'MUNICIPALITY', COUNTY = 'COUNTY', NETWORK = 'NETWORK', PROGRAM = 'PROGRAM' }

export enum ReportKind {
  INTERNAL_CONTROL_ANNUAL = 'INTERNAL_CONTROL_ANNUAL', RISK_ASSESSMENT = 'RISK_ASSESSMENT',
  NETWORK_PROJECT_RESULT = 'NETWORK_PROJECT_RESULT', CUSTOM = 'CUSTOM',
}
export enum ReportStatus { DRAFT = 'DRAFT', SUBMITTED = 'SUBMITTED', RETURNED = 'RETURNED', PUBLISHED = 'PUBLISHED' }
export enum RiskStatus { OPEN = 'OPEN', MITIGATING = 'MITIGATING', ACCEPTED = 'ACCEPTED', CLOSED = 'CLOSED' }
export enum AuditKind {
  EXTERNAL_SUPERVISION = 'EXTERNAL_SUPERVISION', INTERNAL_AUDIT = 'INTERNAL_AUDIT', ISO_AUDIT = 'ISO_AUDIT', PERFORMANCE_AUDIT = 'PERFORMANCE_AUDIT',
}
export enum FindingKind { DEVIATION = 'DEVIATION', OBSERVATION = 'OBSERVATION', ORDER = 'ORDER', IMPROVEMENT_POINT = 'IMPROVEMENT_POINT' }
export enum RecommendationImplementation {
  IMPLEMENTED = 'IMPLEMENTED', PARTLY_IMPLEMENTED = 'PARTLY_IMPLEMENTED', PLANNED = 'PLANNED',
  NOT_IMPLEMENTED = 'NOT_IMPLEMENTED', NOT_RELEVANT = 'NOT_RELEVANT',
}
export enum StatisticsDimension {
  MUNICIPALITY = 'MUNICIPALITY', COUNTY = 'COUNTY', COUNTRY = 'COUNTRY', SIZE_CLASS = 'SIZE_CLASS', PERIOD = 'PERIOD', NETWORK = 'NETWORK',
}
/** Where an indicator value comes from (docs/reports.md, "Provenance"). */
export enum ValueProvenance { REPORTED = 'REPORTED', IMPORTED = 'IMPORTED', GENERATED = 'GENERATED' }
export enum SurveyQuestionKind { SINGLE_CHOICE = 'SINGLE_CHOICE', MULTIPLE_CHOICE = 'MULTIPLE_CHOICE', SCALE = 'SCALE' }

registerEnumType(IndicatorUnit, {
  name: 'IndicatorUnit',
  description: 'COUNT (whole numbers), PERCENT (0–100), SCORE (on the indicator’s scale), NOK (kroner).',
  valuesConfig: {
    COUNT: { description: 'A number of things or people; whole numbers.' },
    PERCENT: { description: 'A share in percent, from 0 to 100 (not a fraction from 0 to 1).' },
    SCORE: { description: 'A score on the scale the indicator defines.' },
    NOK: { description: 'An amount in Norwegian kroner (NOK).' },
  },
});
registerEnumType(IndicatorValueType, {
  name: 'IndicatorValueType',
  description: 'INTEGER values are whole numbers and stay so; DECIMAL values may have fractions.',
  valuesConfig: {
    INTEGER: { description: 'Whole numbers only; a value with a fraction is refused.' },
    DECIMAL: { description: 'Numbers that may have a fraction.' },
  },
});
registerEnumType(IndicatorDirection, {
  name: 'IndicatorDirection',
  description: 'Which way an indicator’s value improves.',
  valuesConfig: {
    HIGHER_IS_BETTER: { description: 'A higher value is an improvement.' },
    LOWER_IS_BETTER: { description: 'A lower value is an improvement.' },
    NEUTRAL: { description: 'Neither direction is better; the value is descriptive.' },
  },
});
registerEnumType(IndicatorLevel, {
  name: 'IndicatorLevel',
  description: 'The unit an indicator is measured for.',
  valuesConfig: {
    MUNICIPALITY: { description: 'Measured for each municipality.' },
    COUNTY: { description: 'Measured for each county authority.' },
    NETWORK: { description: 'Measured for each learning network.' },
    PROGRAM: { description: 'Measured for each programme.' },
  },
});
registerEnumType(ReportKind, {
  name: 'ReportKind',
  description: 'What a report is about.',
  valuesConfig: {
    INTERNAL_CONTROL_ANNUAL: { description: 'The annual internal-control report of a municipality.' },
    RISK_ASSESSMENT: { description: 'A risk assessment with its risks.' },
    NETWORK_PROJECT_RESULT: { description: 'The result report of a municipality’s project in a learning network.' },
    CUSTOM: { description: 'Any other report.' },
  },
});
registerEnumType(ReportStatus, {
  name: 'ReportStatus',
  description: 'DRAFT → SUBMITTED → PUBLISHED; a submitted report may be RETURNED with a comment, edited and submitted again.',
  valuesConfig: {
    DRAFT: { description: 'Being written; it can be edited.' },
    SUBMITTED: { description: 'Handed in for review; it can be returned or published.' },
    RETURNED: { description: 'Sent back with a comment; it can be edited and submitted again.' },
    PUBLISHED: { description: 'Published; final.' },
  },
});
registerEnumType(RiskStatus, {
  name: 'RiskStatus',
  description: 'Where the handling of a risk stands.',
  valuesConfig: {
    OPEN: { description: 'Identified; no measure started yet.' },
    MITIGATING: { description: 'Measures to reduce it are under way.' },
    ACCEPTED: { description: 'Accepted as it is, without (further) measures.' },
    CLOSED: { description: 'No longer relevant or fully handled.' },
  },
});
registerEnumType(AuditKind, {
  name: 'AuditKind',
  description: 'External supervision (tilsyn), internal audit, ISO certification audit, performance audit (forvaltningsrevisjon).',
  valuesConfig: {
    EXTERNAL_SUPERVISION: { description: 'Supervision by a state authority (tilsyn).' },
    INTERNAL_AUDIT: { description: 'An audit by the municipality itself.' },
    ISO_AUDIT: { description: 'An ISO certification audit.' },
    PERFORMANCE_AUDIT: { description: 'A performance audit (forvaltningsrevisjon).' },
  },
});
registerEnumType(FindingKind, {
  name: 'FindingKind',
  description: 'Deviation (avvik), observation, order (pålegg), improvement point (forbedringspunkt).',
  valuesConfig: {
    DEVIATION: { description: 'A breach of a requirement (avvik).' },
    OBSERVATION: { description: 'Something noted that is not a breach.' },
    ORDER: { description: 'An order to correct something (pålegg).' },
    IMPROVEMENT_POINT: { description: 'A suggested improvement (forbedringspunkt).' },
  },
});
registerEnumType(RecommendationImplementation, {
  name: 'RecommendationImplementation',
  description: 'How far a municipality has come with a recommendation.',
  valuesConfig: {
    IMPLEMENTED: { description: 'Fully carried out.' },
    PARTLY_IMPLEMENTED: { description: 'Partly carried out.' },
    PLANNED: { description: 'Decided and planned, not started.' },
    NOT_IMPLEMENTED: { description: 'Not carried out.' },
    NOT_RELEVANT: { description: 'Does not apply to this municipality.' },
  },
});
registerEnumType(StatisticsDimension, {
  name: 'StatisticsDimension',
  description: 'A dimension statistics are grouped by.',
  valuesConfig: {
    MUNICIPALITY: { description: 'One group per municipality.' },
    COUNTY: { description: 'One group per county.' },
    COUNTRY: { description: 'One group per country (NO, SE).' },
    SIZE_CLASS: { description: 'One group per municipality size class (MunicipalitySizeClass, by the latest population; the same classes as participationStatistics). Units without a population form a group with sizeClass null.' },
    PERIOD: { description: 'One group per period (year).' },
    NETWORK: { description: 'One group per learning network.' },
  },
});
registerEnumType(SurveyQuestionKind, {
  name: 'SurveyQuestionKind',
  description: 'How a survey question is answered.',
  valuesConfig: {
    SINGLE_CHOICE: { description: 'Exactly one of the options.' },
    MULTIPLE_CHOICE: { description: 'Any number of the options.' },
    SCALE: { description: 'A point on the question’s numeric scale.' },
  },
});
registerEnumType(ValueProvenance, {
  name: 'ValueProvenance',
  description: 'Where an indicator value comes from: reported by the municipality, imported from a named public source, or generated for the demo.',
  valuesConfig: {
    REPORTED: { description: 'Entered by the municipality in its own report.' },
    IMPORTED: { description: 'Taken from a named public source (sourceName, sourceUrl), e.g. SSB KOSTRA, and entered in the report.' },
    GENERATED: { description: 'Generated for the demo: not a measurement. Never use it as a finding.' },
  },
});
