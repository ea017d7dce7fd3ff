import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { DEMO, openDemoRound } from '@kommunenett/reference-data';
import { Program } from '../entities/program.entity';
import { Network } from '../entities/network.entity';
import { Session } from '../entities/session.entity';
import { Assignment } from '../entities/assignment.entity';
import { Country, Language, NetworkStatus, ProgramStatus, RegistrantKind } from '../entities/enums';
import { endOfLocalDay, timeZoneFor, zonedInstant } from '../services/time';
import { ANTIKORRUPSJON_SESSIONS, antikorrupsjonAssignments, sessionRows, type SessionSeed } from './demo';

/**
 * The open round of the demo data: a new round of KS and TI Norge's anti-corruption networks (000,
 * networks D and E after 2013's A, B and C) and of SKR's network for korruptionsbekämpning (001),
 * taking registrations on the day the demo data is loaded. Registrations are the participants
 * service's; this seed writes the programmes, networks, sessions and work between gatherings.
 */
function openRoundRows(now: Date) {
  const round = openDemoRound(now);
  const oslo = timeZoneFor('NO');
  const stockholm = timeZoneFor('SE');
  const programs: Partial<Program>[] = [
    {
      id: DEMO.programs.antikorrupsjonOpen, name: 'Antikorrupsjonsnettverk for kommunesektoren – ny runde',
      description: 'KS og Transparency International Norge inviterer kommuner og fylkeskommuner til en ny runde med korrupsjonsforebyggende nettverk, bygget på erfaringene fra nettverkene A, B og C og håndboken «Beskytt kommunen!».',
      language: Language.nb, status: ProgramStatus.ACTIVE, ownerIds: ['ks', 'ti-norge'], partnerIds: [], funderId: null,
      themes: ['antikorrupsjon', 'etikk', 'internkontroll'], periodStart: round.periodStart, periodEnd: round.periodEnd,
    },
    {
      id: DEMO.programs.sklKorruptionOpen, name: 'Korruptionsbekämpning, nätverk – ny omgång',
      description: 'SKR:s nätverksarbete för korruptionsbekämpning i en ny omgång: kunskap och verktyg för att stärka den egna kommunens eller regionens arbete med att förebygga, upptäcka och hantera korruption.',
      language: Language.sv, status: ProgramStatus.ACTIVE, ownerIds: ['skr'], partnerIds: [], funderId: null,
      themes: ['korruptionsbekämpning'], periodStart: round.periodStart, periodEnd: round.periodEnd,
    },
  ];
  const registration = (timeZone: string) => ({
    status: NetworkStatus.PUBLISHED, registrationOpensAt: zonedInstant(round.registrationOpensOn, '00:00', timeZone),
    registrationDeadline: endOfLocalDay(round.registrationDeadlineOn, timeZone), timeZone, cancellationReason: null,
  });
  const antikorrupsjon = (id: string, letter: string): Partial<Network> => ({
    id, programId: DEMO.programs.antikorrupsjonOpen, name: `Antikorrupsjonsnettverk ${letter}`,
    description: 'Deltakerne lærer om korrupsjon, deler erfaringer, diskuterer korrupsjonsrisiko i egen virksomhet eller kommune, og utvikler metoder og aktiviteter i eget antikorrupsjonsarbeid. Nettverkssamlingene ledes av TI Norge og KS.',
    theme: 'antikorrupsjon', country: Country.NO, language: Language.nb, hostIds: ['ti-norge', 'ks'], contactPersonIds: [DEMO.people.tiFacilitator],
    targetRoles: ['administrativ ledelse', 'fagansvarlige ledere'], eligibleKinds: [RegistrantKind.MUNICIPALITY, RegistrantKind.COUNTY],
    capacity: 30, capacityMin: 20, perMunicipalityLimit: 3, perMunicipalityMin: 2, requiresApproval: false, requiresLeadershipAnchoring: true,
    costNote: 'Kommunene dekker selv kostnader til reise og opphold på samlingene. For øvrig er det ingen avgift for deltakelsen i nettverkene.',
    ...registration(oslo),
  });
  const networks: Partial<Network>[] = [
    antikorrupsjon(DEMO.networks.antikorrupsjonD, 'D'),
    antikorrupsjon(DEMO.networks.antikorrupsjonE, 'E'),
    {
      id: DEMO.networks.sklKorruptionOpen, programId: DEMO.programs.sklKorruptionOpen, name: 'Nätverk för korruptionsbekämpning',
      description: 'Kommunen eller regionen utser en till två deltagare med mandat att driva frågan i den egna organisationen. Nätverket organiseras och stöds av experter och processledare från SKR, med erfarenhetsutbyte och gemensam reflektion vid träffarna.',
      theme: 'korruptionsbekämpning', country: Country.SE, language: Language.sv, hostIds: ['skr'],
      contactPersonIds: [DEMO.people.sklContact1, DEMO.people.sklContact2],
      targetRoles: ['ekonomer', 'jurister', 'controllers', 'HR-personal', 'säkerhetsansvariga', 'revisorer'],
      eligibleKinds: [RegistrantKind.MUNICIPALITY, RegistrantKind.COUNTY], capacity: 24, capacityMin: null,
      perMunicipalityLimit: 2, perMunicipalityMin: 1, requiresApproval: false, requiresLeadershipAnchoring: true, costNote: null,
      ...registration(stockholm),
    },
  ];
  // Like 2013: the first gathering from lunch to lunch with an overnight stay, the next two known only to the month.
  const [s1, s2, s3] = ANTIKORRUPSJON_SESSIONS;
  const antikorrupsjonSessions: SessionSeed[] = [
    { ...s1, exact: [round.firstGatheringOn, '12:00', round.firstGatheringEndsOn, '12:00'] },
    { ...s2, planned: [round.secondGatheringMonth] },
    { ...s3, planned: [round.thirdGatheringMonth] },
  ];
  const sklSessions: SessionSeed[] = [
    { title: 'Första nätverksträffen', theme: 'Lagstiftning, riktlinjer och rekommendationer inom korruptionsområdet', place: 'Stockholm', municipalityId: 'SE-0180',
      exact: [round.firstGatheringOn, '09:30', round.firstGatheringOn, '16:00'] },
    { title: 'Andra nätverksträffen', theme: 'Metoder och goda exempel för att stärka korruptionsskyddet', planned: [round.secondGatheringMonth] },
    { title: 'Tredje nätverksträffen', theme: 'SKR:s verktyg i egna utbildningsinsatser och utvecklingsarbete', planned: [round.thirdGatheringMonth] },
  ];
  const sessions = [
    ...sessionRows(DEMO.networks.antikorrupsjonD, 'antikorrupsjon-d', 'NO', antikorrupsjonSessions),
    ...sessionRows(DEMO.networks.antikorrupsjonE, 'antikorrupsjon-e', 'NO', antikorrupsjonSessions),
    ...sessionRows(DEMO.networks.sklKorruptionOpen, 'skr-korruption-open-round', 'SE', sklSessions),
  ];
  const assignments = [
    ...antikorrupsjonAssignments(DEMO.networks.antikorrupsjonD, 'antikorrupsjon-d'),
    ...antikorrupsjonAssignments(DEMO.networks.antikorrupsjonE, 'antikorrupsjon-e'),
  ];
  return { programs, networks, sessions, assignments };
}

