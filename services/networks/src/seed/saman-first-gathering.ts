import { DEMO } from '@kommunenett/reference-data';
import { AgendaItemKind } from '../entities/enums';

/**
 * The timed agenda of the first gathering of «Saman om ein betre kommune», network omdømme
 * (Gardermoen, 11–12 March 2013), as the slides give it: titles, leaders and listed points as the
 * slides word them. An item ends only where the slides give its minutes; an item with a clock time
 * alone has no end (it lasts until the next one). The morning items carry minutes but no clock
 * times: they run back to back and end exactly at lunch (11:30), which fixes 09:50 as the start.
 * «Måling av resultater (70 min)» at 15:35 runs to 16:45 and holds the group work that starts at
 * 15:55, so that group work is marked parallel.
 */
export interface AgendaSeed {
  date: '2013-03-11' | '2013-03-12';
  start: string;
  /** Minutes the slides give for the item. */
  minutes?: number;
  title: string;
  kind: AgendaItemKind;
  /** Who leads, as the slides write it. */
  leaders?: string;
  leaderPersonIds?: string[];
  description?: string;
  points?: string[];
  parallel?: boolean;
}

const { asbjornStavem, bjornPettersen } = DEMO.namedPeople;
const BJORN = { leaders: 'Bjørn', leaderPersonIds: [bjornPettersen] };
const ASBJORN = { leaders: 'Asbjørn', leaderPersonIds: [asbjornStavem] };
const BOTH = { leaders: 'Bjørn og Asbjørn', leaderPersonIds: [bjornPettersen, asbjornStavem] };

/** «Analyse av risiko (Asbjørn)»: the risks every project runs. */
export const SAMAN_RISKS = ['Manglende engasjement', 'Økonomiske utfordringer', 'Uenighet i gruppen', 'Gruppens sammensetning (profil, faglig bakgrunn etc.)',
  'Prioritering av tid', 'Politiske innspill – endrede forutsetninger', 'Dårlig forankring', 'Manglende lederstøtte'];

/** «Hvor ligger den største risiko?»: the form each project rates from 1 (liten risiko) to 10 (stor risiko). */
export const SAMAN_RISK_FORM = ['Manglende engasjement', 'Økonomiske utfordringer', 'Uenighet i gruppen', 'Gruppens sammensetning', 'Prioritering av tid',
  'Manglende kompetanse', 'Endrede forutsetninger', 'Dårlig forankring', 'Manglende lederstøtte', 'Annet'];

