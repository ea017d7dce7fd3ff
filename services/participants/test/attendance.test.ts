import { startTestStack, sqlDelta, type TestStack } from '@kommunenett/stack/testing';
import { DEMO } from '@kommunenett/reference-data';

/** Attendance rates per session, person and municipality under an explicit rule for EXCUSED; removal with history; no attendance ahead of time. */
let stack: TestStack;
let facilitator: string;
let host: string;
const A = DEMO.networks.antikorrupsjonA;
const db = () => stack.subgraphs.participants.ds;

beforeAll(async () => {
  stack = await startTestStack();
  facilitator = await stack.token('FACILITATOR', { networks: [A] });
  host = await stack.token('ORG_ADMIN', { org: 'ks' });
});
afterAll(async () => { await stack?.stop(); });

type Data = Record<string, any>;
const ok = (query: string, variables: Record<string, unknown> = {}, token = facilitator) => stack.ok<Data>(query, variables, token);

const RECORD = 'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { attendance { status } userErrors { field message code } } }';
const REMOVE = 'mutation($input: RemoveAttendanceInput!) { removeAttendance(input: $input) { removed { status } userErrors { field code } } }';
const RULES = ['COUNT_AS_ABSENT', 'LEAVE_OUT', 'COUNT_AS_PRESENT'] as const;
const SUMMARY = 'present absent excused recorded rate excusedRule';

/** Five participants of network A from three municipalities: two from the first, two from the second, one from the third. */
let people: { id: string; municipalityId: string }[];
beforeAll(async () => {
  const rows = (await db().query(`SELECT person_id::text AS id, municipality_id AS "municipalityId" FROM participants.registration
    WHERE network_id = $1 AND status = 'CONFIRMED' ORDER BY municipality_id, registered_at`, [A])) as { id: string; municipalityId: string }[];
  const byMunicipality = new Map<string, typeof rows>();
  for (const r of rows) byMunicipality.set(r.municipalityId, [...(byMunicipality.get(r.municipalityId) ?? []), r]);
  const withTwo = [...byMunicipality.values()].filter((g) => g.length >= 2);
  const single = [...byMunicipality.values()].find((g) => !withTwo.slice(0, 2).includes(g))!;
  people = [...withTwo[0].slice(0, 2), ...withTwo[1].slice(0, 2), single[0]];
});

async function record(sessionId: string, statuses: string[], token = facilitator) {
  return (await ok(RECORD, { input: { sessionId, entries: statuses.map((status, i) => ({ personId: people[i].id, status })) } }, token)).recordAttendance;
}

async function sessionSummary(sessionId: string, excused: string) {
  return (await ok(`query($s: ID!, $e: ExcusedRule) { session(id: $s) { attendanceSummary(excused: $e) { ${SUMMARY} } } }`, { s: sessionId, e: excused })).session.attendanceSummary;
}

