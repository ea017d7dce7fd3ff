import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { municipalities } from '@kommunenett/reference-data';
import { Indicator } from '../entities/indicator.entity';
import { Audit, Finding, IndicatorValue, RecommendationStatus, Report } from '../entities/report.entity';
import { Survey, SurveyOption, SurveyQuestion, SurveyResult } from '../entities/survey.entity';
import { BAERUM_AUDITS, BAERUM_FINDINGS, BAERUM_RECOMMENDATION_STATUSES, BAERUM_REPORT, BAERUM_VALUES } from './baerum-2022';
import { insertGeneratedValues, noise, type GeneratedValue } from './generated-values';
import { INDICATORS, MANAGEMENT_PRACTICE_INDICATORS } from './indicators';
import { KS_OPTIONS, KS_QUESTIONS, KS_RESULTS, KS_SURVEY } from './ks-survey-2007';

/**
 * Generated demo values of 004's result indicators (2013, 2015, 2017) for every Norwegian
 * municipality, so that networks and programmes can be compared with the rest. They are not
 * measurements: their reports are marked `generated` and titled so.
 */
export function generatedResultIndicators(): GeneratedValue[] {
  const values: GeneratedValue[] = [];
  const scored: [string, number, number][] = [
    ['citizen-survey-score', 4.2, 0.8], ['employee-survey-score', 4.5, 0.6], ['user-survey-score', 4.8, 0.6],
    ...MANAGEMENT_PRACTICE_INDICATORS.map((id): [string, number, number] => [id, 55, 30]),
  ];
  for (const m of municipalities()) {
    if (m.country !== 'NO' || m.kind !== 'MUNICIPALITY') continue;
    for (const period of ['2013', '2015', '2017']) {
      for (const [indicatorId, base, spread] of scored) {
        const drift = (Number(period) - 2013) * 0.01 * base;
        // «Status: Mars 2013, Mars 2015, Mars 2017»: each measurement is taken in March.
        values.push({ municipalityId: m.id, period, measuredIn: `${period}-03`, indicatorId, value: Math.round((base + drift + (noise(`${m.id}:${period}:${indicatorId}`) - 0.5) * spread) * 10) / 10 });
      }
    }
  }
  return values;
}

export async function seedReportsDemo(ds: DataSource, log: Logger): Promise<void> {
  if ((await ds.getRepository(Indicator).count()) > 0) return;
  await ds.transaction(async (m) => {
    await m.getRepository(Indicator).insert(INDICATORS);
    await m.getRepository(Report).insert(BAERUM_REPORT);
    await m.getRepository(IndicatorValue).insert(BAERUM_VALUES);
    await m.getRepository(Audit).insert(BAERUM_AUDITS);
    await m.getRepository(Finding).insert(BAERUM_FINDINGS);
    await m.getRepository(RecommendationStatus).insert(BAERUM_RECOMMENDATION_STATUSES);
    await m.getRepository(Survey).insert(KS_SURVEY);
    await m.getRepository(SurveyQuestion).insert(KS_QUESTIONS);
    await m.getRepository(SurveyOption).insert(KS_OPTIONS);
    await m.getRepository(SurveyResult).insert(KS_RESULTS);
  });
  const generated = await insertGeneratedValues(ds, generatedResultIndicators(), {
    title: (period) => `Resultatindikatorer ${period} (genererte demoverdier)`,
  });
  log.info({ indicators: INDICATORS.length, ...generated }, 'reports demo data loaded');
}