export const SAMAN_FIRST_GATHERING: AgendaSeed[] = [
  { date: '2013-03-11', start: '09:50', minutes: 10, title: 'Program', kind: AgendaItemKind.PLENARY, ...BJORN },
  { date: '2013-03-11', start: '10:00', minutes: 10, title: 'Presentasjoner', kind: AgendaItemKind.PLENARY, ...BJORN,
    description: 'En fra hver kommune presenterer de andre og seg selv' },
  { date: '2013-03-11', start: '10:10', minutes: 5, title: 'Scanning', kind: AgendaItemKind.PLENARY, ...ASBJORN, description: 'Hvem er hva?' },
  { date: '2013-03-11', start: '10:15', minutes: 20, title: 'Vi tar ut forventninger', kind: AgendaItemKind.DISCUSSION, ...BJORN,
    points: ['Forventninger til samlingen i dag', 'Forventninger til samarbeid i nettverk'] },
  { date: '2013-03-11', start: '10:35', minutes: 15, title: 'Et opptrekk…', kind: AgendaItemKind.DISCUSSION, ...BOTH,
    description: 'Hvor god er dere på partssamarbeid?', points: ['Summe i fem minutter'] },
  { date: '2013-03-11', start: '10:50', minutes: 20, title: 'Saman om ein betre kommune', kind: AgendaItemKind.PRESENTATION,
    leaders: 'Seniorrådgiver Fredrik Rivenes, KRD', leaderPersonIds: [DEMO.namedPeople.fredrikRivenes] },
  { date: '2013-03-11', start: '11:10', minutes: 10, title: 'Hva er Saman om….', kind: AgendaItemKind.PRESENTATION, ...ASBJORN,
    description: 'Et samarbeids-, ramme- og utviklingsprogram', points: ['Roller i prosjektet – nettverksleder og prosjektleder'] },
  { date: '2013-03-11', start: '11:20', minutes: 5, title: 'Kvelden i kveld', kind: AgendaItemKind.PLENARY, ...ASBJORN,
    points: ['1845 Aperitiff og quiz', '2000 Middag'] },
  { date: '2013-03-11', start: '11:25', minutes: 5, title: 'Praktiske opplysninger', kind: AgendaItemKind.PLENARY,
    leaders: 'Sissel', leaderPersonIds: [DEMO.namedPeople.sissel] },
  { date: '2013-03-11', start: '11:30', title: 'Lunsj', kind: AgendaItemKind.MEAL },
  { date: '2013-03-11', start: '12:30', title: 'Presentasjoner av prosjekt', kind: AgendaItemKind.PRESENTATION, ...BOTH,
    description: '5 min på hver. Har prosjektleder et tydelig mandat?',
    points: ['Problemstilling', 'Målsettinger, tiltak og aktiviteter', 'Organisering', 'Milepæler – fremdriftsplan', 'Forankring'] },
  { date: '2013-03-11', start: '13:30', minutes: 30, title: 'Prosjektets hensikt', kind: AgendaItemKind.DISCUSSION, ...ASBJORN,
    description: 'Prosjektets hensikt uttrykkes gjerne ved å svare på spørsmålene. Hvorfor er dere her i dag? Summing i 5–10 minutter rundt bordene, refleksjon; Sissel noterer svarene fra hver kommune.',
    points: ['Hva er årsaken til at dette prosjektet realiseres?', 'Hvilken effekt skal det ha?', 'Skal dere gjøre noe med kommunens identitet?',
      'Skal dere utvikle ny kunnskap?', 'Er drivkraften gunstig finansiering fra KRD?', 'Andre årsaker'] },
  { date: '2013-03-11', start: '14:00', title: 'Pause', kind: AgendaItemKind.BREAK },
  { date: '2013-03-11', start: '14:15', title: 'Attraktive arbeidsgivere', kind: AgendaItemKind.PRESENTATION,
    leaders: 'Rådmann Ola Helstad, Lom kommune', leaderPersonIds: [DEMO.namedPeople.olaHelstad],
    description: 'Systematisk bruk av målinger og resultatfokus for helhetlig utvikling med vekt på omdømmedimensjonen. Refleksjon.' },
  { date: '2013-03-11', start: '15:15', title: 'Pause + kaffe og noe å bit i', kind: AgendaItemKind.BREAK },
  { date: '2013-03-11', start: '15:35', minutes: 70, title: 'Måling av resultater', kind: AgendaItemKind.PRESENTATION, ...ASBJORN,
    description: 'En kort introduksjon: omdømmet målt i mars 2013, mars 2015 og mars 2017, konkrete størrelser og indikatorer, 8 fokusområder.',
    points: ['Måling av befolkningsutvikling (stedet)', 'Innbyggerundersøkelser (organisasjonen/stedet)', 'Medarbeiderundersøkelser', 'Brukerundersøkelser',
      'Måling av forvaltningspraksisen'] },
  { date: '2013-03-11', start: '15:55', title: 'Gruppearbeid', kind: AgendaItemKind.GROUP_WORK, ...ASBJORN, parallel: true,
    description: 'Måling av resultater. Presentasjoner og refleksjoner.',
    points: ['Hva slags status/indikatorer har dere i dag som et grunnlag for å sammenlikne med prosjektets avslutning og senere.',
      'Det som dere har, er det bra nok eller skal dere legge andre vurderinger til grunn?'] },
  { date: '2013-03-11', start: '16:45', title: 'Oppsummering av dagen', kind: AgendaItemKind.PLENARY, ...BJORN },
  { date: '2013-03-11', start: '17:00', title: 'Møte med prosjektlederne', kind: AgendaItemKind.DISCUSSION },
  { date: '2013-03-11', start: '18:45', title: 'Aperitiff og quiz', kind: AgendaItemKind.SOCIAL,
    description: 'Vi lager en sosial arena for meningsutveksling både faglig og sosialt med aperitiff, quiz og middag' },
  { date: '2013-03-11', start: '20:00', title: 'Middag', kind: AgendaItemKind.MEAL },
  { date: '2013-03-12', start: '08:30', title: 'Tirsdag 12. mars', kind: AgendaItemKind.PLENARY },
  { date: '2013-03-12', start: '08:45', title: 'Prosjektplanlegging', kind: AgendaItemKind.PRESENTATION,
    leaders: 'Einar Holand, RO', leaderPersonIds: [DEMO.namedPeople.einarHoland], description: 'En refleksjonsoppgave',
    points: ['Konkrete, operasjonelle indikatorer og mål', 'Hva er milepæler?', 'Hva er aktiviteter?', 'Implementering'] },
  { date: '2013-03-12', start: '10:30', title: 'Analyse av risiko', kind: AgendaItemKind.PRESENTATION, ...ASBJORN,
    description: 'I alle prosjekt er det en risiko for ikke å lykkes. Risikoen øker vesentlig hvis den ikke blir analysert og forsøkt forebygget. ROS-analysen: sannsynlighet og konsekvens, hver fra liten til stor.',
    points: SAMAN_RISKS },
  { date: '2013-03-12', start: '10:45', title: 'Gruppearbeid', kind: AgendaItemKind.GROUP_WORK, ...ASBJORN,
    description: 'Hvordan og hvor mye har dere analysert forhold som har med risiko i eget prosjekt å gjøre? Hvor ligger den største risiko? Liten risiko 1 – 10 stor risiko.',
    points: SAMAN_RISK_FORM },
  { date: '2013-03-12', start: '11:25', title: 'Helhetlig kommunikasjon', kind: AgendaItemKind.PRESENTATION,
    leaders: 'Bjørn Pettersen fra Ressursgruppa', leaderPersonIds: [bjornPettersen], description: 'Refleksjon' },
  { date: '2013-03-12', start: '12:25', title: 'Veien videre', kind: AgendaItemKind.PLENARY, ...BOTH,
    description: 'Prosessmål til neste samling', points: ['Presentasjon i plenum'] },
  { date: '2013-03-12', start: '12:40', title: 'Oppsummering - neste samling', kind: AgendaItemKind.PLENARY, ...BOTH,
    points: ['Tema, neste samling', 'Tidspunkt, neste samling (aug/sept)', 'Sted', 'Evaluering'] },
  { date: '2013-03-12', start: '13:00', title: 'Lunsj og avrunding', kind: AgendaItemKind.MEAL },
];
