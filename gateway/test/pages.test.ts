import { randomUUID } from 'node:crypto';
import { DEMO } from '@kommunenett/reference-data';
import { sqlDelta, startTestStack, type TestStack } from '@kommunenett/stack/testing';

/**
 * The lists that grow with the data are pages (docs/errors.md, breaking changes): each is read
 * page after page through the gateway, refuses bad cursors and page sizes with a code, and a
 * nested one costs the same statements for two parents as for many.
 */
let stack: TestStack;
let admin: string;
const A = DEMO.networks.antikorrupsjonA;
const SAMAN = DEMO.networks.samanOmdomme1;
const OTHERS = ['NO-0301', 'NO-1103', 'NO-4601', 'NO-5001'];
let assignmentId: string;

/** Copies a row of `table` once per change (a new id each): more rows like a real one, so a list has several pages. */
async function copyRow(ds: { query: (sql: string, parameters: unknown[]) => Promise<unknown> }, table: string, id: string, changes: Record<string, unknown>[]): Promise<void> {
  for (const change of changes) {
    await ds.query(`INSERT INTO ${table} SELECT (jsonb_populate_record(NULL::${table}, to_jsonb(t) || $2::jsonb)).* FROM ${table} t WHERE t.id = $1`,
      [id, JSON.stringify({ id: randomUUID(), ...change })]);
  }
}

async function ok<T = any>(query: string, variables: Record<string, unknown> = {}, token = admin): Promise<T> {
  const res = await stack.graphql<T>(query, { token, variables });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!;
}

beforeAll(async () => {
  stack = await startTestStack();
  admin = await stack.token('ADMIN');
  const { reports, networks, participants } = stack.subgraphs;
  // Recommendation statuses and network project results of more municipalities.
  const reportIds = OTHERS.map(() => randomUUID());
  await copyRow(reports.ds, 'reports.report', DEMO.reports.baerumInternalControl2022,
    [...OTHERS.map((m, i) => ({ id: reportIds[i], municipality_id: m })), { municipality_id: 'NO-3201' }].map((r) => ({ ...r, network_id: A, kind: 'NETWORK_PROJECT_RESULT' })));
  const [status] = await reports.ds.query('SELECT id FROM reports.recommendation_status WHERE recommendation_id = $1', [DEMO.recommendations[0]]);
  await copyRow(reports.ds, 'reports.recommendation_status', status.id, OTHERS.map((m, i) => ({ report_id: reportIds[i], municipality_id: m, period: String(2019 + i) })));
  // Projects of more municipalities in a Saman network; submissions of more municipalities.
  const project = await ok('mutation($input: SaveProjectInput!) { saveProject(input: $input) { project { id } userErrors { code } } }',
    { input: { networkId: SAMAN, municipalityId: 'NO-3434', title: 'Omdømme i Lom' } }, await stack.token('COORDINATOR', { municipality: 'NO-3434' }));
  await copyRow(networks.ds, 'networks.municipality_project', project.saveProject.project.id, OTHERS.map((m) => ({ municipality_id: m })));
  ({ network: { assignments: [{ id: assignmentId }] } } = await ok('query($id: ID!) { network(id: $id) { assignments { id } } }', { id: A }));
  const saved = await ok(`mutation($input: SaveSubmissionInput!) { saveSubmission(input: $input) { submission { id } userErrors { code } } }`,
    { input: { assignmentId, municipalityId: 'NO-3201', text: 'Kartlegging' } }, await stack.token('COORDINATOR', { municipality: 'NO-3201', person: DEMO.people.baerumCoordinator }));
  await copyRow(networks.ds, 'networks.submission', saved.saveSubmission.submission.id, OTHERS.map((m) => ({ municipality_id: m })));
  // Attendance of five participants of network A's first gathering.
  const registered = await ok<{ network: { registrations: { edges: { node: { person: { id: string } } }[] } } }>(
    'query($id: ID!) { network(id: $id) { registrations(first: 5, filter: { status: [CONFIRMED] }) { edges { node { person { id } } } } } }', { id: A });
  const entries = registered.network.registrations.edges.map((e, i) => ({ personId: e.node.person.id, status: ['PRESENT', 'ABSENT', 'EXCUSED'][i % 3] }));
  const recorded = await ok('mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { userErrors { code } } }',
    { input: { sessionId: DEMO.sessions.antikorrupsjonA1, entries } }, await stack.token('FACILITATOR', { networks: [A] }));
  expect(recorded.recordAttendance.userErrors).toEqual([]);
  // Bærum's coordinator in three more networks; three erasure requests.
  const [registration] = await participants.ds.query('SELECT id FROM participants.registration WHERE person_id = $1', [DEMO.people.baerumCoordinator]);
  await copyRow(participants.ds, 'participants.registration', registration.id,
    [DEMO.networks.antikorrupsjonB, DEMO.networks.antikorrupsjonC, DEMO.networks.antikorrupsjonD].map((n) => ({ network_id: n, external_ref: null, idempotency_key: null })));
  for (const person of [DEMO.people.tiFacilitator, DEMO.people.ksFacilitator, DEMO.people.sklContact1]) {
    await ok('mutation { requestErasure(input: { reason: "Slutter" }) { userErrors { code } } }', {}, await stack.token('PARTICIPANT', { sub: person }));
  }
});
afterAll(async () => { await stack?.stop(); });

