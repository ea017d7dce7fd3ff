import { DEMO } from '@kommunenett/reference-data';
import type { Audit, Finding, IndicatorValue, RecommendationStatus, Report } from '../entities/report.entity';
import { AuditKind, FindingKind, Language, RecommendationImplementation, ReportKind, ReportStatus } from '../entities/enums';
import { demoRowId } from './ids';

/*
 * Bærum kommune: «Internkontroll og tilsyn – rapport 2022» (002), status per October 2022.
 * Findings the report calls fulfilled or closed without a date carry the report's status date
 * (2022-10-19) as their closed date.
 */

const REPORT_ID = DEMO.reports.baerumInternalControl2022;
const MUNICIPALITY = 'NO-3201';
const PERIOD = '2022';
const STATUS_DATE = '2022-10-19';

export const BAERUM_REPORT: Partial<Report> = {
  id: REPORT_ID, municipalityId: MUNICIPALITY, municipalityCode: '3024', period: PERIOD, kind: ReportKind.INTERNAL_CONTROL_ANNUAL,
  status: ReportStatus.PUBLISHED, title: 'Internkontroll og tilsyn – rapport 2022', language: Language.nb, recipientId: 'ks', networkId: null,
  returnComment: null, submittedAt: new Date('2022-10-24T10:00:00+02:00'), publishedAt: new Date('2022-10-31T12:00:00+01:00'), generated: false,
  sections: [
    { key: 'summary', title: 'Status for arbeid med internkontroll',
      body: 'Rapporten gir en samlet oversikt over kommunedirektørens arbeid med internkontroll og tilsyn, med status per oktober 2022. I 2021 ble nye verktøy for virksomhetsstyring tatt i bruk: digitale plan- og økonomiprosesser (Framsikt), en helhetlig kvalitetsportal (Compilo kvalitet) og verktøy for oppfølging av politiske saker (Bridge). Med over 12 000 medarbeidere og over 200 tjenestesteder er implementeringen et løpende arbeid. Rapporterte avvik til og med 19.10.22 er 6919; på området helse, miljø og sikkerhet er halvparten av avvikene relatert til vold, trusler og trakassering. Varslingsrådet har i 2022 behandlet 7 varslingssaker, hvorav 2 var meldt i 2021; fem saker er overført til linjen. Det er registrert 26 interne revisjoner i de ISO-sertifiserte tjenestene.' },
    { key: 'audits-and-supervision', title: 'Revisjoner og tilsyn',
      body: 'Tilsynskalenderen har oversikt over de fleste statlige tilsyn, unntatt Arbeidstilsynet. Funn fra forvaltningsrevisjoner rapporteres løpende fra kontrollutvalget til kommunestyret, og kommunedirektøren følger opp saker og vedtak i Bridge. Resultater fra ISO-revisjoner registreres i kvalitetsportalen.' },
    { key: 'privacy-security', title: 'Personvern og informasjonssikkerhet',
      body: 'Kompetanseprogrammet for personvern og informasjonssikkerhet er obligatorisk for alle medarbeidere, men mange har fortsatt ikke fullført. Microsoft Office 365 ble rullet ut til alle skoleelever fra 1. til 10. trinn i august; risiko- og sårbarhetsvurdering og personvernkonsekvensvurdering viser høy risiko på flere områder.' },
    { key: 'preparedness', title: 'Beredskap',
      body: 'Ny beredskapsleder og ny spesialrådgiver startet 1. august 2022, og et virksomhetsstyringssystem for beredskap er under utvikling. Hendelser hittil i år: energiknapphet, Ukraina-situasjonen (gjennomgang av atomberedskapsplanverket), skyteepisoden i Oslo 26. juni der to innbyggere fra Bærum omkom, og koronapandemien (vaksinasjonsprogrammet videreføres til juni 2023).' },
    { key: 'ethics-anticorruption', title: 'Etikk, verdier og antikorrupsjon',
      body: 'En overordnet koordineringsgruppe (HR-sjef, kommunedirektørens internkontroller og koordinator for etisk kompetanseheving) har månedlige samarbeidsmøter. Etikkveiledere læres opp i etisk refleksjon (SME-modellen), og kurset «Lederdilemma» inngår i lederopplæringen. Status på Transparency Internationals 8 anbefalinger er kommentert enkeltvis.' },
    { key: 'measures', title: 'Tiltak videre',
      body: 'Fortsette implementeringen av kvalitetsportalen i hele organisasjonen; følge opp forvaltningsrevisjonen om vold mot ansatte gjennom en tverrfaglig arbeidsgruppe; gjennomføre ny helhetlig risikovurdering for korrupsjon og misligheter i 2023; planlegge for strømsparing og eventuell strømrasjonering.' },
  ],
};