describe('attendance rates', () => {
  beforeAll(async () => {
    // First gathering (18–19 June 2013, exact): P P A E E. Second (October 2013, month): P A P P.
    expect((await record(DEMO.sessions.antikorrupsjonA1, ['PRESENT', 'PRESENT', 'ABSENT', 'EXCUSED', 'EXCUSED'])).userErrors).toEqual([]);
    expect((await record(DEMO.sessions.antikorrupsjonA2, ['PRESENT', 'ABSENT', 'PRESENT', 'PRESENT'])).userErrors).toEqual([]);
  });

  it('counts a session under each rule for EXCUSED, and says which rule it used', async () => {
    const expected = { COUNT_AS_ABSENT: 2 / 5, LEAVE_OUT: 2 / 3, COUNT_AS_PRESENT: 4 / 5 };
    for (const rule of RULES) {
      expect(await sessionSummary(DEMO.sessions.antikorrupsjonA1, rule)).toEqual({ present: 2, absent: 1, excused: 2, recorded: 5, rate: expected[rule], excusedRule: rule });
    }
    // The default is the rule the network-wide rate always had: excused counts as absent.
    const defaults = await ok(`query($s: ID!, $n: ID!) { session(id: $s) { attendanceSummary { excusedRule } } network(id: $n) {
      attendanceRate leaveOut: attendanceRate(excused: LEAVE_OUT) attendanceSummary(excused: COUNT_AS_PRESENT) { ${SUMMARY} } } }`, { s: DEMO.sessions.antikorrupsjonA1, n: A });
    expect(defaults.session.attendanceSummary.excusedRule).toBe('COUNT_AS_ABSENT');
    expect(defaults.network.attendanceRate).toBeCloseTo(5 / 9);
    expect(defaults.network.leaveOut).toBeCloseTo(5 / 7);
    expect(defaults.network.attendanceSummary).toEqual({ present: 5, absent: 2, excused: 2, recorded: 9, rate: 7 / 9, excusedRule: 'COUNT_AS_PRESENT' });
  });

  it('gives each session of the network its rate in the order of the sessions', async () => {
    const data = await ok(`query($n: ID!) { network(id: $n) { sessions { sequence attendanceSummary(excused: LEAVE_OUT) { recorded rate } } } }`, { n: A });
    expect(data.network.sessions.map((s: any) => [s.sequence, s.attendanceSummary])).toEqual([
      [1, { recorded: 5, rate: 2 / 3 }], [2, { recorded: 4, rate: 3 / 4 }], [3, { recorded: 0, rate: null }],
    ]);
  });

  it('gives each person and each municipality its rate across the sessions, highest first', async () => {
    const data = await ok(`query($n: ID!) { network(id: $n) {
      attendanceByPerson(excused: LEAVE_OUT) { person { id } present absent excused recorded rate }
      attendanceByMunicipality { municipality { id } present absent excused recorded rate excusedRule } } }`, { n: A });
    const byPerson = Object.fromEntries(data.network.attendanceByPerson.map((r: any) => [r.person.id, [r.present, r.absent, r.excused, r.rate]]));
    expect(byPerson).toEqual({
      [people[0].id]: [2, 0, 0, 1], [people[1].id]: [1, 1, 0, 0.5], [people[2].id]: [1, 1, 0, 0.5], [people[3].id]: [1, 0, 1, 1], [people[4].id]: [0, 0, 1, null],
    });
    expect(data.network.attendanceByPerson.at(-1).rate).toBeNull();
    const byMunicipality = Object.fromEntries(data.network.attendanceByMunicipality.map((r: any) => [r.municipality.id, [r.present, r.absent, r.excused, r.recorded, r.rate]]));
    expect(byMunicipality).toEqual({
      [people[0].municipalityId]: [3, 1, 0, 4, 3 / 4],
      [people[2].municipalityId]: [2, 1, 1, 4, 2 / 4],
      [people[4].municipalityId]: [0, 0, 1, 1, 0],
    });
    expect(data.network.attendanceByMunicipality.map((r: any) => r.rate)).toEqual([3 / 4, 2 / 4, 0]);
  });

  it('shows the breakdowns to the network’s facilitators and organizers only', async () => {
    for (const token of [await stack.token('COORDINATOR', { municipality: people[0].municipalityId }), await stack.token('ANALYST', { org: 'ks' }), await stack.token('FACILITATOR', { networks: [DEMO.networks.antikorrupsjonB] })]) {
      for (const field of ['attendanceByPerson { rate }', 'attendanceByMunicipality { rate }', 'sessions { attendanceSummary { rate } }', 'sessions { attendanceHistory { action } }']) {
        const res = await stack.graphql<Data>(`query($n: ID!) { network(id: $n) { ${field} } }`, { token, variables: { n: A } });
        expect({ field, code: res.body.errors?.[0]?.extensions?.code }).toEqual({ field, code: 'FORBIDDEN' });
      }
    }
    expect((await ok(`query($n: ID!) { network(id: $n) { attendanceByPerson { rate } } }`, { n: A }, host)).network.attendanceByPerson).toHaveLength(5);
  });

  it('reads the breakdowns in a fixed number of statements, whatever the number of sessions and people', async () => {
    const statements = async () => {
      const before = stack.sqlStatements();
      await ok(`query($n: ID!) { network(id: $n) { attendanceRate attendanceByPerson { person { id name } rate }
        attendanceByMunicipality { municipality { name } rate } sessions { attendanceSummary { rate } attendanceHistory { action person { id } } } } }`, { n: A });
      return sqlDelta(before, stack.sqlStatements()).participants;
    };
    const few = await statements();
    // A third session with attendance, and more people in it.
    expect((await record(DEMO.sessions.antikorrupsjonA3, ['PRESENT', 'PRESENT', 'PRESENT', 'ABSENT', 'PRESENT'])).userErrors).toEqual([]);
    expect(await statements()).toBe(few);
    expect(few).toBeLessThanOrEqual(12);
  });
});