interface Page { totalCount: number; edges: { cursor: string; node: unknown }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null } }
const page = (nodeFields: string) => `totalCount edges { cursor node { ${nodeFields} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

interface Case {
  /** The query, with `$first: Int, $after: String` passed to the connection. */
  query: string;
  at: (data: any) => Page;
  variables?: Record<string, unknown>;
  token?: () => Promise<string>;
  /** A small page size, and how many nodes the list has at least (so it takes several pages). */
  size: number;
  atLeast: number;
  /** The largest page the connection gives (statistics cells: 1,000; every other list: 100). */
  maxPage?: number;
}

const CASES: Record<string, Case> = {
  'Recommendation.statuses': {
    query: `query($first: Int, $after: String) { recommendations { id statuses(first: $first, after: $after) { ${page('period municipality { id } status')} } } }`,
    at: (d) => d.recommendations.find((r: { id: string }) => r.id === DEMO.recommendations[0]).statuses, size: 2, atLeast: 5,
  },
  'Municipality.indicatorValues': {
    query: `query($first: Int, $after: String) { municipality(id: "NO-3201") { indicatorValues(first: $first, after: $after) { ${page('indicator { id } period breakdown value')} } } }`,
    at: (d) => d.municipality.indicatorValues, size: 10, atLeast: 40,
  },
  'Municipality.reports': {
    query: `query($first: Int, $after: String) { municipality(id: "NO-3201") { reports(first: $first, after: $after) { ${page('id period kind')} } } }`,
    at: (d) => d.municipality.reports, size: 2, atLeast: 5,
  },
  'Municipality.networks': {
    query: `query($first: Int, $after: String) { municipality(id: "NO-3201") { networks(first: $first, after: $after) { ${page('id name')} } } }`,
    at: (d) => d.municipality.networks, size: 1, atLeast: 4,
  },
  'Network.reports': {
    query: `query($first: Int, $after: String, $id: ID!) { network(id: $id) { reports(first: $first, after: $after) { ${page('id municipality { id }')} } } }`,
    variables: { id: A }, at: (d) => d.network.reports, size: 2, atLeast: 5,
  },
  'Network.projects': {
    query: `query($first: Int, $after: String, $id: ID!) { network(id: $id) { projects(first: $first, after: $after) { ${page('id municipality { id }')} } } }`,
    variables: { id: SAMAN }, at: (d) => d.network.projects, size: 2, atLeast: 5,
  },
  'Assignment.submissions': {
    query: `query($first: Int, $after: String, $id: ID!) { network(id: $id) { assignments { id submissions(first: $first, after: $after) { ${page('id municipality { id }')} } } } }`,
    variables: { id: A }, at: (d) => d.network.assignments.find((a: { id: string }) => a.id === assignmentId).submissions, size: 2, atLeast: 5,
  },
  'Session.attendance': {
    query: `query($first: Int, $after: String, $id: ID!) { session(id: $id) { attendance(first: $first, after: $after) { ${page('status person { id }')} } } }`,
    variables: { id: DEMO.sessions.antikorrupsjonA1 }, at: (d) => d.session.attendance, size: 2, atLeast: 5,
  },
  'Person.registrations': {
    query: `query($first: Int, $after: String, $id: ID!) { person(id: $id) { registrations(first: $first, after: $after) { ${page('id network { id }')} } } }`,
    variables: { id: DEMO.people.baerumCoordinator }, at: (d) => d.person.registrations, size: 1, atLeast: 4,
  },
  'Organization.people': {
    query: `query($first: Int, $after: String) { organization(id: "skr") { people(first: $first, after: $after) { ${page('id name')} } } }`,
    at: (d) => d.organization.people, size: 1, atLeast: 2,
  },
  'Query.erasureRequests': {
    query: `query($first: Int, $after: String) { erasureRequests(first: $first, after: $after) { ${page('id personId status')} } }`,
    at: (d) => d.erasureRequests, size: 2, atLeast: 3,
  },
  'ParticipationStatistics.cells': {
    query: `query($first: Int, $after: String) { participationStatistics(groupBy: [COUNTY]) { total { participants } cells(first: $first, after: $after) { ${page('keys { value } participants suppressed')} } } }`,
    at: (d) => d.participationStatistics.cells, size: 5, atLeast: 20, maxPage: 1000, token: () => stack.token('ANALYST', { org: 'ks' }),
  },
  'Statistics.cells': {
    query: `query($first: Int, $after: String) { statistics(indicators: ["management-practice-employer"], filter: { country: NO, periods: ["2013"] }, groupBy: [MUNICIPALITY]) {
      cells(first: $first, after: $after) { ${page('municipality { id } value unitCount suppressed')} } } }`,
    at: (d) => d.statistics.cells, size: 60, atLeast: 300, maxPage: 1000,
  },
};

/** Every page of a list, `first` at a time, from the first page to the last. */
async function walk(c: Case, first: number) {
  const token = c.token ? await c.token() : admin;
  const pages: Page[] = [];
  let after: string | null = null;
  do {
    pages.push(c.at(await ok(c.query, { ...c.variables, first, after }, token)));
    after = pages.at(-1)!.pageInfo.hasNextPage ? pages.at(-1)!.pageInfo.endCursor : null;
  } while (after && pages.length < 100);
  return { pages, edges: pages.flatMap((p) => p.edges) };
}

describe.each(Object.entries(CASES))('%s', (_name, c) => {
  it('is read page after page to the last page, each node once, in one order', async () => {
    const small = await walk(c, c.size);
    const large = await walk(c, 100);
    const total = small.pages[0].totalCount;
    expect(total).toBeGreaterThanOrEqual(c.atLeast);
    expect(small.pages).toHaveLength(Math.ceil(total / c.size));
    expect(small.edges.map((e) => e.node)).toEqual(large.edges.map((e) => e.node));
    expect(new Set(small.edges.map((e) => e.cursor)).size).toBe(total);
    small.pages.forEach((p, i) => {
      expect(p.totalCount).toBe(total);
      expect(p.edges.length).toBe(i < small.pages.length - 1 ? c.size : total - c.size * i);
      expect(p.pageInfo.hasPreviousPage).toBe(i > 0);
      expect(p.pageInfo.hasNextPage).toBe(i < small.pages.length - 1);
      expect(p.pageInfo.startCursor).toBe(p.edges[0].cursor);
      expect(p.pageInfo.endCursor).toBe(p.edges.at(-1)!.cursor);
    });
    // After the last node: an empty last page.
    const token = c.token ? await c.token() : admin;
    const after = c.at(await ok(c.query, { ...c.variables, first: c.size, after: small.edges.at(-1)!.cursor }, token));
    expect(after).toMatchObject({ totalCount: total, edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: true, endCursor: null } });
  });

  it('refuses a malformed cursor, a cursor of another list and a page over the largest with BAD_USER_INPUT', async () => {
    const token = c.token ? await c.token() : admin;
    const code = async (variables: Record<string, unknown>) => {
      const res = await stack.graphql(c.query, { token, variables: { ...c.variables, ...variables } });
      // One error per parent of a nested list (each recommendation's statuses), all with the code.
      return [...new Set(res.body.errors?.map((e) => e.extensions?.code))];
    };
    const otherList = Buffer.from(JSON.stringify([1, 2, 3, 4, 5, 6, 7, 8, 9])).toString('base64url');
    expect(await code({ first: 2, after: 'not a cursor' })).toEqual(['BAD_USER_INPUT']);
    expect(await code({ first: 2, after: otherList })).toEqual(['BAD_USER_INPUT']);
    expect(await code({ first: (c.maxPage ?? 100) + 1 })).toEqual(['BAD_USER_INPUT']);
    expect(await code({ first: -1 })).toEqual(['BAD_USER_INPUT']);
  });
});

describe('statistics pages', () => {
  it('keep the totals, the CSV and the suppression of the whole table on every page', async () => {
    const query = `query($after: String) { statistics(indicators: ["management-practice-employer"], filter: { country: NO, periods: ["2013"] }, groupBy: [MUNICIPALITY]) {
      csv cells(first: 100, after: $after) { totalCount edges { node { municipality { id } suppressed } } pageInfo { endCursor } } } }`;
    const first = (await ok(query)).statistics;
    const second = (await ok(query, { after: first.cells.pageInfo.endCursor })).statistics;
    expect(second.csv).toBe(first.csv);
    expect(first.csv.trim().split('\n')).toHaveLength(first.cells.totalCount + 1);
    expect(second.cells.totalCount).toBe(first.cells.totalCount);
    // Ordered by municipality id, the second page after the first.
    const ids = [...first.cells.edges, ...second.cells.edges].map((e: { node: { municipality: { id: string } } }) => e.node.municipality.id);
    expect(ids).toEqual([...ids].sort());
    const total = async (after: string | null) => (await ok(`query($after: String) { participationStatistics(groupBy: [COUNTY]) { total { participants suppressed } cells(first: 3, after: $after) { pageInfo { endCursor } } } }`,
      { after }, await stack.token('ANALYST', { org: 'ks' }))).participationStatistics;
    const one = await total(null);
    expect((await total(one.cells.pageInfo.endCursor)).total).toEqual(one.total);
  });
});

describe('statements of nested pages', () => {
  /** Statements per subgraph of one request. */
  async function statements(query: string, variables: Record<string, unknown> = {}) {
    const before = stack.sqlStatements();
    const data = await ok(query, variables);
    return { delta: sqlDelta(before, stack.sqlStatements()), data };
  }

  it('reads the pages of many networks’ reports, projects, submissions and attendance in the statements of two networks’', async () => {
    const query = `query($n: Int) { networks(first: $n) { edges { node { id
      reports(first: 3) { totalCount edges { node { id } } }
      projects(first: 3) { totalCount edges { node { id } } }
      assignments { submissions(first: 3) { totalCount edges { node { id } } } }
      sessions { attendance(first: 3) { totalCount edges { node { status } } } } } } } }`;
    const few = await statements(query, { n: 2 });
    const many = await statements(query, { n: 17 });
    expect(many.data.networks.edges.length).toBeGreaterThan(10);
    for (const service of ['networks', 'participants', 'reports']) expect(many.delta[service]).toBe(few.delta[service]);
    // A page and a count in each service for each connection, plus the parents and their facts.
    expect(many.delta.reports).toBe(2);
    expect(many.delta.total).toBeLessThanOrEqual(16);
  });

  it('reads many municipalities’ reports, values and networks in the statements of a few', async () => {
    const query = `query($n: Int) { municipalities(first: $n, country: NO) { edges { node { id
      reports(first: 2) { totalCount edges { node { id } } }
      indicatorValues(first: 2) { totalCount edges { node { value } } }
      networks(first: 2) { totalCount edges { node { id } } } } } } }`;
    const few = await statements(query, { n: 3 });
    const many = await statements(query, { n: 100 });
    expect(many.delta.reports).toBe(few.delta.reports);
    expect(many.delta.participants).toBe(few.delta.participants);
    expect(many.delta.reports).toBe(4);
    // Without totalCount, no count: one statement a connection.
    const pagesOnly = await statements(query.replaceAll('totalCount ', ''), { n: 100 });
    expect(pagesOnly.delta.reports).toBe(2);
  });

  it('reads the people of every organization, the statuses of every recommendation and each participant’s registrations in fixed statements', async () => {
    const people = await statements('{ organizations { people(first: 1) { totalCount edges { node { name } } } } }');
    const one = await statements('{ organization(id: "ks") { people(first: 1) { totalCount edges { node { name } } } } }');
    expect(people.data.organizations.length).toBeGreaterThan(3);
    expect(people.delta.participants).toBe(one.delta.participants);
    const statuses = await statements('{ recommendations { statuses(first: 2) { totalCount edges { node { status } } } } }');
    expect(statuses.data.recommendations.length).toBe(8);
    expect(statuses.delta.reports).toBe(2);
    const query = `query($id: ID!) { network(id: $id) { registrations(first: 100) { edges { node { person { registrations(first: 2) { totalCount edges { node { id } } } } } } } } }`;
    const a = await statements(query, { id: A });
    const kvinner = await statements(query, { id: DEMO.networks.ksKandidatKvinner });
    expect(kvinner.data.network.registrations.edges.length).toBeGreaterThan(a.data.network.registrations.edges.length * 1.5);
    expect(kvinner.delta.participants).toBe(a.delta.participants);
  });
});