/**
 * Adds the open round when it is missing (an empty database, or one loaded before the round
 * existed), and moves its dates forward from `now` once its deadline has passed while it still
 * takes registrations, so the demo never goes stale. Anything else about it is left as it is.
 */
export async function seedOpenRound(ds: DataSource, log: Logger, now: Date): Promise<void> {
  const rows = openRoundRows(now);
  const existing = await ds.getRepository(Network).findOneBy({ id: DEMO.networks.antikorrupsjonD });
  if (!existing) {
    await ds.transaction(async (m) => {
      await m.getRepository(Program).insert(rows.programs);
      await m.getRepository(Network).insert(rows.networks);
      await m.getRepository(Session).insert(rows.sessions);
      await m.getRepository(Assignment).insert(rows.assignments);
    });
    log.info({ networks: rows.networks.length, sessions: rows.sessions.length }, 'networks demo data: open round loaded');
    return;
  }
  if (existing.status !== NetworkStatus.PUBLISHED || !existing.registrationDeadline || existing.registrationDeadline >= now) return;
  await ds.transaction(async (m) => {
    for (const p of rows.programs) await m.getRepository(Program).update({ id: p.id }, { periodStart: p.periodStart, periodEnd: p.periodEnd });
    for (const n of rows.networks) {
      await m.getRepository(Network).update({ id: n.id, status: NetworkStatus.PUBLISHED }, { registrationOpensAt: n.registrationOpensAt, registrationDeadline: n.registrationDeadline });
    }
    for (const s of rows.sessions) {
      await m.getRepository(Session).update({ id: s.id }, { startsAt: s.startsAt, endsAt: s.endsAt, plannedMonth: s.plannedMonth, plannedTo: s.plannedTo, sortDate: s.sortDate });
    }
  });
  log.info({ registrationDeadline: rows.networks[0].registrationDeadline }, 'networks demo data: open round moved forward');
}
