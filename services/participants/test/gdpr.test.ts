import { randomUUID } from 'node:crypto';
import { createNetwork, startTestStack, type TestStack } from '@kommunenett/stack/testing';
import { register } from './fixtures';

/*
 * GDPR across the graph: a person who left traces in all four services exports everything the
 * platform holds about them, and erasure removes every copy (docs/security.md).
 */

let stack: TestStack;
let admin: string;
let network: string;
let person: string;
let registration: string;
let waiting: string;
/** Generated, never a real person. */
const NAME = 'Gunhild Slettemark-Østby';
const EMAIL = 'gunhild.slettemark.ostby@example.org';
const db = () => stack.subgraphs.participants.ds;

const ok = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, token?: string) => stack.ok<T>(query, variables, token);

/** Every text column (text, varchar, and JSON as text) of every schema where one of the terms occurs. */
async function traces(terms: string[]): Promise<string[]> {
  const columns = (await db().query(
    `SELECT c.table_schema AS schema, c.table_name AS "table", c.column_name AS "column" FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema IN ('networks', 'participants', 'reports', 'handbook') AND c.data_type IN ('text', 'character varying', 'jsonb', 'json')`)) as { schema: string; table: string; column: string }[];
  expect(columns.length).toBeGreaterThan(100);
  const found: string[] = [];
  for (const { schema, table, column } of columns) {
    const [{ n }] = (await db().query(`SELECT count(*)::int AS n FROM ${schema}."${table}" WHERE strpos(lower("${column}"::text), lower($1)) > 0 OR strpos(lower("${column}"::text), lower($2)) > 0 OR strpos("${column}"::text, $3) > 0`, terms)) as { n: number }[];
    if (n > 0) found.push(`${schema}.${table}.${column}`);
  }
  return found;
}

beforeAll(async () => {
  stack = await startTestStack();
  admin = await stack.token('ADMIN');
  // One seat: the person holds it, another waits for it.
  network = await createNetwork(stack, { hostIds: ['ks'], capacity: 1, perMunicipalityLimit: null });
  const baerum = await stack.token('COORDINATOR', { municipality: 'NO-3201' });
  const registered = await register(stack, baerum, { networkId: network, municipalityId: 'NO-3201', person: { name: NAME, email: EMAIL, phone: '+47 913 00 000', gender: 'FEMALE' }, note: `Påmeldt av kommunen: ${NAME}` });
  registration = registered.payload!.registration!.id;
  person = registered.payload!.registration!.person!.id;
  expect(registered.payload!.registration!.status).toBe('CONFIRMED');
  const waiter = await register(stack, baerum, { networkId: network, municipalityId: 'NO-3201', person: { name: 'Venter Venteliste', email: 'venter.venteliste@example.org' } });
  waiting = waiter.payload!.registration!.id;
  expect(waiter.payload!.registration!.status).toBe('WAITLISTED');

  // networks: contact person, leader of an agenda item (also named in its text), a submission written by the person.
  const { network: { version } } = await ok<{ network: { version: number } }>('query($n: ID!) { network(id: $n) { version } }', { n: network }, admin);
  await ok('mutation($i: UpdateNetworkInput!) { updateNetwork(input: $i) { userErrors { code } } }', { i: { id: network, expectedVersion: version, contactPersonIds: [person] } }, admin);
  const networksDb = stack.subgraphs.networks.ds;
  const session = randomUUID();
  await networksDb.query(`INSERT INTO networks.session (id, network_id, sequence, kind, title, starts_at, ends_at, sort_date)
    VALUES ($1, $2, 1, 'GATHERING', 'Samling', '2030-03-01T09:00:00Z', '2030-03-01T15:00:00Z', '2030-03-01T09:00:00Z')`, [session, network]);
  await networksDb.query(`INSERT INTO networks.agenda_item (id, session_id, position, starts_at, title, kind, leaders, leader_person_ids)
    VALUES ($1, $2, 1, '2030-03-01T09:00:00Z', 'Innledning', 'PRESENTATION', $3, $4)`, [randomUUID(), session, `${NAME} (Bærum)`, [person]]);
  const assignment = randomUUID();
  await networksDb.query(`INSERT INTO networks.assignment (id, network_id, position, title, instructions) VALUES ($1, $2, 1, 'Risikoanalyse', 'Gjør en risikoanalyse')`, [assignment, network]);
  await networksDb.query(`INSERT INTO networks.submission (id, assignment_id, municipality_id, status, text, submitted_by_person_id, submitted_at)
    VALUES ($1, $2, 'NO-3201', 'SUBMITTED', $3, $4, now())`, [randomUUID(), assignment, `Skrevet av ${NAME}, ${EMAIL}`, person]);
  // handbook: a revision proposal by the person, who signs it.
  const self = await stack.token('PARTICIPANT', { sub: person, networks: [network] });
  await ok('mutation($i: ProposeRevisionInput!) { proposeRevision(input: $i) { userErrors { code } } }',
    { i: { anchor: 'beskytt-kommunen/hva-er-korrupsjon', networkId: network, title: `Forslag fra ${NAME}`, rationale: `Spørsmål til ${EMAIL}` } }, self);
  // reports: the person named in the return comment of a municipality's report.
  await stack.subgraphs.reports.ds.query('UPDATE reports.report SET return_comment = $1 WHERE id = (SELECT id FROM reports.report ORDER BY id LIMIT 1)', [`Spørsmål til ${NAME}`]);
  // participants: the person asks for erasure, in their own words.
  await ok('mutation { requestErasure(input: { reason: "Jeg har sluttet i kommunen" }) { userErrors { code } } }', {}, self);
  await db().query('UPDATE participants.erasure_request SET reason = $2 WHERE person_id = $1', [person, `Hilsen ${NAME}`]);
  expect(await traces([NAME, EMAIL, person])).toEqual(expect.arrayContaining(['networks.submission.text', 'handbook.revision_proposal.title', 'handbook.revision_proposal.proposed_by', 'reports.report.return_comment', 'participants.erasure_request.reason']));
}, 180_000);
afterAll(async () => { await stack?.stop(); });

