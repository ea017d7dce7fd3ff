import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { DEMO, demoId, municipalities, ORGANIZATIONS, populationFigures } from '@kommunenett/reference-data';
import { foldForSearch } from '@kommunenett/subgraph-kit';
import { Municipality } from '../entities/municipality.entity';
import { Organization } from '../entities/organization.entity';
import { Person } from '../entities/person.entity';
import { Registration } from '../entities/registration.entity';
import { NetworkSnapshot } from '../entities/network-snapshot.entity';
import { Country, Gender, MunicipalityKind, OrganizationKind, RegistrationChangeKind, RegistrationStatus } from '../entities/enums';
import { Position } from '../entities/position.entity';
import { PopulationFigure } from '../entities/population.entity';
import { ChangeLog } from '../services/changes';
import { emailFor, fakeName, seededRandom } from './demo-people';
import { roleOfTitle } from '../services/position-roles';

/**
 * The people the source documents name in a public role, as the documents name them: the title as
 * written (null where the document gives none), the employer the document gives, and an address
 * only where the document prints one. Everyone else in the demo is generated.
 */
const NAMED_PEOPLE: { id: string; name: string; title: string | null; organization?: string; municipality?: string; email?: string }[] = [
  { id: DEMO.namedPeople.sigrunVageng, name: 'Sigrun Vågeng', title: 'administrerende direktør', organization: 'ks' },
  { id: DEMO.namedPeople.guroSlettemark, name: 'Guro Slettemark', title: 'generalsekretær', organization: 'ti-norge' },
  { id: DEMO.namedPeople.torDolvik, name: 'Tor Dølvik', title: null, organization: 'ti-norge', email: 'dolvik@transparency.no' },
  { id: DEMO.namedPeople.ceciliaBerglin, name: 'Cecilia Berglin', title: 'Handläggare', organization: 'skr' },
  { id: DEMO.namedPeople.annSofiAgnevik, name: 'Ann Sofi Agnevik', title: 'Förbundsjurist', organization: 'skr' },
  { id: DEMO.namedPeople.maritTovsen, name: 'Marit Tovsen', title: 'rådgiver og prosjektleder', organization: 'ks' },
  { id: DEMO.namedPeople.asbjornStavem, name: 'Asbjørn L. Stavem', title: null, organization: 'ks' },
  { id: DEMO.namedPeople.bjornPettersen, name: 'Bjørn Pettersen', title: null, organization: 'fagforbundet' },
  { id: DEMO.namedPeople.fredrikRivenes, name: 'Fredrik Rivenes', title: 'Seniorrådgiver', organization: 'kdd' },
  { id: DEMO.namedPeople.olaHelstad, name: 'Ola Helstad', title: 'Rådmann', municipality: 'NO-3434' },
  { id: DEMO.namedPeople.einarHoland, name: 'Einar Holand', title: null },
  { id: DEMO.namedPeople.sissel, name: 'Sissel', title: null },
];

/** Municipalities that registered for the anti-corruption networks A, B and C (demo selection). */
const ANTIKORRUPSJON_REGISTRANTS: Record<string, string[]> = {
  [DEMO.networks.antikorrupsjonA]: ['NO-3201', 'NO-0301', 'NO-3203', 'NO-3205', 'NO-3301', 'NO-3907', 'NO-3103', 'NO-32', 'NO-3407', 'NO-4001'],
  [DEMO.networks.antikorrupsjonB]: ['NO-4601', 'NO-1103', 'NO-1106', 'NO-4204', 'NO-4203', 'NO-1108', 'NO-4621', 'NO-46', 'NO-1505'],
  [DEMO.networks.antikorrupsjonC]: ['NO-5001', 'NO-5501', 'NO-1804', 'NO-5601', 'NO-1806', 'NO-5006', 'NO-50', 'NO-1833', 'NO-5503'],
};

/**
 * The population figures of the reference data, when the series is empty: also in a data folder
 * made before the series existed (whose Swedish municipalities had no population yet).
 */
async function seedPopulation(ds: DataSource, log: Logger): Promise<void> {
  if ((await ds.getRepository(PopulationFigure).count()) > 0) return;
  const figures = populationFigures();
  await ds.transaction(async (m) => {
    await m.query(
      `UPDATE participants.municipality m SET population = f.population
         FROM unnest($1::text[], $2::int[]) AS f(id, population) WHERE m.id = f.id AND m.population IS DISTINCT FROM f.population`,
      [figures.map((f) => f.municipalityId), figures.map((f) => f.population)]);
    await m.getRepository(PopulationFigure).insert(figures);
  });
  log.info({ figures: figures.length }, 'population figures loaded');
}

