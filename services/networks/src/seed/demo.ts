import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { DEMO, demoId } from '@kommunenett/reference-data';
import { Program } from '../entities/program.entity';
import { Network } from '../entities/network.entity';
import { Session } from '../entities/session.entity';
import { AgendaItem } from '../entities/agenda-item.entity';
import { Assignment } from '../entities/assignment.entity';
import { Country, Language, NetworkStatus, ProgramStatus, RegistrantKind, SessionKind } from '../entities/enums';
import { endOfLocalDay, startOfMonth, timeZoneFor, zonedInstant } from '../services/time';
import { SAMAN_FIRST_GATHERING } from './saman-first-gathering';

export type SessionSeed = {
  id?: string; kind?: SessionKind; title: string; theme?: string; description?: string; points?: string[];
  /** Start date and time, end date and time, local to the network. */
  exact?: [string, string, string, string];
  /** A month, or the first and last month of a span. */
  planned?: [string, string?];
  place?: string; municipalityId?: string;
};

/** Session rows of a network from their seeds, numbered in order; ids are stable across re-seeding. */
export function sessionRows(networkId: string, key: string, country: 'NO' | 'SE', seeds: SessionSeed[]): Partial<Session>[] {
  const tz = timeZoneFor(country);
  return seeds.map((s, i) => {
    const startsAt = s.exact ? zonedInstant(s.exact[0], s.exact[1], tz) : null;
    const endsAt = s.exact ? zonedInstant(s.exact[2], s.exact[3], tz) : null;
    const plannedMonth = s.planned?.[0] ?? null;
    return {
      id: s.id ?? demoId(`session:${key}-${i + 1}`), networkId, sequence: i + 1, kind: s.kind ?? SessionKind.GATHERING, title: s.title,
      theme: s.theme ?? null, description: s.description ?? null, points: s.points ?? [], startsAt, endsAt, plannedMonth, plannedTo: s.planned?.[1] ?? null,
      locationVenue: null, locationPlace: s.place ?? null, locationMunicipalityId: s.municipalityId ?? null,
      sortDate: startsAt ?? (plannedMonth ? startOfMonth(plannedMonth, tz) : null),
    };
  });
}

/** The three gatherings of the anti-corruption networks (000): theme, the invitation's points, and how each one works. */
export const ANTIKORRUPSJON_SESSIONS = [
  {
    title: 'Første samling', theme: 'Risiko og sårbarhet for korrupsjon',
    points: ['Hva er korrupsjon og hvilke risikosoner finnes i kommuner?', 'Presentasjon av håndboken', 'Vurdering av status i egen kommune',
      'Presentasjon av aktuelle metoder og verktøy', 'Sikkerhetshull i egen kommune eller virksomhet, knyttet til', 'verdier, holdninger og kultur',
      'rutiner, struktur og kompetanse', 'Eksempler og erfaringer fra egen virksomhet'],
    description: 'Arbeidsformen på samlingen veksler mellom formidling av kunnskap og arbeidsprosesser der deltakerne diskuterer korrupsjonsutfordringer og løser oppgaver med bakgrunn i situasjonen i egen kommune. Samlingen munner ut i at deltakerne velger et case fra egen kommune eller en aktivitet som skal settes i gang i egen virksomhet til neste samling. Fra lunsj til lunsj, med overnatting.',
  },
  {
    title: 'Andre samling', theme: 'Beskytt kommunen – hvordan få det til praksis?',
    points: ['Hva har skjedd siden første samling? Deltakerkommunene presenterer egne erfaringer og situasjonsbeskrivelsen',
      'Hvordan er arbeidet forankret i egen kommune/egen virksomhet?', 'Hvilke metoder og verktøy er utprøvd og hvordan har de fungert?',
      'Hva skal til for at metoder og verktøy fungerer bedre?', 'Mål for videre arbeid'],
    description: 'Arbeidsformen på samlingen veksler mellom presentasjoner av lokale erfaringer, diskusjon om felles læringspunkter og en styrt arbeidsprosess om metode- og verktøyutvikling. Samlingen munner ut i mål for den enkelte deltaker/kommunes aktivitet fram til neste samling.',
  },
  {
    title: 'Tredje samling', theme: 'Systematisk antikorrupsjonsarbeid i egen kommune/egen virksomhet',
    points: ['Erfaringer og lærdommer fra nettverkskommunene', 'Gode metoder og verktøy i et kommunalt antikorrupsjonsarbeid',
      'Hvordan arbeide med verdier, holdninger og kultur?', 'Hvordan arbeide med rutiner, struktur og kompetanse?',
      'Anbefalinger for et kommunalt antikorrupsjonsprogram, basert på nettverkskommunenes erfaringer'],
  },
];

