import { registerEnumType } from 'type-graphql';

export enum Language { nb = 'nb', nn = 'nn', sv = 'sv', en = 'en' }
export enum Country { NO = 'NO', SE = 'SE' }
export enum MunicipalityKind { MUNICIPALITY = 'MUNICIPALITY', COUNTY = 'COUNTY' }

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
export enum StatisticsDimension { MUNICIPALITY = 'MUNICIPALITY', COUNTY = 'COUNTY', COUNTRY = 'COUNTRY', PERIOD = 'PERIOD', NETWORK = 'NETWORK' }
export enum SurveyQuestionKind { SINGLE_CHOICE = 'SINGLE_CHOICE', MULTIPLE_CHOICE = 'MULTIPLE_CHOICE', SCALE = 'SCALE' }

registerEnumType(Language, { name: 'Language', description: 'Language of a text: Bokmål, Nynorsk, Swedish, English.' });
registerEnumType(Country, { name: 'Country' });
registerEnumType(MunicipalityKind, { name: 'MunicipalityKind', description: 'A municipality, or a county authority (fylkeskommune, region).' });
registerEnumType(IndicatorUnit, { name: 'IndicatorUnit', description: 'COUNT (whole numbers), PERCENT (0–100), SCORE (on the indicator’s scale), NOK (kroner).' });
registerEnumType(IndicatorValueType, { name: 'IndicatorValueType', description: 'INTEGER values are whole numbers and stay so; DECIMAL values may have fractions.' });
registerEnumType(IndicatorDirection, { name: 'IndicatorDirection' });
registerEnumType(IndicatorLevel, { name: 'IndicatorLevel', description: 'The unit an indicator is measured for.' });
registerEnumType(ReportKind, { name: 'ReportKind' });
registerEnumType(ReportStatus, {
  name: 'ReportStatus',
  description: 'DRAFT → SUBMITTED → PUBLISHED; a submitted report may be RETURNED with a comment, edited and submitted again.',
});
registerEnumType(RiskStatus, { name: 'RiskStatus' });
registerEnumType(AuditKind, { name: 'AuditKind', description: 'External supervision (tilsyn), internal audit, ISO certification audit, performance audit (forvaltningsrevisjon).' });
registerEnumType(FindingKind, { name: 'FindingKind', description: 'Deviation (avvik), observation, order (pålegg), improvement point (forbedringspunkt).' });
registerEnumType(RecommendationImplementation, { name: 'RecommendationImplementation', description: 'How far a municipality has come with a recommendation.' });
registerEnumType(StatisticsDimension, { name: 'StatisticsDimension' });
registerEnumType(SurveyQuestionKind, { name: 'SurveyQuestionKind' });