describe('removing an entry, and the history', () => {
  it('keeps every recording, change and removal in the session’s history, the removal with its reason', async () => {
    const session = DEMO.sessions.antikorrupsjonA1;
    // A changed status is a change; recording the same status again is not.
    expect((await ok(RECORD, { input: { sessionId: session, entries: [{ personId: people[3].id, status: 'PRESENT' }, { personId: people[0].id, status: 'PRESENT' }] } })).recordAttendance.userErrors).toEqual([]);

    const bad = async (input: Record<string, unknown>) => (await ok(REMOVE, { input: { sessionId: session, personId: people[4].id, reason: 'Registrert ved en feil.', ...input } })).removeAttendance;
    expect(await bad({ reason: '  ' })).toEqual({ removed: null, userErrors: [{ field: ['input', 'reason'], code: 'TOO_SHORT' }] });
    expect(await bad({ personId: DEMO.people.sklContact1 })).toEqual({ removed: null, userErrors: [{ field: ['input', 'personId'], code: 'NOT_FOUND' }] });
    expect(await bad({ sessionId: '00000000-0000-4000-8000-000000000000' })).toEqual({ removed: null, userErrors: [{ field: ['input', 'sessionId'], code: 'NOT_FOUND' }] });
    const coordinator = await stack.token('COORDINATOR', { municipality: people[4].municipalityId });
    const byCoordinator = await stack.graphql<Data>(REMOVE, { token: coordinator, variables: { input: { sessionId: session, personId: people[4].id, reason: 'x' } } });
    expect(byCoordinator.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await sessionSummary(session, 'COUNT_AS_ABSENT')).recorded).toBe(5);

    expect(await bad({})).toEqual({ removed: { status: 'EXCUSED' }, userErrors: [] });
    expect(await sessionSummary(session, 'COUNT_AS_ABSENT')).toEqual({ present: 3, absent: 1, excused: 0, recorded: 4, rate: 3 / 4, excusedRule: 'COUNT_AS_ABSENT' });
    expect(await bad({})).toEqual({ removed: null, userErrors: [{ field: ['input', 'personId'], code: 'NOT_FOUND' }] });

    const history = (await ok(`query($s: ID!) { session(id: $s) { attendance(first: 100) { edges { node { person { id } } } } attendanceHistory { action fromStatus toStatus reason person { id } } } }`, { s: session })).session;
    expect(history.attendance.edges.map((e: any) => e.node.person.id)).not.toContain(people[4].id);
    // Entries of one recording share their time and come by person id.
    const firstRecording = [['PRESENT', 0], ['PRESENT', 1], ['ABSENT', 2], ['EXCUSED', 3], ['EXCUSED', 4]] as const;
    expect(history.attendanceHistory.map((c: any) => [c.action, c.fromStatus, c.toStatus, c.reason, c.person.id])).toEqual([
      ...firstRecording.map(([status, i]) => ['RECORDED', null, status, null, people[i].id]).sort((a, b) => String(a[4]).localeCompare(String(b[4]))),
      ['CHANGED', 'EXCUSED', 'PRESENT', null, people[3].id],
      ['REMOVED', 'EXCUSED', null, 'Registrert ved en feil.', people[4].id],
    ]);
  });
});

describe('attendance ahead of time', () => {
  it('refuses attendance for a session that has not started, and takes it for one planned for the current month', async () => {
    const month = (shift: number) => {
      const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number);
      const i = y * 12 + m - 1 + shift;
      return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    };
    const create = async (input: Record<string, unknown>) => (await ok(`mutation($input: CreateSessionInput!) { createSession(input: $input) { session { id } userErrors { code } } }`,
      { input: { networkId: A, title: 'Ekstra samling', ...input } }, host)).createSession.session.id as string;
    const exactAhead = await create({ times: { startDate: `${month(2)}-10`, startTime: '10:00', endTime: '15:00' } });
    const nextMonth = await create({ plannedMonth: month(1) });
    const undecided = await create({});
    const thisMonth = await create({ plannedMonth: month(0) });

    for (const sessionId of [exactAhead, nextMonth, undecided]) {
      const refused = await record(sessionId, ['PRESENT']);
      expect(refused).toEqual({ attendance: [], userErrors: [{ field: ['input', 'sessionId'], message: expect.stringMatching(/not started yet|no date yet/), code: 'SESSION_IN_FUTURE' }] });
      expect((await sessionSummary(sessionId, 'COUNT_AS_ABSENT')).recorded).toBe(0);
    }
    expect((await record(thisMonth, ['PRESENT', 'ABSENT'])).userErrors).toEqual([]);
    expect((await sessionSummary(thisMonth, 'COUNT_AS_ABSENT')).recorded).toBe(2);
  });
});
