import { randomUUID } from 'node:crypto';
import { createNetwork, newPerson, startTestStack, type TestStack } from '@kommunenett/stack/testing';
import { DEMO } from '@kommunenett/reference-data';
import { register } from './fixtures';

/*
 * The person-visibility rule (docs/security.md), tried from outside with every role's token and
 * every way the graph leads to a person. A cell fails when it answers more than the rule says.
 */

type Role = Parameters<TestStack['token']>[0];
/** How much of a person an answer carries: nothing, the profile (name, title), or contact data too. */
const NONE = 0;
const PROFILE = 1;
const CONTACT = 2;
const LEVEL_NAMES = ['NONE', 'PROFILE', 'CONTACT'];

let stack: TestStack;
let admin: string;
/** The network the person is registered in (hosted by KS), another one (hosted by TI Norge), and their sessions. */
let N: string;
let M: string;
let sessionOfN: string;
/** The person every path leads to, and their registration. */
let P: string;
let registrationOfP: string;
const personOfP = newPerson('matrise');
const db = (service: string) => stack.subgraphs[service].ds;

const ok = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, token?: string) => stack.ok<T>(query, variables, token);

beforeAll(async () => {
  stack = await startTestStack();
  admin = await stack.token('ADMIN');
  N = await createNetwork(stack, { hostIds: ['ks'] });
  M = await createNetwork(stack, { hostIds: ['ti-norge'] });
  // Bærum's coordinator registers the person (a new person: Bærum registered and employs them).
  const baerum = await stack.token('COORDINATOR', { municipality: 'NO-3201' });
  const registered = await register(stack, baerum, { networkId: N, municipalityId: 'NO-3201', person: { ...personOfP, phone: '+47 912 34 567', gender: 'FEMALE' } });
  registrationOfP = registered.payload!.registration!.id;
  P = registered.payload!.registration!.person!.id;
  await ok('mutation($i: RecordPositionInput!) { recordPosition(input: $i) { userErrors { code } } }',
    { i: { personId: P, title: 'økonomisjef', employerMunicipalityId: 'NO-3201', validFrom: '2012-01-01', validTo: '2014-12-31' } }, admin);
  // Every other place the graph names the person, set up as the services' own rows.
  const version = (await ok<{ network: { version: number } }>('query($n: ID!) { network(id: $n) { version } }', { n: N }, admin)).network.version;
  await ok('mutation($i: UpdateNetworkInput!) { updateNetwork(input: $i) { userErrors { code } } }', { i: { id: N, expectedVersion: version, contactPersonIds: [P] } }, admin);
  sessionOfN = randomUUID();
  await db('networks').query(`INSERT INTO networks.session (id, network_id, sequence, kind, title, starts_at, ends_at, sort_date)
    VALUES ($1, $2, 1, 'GATHERING', 'Første samling', '2030-03-01T09:00:00Z', '2030-03-01T15:00:00Z', '2030-03-01T09:00:00Z')`, [sessionOfN, N]);
  await db('networks').query(`INSERT INTO networks.agenda_item (id, session_id, position, starts_at, title, kind, leader_person_ids)
    VALUES ($1, $2, 1, '2030-03-01T09:00:00Z', 'Velkommen', 'PRESENTATION', $3)`, [randomUUID(), sessionOfN, [P]]);
  const assignment = randomUUID();
  await db('networks').query(`INSERT INTO networks.assignment (id, network_id, position, title, instructions) VALUES ($1, $2, 1, 'Risikoanalyse', 'Gjør en risikoanalyse')`, [assignment, N]);
  await db('networks').query(`INSERT INTO networks.submission (id, assignment_id, municipality_id, status, text, submitted_by_person_id, submitted_at)
    VALUES ($1, $2, 'NO-3201', 'SUBMITTED', 'Vår analyse', $3, now())`, [randomUUID(), assignment, P]);
  await db('participants').query(`INSERT INTO participants.attendance (session_id, person_id, network_id, status, recorded_at) VALUES ($1, $2, $3, 'PRESENT', now())`, [sessionOfN, P, N]);
  const self = await stack.token('PARTICIPANT', { sub: P, networks: [N] });
  await ok(`mutation($i: ProposeRevisionInput!) { proposeRevision(input: $i) { userErrors { code } } }`,
    { i: { anchor: 'beskytt-kommunen/hva-er-korrupsjon', networkId: N, title: 'Nytt eksempel', rationale: 'Vi lærte noe' } }, self);
  // A read of contact data, so that the access log has a row about the person.
  await ok('query($p: ID!) { person(id: $p) { email } }', { p: P }, admin);
}, 180_000);
afterAll(async () => { await stack?.stop(); });