const EXPORT = 'query($p: ID) { exportMyData(personId: $p) { id participants networks handbook reports } }';
type Export = { exportMyData: { id: string; participants: any; networks: any; handbook: any; reports: any } };

describe('exportMyData', () => {
  it('carries the part of each of the four services', async () => {
    const self = await stack.token('PARTICIPANT', { sub: person });
    const { exportMyData: data } = await ok<Export>(EXPORT, {}, self);
    expect(data.id).toBe(person);
    expect(data.participants.person).toMatchObject({ name: NAME, email: EMAIL });
    expect(data.participants.registrations.map((r: { id: string }) => r.id)).toEqual([registration]);
    expect(data.networks.contactPersonOf.map((n: { id: string }) => n.id)).toEqual([network]);
    expect(data.networks.agendaItemsLed.map((i: { title: string }) => i.title)).toEqual(['Innledning']);
    expect(data.networks.submissions.map((s: { text: string }) => s.text)).toEqual([`Skrevet av ${NAME}, ${EMAIL}`]);
    expect(data.handbook.proposals.map((p: { title: string; chapter: string }) => [p.title, p.chapter])).toEqual([[`Forslag fra ${NAME}`, 'hva-er-korrupsjon']]);
    expect(data.reports).toEqual({ authored: [] });
    // ADMIN answers a request by post; anyone else is refused on every part.
    expect((await ok<Export>(EXPORT, { p: person }, admin)).exportMyData.networks.submissions).toHaveLength(1);
    for (const token of [await stack.token('PARTICIPANT', { sub: randomUUID() }), await stack.token('COORDINATOR', { municipality: 'NO-3201' })]) {
      const refused = await stack.graphql(EXPORT, { token, variables: { p: person } });
      expect(refused.body.data ?? null).toBeNull();
      expect(refused.body.errors!.map((e) => e.extensions!.code)).toEqual(expect.arrayContaining(['FORBIDDEN']));
    }
  });
});

describe('erasePerson', () => {
  it('leaves no trace of the name, email or token subject in any text column of any schema, and releases the seat', async () => {
    const erased = await ok<{ erasePerson: { person: { name: string }; userErrors: unknown[] } }>(
      'mutation($id: ID!) { erasePerson(input: { personId: $id }) { person { name } userErrors { code } } }', { id: person }, admin);
    expect(erased.erasePerson).toEqual({ person: { name: 'Anonymisert' }, userErrors: [] });
    expect(await traces([NAME, EMAIL, person])).toEqual([]);

    // Links by id are gone too; the seat went to the one waiting.
    const after = (await ok<Export>(EXPORT, { p: person }, admin)).exportMyData;
    expect(after.networks).toEqual({ contactPersonOf: [], agendaItemsLed: [], submissions: [], anchoringChanges: [] });
    expect(after.handbook).toEqual({ proposals: [] });
    const statuses = (await db().query('SELECT id, status FROM participants.registration WHERE id = ANY($1)', [[registration, waiting]])) as { id: string; status: string }[];
    expect(Object.fromEntries(statuses.map((r) => [r.id === registration ? 'erased' : 'waiting', r.status]))).toEqual({ erased: 'CANCELLED', waiting: 'OFFERED' });
    // The network and the counts stay: the registration is an anonymous row.
    const counts = await ok<{ network: { contactPersons: unknown[]; waitlistCount: number } }>('query($n: ID!) { network(id: $n) { contactPersons { id } waitlistCount } }', { n: network }, admin);
    expect(counts.network).toEqual({ contactPersons: [], waitlistCount: 0 });
  });

  it('is refused to anyone but ADMIN, and changes nothing then', async () => {
    const coordinator = await stack.token('COORDINATOR', { municipality: 'NO-3201' });
    const res = await stack.graphql('mutation($id: ID!) { erasePerson(input: { personId: $id }) { userErrors { code } } }', { token: coordinator, variables: { id: randomUUID() } });
    expect(res.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    // The internal erase mutations of the other services are not part of the public API.
    const hidden = await stack.graphql('mutation { eraseNetworksPersonData(personId: "00000000-0000-4000-8000-000000000000", subjects: []) }', { token: admin });
    expect(hidden.status).toBe(400);
    expect(hidden.body.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
