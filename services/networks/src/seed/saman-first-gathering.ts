import { DEMO } from '@kommunenett/reference-data';
import { AgendaItemKind } from '../entities/enums';

/**
 * The timed agenda of the first gathering of «Saman om ein betre kommune», network omdømme
 * (Gardermoen, 11–12 March 2013), as the slides give it. The morning items carry minutes but no
 * clock times: they run back to back and end exactly at lunch (11:30), which fixes 09:50 as the
 * start. Items with a clock time and no minutes last until the next one starts (their minutes here
 * are that gap); the last item of each day has no end. Leaders are given by role (the slides name people; the demo holds no real names).
 */
export interface AgendaSeed {
  date: '2013-03-11' | '2013-03-12';
  start: string;
  minutes?: number;
  title: string;
  kind: AgendaItemKind;
  leaders?: string;
  leadPerson?: boolean;
  description?: string;
}

const NETWORK_LEAD = 'nettverksleder (KS)';
const UNION_LEAD = 'Fagforbundet';
const BOTH = `${UNION_LEAD} og ${NETWORK_LEAD}`;

export const SAMAN_FIRST_GATHERING: AgendaSeed[] = [
  { date: '2013-03-11', start: '09:50', minutes: 10, title: 'Program', kind: AgendaItemKind.PLENARY, leaders: UNION_LEAD },
  { date: '2013-03-11', start: '10:00', minutes: 10, title: 'Presentasjoner', kind: AgendaItemKind.PLENARY, leaders: UNION_LEAD,
    description: 'En fra hver kommune presenterer de andre og seg selv.' },
  { date: '2013-03-11', start: '10:10', minutes: 5, title: 'Scanning', kind: AgendaItemKind.PLENARY, leaders: NETWORK_LEAD, leadPerson: true,
    description: 'Hvem er hva?' },
  { date: '2013-03-11', start: '10:15', minutes: 20, title: 'Vi tar ut forventninger', kind: AgendaItemKind.DISCUSSION, leaders: UNION_LEAD,
    description: '1) Forventninger til samlingen i dag. 2) Forventninger til samarbeid i nettverk.' },
  { date: '2013-03-11', start: '10:35', minutes: 15, title: 'Et opptrekk …', kind: AgendaItemKind.DISCUSSION, leaders: BOTH, leadPerson: true,
    description: 'Hvor god er dere på partssamarbeid? Summe i fem minutter.' },
  { date: '2013-03-11', start: '10:50', minutes: 20, title: 'Saman om ein betre kommune', kind: AgendaItemKind.PRESENTATION,
    leaders: 'seniorrådgiver, Kommunal- og regionaldepartementet' },
  { date: '2013-03-11', start: '11:10', minutes: 10, title: 'Hva er Saman om …', kind: AgendaItemKind.PRESENTATION, leaders: NETWORK_LEAD, leadPerson: true,
    description: 'Et samarbeids-, ramme- og utviklingsprogram. Roller i prosjektet: nettverksleder og prosjektleder. Åtte nettverk. Arbeidsformen: løsningsorientert, deltakerstyrt, oppgaveorientert. Samlingene. Forankring: bevissthet, aksept, eierskap.' },
  { date: '2013-03-11', start: '11:20', minutes: 5, title: 'Kvelden i kveld', kind: AgendaItemKind.PLENARY, leaders: NETWORK_LEAD, leadPerson: true,
    description: '18.45 aperitiff og quiz, 20.00 middag.' },
  { date: '2013-03-11', start: '11:25', minutes: 5, title: 'Praktiske opplysninger', kind: AgendaItemKind.PLENARY, leaders: 'sekretær for nettverket' },
  { date: '2013-03-11', start: '11:30', minutes: 60, title: 'Lunsj', kind: AgendaItemKind.MEAL },
  { date: '2013-03-11', start: '12:30', minutes: 60, title: 'Presentasjoner av prosjekt', kind: AgendaItemKind.PRESENTATION, leaders: BOTH, leadPerson: true,
    description: '5 minutter på hver: problemstilling; målsettinger, tiltak og aktiviteter; organisering; milepæler og fremdriftsplan; forankring. Har prosjektleder et tydelig mandat?' },
  { date: '2013-03-11', start: '13:30', minutes: 30, title: 'Prosjektets hensikt', kind: AgendaItemKind.DISCUSSION, leaders: NETWORK_LEAD, leadPerson: true,
    description: 'Hva er årsaken til at prosjektet realiseres? Hvilken effekt skal det ha? Hvorfor er dere her i dag? Summing 5–10 minutter rundt bordene; svarene fra hver kommune noteres.' },
  { date: '2013-03-11', start: '14:00', minutes: 15, title: 'Pause', kind: AgendaItemKind.BREAK },
  { date: '2013-03-11', start: '14:15', minutes: 60, title: 'Attraktive arbeidsgivere', kind: AgendaItemKind.PRESENTATION, leaders: 'rådmann, Lom kommune',
    description: 'Systematisk bruk av målinger og resultatfokus for helhetlig utvikling med vekt på omdømmedimensjonen. Refleksjon.' },
  { date: '2013-03-11', start: '15:15', minutes: 20, title: 'Pause, kaffe og noe å bite i', kind: AgendaItemKind.BREAK },
  { date: '2013-03-11', start: '15:35', minutes: 20, title: 'Måling av resultater – en kort introduksjon', kind: AgendaItemKind.PRESENTATION, leaders: NETWORK_LEAD, leadPerson: true,
    description: 'Måling av resultater (70 minutter med gruppearbeidet): omdømme mars 2013, 2015 og 2017; konkrete størrelser og indikatorer; 8 fokusområder.' },
  { date: '2013-03-11', start: '15:55', minutes: 50, title: 'Gruppearbeid: måling av resultater', kind: AgendaItemKind.GROUP_WORK, leaders: NETWORK_LEAD, leadPerson: true,
    description: 'Hva slags status/indikatorer har dere i dag som grunnlag for å sammenlikne med prosjektets avslutning og senere? Er det bra nok? Presentasjoner og refleksjoner.' },
  { date: '2013-03-11', start: '16:45', minutes: 15, title: 'Oppsummering av dagen', kind: AgendaItemKind.PLENARY, leaders: UNION_LEAD },
  { date: '2013-03-11', start: '17:00', minutes: 105, title: 'Møte med prosjektlederne', kind: AgendaItemKind.DISCUSSION },
  { date: '2013-03-11', start: '18:45', minutes: 75, title: 'Aperitiff og quiz', kind: AgendaItemKind.SOCIAL,
    description: 'En sosial arena for meningsutveksling, både faglig og sosialt.' },
  { date: '2013-03-11', start: '20:00', title: 'Middag', kind: AgendaItemKind.MEAL },
  { date: '2013-03-12', start: '08:30', minutes: 15, title: 'Tirsdag 12. mars', kind: AgendaItemKind.PLENARY },
  { date: '2013-03-12', start: '08:45', minutes: 105, title: 'Prosjektplanlegging', kind: AgendaItemKind.PRESENTATION, leaders: 'rådgiver, RO',
    description: 'En refleksjonsoppgave: konkrete, operasjonelle indikatorer og mål; hva er milepæler, hva er aktiviteter; implementering.' },
  { date: '2013-03-12', start: '10:30', minutes: 15, title: 'Analyse av risiko', kind: AgendaItemKind.PRESENTATION, leaders: NETWORK_LEAD, leadPerson: true,
    description: 'I alle prosjekt er det en risiko for ikke å lykkes; risikoen øker vesentlig hvis den ikke blir analysert og forsøkt forebygget. ROS-analysen: sannsynlighet og konsekvens.' },
  { date: '2013-03-12', start: '10:45', minutes: 40, title: 'Gruppearbeid: risiko i eget prosjekt', kind: AgendaItemKind.GROUP_WORK, leaders: NETWORK_LEAD, leadPerson: true,
    description: 'Hvordan og hvor mye har dere analysert forhold som har med risiko i eget prosjekt å gjøre? Hvor ligger den største risikoen (1 liten – 10 stor)?' },
  { date: '2013-03-12', start: '11:25', minutes: 60, title: 'Helhetlig kommunikasjon', kind: AgendaItemKind.PRESENTATION, leaders: `${UNION_LEAD} (Ressursgruppa)`,
    description: 'Refleksjon.' },
  { date: '2013-03-12', start: '12:25', minutes: 15, title: 'Veien videre', kind: AgendaItemKind.PLENARY, leaders: BOTH, leadPerson: true,
    description: 'Prosessmål til neste samling. Presentasjon i plenum.' },
  { date: '2013-03-12', start: '12:40', minutes: 20, title: 'Oppsummering – neste samling', kind: AgendaItemKind.PLENARY, leaders: BOTH, leadPerson: true,
    description: 'Tema, tidspunkt (august/september) og sted for neste samling. Evaluering.' },
  { date: '2013-03-12', start: '13:00', title: 'Lunsj og avrunding', kind: AgendaItemKind.MEAL },
];

export const SAMAN_LEAD_PERSON = DEMO.people.samanNetworkLead;