/** Every role of the platform, and how much of the person the rule lets it see. */
const VIEWERS: { name: string; role?: Role; claims?: Record<string, unknown>; expected: number }[] = [
  { name: 'anonymous', expected: NONE },
  { name: 'PARTICIPANT (another person)', role: 'PARTICIPANT', claims: { sub: randomUUID() }, expected: NONE },
  { name: 'PARTICIPANT (the person)', role: 'PARTICIPANT', claims: { sub: 'P' }, expected: CONTACT },
  { name: 'COORDINATOR of the same municipality', role: 'COORDINATOR', claims: { municipality: 'NO-3201' }, expected: CONTACT },
  { name: 'COORDINATOR of another municipality', role: 'COORDINATOR', claims: { municipality: 'NO-0301' }, expected: NONE },
  { name: 'FACILITATOR of the network', role: 'FACILITATOR', claims: { networks: ['N'] }, expected: CONTACT },
  { name: 'FACILITATOR of another network', role: 'FACILITATOR', claims: { networks: ['M'] }, expected: NONE },
  { name: 'ORG_ADMIN of the host', role: 'ORG_ADMIN', claims: { org: 'ks' }, expected: CONTACT },
  { name: 'ORG_ADMIN of another organization', role: 'ORG_ADMIN', claims: { org: 'skr' }, expected: NONE },
  { name: 'PARTNER of the host with scopes', role: 'PARTNER', claims: { org: 'ks', client_id: 'ks-medlem', scope: 'registrations:read' }, expected: PROFILE },
  { name: 'PARTNER of the host without scopes', role: 'PARTNER', claims: { org: 'ks', client_id: 'ks-medlem' }, expected: NONE },
  { name: 'ANALYST', role: 'ANALYST', claims: { org: 'ks' }, expected: NONE },
  { name: 'ADMIN', role: 'ADMIN', expected: CONTACT },
];

/** The person's fields, each one of the cells of a row. */
const PERSON = 'id name title email phone gender positions { title } employerMunicipality { id }';
type PersonAnswer = { id: string; name?: string | null; title?: string | null; email?: string | null; phone?: string | null; gender?: string | null; positions?: unknown[] | null; employerMunicipality?: unknown } | null;

/** How much of the person one answer carries, field by field. */
function levelOf(answers: PersonAnswer[]): number {
  const mine = answers.filter((a) => a?.id === P);
  if (mine.some((a) => a!.email || a!.phone || a!.gender || (a!.positions?.length ?? 0) > 0)) return CONTACT;
  return mine.some((a) => a!.name || a!.title || a!.employerMunicipality) ? PROFILE : NONE;
}

const edges = <T>(c: { edges: { node: T }[] } | null | undefined) => c?.edges.map((e) => e.node) ?? [];

