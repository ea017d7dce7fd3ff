import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { DEMO, demoId, municipalities, ORGANIZATIONS } from '@kommunenett/reference-data';
import { foldForSearch } from '@kommunenett/subgraph-kit';
import { Municipality } from '../entities/municipality.entity';
import { Organization } from '../entities/organization.entity';
import { Person } from '../entities/person.entity';
import { Registration } from '../entities/registration.entity';
import { NetworkSnapshot } from '../entities/network-snapshot.entity';
import { Country, MunicipalityKind, OrganizationKind, RegistrationChangeKind, RegistrationStatus } from '../entities/enums';
import { ChangeLog } from '../services/changes';
import { emailFor, fakeName, seededRandom } from './demo-people';

/** Municipalities that registered for the anti-corruption networks A, B and C (demo selection). */
const ANTIKORRUPSJON_REGISTRANTS: Record<string, string[]> = {
  [DEMO.networks.antikorrupsjonA]: ['NO-3201', 'NO-0301', 'NO-3203', 'NO-3205', 'NO-3301', 'NO-3907', 'NO-3103', 'NO-32', 'NO-3407', 'NO-4001'],
  [DEMO.networks.antikorrupsjonB]: ['NO-4601', 'NO-1103', 'NO-1106', 'NO-4204', 'NO-4203', 'NO-1108', 'NO-4621', 'NO-46', 'NO-1505'],
  [DEMO.networks.antikorrupsjonC]: ['NO-5001', 'NO-5501', 'NO-1804', 'NO-5601', 'NO-1806', 'NO-5006', 'NO-50', 'NO-1833', 'NO-5503'],
};

export async function seedParticipantsDemo(ds: DataSource, log: Logger): Promise<void> {
  if ((await ds.getRepository(Municipality).count()) > 0) return;
  const directory = municipalities().map((m) => ({
    id: m.id, country: m.country as Country, code: m.code, kind: m.kind as MunicipalityKind, name: m.name, officialName: m.officialName,
    countyCode: m.countyCode, countyName: m.countyName, population: m.population, searchName: foldForSearch(`${m.name} ${m.officialName ?? ''}`),
  }));
  const organizations = ORGANIZATIONS.map((o) => ({
    id: o.id, name: o.name, shortName: o.shortName, country: o.country as Country, kind: o.kind as OrganizationKind,
    formerNames: 'formerNames' in o ? [...o.formerNames] : [],
  }));
  const random = seededRandom(2013);
  const people: Partial<Person>[] = [];
  const person = (id: string, country: 'NO' | 'SE', title: string, employer: { municipality?: string; organization?: string }) => {
    const name = fakeName(random, country);
    people.push({
      id, name, email: emailFor(name, 'example.org', people.length + 1), phone: country === 'NO' ? `+47 4${String(1000000 + people.length).slice(-7)}` : null,
      title, employerMunicipalityId: employer.municipality ?? null, employerOrganizationId: employer.organization ?? null, gender: null,
    });
  };
  person(DEMO.people.tiFacilitator, 'NO', 'seniorrådgiver', { organization: 'ti-norge' });
  person(DEMO.people.ksFacilitator, 'NO', 'rådgiver og prosjektleder', { organization: 'ks' });
  person(DEMO.people.sklContact1, 'SE', 'handläggare', { organization: 'skr' });
  person(DEMO.people.sklContact2, 'SE', 'förbundsjurist', { organization: 'skr' });
  person(DEMO.people.samanNetworkLead, 'NO', 'nettverksleder', { organization: 'ks' });
  person(DEMO.people.baerumCoordinator, 'NO', 'internkontroller', { municipality: 'NO-3201' });

  const titles = ['kommunalsjef', 'økonomisjef', 'controller', 'kommuneadvokat', 'HR-sjef', 'internrevisor', 'innkjøpssjef'];
  const registrations: Partial<Registration>[] = [];
  for (const [networkId, registrants] of Object.entries(ANTIKORRUPSJON_REGISTRANTS)) {
    let seats = 30;
    registrants.forEach((municipalityId, i) => {
      const count = Math.min(seats, i % 3 === 0 ? 3 : 2);
      for (let k = 0; k < count; k++) {
        const personId = municipalityId === 'NO-3201' && k === 0 ? DEMO.people.baerumCoordinator : demoId(`person:${networkId}:${municipalityId}:${k}`);
        if (personId !== DEMO.people.baerumCoordinator) person(personId, 'NO', titles[Math.floor(random() * titles.length)], { municipality: municipalityId });
        registrations.push({
          id: demoId(`registration:${networkId}:${municipalityId}:${k}`), networkId, personId, municipalityId,
          status: RegistrationStatus.CONFIRMED, waitlistPosition: null, registeredAt: new Date(Date.UTC(2013, 4, 2 + i, 8 + k)),
          leadershipAnchoring: 'Deltakelsen er forankret i vedtak i kommunedirektørens ledergruppe.',
        });
      }
      seats -= count;
    });
  }
  // What the networks service says of networks A-C (000): hosted by TI Norge and KS, 30 seats.
  const snapshots: Partial<NetworkSnapshot>[] = Object.keys(ANTIKORRUPSJON_REGISTRANTS).map((networkId) => ({
    networkId, programId: DEMO.programs.antikorrupsjon2013, hostIds: ['ti-norge', 'ks'], country: 'NO', status: 'COMPLETED', capacity: 30, refreshedAt: new Date(),
  }));
  const changes = new ChangeLog('seed');
  for (const r of registrations) {
    changes.add({ registrationId: r.id!, networkId: r.networkId!, municipalityId: r.municipalityId!, kind: RegistrationChangeKind.CREATED, status: r.status!, previousStatus: null });
  }
  await ds.transaction(async (m) => {
    await m.getRepository(Municipality).insert(directory);
    await m.getRepository(Organization).insert(organizations);
    await m.getRepository(Person).insert(people);
    await m.getRepository(NetworkSnapshot).insert(snapshots);
    await m.getRepository(Registration).insert(registrations.map((r) => ({ ...r, registeredByRole: 'COORDINATOR' })));
    await changes.flush(m);
  });
  log.info({ municipalities: directory.length, people: people.length, registrations: registrations.length }, 'participants demo data loaded');
}