const value = (indicatorId: string, v: number, extra: Partial<IndicatorValue> = {}): Partial<IndicatorValue> => ({
  id: demoRowId(`baerum-2022:value:${indicatorId}`), reportId: REPORT_ID, indicatorId, municipalityId: MUNICIPALITY, period: PERIOD,
  breakdown: null, value: v, asOf: STATUS_DATE, measuredIn: '2022-10', note: null, ...extra,
});

export const BAERUM_VALUES: Partial<IndicatorValue>[] = [
  value('deviations-reported', 6919, { note: 'Rapporterte avvik til og med 19.10.22.' }),
  value('whistleblowing-cases', 7, { note: 'Behandlet av varslingsrådet i 2022.' }),
  value('whistleblowing-cases-earlier-years', 2, { note: 'Meldt i 2021.' }),
  value('whistleblowing-cases-to-line', 5),
  value('internal-audits', 26, { note: 'I tjenester som er ISO-sertifisert.' }),
  value('external-supervisions', 11, { note: 'Statsforvalteren 3 (ett med oppstart oktober 2022), Arbeidstilsynet 8.' }),
  value('supervision-orders', 25, { note: 'Arbeidstilsynet 24, Statsforvalteren 1 (rettet).' }),
  value('performance-audits', 10),
  value('iso-audits', 5),
  value('iso-deviations', 3, { note: 'DNV-revisjon 2021 (Eiendom); lukket.' }),
  value('iso-observations', 48, { note: 'I tillegg 14 forbedringspunkter (Vann og avløp, Nemko 2022).' }),
  value('preparedness-incidents', 4, { note: 'Energiknapphet, Ukraina-situasjonen, skyteepisoden 26. juni, koronapandemien.' }),
];

type AuditSeed = Omit<Partial<Audit>, 'id' | 'reportId' | 'position'> & { findings?: Omit<Partial<Finding>, 'id' | 'reportId' | 'auditId' | 'municipalityId' | 'position'>[] };

const order = (count: number, extra: Partial<Finding> = {}) => ({ kind: FindingKind.ORDER, count, description: null, deadline: null, closedOn: null, ...extra });
const fulfilled = (count: number, description: string) => order(count, { description, closedOn: STATUS_DATE });
const supervision = (authority: string, topic: string, unit: string | null, performedOn: string | null, outcome: string, findings: AuditSeed['findings'] = []): AuditSeed =>
  ({ kind: AuditKind.EXTERNAL_SUPERVISION, authority, topic, unit, performedOn, outcome, findings });
const performanceAudit = (topic: string, outcome: string | null = null, authority = 'Kontrollutvalget'): AuditSeed =>
  ({ kind: AuditKind.PERFORMANCE_AUDIT, authority, topic, unit: null, performedOn: null, outcome });
const isoAudit = (authority: string, topic: string, unit: string, outcome: string, findings: AuditSeed['findings']): AuditSeed =>
  ({ kind: AuditKind.ISO_AUDIT, authority, topic, unit, performedOn: null, outcome, findings });