/** Every way the graph leads to a person, each returning what reached the viewer (data only; errors count as nothing). */
const PATHS: { name: string; query: string; reached: (d: any) => PersonAnswer[] }[] = [
  { name: 'person(id)', query: `query($p: ID!) { person(id: $p) { ${PERSON} } }`, reached: (d) => [d?.person] },
  { name: 'registration(id).person', query: `query($r: ID!) { registration(id: $r) { person { ${PERSON} } } }`, reached: (d) => [d?.registration?.person] },
  { name: 'registrations(filter: personId)', query: `query($p: ID!) { registrations(first: 10, filter: { personId: $p }) { edges { node { person { ${PERSON} } } } } }`, reached: (d) => edges<any>(d?.registrations).map((n) => n.person) },
  { name: 'network.registrations', query: `query($n: ID!) { network(id: $n) { registrations(first: 100) { edges { node { person { ${PERSON} } } } } } }`, reached: (d) => edges<any>(d?.network?.registrations).map((n) => n.person) },
  { name: 'municipality.participants', query: `{ municipality(id: "NO-3201") { participants(first: 100) { edges { node { ${PERSON} } } } } }`, reached: (d) => edges<any>(d?.municipality?.participants) },
  { name: 'network.contactPersons', query: `query($n: ID!) { network(id: $n) { contactPersons { ${PERSON} } } }`, reached: (d) => d?.network?.contactPersons ?? [] },
  { name: 'agenda leaderPersons', query: `query($s: ID!) { session(id: $s) { agenda { leaderPersons { ${PERSON} } } } }`, reached: (d) => (d?.session?.agenda ?? []).flatMap((i: any) => i.leaderPersons ?? []) },
  { name: 'submission.submittedBy', query: `query($n: ID!) { network(id: $n) { assignments { submissions(first: 100) { edges { node { submittedBy { ${PERSON} } } } } } } }`, reached: (d) => (d?.network?.assignments ?? []).flatMap((a: any) => edges<any>(a.submissions).map((s) => s.submittedBy)) },
  { name: 'revision proposal.proposer', query: `{ revisionProposals(first: 100) { edges { node { proposer { ${PERSON} } } } } }`, reached: (d) => edges<any>(d?.revisionProposals).map((n) => n.proposer) },
  { name: 'session.attendance', query: `query($s: ID!) { session(id: $s) { attendance(first: 100) { edges { node { person { ${PERSON} } } } } } }`, reached: (d) => edges<any>(d?.session?.attendance).map((a) => a.person) },
  // The log and the export carry contact data of the person as a whole: any answer counts as CONTACT.
  { name: 'contactDataAccessLog', query: 'query($p: ID!) { contactDataAccessLog(first: 10, personId: $p) { edges { node { personId viewerSubject } } } }', reached: (d) => edges<any>(d?.contactDataAccessLog).map((n) => ({ id: n.personId, email: n.viewerSubject ?? 'logged' })) },
  { name: 'exportMyData(personId)', query: 'query($p: ID!) { exportMyData(personId: $p) { id participants } }', reached: (d) => (d?.exportMyData?.participants ? [{ id: d.exportMyData.id, email: 'exported' }] : []) },
];

describe('who may see a person', () => {
  it('answers no role more of the person than the rule says, on any path (the matrix)', async () => {
    const cells: { viewer: string; path: string; level: string }[] = [];
    const tooMuch: typeof cells = [];
    for (const viewer of VIEWERS) {
      const claims = Object.fromEntries(Object.entries(viewer.claims ?? {}).map(([k, v]) => [k, v === 'P' ? P : Array.isArray(v) ? v.map((x) => ({ N, M }[x as 'N' | 'M'] ?? x)) : v]));
      const token = viewer.role ? await stack.token(viewer.role, claims) : undefined;
      for (const path of PATHS) {
        const res = await stack.graphql(path.query, { token, variables: { p: P, r: registrationOfP, n: N, s: sessionOfN } });
        expect(res.status).toBeLessThan(500);
        const level = levelOf(path.reached(res.body.data));
        cells.push({ viewer: viewer.name, path: path.name, level: LEVEL_NAMES[level] });
        if (level > viewer.expected) tooMuch.push({ viewer: viewer.name, path: path.name, level: LEVEL_NAMES[level] });
      }
    }
    expect(tooMuch).toEqual([]);
    // The direct path answers exactly what the rule says (the rule is not vacuous).
    expect(cells.filter((c) => c.path === 'person(id)').map((c) => [c.viewer, c.level]))
      .toEqual(VIEWERS.map((v) => [v.name, LEVEL_NAMES[v.expected]]));
    // Every path does lead to the person for someone (ADMIN), so no row of the matrix is empty by mistake.
    expect(cells.filter((c) => c.viewer === 'ADMIN').map((c) => [c.path, c.level])).toEqual(PATHS.map((p) => [p.name, 'CONTACT']));
  }, 300_000);

  it('shows a partner the profile of the person, and no field beyond it', async () => {
    const partner = await stack.token('PARTNER', { org: 'ks', client_id: 'ks-medlem', scope: 'registrations:read' });
    const res = await stack.graphql<{ person: PersonAnswer }>(`query($p: ID!) { person(id: $p) { ${PERSON} } }`, { token: partner, variables: { p: P } });
    expect(res.body.data!.person).toEqual({ id: P, name: personOfP.name, title: personOfP.title, email: null, phone: null, gender: null, positions: [], employerMunicipality: { id: 'NO-3201' } });
    expect(res.body.errors!.map((e) => [e.path!.at(-1), e.extensions!.code])).toEqual([['email', 'FORBIDDEN'], ['phone', 'FORBIDDEN'], ['gender', 'FORBIDDEN']]);
  });
});

