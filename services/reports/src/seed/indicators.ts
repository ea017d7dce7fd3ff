import type { Indicator } from '../entities/indicator.entity';
import { IndicatorDirection, IndicatorLevel, IndicatorUnit, IndicatorValueType } from '../entities/enums';

type Seed = Pick<Indicator, 'id' | 'names' | 'unit' | 'direction' | 'category'> & Partial<Indicator>;

const count = (s: Seed): Partial<Indicator> => ({
  valueType: IndicatorValueType.INTEGER, level: IndicatorLevel.MUNICIPALITY, minValue: 0, maxValue: null,
  firstPeriod: 2010, lastPeriod: null, periodStep: 1, descriptions: {}, source: 'Kommunenes årlige rapport om internkontroll og tilsyn', ...s,
});

/** Result indicators of «Saman om ein betre kommune» (004): measured March 2013, 2015 and 2017. */
const result = (s: Seed): Partial<Indicator> => ({
  valueType: IndicatorValueType.DECIMAL, level: IndicatorLevel.MUNICIPALITY, firstPeriod: 2013, lastPeriod: 2017, periodStep: 2,
  descriptions: {}, source: 'Saman om ein betre kommune: måling av resultater (2013, 2015, 2017)', ...s,
});

const FOCUS_AREAS: [string, string, string][] = [
  ['openness-democracy', 'Offentlighet og demokrati', 'Openness and democracy'],
  ['accessibility-user-orientation', 'Tilgjengelighet, innbygger- og brukerorientering', 'Accessibility, citizen and user orientation'],
  ['political-governance', 'Politisk styring og kontroll', 'Political governance and control'],
  ['leadership-delegation', 'Lederskap, ansvar og delegasjon', 'Leadership, responsibility and delegation'],
  ['results-efficiency', 'Resultatfokus og effektivitet', 'Focus on results and efficiency'],
  ['employer', 'Kommunen som arbeidsgiver', 'The municipality as employer'],
  ['learning-organisation', 'Utviklingsstrategi og lærende organisasjon', 'Development strategy and learning organisation'],
  ['community-developer', 'Kommunen som samfunnsutvikler', 'The municipality as community developer'],
];

