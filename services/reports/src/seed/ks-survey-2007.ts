import { DEMO } from '@kommunenett/reference-data';
import type { Survey, SurveyOption, SurveyQuestion, SurveyResult } from '../entities/survey.entity';
import { Country, Language, SurveyQuestionKind } from '../entities/enums';
import { demoRowId } from './ids';

/*
 * KS' survey «Etikk og leverandører – hvordan reagerer kommunene?» (003): 1,760 leaders, fieldwork
 * by TNS Gallup, as reported in Fagbladet 10/2007. Only the published shares exist; counts are
 * those shares of the 1,760 respondents, rounded.
 */

const SURVEY_ID = DEMO.surveys.ksEtikkLeverandorer2007;
const RESPONDENTS = 1760;

export const KS_SURVEY: Partial<Survey> = {
  id: SURVEY_ID, title: 'Etikk og leverandører – hvordan reagerer kommunene?',
  description: 'Undersøkelse om hvordan kommunene svarer på ulike former for påvirkning fra leverandører. Fristelsen til misligheter er særlig til stede i it-bransjen og bygge- og anleggsbransjen. Flere ledere tror korrupsjonsnivået vil øke de neste tre årene enn at det vil reduseres.',
  organizationId: 'ks', conductedBy: 'TNS Gallup', period: '2007', publishedOn: null, country: Country.NO, language: Language.nb,
  population: 'Ledere i offentlig sektor (kommunene)', populationSize: null, respondentCount: RESPONDENTS, collectsIndividualAnswers: false,
  source: 'Fagbladet 10/2007, «Varsler økt korrupsjon»',
};

/** Question, the published share answering yes, and how the article puts it. */
const QUESTIONS: [string, number, string][] = [
  ['Har du selv blitt bestukket?', 0.003, 'kun 0,3 prosent'],
  ['Har du blitt forsøkt påvirket på andre måter – i form av turer, bespisning og gaver?', 0.08, 'åtte prosent'],
  ['Mener du at kommunen arbeider effektivt i kampen mot korrupsjon?', 0.5, 'rundt halvparten'],
  ['Har kommunen iverksatt spesielle tiltak mot korrupsjon det siste året?', 1 / 3, 'bare en tredel'],
];

export const KS_QUESTIONS: Partial<SurveyQuestion>[] = [];
export const KS_OPTIONS: Partial<SurveyOption>[] = [];
export const KS_RESULTS: Partial<SurveyResult>[] = [];

QUESTIONS.forEach(([text, yesShare], i) => {
  const questionId = demoRowId(`ks-survey-2007:question:${i + 1}`);
  KS_QUESTIONS.push({ id: questionId, surveyId: SURVEY_ID, position: i + 1, text, kind: SurveyQuestionKind.SINGLE_CHOICE });
  const yes = Math.round(yesShare * RESPONDENTS);
  [['Ja', yes, yesShare], ['Nei / vet ikke', RESPONDENTS - yes, 1 - yesShare]].forEach(([label, count, share], k) => {
    const optionId = demoRowId(`ks-survey-2007:option:${i + 1}:${k + 1}`);
    KS_OPTIONS.push({ id: optionId, questionId, position: k + 1, label: label as string });
    KS_RESULTS.push({
      id: demoRowId(`ks-survey-2007:result:${i + 1}:${k + 1}`), questionId, optionId, breakdownDimension: '', breakdownGroup: '',
      respondents: RESPONDENTS, count: count as number, publishedShare: Math.round((share as number) * 1000) / 1000,
    });
  });
});