/** The work between gatherings of an anti-corruption network (000), tied to its sessions `session:<key>-<n>`. */
export const antikorrupsjonAssignments = (networkId: string, key: string): Partial<Assignment>[] => [
  {
    id: demoId(`assignment:${key}-1`), networkId, position: 1, title: 'Kartlegging av sårbarhet og sikkerhetshull',
    instructions: 'Etter første samling gjennomfører deltakerne en kartlegging av sårbarhet og sikkerhetshull i egen virksomhet, eller i valgt case, ut fra metodikk som er presentert på samlingene. De planlagte aktivitetene gjennomføres.',
    givenAtSessionId: demoId(`session:${key}-1`), dueBeforeSessionId: demoId(`session:${key}-2`),
  },
  {
    id: demoId(`assignment:${key}-2`), networkId, position: 2, title: 'Case eller aktivitet i egen kommune',
    instructions: 'Velg et case fra egen kommune eller en aktivitet som skal settes i gang i egen virksomhet til neste samling. Deltakerkommunene presenterer egne erfaringer og situasjonsbeskrivelsen på andre samling.',
    givenAtSessionId: demoId(`session:${key}-1`), dueBeforeSessionId: demoId(`session:${key}-2`),
  },
  {
    id: demoId(`assignment:${key}-3`), networkId, position: 3, title: 'Mål og aktiviteter fram til neste samling',
    instructions: 'Etter andre samling følger deltakerne opp med konkrete aktiviteter i egen kommune/virksomhet, med mål for den enkelte deltaker/kommunes aktivitet fram til tredje samling.',
    givenAtSessionId: demoId(`session:${key}-2`), dueBeforeSessionId: demoId(`session:${key}-3`),
  },
];

