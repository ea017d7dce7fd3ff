import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { DEMO, demoId, openDemoRound } from '@kommunenett/reference-data';
import { Person } from '../entities/person.entity';
import { Registration } from '../entities/registration.entity';
import { NetworkSnapshot } from '../entities/network-snapshot.entity';
import { RegistrationChangeKind, RegistrationStatus } from '../entities/enums';
import { ChangeLog } from '../services/changes';
import { emailFor, fakeName, seededRandom } from './demo-people';

/** Registrants of an open network: municipality and how many seats it holds, then the waitlist in order. */
interface OpenNetworkRegistrants {
  networkId: string;
  country: 'NO' | 'SE';
  hostIds: string[];
  programId: string;
  capacity: number;
  seated: [string, number][];
  waitlisted: string[];
}

/**
 * The registrations of the open round (see the networks service's seed): network D has one seat
 * left and nobody waiting (the README's walk-through takes it), network E and SKR's network are
 * full with a waitlist. Bærum (NO-3201) holds two seats in E and none in D.
 */
const OPEN_ROUND: OpenNetworkRegistrants[] = [
  {
    networkId: DEMO.networks.antikorrupsjonD, country: 'NO', hostIds: ['ti-norge', 'ks'], programId: DEMO.programs.antikorrupsjonOpen, capacity: 30,
    seated: [['NO-4601', 3], ['NO-1103', 2], ['NO-5001', 2], ['NO-5501', 3], ['NO-1804', 2], ['NO-4204', 2], ['NO-3403', 3], ['NO-3909', 2],
      ['NO-1506', 2], ['NO-1508', 3], ['NO-3303', 2], ['NO-46', 3]],
    waitlisted: [],
  },
  {
    networkId: DEMO.networks.antikorrupsjonE, country: 'NO', hostIds: ['ti-norge', 'ks'], programId: DEMO.programs.antikorrupsjonOpen, capacity: 30,
    seated: [['NO-3201', 2], ['NO-0301', 2], ['NO-3203', 3], ['NO-3205', 2], ['NO-3301', 3], ['NO-3907', 2], ['NO-3103', 2], ['NO-3407', 3],
      ['NO-4001', 2], ['NO-3107', 3], ['NO-3105', 2], ['NO-32', 2], ['NO-3905', 2]],
    waitlisted: ['NO-0301', 'NO-1505', 'NO-1505'],
  },
  {
    networkId: DEMO.networks.sklKorruptionOpen, country: 'SE', hostIds: ['skr'], programId: DEMO.programs.sklKorruptionOpen, capacity: 24,
    seated: [['SE-0180', 2], ['SE-1480', 2], ['SE-1280', 2], ['SE-0580', 2], ['SE-1880', 2], ['SE-1283', 2], ['SE-0680', 2], ['SE-2480', 2],
      ['SE-0182', 2], ['SE-0184', 2], ['SE-0181', 2], ['SE-0183', 1], ['SE-01', 1]],
    waitlisted: ['SE-0380', 'SE-1281'],
  },
];

const TITLES = {
  NO: ['kommunalsjef', 'økonomisjef', 'controller', 'kommuneadvokat', 'HR-sjef', 'internrevisor', 'innkjøpssjef'],
  SE: ['ekonom', 'jurist', 'controller', 'HR-strateg', 'säkerhetschef', 'revisor'],
};

/**
 * Loads the open round's people and registrations once (an empty database, or one loaded before
 * the round existed). Dates relative to the day of loading, like the networks service's round.
 */
export async function seedOpenRoundRegistrations(ds: DataSource, log: Logger, now: Date): Promise<void> {
  if (await ds.getRepository(NetworkSnapshot).existsBy({ networkId: DEMO.networks.antikorrupsjonD })) return;
  const round = openDemoRound(now);
  const random = seededRandom(2027);
  const people: Partial<Person>[] = [];
  const registrations: Partial<Registration>[] = [];
  for (const network of OPEN_ROUND) {
    const add = (municipalityId: string, k: number, status: RegistrationStatus, waitlistPosition: number | null) => {
      const personId = demoId(`person:${network.networkId}:${municipalityId}:${k}`);
      const titles = TITLES[network.country];
      const name = fakeName(random, network.country);
      people.push({
        id: personId, name, email: emailFor(name, 'example.org', 5000 + registrations.length), phone: null,
        title: titles[Math.floor(random() * titles.length)], employerMunicipalityId: municipalityId, employerOrganizationId: null, gender: null,
      });
      registrations.push({
        id: demoId(`registration:${network.networkId}:${municipalityId}:${k}`), networkId: network.networkId, personId, municipalityId,
        status, waitlistPosition, registeredAt: round.registeredAt(registrations.length),
        leadershipAnchoring: network.country === 'NO' ? 'Deltakelsen er forankret i vedtak i kommunedirektørens ledergruppe.' : 'Deltagandet är förankrat i kommunledningen.',
      });
    };
    for (const [municipalityId, count] of network.seated) for (let k = 0; k < count; k++) add(municipalityId, k, RegistrationStatus.CONFIRMED, null);
    network.waitlisted.forEach((municipalityId, i) => {
      const k = network.seated.find(([id]) => id === municipalityId)?.[1] ?? 0;
      add(municipalityId, k + network.waitlisted.slice(0, i).filter((id) => id === municipalityId).length, RegistrationStatus.WAITLISTED, i + 1);
    });
  }
  const snapshots: Partial<NetworkSnapshot>[] = OPEN_ROUND.map((n) => ({
    networkId: n.networkId, programId: n.programId, hostIds: n.hostIds, country: n.country, status: 'PUBLISHED', capacity: n.capacity, refreshedAt: now,
  }));
  const changes = new ChangeLog('seed', null, { notify: false });
  for (const r of registrations) {
    changes.add({ registrationId: r.id!, networkId: r.networkId!, municipalityId: r.municipalityId!, kind: RegistrationChangeKind.CREATED, status: r.status!, previousStatus: null });
  }
  await ds.transaction(async (m) => {
    await m.getRepository(Person).insert(people);
    await m.getRepository(NetworkSnapshot).insert(snapshots);
    await m.getRepository(Registration).insert(registrations.map((r) => ({ ...r, registeredByRole: 'COORDINATOR' })));
    await changes.flush(m);
  });
  log.info({ people: people.length, registrations: registrations.length }, 'participants demo data: open round loaded');
}