const AUDITS: AuditSeed[] = [
  supervision('Statsforvalteren', 'Helsetjenester med tvang til personer uten samtykkekompetanse', 'Pleie og omsorg', null,
    'Tilsvar er sendt, men endelig rapport er ikke mottatt. Saken er behandlet i Biom og Eldrerådet; plan for tiltak er igangsatt og fullføres i løpet av 2022.',
    [{ kind: FindingKind.DEVIATION, count: 1, deadline: '2022-12-31', closedOn: null,
      description: 'Kommunens praksis medfører en fare for at personer som mangler samtykkekompetanse og yter motstand, ikke får nødvendig helsehjelp, og en risiko for at det brukes tvang uten at det er anledning til det.' }]),
  supervision('Statsforvalteren', 'Felles nasjonalt tilsyn skolemiljø/aktivitetsplikt', 'Levre skole', null,
    'Tilsvar sendt innen fristen 18.02.2022. Statsforvalteren vurderer at pålegget er rettet og avslutter tilsynet.',
    [order(1, { deadline: '2022-02-18', closedOn: '2022-02-18',
      description: 'Rektor må sikre at berørte elever får uttale seg om innholdet i aktivitetsplanen (opplæringsloven §§ 9 A-2, 9 A-3 og 9 A-4).' })]),
  supervision('Statsforvalteren', 'Kommunens forvaltning av integreringsloven', null, null, 'Oppstart oktober 2022.'),
  supervision('Arbeidstilsynet', 'Arbeidsmiljø', 'Høst boliger (Pleie og omsorg)', '2022-02-18', 'Ingen pålegg.'),
  supervision('Arbeidstilsynet', 'Arbeidsmiljø', 'Gjettum/Bærums verk boliger avd. Gjettumveien (Pleie og omsorg)', '2022-02-25', '2 pålegg – begge er oppfylt.',
    [fulfilled(2, 'Begge påleggene er oppfylt.')]),
  supervision('Arbeidstilsynet', 'Arbeidsmiljø', 'Rud/Vøyenenga boliger - avd. Åsbråtan (Pleie og omsorg)', '2022-03-01', 'Ingen pålegg.'),
  supervision('Arbeidstilsynet', 'Arbeidsmiljø', 'Elias Smithsvei bolig (Pleie og omsorg)', '2022-08-18', '6 pålegg, frist 30.11.22.',
    [order(6, { deadline: '2022-11-30' })]),
  supervision('Arbeidstilsynet', 'Arbeidsmiljø', 'Høvik avlastningssenter (Pleie og omsorg)', '2022-08-22', '7 pålegg, frist 15.12.22.',
    [order(7, { deadline: '2022-12-15' })]),
  supervision('Arbeidstilsynet', 'Arbeidsmiljø', 'Folkvangveien boliger (Helse og sosial)', '2022-03-17', '3 pålegg. Alle er oppfylt.',
    [fulfilled(3, 'Alle påleggene er oppfylt.')]),
  supervision('Arbeidstilsynet', 'Arbeidsmiljø', 'Lillehagen barnehage (Oppvekst barnehage)', '2022-05-11', '4 pålegg – alle er oppfylt.',
    [fulfilled(4, 'Alle påleggene er oppfylt.')]),
  supervision('Arbeidstilsynet', 'Arbeidsmiljø', 'Bekkestua brannstasjon (Eiendom er eier/utleier)', '2022-09-21', '2 pålegg, frist 01.11.22 og 20.01.23.',
    [order(1, { deadline: '2022-11-01' }), order(1, { deadline: '2023-01-20' })]),
  performanceAudit('Barnevernets oppfølging av enslige mindreårige'),
  performanceAudit('Håndteres vold mot ansatte', 'Rapporten og kommunedirektørens høringssvar er grunnlaget for nye tiltak; tverrfaglig arbeidsgruppe er nedsatt.'),
  performanceAudit('Håndtering av koronaepidemien'),
  performanceAudit('Fungerer fastlegeordningen?'),
  performanceAudit('Er driftsutgiftene for økonomisystemet forsvarlige?'),
  performanceAudit('Eierskapskontroll etikk og antikorrupsjon (selskapene)'),
  performanceAudit('Eierskapskontroll samfunnssikkerhet og beredskap (selskapene)'),
  performanceAudit('Relasjonsanalyser - Eiendom og miljøtekniske tjenester',
    'Avdekket ingen ukjente koblinger mellom leverandører og ansatte. Rapport er sendt kommunestyret til orientering.', 'BDO på oppdrag fra kontrollutvalget'),
  performanceAudit('Helsehjelp for dem som vurderes for sykehjemsplass, Pleie- og omsorg', 'Rapport behandles i kontrollutvalget 31.10.22.'),
  performanceAudit('Renhold - Eiendom', 'Rapport er mottatt til høring.'),
  isoAudit('Nemko', 'NS ISO 14001 – resertifisering', 'Vann og avløp', 'Ingen avvik, 16 observasjoner.',
    [{ kind: FindingKind.OBSERVATION, count: 16 }]),
  isoAudit('Nemko', 'Revisjon 2022', 'Vann og avløp', 'Ingen avvik, 14 forbedringspunkter.',
    [{ kind: FindingKind.IMPROVEMENT_POINT, count: 14 }]),
  isoAudit('Nemko', 'ISO 9001 og ISO 14001', 'Anskaffelse', 'Ingen avvik, 12 observasjoner.',
    [{ kind: FindingKind.OBSERVATION, count: 12 }]),
  isoAudit('Nemko', 'ISO 9001 og ISO 14001 (2022)', 'Prosjektenheten', 'Ingen avvik, 12 observasjoner.',
    [{ kind: FindingKind.OBSERVATION, count: 12 }]),
  isoAudit('DNV', 'ISO-revisjon 2021', 'Eiendom', '3 avvik og 8 observasjoner. Avvik er lukket og oppfølging er avsluttet.',
    [{ kind: FindingKind.DEVIATION, count: 3, closedOn: STATUS_DATE }, { kind: FindingKind.OBSERVATION, count: 8 }]),
];