describe('registering is not a way in', () => {
  /** A person of Sweden, registered by Stockholm into a network SKR hosts: nobody in Norway sees them. */
  async function swedishPerson(): Promise<{ id: string; email: string }> {
    const se = await createNetwork(stack, { hostIds: ['skr'], country: 'SE' });
    const stockholm = await stack.token('COORDINATOR', { municipality: 'SE-0180' });
    const person = newPerson('svensk');
    const res = await register(stack, stockholm, { networkId: se, municipalityId: 'SE-0180', person });
    return { id: res.payload!.registration!.person!.id, email: person.email };
  }
  const PERSON_SEEN = `query($p: ID!) { person(id: $p) { name email } registrations(first: 10, filter: { personId: $p }) { edges { node { status person { name } } } } }`;
  const registrationCount = async (personId: string) => ((await db('participants').query('SELECT count(*)::int AS n FROM participants.registration WHERE person_id = $1', [personId])) as { n: number }[])[0].n;

  it('refuses a personId the caller may not see with the answer of an unknown id', async () => {
    const victim = await swedishPerson();
    for (const token of [await stack.token('COORDINATOR', { municipality: 'NO-3201' }), await stack.token('ORG_ADMIN', { org: 'ks' })]) {
      const unseen = await register(stack, token, { networkId: N, municipalityId: 'NO-3201', personId: victim.id });
      const unknown = await register(stack, token, { networkId: N, municipalityId: 'NO-3201', personId: randomUUID() });
      expect(unseen.payload!.userErrors).toEqual([{ field: ['input', 'personId'], message: 'No such person.', code: 'NOT_FOUND' }]);
      expect(unseen.payload).toEqual(unknown.payload);
      const seen = await stack.graphql<{ person: unknown }>(PERSON_SEEN, { token, variables: { p: victim.id } });
      expect(seen.body.data!.person).toBeNull();
    }
    expect(await registrationCount(victim.id)).toBe(1);
    // recordPosition, too, answers a person one may not see as unknown.
    const coordinator = await stack.token('COORDINATOR', { municipality: 'NO-3201' });
    const position = await stack.graphql<{ recordPosition: { userErrors: { code: string }[] } }>('mutation($i: RecordPositionInput!) { recordPosition(input: $i) { userErrors { code } } }',
      { token: coordinator, variables: { i: { personId: victim.id, title: 'x', validFrom: '2020-01-01' } } });
    expect(position.body.data!.recordPosition.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
  });

  it('gives the registrar nothing of an existing person registered by email, before or after a cancellation', async () => {
    for (const [role, claims] of [['COORDINATOR', { municipality: 'NO-3201' }], ['ORG_ADMIN', { org: 'ks' }]] as const) {
      const victim = await swedishPerson();
      const token = await stack.token(role, claims);
      const res = await register(stack, token, { networkId: N, municipalityId: 'NO-3201', person: { name: 'Hvem som helst', email: victim.email } });
      const registration = res.payload!.registration!;
      expect(registration.person).toBeNull();
      const seen = await stack.graphql<{ person: unknown; registrations: { edges: { node: { status: string; person: unknown } }[] } }>(PERSON_SEEN, { token, variables: { p: victim.id } });
      expect(seen.body.data!.person).toBeNull();
      expect(seen.body.data!.registrations.edges).toEqual([{ node: { status: 'CONFIRMED', person: null } }]);
      const cancelled = await stack.graphql<{ cancelRegistration: { userErrors: unknown[] } }>('mutation($id: ID!) { cancelRegistration(input: { registrationId: $id }) { userErrors { code } } }', { token, variables: { id: registration.id } });
      expect(cancelled.body.data!.cancelRegistration.userErrors).toEqual([]);
      const after = await stack.graphql<{ person: unknown }>(PERSON_SEEN, { token, variables: { p: victim.id } });
      expect(after.body.data!.person).toBeNull();
      const participants = await stack.graphql<{ municipality: { participants: { edges: { node: { id: string } }[] } } }>('{ municipality(id: "NO-3201") { participants(first: 100) { edges { node { id } } } } }', { token });
      expect(participants.body.data!.municipality.participants.edges.map((e) => e.node.id)).not.toContain(victim.id);
    }
  });

  it('lets the network’s facilitator, who registered no one, see a person registered into it', async () => {
    const victim = await swedishPerson();
    await register(stack, await stack.token('COORDINATOR', { municipality: 'NO-3201' }), { networkId: N, municipalityId: 'NO-3201', person: { name: 'Hvem som helst', email: victim.email } });
    const facilitator = await stack.token('FACILITATOR', { networks: [N] });
    const seen = await stack.graphql<{ person: { email: string } }>('query($p: ID!) { person(id: $p) { email } }', { token: facilitator, variables: { p: victim.id } });
    expect(seen.body.data!.person.email).toBe(victim.email);
  });
});

describe('references do not bypass the rule', () => {
  const UPDATE = 'mutation($i: UpdateNetworkInput!) { updateNetwork(input: $i) { network { contactPersons { id } } userErrors { field message code } } }';
  const CREATE = 'mutation($i: CreateNetworkInput!) { createNetwork(input: $i) { network { id } userErrors { field message code } } }';
  const versionOf = async (id: string) => (await ok<{ network: { version: number } }>('query($n: ID!) { network(id: $n) { version } }', { n: id }, admin)).network.version;

  it('refuses contact persons and agenda leaders the writer may not see, as unknown ids', async () => {
    const hidden = P; // registered by Bærum into KS's network: TI Norge's admin does not see them
    const tiAdmin = await stack.token('ORG_ADMIN', { org: 'ti-norge' });
    const notFound = [{ field: ['input', 'contactPersonIds', '0'], message: 'No such person.', code: 'NOT_FOUND' }];
    for (const id of [hidden, randomUUID()]) {
      const res = await stack.graphql<{ updateNetwork: { userErrors: unknown[] } }>(UPDATE, { token: tiAdmin, variables: { i: { id: M, expectedVersion: await versionOf(M), contactPersonIds: [id] } } });
      expect(res.body.data!.updateNetwork).toEqual({ network: null, userErrors: notFound });
      const created = await stack.graphql<{ createNetwork: { userErrors: unknown[] } }>(CREATE, { token: tiAdmin, variables: { i: { name: 'Nytt nettverk', theme: 'antikorrupsjon', country: 'NO', language: 'nb', hostIds: ['ti-norge'], contactPersonIds: [id] } } });
      expect(created.body.data!.createNetwork.userErrors).toEqual(notFound);
    }
    const [row] = await db('networks').query('SELECT contact_person_ids FROM networks.network WHERE id = $1', [M]);
    expect(row.contact_person_ids).toEqual([]);
    // A person in a public role (employed by an organization) may be named by anyone signed in.
    const named = await stack.graphql<{ updateNetwork: { network: { contactPersons: { id: string }[] } } }>(UPDATE, { token: tiAdmin, variables: { i: { id: M, expectedVersion: await versionOf(M), contactPersonIds: [DEMO.people.tiFacilitator] } } });
    expect(named.body.data!.updateNetwork.network.contactPersons).toEqual([{ id: DEMO.people.tiFacilitator }]);

    // The same for the leaders of an agenda item.
    const facilitator = await stack.token('FACILITATOR', { networks: [DEMO.networks.samanOmdomme1] });
    const session = (await ok<{ session: { version: number } }>('query($s: ID!) { session(id: $s) { version } }', { s: DEMO.sessions.samanOmdomme1First }, admin)).session;
    const agenda = await stack.graphql<{ setAgenda: { userErrors: unknown[] } }>(
      'mutation($i: SetAgendaInput!) { setAgenda(input: $i) { userErrors { field code } } }',
      { token: facilitator, variables: { i: { sessionId: DEMO.sessions.samanOmdomme1First, expectedVersion: session.version, items: [{ startTime: '10:00', title: 'Innledning', kind: 'PRESENTATION', leaderPersonIds: [hidden] }] } } });
    expect(agenda.body.data!.setAgenda.userErrors).toEqual([{ field: ['input', 'items', '0', 'leaderPersonIds', '0'], code: 'NOT_FOUND' }]);
  });

  it('shows through a reference only what the reader may see directly', async () => {
    // ADMIN may name anyone; an ANALYST reading the network afterwards still sees nothing of the person.
    const analyst = await stack.token('ANALYST', { org: 'ks' });
    const res = await stack.graphql<{ network: { contactPersons: unknown[] } }>('query($n: ID!) { network(id: $n) { contactPersons { id name title } } }', { token: analyst, variables: { n: N } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.network.contactPersons).toEqual([null]);
    const direct = await stack.graphql<{ person: unknown }>('query($p: ID!) { person(id: $p) { name } }', { token: analyst, variables: { p: P } });
    expect(direct.body.data!.person).toBeNull();
  });
});