/** The historical cases of the source documents, loaded once into empty tables. */
export async function seedNetworksDemo(ds: DataSource, log: Logger): Promise<void> {
  if ((await ds.getRepository(Program).count()) > 0) return;
  const programs: Partial<Program>[] = [
    {
      id: DEMO.programs.antikorrupsjon2013, name: 'Åpenhet, integritet og antikorrupsjonsarbeid i kommunesektoren',
      description: 'Prosjekt i regi av KS og Transparency International Norge for å hjelpe kommuner, fylkeskommuner og kommunale bedrifter i gang med et korrupsjonsforebyggende arbeid. Støttet av Kommunal- og regionaldepartementet.',
      language: Language.nb, status: ProgramStatus.COMPLETED, ownerIds: ['ks', 'ti-norge'], partnerIds: [], funderId: 'kdd',
      themes: ['antikorrupsjon', 'etikk', 'internkontroll'], periodStart: '2013-05', periodEnd: '2014-03',
      // «Med hilsen Sigrun Vågeng, administrerende direktør, KS; Guro Slettemark, generalsekretær, Transparency International Norge»
      signatoryPersonIds: [DEMO.namedPeople.sigrunVageng, DEMO.namedPeople.guroSlettemark],
    },
    {
      id: DEMO.programs.sklKorruption2019, name: 'Korruptionsbekämpning, nätverk',
      description: 'SKL:s nätverksarbete för korruptionsbekämpning, som ger deltagarna kunskap och verktyg för att stärka den egna kommunens eller regionens arbete med att förebygga, upptäcka och hantera korruption.',
      language: Language.sv, status: ProgramStatus.COMPLETED, ownerIds: ['skr'], partnerIds: [], funderId: null,
      themes: ['korruptionsbekämpning'], periodStart: '2019-01', periodEnd: '2019-12',
    },
    {
      id: DEMO.programs.saman2013, name: 'Saman om ein betre kommune',
      description: 'Eit samarbeids-, ramme- og utviklingsprogram mellom Kommunal- og regionaldepartementet, KS og arbeidstakarorganisasjonane, med åtte nettverk etter tema: omdømme, innovasjon, kompetanse og rekruttering, heltidskultur, sjukefråvær og eit samansett nettverk.',
      language: Language.nn, status: ProgramStatus.COMPLETED, ownerIds: ['kdd', 'ks'], partnerIds: ['fagforbundet'], funderId: 'kdd',
      themes: ['omdømme', 'innovasjon', 'kompetanse og rekruttering', 'heltidskultur', 'sykefravær'], periodStart: '2013-03', periodEnd: '2014-03',
    },
    {
      id: DEMO.programs.ksKandidat2007, name: 'Kandidatnettverk for ledere med innvandrerbakgrunn',
      description: 'KS samler opptil 40 ledere med innvandrerbakgrunn i et program som skal bidra til at flere kommuner får rådmenn og kommunale sjefer med innvandrerbakgrunn. Sydd over samme lest som kandidatnettverket for kvinner.',
      language: Language.nb, status: ProgramStatus.COMPLETED, ownerIds: ['ks'], partnerIds: [], funderId: null,
      themes: ['lederrekruttering', 'mangfold'], periodStart: '2007-09', periodEnd: '2008-12',
    },
    {
      // 003 dates it only as «for få år siden» (a few years before 2007); the demo places it in 2004–2005.
      id: DEMO.programs.ksKandidatKvinner, name: 'Kandidatnettverk for kvinner',
      description: 'Kandidatnettverket KS etablerte for å få flere kvinner til å søke ledige rådmannsstillinger.',
      language: Language.nb, status: ProgramStatus.COMPLETED, ownerIds: ['ks'], partnerIds: [], funderId: null,
      themes: ['lederrekruttering'], periodStart: '2004-09', periodEnd: '2005-12',
    },
  ];
  const oslo = timeZoneFor('NO');
  const antikorrupsjonNetwork = (id: string, letter: string): Partial<Network> => ({
    id, programId: DEMO.programs.antikorrupsjon2013, name: `Antikorrupsjonsnettverk ${letter}`,
    description: 'Deltakerne lærer om korrupsjon, deler erfaringer, diskuterer korrupsjonsrisiko i egen virksomhet eller kommune, og utvikler metoder og aktiviteter i eget antikorrupsjonsarbeid. Nettverkssamlingene ledes av TI Norge og KS.',
    theme: 'antikorrupsjon', country: Country.NO, language: Language.nb, status: NetworkStatus.COMPLETED,
    hostIds: ['ti-norge', 'ks'], contactPersonIds: [DEMO.namedPeople.torDolvik],
    targetRoles: ['administrativ ledelse', 'fagansvarlige ledere'], eligibleKinds: [RegistrantKind.MUNICIPALITY, RegistrantKind.COUNTY],
    capacity: 30, capacityMin: 20, perMunicipalityLimit: 3, perMunicipalityMin: 2,
    registrationOpensAt: null, registrationDeadline: endOfLocalDay('2013-05-21', oslo), requiresApproval: false, requiresLeadershipAnchoring: true,
    costNote: 'Kommunene dekker selv kostnader til reise og opphold på samlingene. For øvrig er det ingen avgift for deltakelsen i nettverkene.',
    timeZone: oslo, cancellationReason: null,
  });
  const samanNetwork = (id: string, name: string, theme: string, municipalities: number, contactPersonIds = [DEMO.people.samanNetworkLead]): Partial<Network> => ({
    id, programId: DEMO.programs.saman2013, name, description: `Nettverk i «Saman om ein betre kommune» med tema ${theme}: ${municipalities} kommuner.`,
    theme, country: Country.NO, language: Language.nb, status: NetworkStatus.COMPLETED, hostIds: ['ks', 'kdd', 'fagforbundet'],
    // «Roller i prosjektet – nettverksleder og prosjektleder»
    contactPersonIds, targetRoles: ['nettverksleder', 'prosjektleder'],
    eligibleKinds: [RegistrantKind.MUNICIPALITY], capacity: null, capacityMin: null, perMunicipalityLimit: null, perMunicipalityMin: null,
    registrationOpensAt: null, registrationDeadline: null, requiresApproval: true, requiresLeadershipAnchoring: true, costNote: null,
    timeZone: oslo, cancellationReason: null, plannedMunicipalityCount: municipalities,
  });
  const networks: Partial<Network>[] = [
    antikorrupsjonNetwork(DEMO.networks.antikorrupsjonA, 'A'),
    antikorrupsjonNetwork(DEMO.networks.antikorrupsjonB, 'B'),
    antikorrupsjonNetwork(DEMO.networks.antikorrupsjonC, 'C'),
    {
      id: DEMO.networks.sklKorruption2019, programId: DEMO.programs.sklKorruption2019, name: 'Nätverk för korruptionsbekämpning 2019',
      description: 'Kommunen eller regionen utser en till två deltagare med mandat att driva frågan i den egna organisationen. Nätverket organiseras och stöds av experter och processledare från SKL.',
      // «Nätverksträffarnas innehåll»
      points: [
        'Fördjupad kunskap om lagstiftning, guidelines och rekommendationer inom korruptionsområdet.',
        'Kunskap, metoder och goda exempel kring hur korruptionsskyddet kan stärkas.',
        'Stöd i hur du kan använda SKL:s verktyg och metoder för korruptionsbekämpning i syfte att genomföra egna utbildningsinsatser eller ett utvecklingsarbete i din kommun eller region.',
        'Erfarenhetsutbyte och nätverksbyggande.',
      ],
      theme: 'korruptionsbekämpning', country: Country.SE, language: Language.sv, status: NetworkStatus.COMPLETED, hostIds: ['skr'],
      contactPersonIds: [DEMO.namedPeople.ceciliaBerglin, DEMO.namedPeople.annSofiAgnevik],
      targetRoles: ['ekonomer', 'jurister', 'controllers', 'HR-personal', 'säkerhetsansvariga', 'revisorer'],
      eligibleKinds: [RegistrantKind.MUNICIPALITY, RegistrantKind.COUNTY], capacity: null, capacityMin: null,
      perMunicipalityLimit: 2, perMunicipalityMin: 1, registrationOpensAt: null, registrationDeadline: null, requiresApproval: false,
      requiresLeadershipAnchoring: true, costNote: null, timeZone: timeZoneFor('SE'), cancellationReason: null,
    },
    samanNetwork(DEMO.networks.samanOmdomme1, 'Nettverk omdømme 1', 'omdømme', 8, [DEMO.namedPeople.asbjornStavem, DEMO.namedPeople.bjornPettersen]),
    samanNetwork(DEMO.networks.samanOmdomme2, 'Nettverk omdømme 2', 'omdømme', 8),
    samanNetwork(DEMO.networks.samanInnovasjon1, 'Nettverk innovasjon 1', 'innovasjon', 6),
    samanNetwork(DEMO.networks.samanInnovasjon2, 'Nettverk innovasjon 2', 'innovasjon', 6),
    samanNetwork(DEMO.networks.samanKompetanse, 'Nettverk kompetanse og rekruttering', 'kompetanse og rekruttering', 6),
    samanNetwork(DEMO.networks.samanHeltid, 'Nettverk heltidskultur', 'heltidskultur', 8),
    samanNetwork(DEMO.networks.samanSykefravaer, 'Nettverk sykefravær', 'sykefravær', 7),
    samanNetwork(DEMO.networks.samanSammensatt, 'Sammensatt nettverk', 'sammensatt', 7),
    {
      id: DEMO.networks.ksKandidatInnvandrer, programId: DEMO.programs.ksKandidat2007, name: 'Kandidatnettverk for ledere med innvandrerbakgrunn',
      description: 'Opptil 40 kandidater foreslått av rådmenn og personalsjefer, fra 21 kommuner, samles flere ganger i regi av KS det kommende året.',
      theme: 'lederrekruttering', country: Country.NO, language: Language.nb, status: NetworkStatus.COMPLETED, hostIds: ['ks'],
      contactPersonIds: [DEMO.namedPeople.maritTovsen], targetRoles: ['ledere med innvandrerbakgrunn'], eligibleKinds: [RegistrantKind.MUNICIPALITY],
      capacity: 40, capacityMin: null, perMunicipalityLimit: null, perMunicipalityMin: null, registrationOpensAt: null, registrationDeadline: null,
      requiresApproval: true, requiresLeadershipAnchoring: false, costNote: null, timeZone: oslo, cancellationReason: null,
    },
    {
      id: DEMO.networks.ksKandidatKvinner, programId: DEMO.programs.ksKandidatKvinner, name: 'Kandidatnettverk for kvinner',
      description: 'KS’ kandidatnettverk for å få flere kvinner til å søke rådmannsstillinger: 11 av de 50 kvinnene som deltok, ble rådmenn.',
      theme: 'lederrekruttering', country: Country.NO, language: Language.nb, status: NetworkStatus.COMPLETED, hostIds: ['ks'],
      contactPersonIds: [DEMO.namedPeople.maritTovsen], targetRoles: ['kvinnelige ledere'], eligibleKinds: [RegistrantKind.MUNICIPALITY],
      capacity: 50, capacityMin: null, perMunicipalityLimit: null, perMunicipalityMin: null, registrationOpensAt: null, registrationDeadline: null,
      requiresApproval: true, requiresLeadershipAnchoring: false, costNote: null, timeZone: oslo, cancellationReason: null,
    },
  ];
  const [s1, s2, s3] = ANTIKORRUPSJON_SESSIONS;
  // «Nettverk A 18.-19. juni 2013, Oktober 2013, Mars 2014; B og C September 2013, November 2013, Mars 2014.»
  // The first gathering runs from lunch to lunch with an overnight stay; places follow the registrations.
  const antikorrupsjon: [string, string, SessionSeed[]][] = [
    [DEMO.networks.antikorrupsjonA, 'antikorrupsjon-a', [
      { id: DEMO.sessions.antikorrupsjonA1, ...s1, exact: ['2013-06-18', '12:00', '2013-06-19', '12:00'] },
      { id: DEMO.sessions.antikorrupsjonA2, ...s2, planned: ['2013-10'] },
      { id: DEMO.sessions.antikorrupsjonA3, ...s3, planned: ['2014-03'] },
    ]],
    [DEMO.networks.antikorrupsjonB, 'antikorrupsjon-b', [
      { id: DEMO.sessions.antikorrupsjonB1, ...s1, planned: ['2013-09'] },
      { id: DEMO.sessions.antikorrupsjonB2, ...s2, planned: ['2013-11'] },
      { id: DEMO.sessions.antikorrupsjonB3, ...s3, planned: ['2014-03'] },
    ]],
    [DEMO.networks.antikorrupsjonC, 'antikorrupsjon-c', [
      { id: DEMO.sessions.antikorrupsjonC1, ...s1, planned: ['2013-09'] },
      { id: DEMO.sessions.antikorrupsjonC2, ...s2, planned: ['2013-11'] },
      { id: DEMO.sessions.antikorrupsjonC3, ...s3, planned: ['2014-03'] },
    ]],
  ];
  // «Tre fagsamlinger: 1. Samling mars 2013, 2. Samling august/september 2013, 3. samling februar/mars 2014. Tema dag: mai/juni 2013.»
  const saman: [string, string][] = [
    [DEMO.networks.samanOmdomme1, 'saman-omdomme-1'], [DEMO.networks.samanOmdomme2, 'saman-omdomme-2'],
    [DEMO.networks.samanInnovasjon1, 'saman-innovasjon-1'], [DEMO.networks.samanInnovasjon2, 'saman-innovasjon-2'],
    [DEMO.networks.samanKompetanse, 'saman-kompetanse-rekruttering'], [DEMO.networks.samanHeltid, 'saman-heltidskultur'],
    [DEMO.networks.samanSykefravaer, 'saman-sykefravaer'], [DEMO.networks.samanSammensatt, 'saman-sammensatt'],
  ];
  const sessions = [
    ...antikorrupsjon.flatMap(([id, key, seeds]) => sessionRows(id, key, 'NO', seeds)),
    ...saman.flatMap(([id, key]) => sessionRows(id, key, 'NO', [
      id === DEMO.networks.samanOmdomme1
        ? { id: DEMO.sessions.samanOmdomme1First, title: '1. Samling', place: 'Gardermoen', municipalityId: 'NO-3209',
          description: 'Forventninger, prosjektpresentasjoner, måling av resultater, prosjektplanlegging og analyse av risiko.',
          exact: ['2013-03-11', '09:50', '2013-03-12', '13:30'] }
        : { title: '1. Samling', planned: ['2013-03'] },
      { kind: SessionKind.THEME_DAY, title: 'Tema dag', planned: ['2013-05', '2013-06'] },
      { title: '2. Samling', planned: ['2013-08', '2013-09'] },
      { title: '3. samling', planned: ['2014-02', '2014-03'] },
    ])),
  ];

  // Session ids come from demoId(`session:<key>-<n>`), the same names the shared catalogue (DEMO.sessions) uses.
  const agenda: Partial<AgendaItem>[] = SAMAN_FIRST_GATHERING.map((item, i) => {
    const startsAt = zonedInstant(item.date, item.start, oslo);
    const endsAt = item.minutes ? new Date(startsAt.getTime() + item.minutes * 60_000) : null;
    return {
      id: demoId(`agenda:saman-omdomme-1-1:${i + 1}`), sessionId: DEMO.sessions.samanOmdomme1First, position: i + 1, startsAt,
      endsAt, title: item.title, description: item.description ?? null,
      kind: item.kind, leaders: item.leaders ?? null, leaderPersonIds: item.leaderPersonIds ?? [], parallel: item.parallel ?? false, points: item.points ?? [],
      handbookAnchors: [], toolIds: [],
    };
  });

  const assignments: Partial<Assignment>[] = [
    ...antikorrupsjon.flatMap(([networkId, key]) => antikorrupsjonAssignments(networkId, key)),
    ...saman.flatMap(([networkId, key]) => [
      {
        id: demoId(`assignment:${key}-1`), networkId, position: 1, title: 'Presentasjon av prosjektet',
        instructions: 'Hver kommune presenterer prosjektet sitt på første samling (5 minutter): problemstilling; målsettinger, tiltak og aktiviteter; organisering; milepæler og fremdriftsplan; forankring. Har prosjektleder et tydelig mandat?',
        givenAtSessionId: null, dueBeforeSessionId: demoId(`session:${key}-1`),
      },
      {
        id: demoId(`assignment:${key}-2`), networkId, position: 2, title: 'Prosessmål til neste samling',
        instructions: 'Sett prosessmål for arbeidet fram til neste samling, og presenter dem i plenum.',
        givenAtSessionId: demoId(`session:${key}-1`), dueBeforeSessionId: demoId(`session:${key}-3`),
      },
    ]),
  ];

  await ds.transaction(async (m) => {
    await m.getRepository(Program).insert(programs);
    await m.getRepository(Network).insert(networks);
    await m.getRepository(Session).insert(sessions);
    await m.getRepository(AgendaItem).insert(agenda);
    await m.getRepository(Assignment).insert(assignments);
  });
  log.info({ programs: programs.length, networks: networks.length, sessions: sessions.length, agendaItems: agenda.length, assignments: assignments.length },
    'networks demo data loaded');
}