export const BAERUM_AUDITS: Partial<Audit>[] = [];
export const BAERUM_FINDINGS: Partial<Finding>[] = [];
AUDITS.forEach(({ findings = [], ...a }, position) => {
  const auditId = demoRowId(`baerum-2022:audit:${position}`);
  BAERUM_AUDITS.push({ ...a, id: auditId, reportId: REPORT_ID, position });
  for (const f of findings) {
    BAERUM_FINDINGS.push({
      description: null, deadline: null, closedOn: null, ...f,
      id: demoRowId(`baerum-2022:finding:${BAERUM_FINDINGS.length}`), reportId: REPORT_ID, auditId, municipalityId: MUNICIPALITY, position: BAERUM_FINDINGS.length,
    });
  }
});

/**
 * Status of each of Transparency International's 8 recommendations: the status is the demo's
 * reading of the report, the comment a summary, and the points the report's own bullets, word for
 * word (its spelling included).
 */
const RECOMMENDATIONS: [RecommendationImplementation, string, string[]][] = [
  [RecommendationImplementation.IMPLEMENTED, 'Politiske møter er åpne og tilgjengelige via Web TV; politiske saker og postlister er på internett; saker behandles i godkjente saksbehandlingssystemer (WebSak og fagsystemer).', [
    'Politiske møter åpne og tilgjengelig via Web TV',
    'Politiske saker tilgjengelig via kommunens internettsider',
    'Postlister på internett',
    'Saker behandles i godkjente saksbehandlingssystemer (WebSak og fagsystemer)',
  ]],
  [RecommendationImplementation.IMPLEMENTED, 'Etablert varslingsråd med ekstern advokat. Oppfølging i etterkant av varslingssaker for å sikre at varsler ikke opplever sanksjoner. Film om varslingsordningen.', [
    'Etablert Varslingsråd med ekstern advokat',
    'Oppfølging i etterkant av varslingssaker for å sikre at varsler ikke opplever saknskjoner. Både administrasjonen og varslingsrådet har rutiner for å følge opp dette. Omfanget av oppfølgingen vurderes konkret ut fra behovene i den enkelte sak.',
    'Film om varslingsordningen',
  ]],
  [RecommendationImplementation.PARTLY_IMPLEMENTED, 'Besøk føres i kalender, og det kan gis innsyn etter offentleglova. Folkevalgtopplæringen dekker etiske retningslinjer.', [
    'Besøk føres i kalender. På forespørsel kan det gis innsyn i kalender på vanlig måte etter offentleglova.',
    'Folkevalgtopplæring - dekker etiske retningslinjer der blant annet disse forholdene omtales.',
  ]],
  [RecommendationImplementation.NOT_IMPLEMENTED, 'Bærum har ikke et eget antikorrupsjonsprogram, men vektlegger sosialt ansvar (etisk handel).', [
    'Bærum har ikke et eget antikorrupsjonsprogram men vektlegger Sosialt ansvar (etisk handel)',
  ]],
  [RecommendationImplementation.NOT_RELEVANT, 'Ikke relevant for kommunen som virksomhet, men for selskapene kommunen har eierinteresser i: eierskapskontroll med tema etikk og antikorrupsjon er gjennomført i Kalk Eiendom AS, Asker og Bærum brann og redning IKS og Asker og Bærum vannverk IKS.', [
    'Ikke relevant for kommunen som virksomhet, men bør sees på i forhold til de selskap kommunen har eierinteresser i.',
    'Eierskapskontroll i med tema etikk og antikorrupsjon er gjennomført i Kalk Eiendom AS (tidligere: BKE AS), Asker og Bærum brann og redning IKS og Asker og Bærum vannverk IKS.',
  ]],
  [RecommendationImplementation.IMPLEMENTED, 'Alle konkurranser gjennomføres og alle kontrakter registreres i Mercell. Årlige risikovurderinger knyttet til korrupsjon i anskaffelser; sentralisert innkjøpsfunksjon; e-handel og e-faktura sikrer to-øyne-prinsippet. Relasjonsanalyser (BDO) avdekket ingen ukjente koblinger.', [
    'Bærum kommunes anskaffelsesprosess er blitt digital med innføring av Mercell, konkurransegjennomføringsverktøy og kontrakts-administrativt verktøy. Alle konkurranser gjennomføres i Mercell. Det bidrar til økt sporbarhet og etterprøvbarhet av anskaffelser. Alle kommunens kontrakter skal registreres og følges opp i Mercell. Det gir kommunen bedre totaloversikt over kommunens kontrakter.',
    'Anskaffelse gjennomfører årlige risikovurderinger knyttet til korrupsjon',
    'Sentralisering av innkjøpsfunksjon er viktig og nødvendig; færre og profesjonelle innkjøpere og bestillere, sertifisering av innkjøpere, egne etiske retningslinjer for innkjøpere. ANSK har prosessansvar for alle anskaffelser over 100 000 kroner. Dvs at alle anskaffelser over 100 000 skal gjennom ANSK for gjennomføring og/eller kvalitetssikring. Alle konkurransegrunnlag godkjennes av Anskaffelsessjef før kunngjøring.',
    'E-handel, e-faktura sikrer at to-øyne prinsippet ivaretas, kjøp godkjennes av leder ved bestilling, varemottak før betaling',
    'På oppdrag fra kontrollutvalget har ekstern revisor (BDO) gjennomført relasjonsanalyser i eiendom og miljøtekniske tjenester. Dette avdekket ingen ukjente koblinger mellom leverandører og ansatte. Rapport er sendt kommunestyret til orientering.',
  ]],
  [RecommendationImplementation.IMPLEMENTED, 'Saker følges umiddelbart opp i linjen i nært samarbeid med kommuneadvokat og HR, alternativt etter kommunens varslingsrutiner.', [
    'Saker skal umiddelbart følges opp i linjen og i nært samarbeid med kommuneadvokat og HR.',
    'Alternativt følge rutinene kommunen har for varsling.',
  ]],
  [RecommendationImplementation.PARTLY_IMPLEMENTED, 'Alle medarbeidere undertegner Etisk standard, og etikkurs er obligatorisk. Alle tjenester skal årlig oppdatere risikovurdering for korrupsjon og misligheter; ny helhetlig gjennomgang er planlagt i 2023. Mange ledere ser at de har jobb å gjøre på området.', [
    'Alle medarbeidere må ved ansettelse/innleie undertegne på Etisk standard. Alle ansatte som var ansatt i kommunen før Etisk standard ble laget har også undertegnet og dokumentasjon for disse ansatte skal oppbevares på tjenestestedet.',
    'Opplæring i etikk for alle medarbeidere samt tilleggskurs for ledere. Kurset ligger i obligatoriske kompetanseplaner i LØP. Kurset er høsten 2021 gjennomgått og oppdatert.',
    'I Kvalitetsportalen har vi laget en felles side for arbeid med etikk og verdier Her har vi lagt ut informasjon inn Dilemmatrening i etikk og antikorrupsjon og om Etikk i forvaltningen med lenke til kurset Etikk for Walter som er et nyttig e-læringskurs for de som behandler innbyggerrettede saker.',
    'Risikovurdering for korrupsjon og misligheter. Alle tjenester skal årlig gjennomføre/oppdatere risikovurdering for korrupsjon og misligheter. Mal for dette er nå lagt inn i Kvalitetsportalens modul for Risiko og usikkerhet. Ny helhetlig gjennomgang er planlagt i 2023.',
    'Lederavtalens sjekkliste har hatt oppfølgingspunkter for Etikk verdier og antikorrupsjonsarbeid. Fra 2022 er dette overført til oppfølging og rapportering i Framsikt. Gjennom rapporteringen i Framsikt er det mange ledere som nå ser at de har litt jobb å gjøre på dette området, og noen er i gang med å «tette gapet». Forhåpentligvis ser vi en forbedring til neste rapportering. Nytt felles opplegg for gjennomføring av risikovurdering korrupsjon og misligheter vil også bidra til at flere får dette temaet på dagsorden.',
  ]],
];

export const BAERUM_RECOMMENDATION_STATUSES: Partial<RecommendationStatus>[] = RECOMMENDATIONS.map(([status, comment, points], i) => ({
  id: demoRowId(`baerum-2022:recommendation:${i + 1}`), reportId: REPORT_ID, recommendationId: DEMO.recommendations[i],
  municipalityId: MUNICIPALITY, period: PERIOD, status, comment, points,
}));