export async function seedParticipantsDemo(ds: DataSource, log: Logger): Promise<void> {
  if ((await ds.getRepository(Municipality).count()) > 0) return seedPopulation(ds, log);
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
  const person = (id: string, country: 'NO' | 'SE', title: string, employer: { municipality?: string; organization?: string }, gender: Gender | null = null) => {
    const name = fakeName(random, country, gender === Gender.FEMALE);
    people.push({
      id, name, email: emailFor(name, 'example.org', people.length + 1), phone: country === 'NO' ? `+47 4${String(1000000 + people.length).slice(-7)}` : null,
      title, employerMunicipalityId: employer.municipality ?? null, employerOrganizationId: employer.organization ?? null, gender,
    });
  };
  person(DEMO.people.tiFacilitator, 'NO', 'seniorrådgiver', { organization: 'ti-norge' });
  person(DEMO.people.ksFacilitator, 'NO', 'rådgiver og prosjektleder', { organization: 'ks' });
  person(DEMO.people.sklContact1, 'SE', 'handläggare', { organization: 'skr' });
  person(DEMO.people.sklContact2, 'SE', 'förbundsjurist', { organization: 'skr' });
  person(DEMO.people.samanNetworkLead, 'NO', 'nettverksleder', { organization: 'ks' });
  person(DEMO.people.baerumCoordinator, 'NO', 'internkontroller', { municipality: 'NO-3201' });
  people.push(...NAMED_PEOPLE.map((p) => ({
    id: p.id, name: p.name, title: p.title, email: p.email ?? null, phone: null,
    employerMunicipalityId: p.municipality ?? null, employerOrganizationId: p.organization ?? null, gender: null,
  })));

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
  // KS's candidate networks (003): 50 women, of whom 11 became chief executives (rådmann), and up to
  // 40 leaders with immigrant background from 21 municipalities. Their positions over the years are
  // what the programme follows.
  const positions: Partial<Position>[] = [];
  const candidates = (networkId: string, count: number, municipalityIds: string[], year: number, gender: (i: number) => Gender) => {
    for (let i = 0; i < count; i++) {
      const municipalityId = municipalityIds[i % municipalityIds.length];
      const personId = demoId(`person:${networkId}:${i}`);
      const title = titles[Math.floor(random() * titles.length)];
      person(personId, 'NO', title, { municipality: municipalityId }, gender(i));
      positions.push({ id: demoId(`position:${personId}:1`), personId, title, role: roleOfTitle(title), employerMunicipalityId: municipalityId, validFrom: `${year - 3}-01-01`, validTo: null });
      registrations.push({
        id: demoId(`registration:${networkId}:${i}`), networkId, personId, municipalityId, status: RegistrationStatus.CONFIRMED, waitlistPosition: null,
        registeredAt: new Date(Date.UTC(year, 8, 1 + (i % 20), 9)), leadershipAnchoring: null,
      });
    }
  };
  const easternAndCities = ['NO-0301', 'NO-3201', 'NO-3203', 'NO-3205', 'NO-3301', 'NO-3103', 'NO-3107', 'NO-3907', 'NO-3909', 'NO-3403', 'NO-4601', 'NO-5001', 'NO-1103', 'NO-1108', 'NO-4204', 'NO-1804', 'NO-5501', 'NO-3209', 'NO-3207', 'NO-3105', 'NO-3305'];
  candidates(DEMO.networks.ksKandidatKvinner, 50, [...easternAndCities, 'NO-1506', 'NO-3405', 'NO-3911', 'NO-4003', 'NO-4207', 'NO-1106', 'NO-5006', 'NO-1833', 'NO-5601'], 2004, () => Gender.FEMALE);
  candidates(DEMO.networks.ksKandidatInnvandrer, 40, easternAndCities, 2007, (i) => (i % 2 === 0 ? Gender.FEMALE : Gender.MALE));
  // 11 of the 50 women became rådmann, two to six years after they registered; networkOutcomes counts them.
  const womenRegistered = registrations.find((r) => r.networkId === DEMO.networks.ksKandidatKvinner)!.registeredAt!.getUTCFullYear();
  for (let i = 0; i < 11; i++) {
    const earlier = positions.find((x) => x.personId === demoId(`person:${DEMO.networks.ksKandidatKvinner}:${i * 4}`))!;
    const year = womenRegistered + 2 + (i % 5);
    earlier.validTo = `${year - 1}-12-31`;
    positions.push({ id: demoId(`position:${earlier.personId}:2`), personId: earlier.personId, title: 'rådmann', role: roleOfTitle('rådmann'), employerMunicipalityId: earlier.employerMunicipalityId, validFrom: `${year}-01-01`, validTo: null });
    people.find((x) => x.id === earlier.personId)!.title = 'rådmann';
  }

  // What the networks service says of the networks with demo registrations.
  const snapshot = (networkId: string, programId: string, hostIds: string[], capacity: number): Partial<NetworkSnapshot> => ({
    networkId, programId, hostIds, country: 'NO', status: 'COMPLETED', capacity, refreshedAt: new Date(),
  });
  const snapshots = [
    ...Object.keys(ANTIKORRUPSJON_REGISTRANTS).map((networkId) => snapshot(networkId, DEMO.programs.antikorrupsjon2013, ['ti-norge', 'ks'], 30)),
    snapshot(DEMO.networks.ksKandidatKvinner, DEMO.programs.ksKandidatKvinner, ['ks'], 50),
    snapshot(DEMO.networks.ksKandidatInnvandrer, DEMO.programs.ksKandidat2007, ['ks'], 40),
  ];
  const changes = new ChangeLog('seed', null, { notify: false });
  for (const r of registrations) {
    changes.add({ registrationId: r.id!, networkId: r.networkId!, municipalityId: r.municipalityId!, kind: RegistrationChangeKind.CREATED, status: r.status!, previousStatus: null });
  }
  await ds.transaction(async (m) => {
    await m.getRepository(Municipality).insert(directory);
    await m.getRepository(Organization).insert(organizations);
    await m.getRepository(Person).insert(people);
    await m.getRepository(Position).insert(positions);
    await m.getRepository(NetworkSnapshot).insert(snapshots);
    await m.getRepository(Registration).insert(registrations.map((r) => ({ ...r, registeredByRole: 'COORDINATOR' })));
    await changes.flush(m);
  });
  log.info({ municipalities: directory.length, people: people.length, registrations: registrations.length }, 'participants demo data loaded');
  await seedPopulation(ds, log);
}
