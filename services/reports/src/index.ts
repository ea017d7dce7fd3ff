import 'reflect-metadata';
import { In } from 'typeorm';
import { type SubgraphDefinition } from '@kommunenett/subgraph-kit';
import { reportsSettingsSchema } from './config';
import { Indicator } from './entities/indicator.entity';
import { Audit, Finding, IndicatorValue, RecommendationStatus, Report, Risk } from './entities/report.entity';
import { Survey, SurveyAnswer, SurveyOption, SurveyQuestion, SurveyResult } from './entities/survey.entity';
import { Municipality, Network, Organization, Program, Recommendation } from './entities/references';
import { migrations } from './migrations';
import {
  MunicipalityReportsResolver, NetworkReportsResolver, ProgramComparisonResolver, RecommendationStatusesResolver,
} from './resolvers/contributions.resolver';
import { IndicatorResolver } from './resolvers/indicator.resolver';
import {
  AuditResolver, FindingResolver, IndicatorValueResolver, RecommendationStatusResolver, ReportResolver, RiskResolver,
} from './resolvers/report.resolver';
import { StatisticsResolver } from './resolvers/statistics.resolver';
import { SurveyQuestionResolver, SurveyResolver } from './resolvers/survey.resolver';
import { seedReportsDemo } from './seed/demo';
import { seedReportsVolume } from './seed/volume';
import { visibleReports } from './services/report-access';
import { reportsPersonalDataPart } from './services/personal-data';

export { insertGeneratedValues, type GeneratedValue } from './seed/generated-values';

/** The reports subgraph: indicators, municipalities' reports, surveys and statistics across municipalities. */
export const reportsSubgraph: SubgraphDefinition = {
  name: 'reports',
  resolvers: [
    IndicatorResolver, ReportResolver, IndicatorValueResolver, RiskResolver, AuditResolver, FindingResolver, RecommendationStatusResolver,
    StatisticsResolver, SurveyResolver, SurveyQuestionResolver,
    MunicipalityReportsResolver, NetworkReportsResolver, ProgramComparisonResolver, RecommendationStatusesResolver, reportsPersonalDataPart.resolver,
  ],
  // Entity stubs that no query returns must be named, or the schema leaves them out.
  orphanedTypes: [Municipality, Organization, Network, Program, Recommendation, reportsPersonalDataPart.type],
  entities: [
    { typeName: 'Report', load: (ids, ctx) => visibleReports(ctx).andWhere('r.id IN (:...ids)', { ids }).getMany() },
    { typeName: 'Indicator', load: (ids, ctx) => ctx.ds.getRepository(Indicator).findBy({ id: In([...ids]) }) },
    { typeName: 'Survey', load: (ids, ctx) => ctx.ds.getRepository(Survey).findBy({ id: In([...ids]) }) },
    { typeName: 'Municipality' },
    { typeName: 'Network' },
    { typeName: 'Program' },
    { typeName: 'Recommendation' },
    { typeName: 'PersonalDataExport' },
  ],
  tables: [Indicator, Report, IndicatorValue, Risk, Audit, Finding, RecommendationStatus, Survey, SurveyQuestion, SurveyOption, SurveyResult, SurveyAnswer],
  migrations,
  settings: reportsSettingsSchema,
  seed: seedReportsDemo,
  volumeSeed: seedReportsVolume,
};