/** The indicator catalogue: what 002 reports and what 004 measures. */
export const INDICATORS: Partial<Indicator>[] = [
  count({ id: 'deviations-reported', category: 'internal-control', unit: IndicatorUnit.COUNT, direction: IndicatorDirection.NEUTRAL,
    names: { nb: 'Rapporterte avvik', nn: 'Rapporterte avvik', sv: 'Rapporterade avvikelser', en: 'Deviations reported' },
    descriptions: { nb: 'Avvik meldt i kvalitetssystemet i perioden. Flere meldte avvik kan tyde på en god meldekultur.', en: 'Deviations reported in the quality system. More reports may mean a good reporting culture.' } }),
  count({ id: 'internal-audits', category: 'internal-control', unit: IndicatorUnit.COUNT, direction: IndicatorDirection.HIGHER_IS_BETTER,
    names: { nb: 'Interne revisjoner', nn: 'Interne revisjonar', sv: 'Internrevisioner', en: 'Internal audits' } }),
  count({ id: 'whistleblowing-cases', category: 'whistleblowing', unit: IndicatorUnit.COUNT, direction: IndicatorDirection.NEUTRAL,
    names: { nb: 'Varslingssaker behandlet', nn: 'Varslingssaker behandla', sv: 'Behandlade visselblåsarärenden', en: 'Whistleblowing cases handled' } }),
  count({ id: 'whistleblowing-cases-earlier-years', category: 'whistleblowing', unit: IndicatorUnit.COUNT, direction: IndicatorDirection.NEUTRAL,
    names: { nb: 'Varslingssaker meldt tidligere år', nn: 'Varslingssaker melde tidlegare år', sv: 'Visselblåsarärenden från tidigare år', en: 'Whistleblowing cases from earlier years' } }),
  count({ id: 'whistleblowing-cases-to-line', category: 'whistleblowing', unit: IndicatorUnit.COUNT, direction: IndicatorDirection.NEUTRAL,
    names: { nb: 'Varslingssaker overført til linjen', nn: 'Varslingssaker overførte til linja', sv: 'Visselblåsarärenden överförda till linjen', en: 'Whistleblowing cases passed to the line' } }),
  count({ id: 'external-supervisions', category: 'supervision', unit: IndicatorUnit.COUNT, direction: IndicatorDirection.NEUTRAL,
    names: { nb: 'Eksterne tilsyn', nn: 'Eksterne tilsyn', sv: 'Externa tillsyner', en: 'External supervisions' } }),
  count({ id: 'supervision-orders', category: 'supervision', unit: IndicatorUnit.COUNT, direction: IndicatorDirection.LOWER_IS_BETTER,
    names: { nb: 'Pålegg fra tilsyn', nn: 'Pålegg frå tilsyn', sv: 'Förelägganden från tillsyn', en: 'Orders from supervisions' } }),
  count({ id: 'performance-audits', category: 'supervision', unit: IndicatorUnit.COUNT, direction: IndicatorDirection.NEUTRAL,
    names: { nb: 'Forvaltningsrevisjoner behandlet', nn: 'Forvaltningsrevisjonar behandla', sv: 'Granskningar behandlade', en: 'Performance audits handled' } }),
  count({ id: 'iso-audits', category: 'iso', unit: IndicatorUnit.COUNT, direction: IndicatorDirection.NEUTRAL,
    names: { nb: 'ISO-revisjoner', nn: 'ISO-revisjonar', sv: 'ISO-revisioner', en: 'ISO audits' } }),
  count({ id: 'iso-deviations', category: 'iso', unit: IndicatorUnit.COUNT, direction: IndicatorDirection.LOWER_IS_BETTER,
    names: { nb: 'Avvik i ISO-revisjoner', nn: 'Avvik i ISO-revisjonar', sv: 'Avvikelser i ISO-revisioner', en: 'Deviations in ISO audits' } }),
  count({ id: 'iso-observations', category: 'iso', unit: IndicatorUnit.COUNT, direction: IndicatorDirection.LOWER_IS_BETTER,
    names: { nb: 'Observasjoner i ISO-revisjoner', nn: 'Observasjonar i ISO-revisjonar', sv: 'Observationer i ISO-revisioner', en: 'Observations in ISO audits' } }),
  count({ id: 'preparedness-incidents', category: 'preparedness', unit: IndicatorUnit.COUNT, direction: IndicatorDirection.NEUTRAL,
    names: { nb: 'Beredskapshendelser', nn: 'Beredskapshendingar', sv: 'Beredskapshändelser', en: 'Preparedness incidents' } }),
  result({ id: 'citizen-survey-score', category: 'results', unit: IndicatorUnit.SCORE, direction: IndicatorDirection.HIGHER_IS_BETTER, minValue: 1, maxValue: 6,
    names: { nb: 'Innbyggerundersøkelse, gjennomsnitt', nn: 'Innbyggjarundersøking, gjennomsnitt', sv: 'Medborgarundersökning, medelvärde', en: 'Citizen survey, mean score' },
    descriptions: { nb: 'Gjennomsnittlig tilfredshet i innbyggerundersøkelsen, skala 1–6.' } }),
  result({ id: 'employee-survey-score', category: 'results', unit: IndicatorUnit.SCORE, direction: IndicatorDirection.HIGHER_IS_BETTER, minValue: 1, maxValue: 6,
    names: { nb: 'Medarbeiderundersøkelse, gjennomsnitt', nn: 'Medarbeidarundersøking, gjennomsnitt', sv: 'Medarbetarundersökning, medelvärde', en: 'Employee survey, mean score' },
    descriptions: { nb: 'Gjennomsnittlig skår i medarbeiderundersøkelsen, skala 1–6.' } }),
  result({ id: 'user-survey-score', category: 'results', unit: IndicatorUnit.SCORE, direction: IndicatorDirection.HIGHER_IS_BETTER, minValue: 1, maxValue: 6,
    names: { nb: 'Brukerundersøkelse, gjennomsnitt', nn: 'Brukarundersøking, gjennomsnitt', sv: 'Brukarundersökning, medelvärde', en: 'User survey, mean score' },
    descriptions: { nb: 'Gjennomsnittlig tilfredshet i brukerundersøkelsene, skala 1–6.' } }),
  result({ id: 'population-change', category: 'results', unit: IndicatorUnit.PERCENT, direction: IndicatorDirection.HIGHER_IS_BETTER, minValue: -100, maxValue: 100,
    names: { nb: 'Befolkningsutvikling', nn: 'Folketalsutvikling', sv: 'Befolkningsutveckling', en: 'Population change' },
    descriptions: { nb: 'Endring i folketallet siden forrige måling, prosent.' } }),
  ...FOCUS_AREAS.map(([key, nb, en], i) => result({
    id: `management-practice-${key}`, category: 'management-practice', unit: IndicatorUnit.SCORE, direction: IndicatorDirection.HIGHER_IS_BETTER,
    minValue: 0, maxValue: 100, names: { nb: `Forvaltningspraksis ${i + 1}: ${nb}`, en: `Management practice ${i + 1}: ${en}` },
    descriptions: { nb: `Poeng for fokusområde ${i + 1} av 8 i målingen av forvaltningspraksisen, skala 0–100.` },
  })),
];

export const MANAGEMENT_PRACTICE_INDICATORS = FOCUS_AREAS.map(([key]) => `management-practice-${key}`);
