import ical, { type CalendarResponse, type VEvent } from 'node-ical';
import { DEMO } from '@kommunenett/reference-data';
import { networksStack } from './helpers';

/** Sessions with honest dates, timed agendas, and the iCalendar feeds. */
let t: Awaited<ReturnType<typeof networksStack>>;
beforeAll(async () => { t = await networksStack(); });
afterAll(async () => { await t?.stack.stop(); });

const SESSION = 'id version sequence kind title theme datePrecision startsAtLocal endsAtLocal plannedMonth plannedTo sortDate location { venue place municipality { id } }';
const CREATE = `mutation($input: CreateSessionInput!) { createSession(input: $input) { session { ${SESSION} } userErrors { field code } } }`;
const UPDATE = `mutation($input: UpdateSessionInput!) { updateSession(input: $input) { session { ${SESSION} } userErrors { field code } } }`;
const SCHEDULE = `mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { session { ${SESSION} } userErrors { field code } } }`;
const DELETE = `mutation($input: DeleteSessionInput!) { deleteSession(input: $input) { session { id } userErrors { field code } } }`;
const SET_AGENDA = `mutation($input: SetAgendaInput!) { setAgenda(input: $input) { session { id version agenda {
  position date startTime endTime durationMinutes title kind parallel handbookAnchors toolIds leaders } } userErrors { field message code } } }`;

let networkId: string;
let facilitator: string;

beforeAll(async () => {
  const ks = await t.token('ORG_ADMIN', { org: 'ks' });
  const data = await t.ok(`mutation { createNetwork(input: { name: "Nettverk E", theme: "antikorrupsjon", country: NO, language: nb, hostIds: ["ks", "ti-norge"] }) {
    network { id } userErrors { code } } }`, {}, ks);
  networkId = data.createNetwork.network.id;
  facilitator = await t.token('FACILITATOR', { networks: [networkId] });
});

async function createSession(input: Record<string, unknown>, token = facilitator) {
  const data = await t.ok(CREATE, { input: { networkId, ...input } }, token);
  expect(data.createSession.userErrors).toEqual([]);
  return data.createSession.session;
}

describe('sessions', () => {
  it('lets the facilitator plan the three gatherings of network A: exact, month, month', async () => {
    const first = await createSession({ title: 'Første samling', theme: 'Risiko og sårbarhet for korrupsjon',
      times: { startDate: '2013-06-18', startTime: '12:00', endDate: '2013-06-19', endTime: '12:00' } });
    const second = await createSession({ title: 'Andre samling', plannedMonth: '2013-10' });
    const third = await createSession({ title: 'Tredje samling', plannedMonth: '2014-02', plannedTo: '2014-03', location: { place: 'Bergen', municipalityId: 'NO-4601' } });
    expect([first, second, third].map((s) => [s.sequence, s.datePrecision, s.startsAtLocal, s.endsAtLocal, s.plannedMonth, s.plannedTo])).toEqual([
      [1, 'EXACT', '2013-06-18T12:00:00+02:00', '2013-06-19T12:00:00+02:00', null, null],
      [2, 'MONTH', null, null, '2013-10', null],
      [3, 'MONTH_SPAN', null, null, '2014-02', '2014-03'],
    ]);
    expect(first.location).toBeNull();
    expect(third.location).toEqual({ venue: null, place: 'Bergen', municipality: { id: 'NO-4601' } });
    expect(second.sortDate).toBe('2013-09-30T22:00:00.000Z');
  });

  it('schedules a planned month into exact times later, and moves it back to a month', async () => {
    const session = await createSession({ title: 'Samling', plannedMonth: '2013-11' });
    const scheduled = await t.ok(SCHEDULE, { input: { sessionId: session.id, expectedVersion: 1, times: { startDate: '2013-11-14', startTime: '09:00', endTime: '16:00' } } }, facilitator);
    expect(scheduled.scheduleSession.session).toMatchObject({ datePrecision: 'EXACT', startsAtLocal: '2013-11-14T09:00:00+01:00', endsAtLocal: '2013-11-14T16:00:00+01:00', plannedMonth: null, version: 2 });
    const replanned = await t.ok(UPDATE, { input: { sessionId: session.id, expectedVersion: 2, plannedMonth: '2013-12' } }, facilitator);
    expect(replanned.updateSession.session).toMatchObject({ datePrecision: 'MONTH', startsAtLocal: null, plannedMonth: '2013-12', sortDate: '2013-11-30T23:00:00.000Z' });
  });

  it('refuses bad dates, unknown municipalities and over-long text, changing nothing', async () => {
    const cases: [Record<string, unknown>, string[], string][] = [
      [{ plannedMonth: '2013-13' }, ['input', 'plannedMonth'], 'INVALID_FORMAT'],
      [{ plannedMonth: 'Oktober' }, ['input', 'plannedMonth'], 'INVALID_FORMAT'],
      [{ plannedMonth: '2013-09', plannedTo: '2013-08' }, ['input', 'plannedTo'], 'PLANNED_RANGE'],
      [{ plannedTo: '2013-08' }, ['input', 'plannedTo'], 'PLANNED_MONTH_REQUIRED'],
      [{ times: { startDate: '2013-06-19', startTime: '12:00', endDate: '2013-06-18', endTime: '12:00' } }, ['input', 'times', 'endTime'], 'SESSION_END_BEFORE_START'],
      [{ times: { startDate: '2013-06-19', startTime: '25:00', endTime: '12:00' } }, ['input', 'times', 'startTime'], 'INVALID_FORMAT'],
      [{ plannedMonth: '2013-10', times: { startDate: '2013-10-01', startTime: '09:00', endTime: '12:00' } }, ['input', 'plannedMonth'], 'CONFLICTING_DATES'],
      [{ location: { municipalityId: 'NO-9999' } }, ['input', 'location', 'municipalityId'], 'UNKNOWN_MUNICIPALITY'],
      [{ title: 'T'.repeat(201) }, ['input', 'title'], 'TOO_LONG'],
    ];
    const before = (await t.ok('query($id: ID!) { network(id: $id) { sessions { id } } }', { id: networkId }, facilitator)).network.sessions.length;
    for (const [input, field, code] of cases) {
      const data = await t.ok(CREATE, { input: { networkId, title: 'Samling', ...input } }, facilitator);
      expect({ input, result: data.createSession }).toEqual({ input, result: { session: null, userErrors: [{ field, code }] } });
    }
    const after = (await t.ok('query($id: ID!) { network(id: $id) { sessions { id } } }', { id: networkId }, facilitator)).network.sessions.length;
    expect(after).toBe(before);
  });

  it('refuses a start in the hour the spring change skips, and reads an autumn time that happens twice as its first occurrence', async () => {
    const count = async () => (await t.ok('query($id: ID!) { network(id: $id) { sessions { id } } }', { id: networkId }, facilitator)).network.sessions.length;
    const before = await count();
    // 28 March 2027 in Europe/Oslo: 02:00 becomes 03:00, so 02:30 never shows on a clock.
    const gaps: [Record<string, unknown>, string[]][] = [
      [{ startDate: '2027-03-28', startTime: '02:30', endTime: '10:00' }, ['input', 'times', 'startTime']],
      [{ startDate: '2027-03-27', startTime: '18:00', endDate: '2027-03-28', endTime: '02:00' }, ['input', 'times', 'endTime']],
    ];
    for (const [times, field] of gaps) {
      const res = await t.stack.graphql<any>(`mutation($input: CreateSessionInput!) { createSession(input: $input) { session { id } userErrors { field message code } } }`,
        { token: facilitator, variables: { input: { networkId, title: 'Samling', times } } });
      expect(res.body.data.createSession).toEqual({ session: null, userErrors: [{ field, code: 'NONEXISTENT_LOCAL_TIME', message: expect.stringContaining('does not exist in Europe/Oslo') }] });
    }
    expect(await count()).toBe(before);

    // 25 October 2026: 03:00 becomes 02:00 again, so 02:30 happens twice; it means the first, in summer time.
    const night = await createSession({ title: 'Nattsamling', times: { startDate: '2026-10-25', startTime: '01:30', endTime: '02:30' } });
    expect([night.startsAtLocal, night.endsAtLocal]).toEqual(['2026-10-25T01:30:00+02:00', '2026-10-25T02:30:00+02:00']);
    const early = await createSession({ title: 'Tidlig', times: { startDate: '2026-10-25', startTime: '02:30', endTime: '04:00' } });
    expect([early.startsAtLocal, early.endsAtLocal]).toEqual(['2026-10-25T02:30:00+02:00', '2026-10-25T04:00:00+01:00']);

    // Agenda items are wall-clock times too: one in the skipped hour is refused the same way.
    const spring = await createSession({ title: 'Vårsamling', times: { startDate: '2027-03-27', startTime: '20:00', endDate: '2027-03-28', endTime: '12:00' } });
    const agenda = await t.ok(SET_AGENDA, { input: { sessionId: spring.id, expectedVersion: spring.version, items: [
      { date: '2027-03-28', startTime: '02:15', durationMinutes: 30, title: 'Nattmøte', kind: 'PLENARY' },
    ] } }, facilitator);
    expect(agenda.setAgenda.userErrors).toEqual([{ field: ['input', 'items', '0', 'startTime'], message: expect.stringContaining('summer time'), code: 'NONEXISTENT_LOCAL_TIME' }]);
  });

  it('lets hosts and the network’s facilitator plan sessions, and nobody else', async () => {
    const input = { networkId, title: 'Samling' };
    const other = await t.token('FACILITATOR', { networks: [DEMO.networks.antikorrupsjonA] });
    // The draft network does not exist for a facilitator of another network.
    const hidden = await t.ok(CREATE, { input }, other);
    expect(hidden.createSession.userErrors).toEqual([{ field: ['input', 'networkId'], code: 'NOT_FOUND' }]);
    expect((await t.refused(CREATE, { input: { ...input, networkId: DEMO.networks.antikorrupsjonB } }, other)).codes).toEqual(['FORBIDDEN']);
    expect((await t.refused(CREATE, { input }, await t.token('COORDINATOR', { municipality: 'NO-0301' }))).codes).toEqual(['FORBIDDEN']);
    expect((await t.refused(CREATE, { input })).codes).toEqual(['UNAUTHENTICATED']);
    const ti = await t.ok(CREATE, { input }, await t.token('ORG_ADMIN', { org: 'ti-norge' }));
    expect(ti.createSession.userErrors).toEqual([]);
  });

  it('deletes a session and moves the later ones up', async () => {
    const { network } = await t.ok('query($id: ID!) { network(id: $id) { sessions { id sequence version } } }', { id: networkId }, facilitator);
    const [, second] = network.sessions;
    const data = await t.ok(DELETE, { input: { sessionId: second.id, expectedVersion: second.version } }, facilitator);
    expect(data.deleteSession.userErrors).toEqual([]);
    const after = (await t.ok('query($id: ID!) { network(id: $id) { sessions { id sequence } } }', { id: networkId }, facilitator)).network.sessions;
    expect(after.map((s: any) => s.sequence)).toEqual(network.sessions.slice(1).map((_: unknown, i: number) => i + 1));
    expect(after.map((s: any) => s.id)).toEqual(network.sessions.filter((s: any) => s.id !== second.id).map((s: any) => s.id));
  });
  it('orders the catalogue by next session, a planned month as its first day, networks without one last', async () => {
    const ks = await t.token('ORG_ADMIN', { org: 'ks' });
    const network = async (name: string) => (await t.ok(`mutation($name: String!) { createNetwork(input: { name: $name, theme: "neste", country: NO, language: nb, hostIds: ["ks"] }) {
      network { id } } }`, { name }, ks)).createNetwork.network.id;
    const [march, january, none] = [await network('Neste A'), await network('Neste B'), await network('Neste C')];
    await createSession({ networkId: march, title: 'Mars', plannedMonth: '2099-03' }, ks);
    await createSession({ networkId: january, title: 'Januar', times: { startDate: '2099-01-10', startTime: '10:00', endTime: '15:00' } }, ks);
    await createSession({ networkId: none, title: 'Fortid', plannedMonth: '2013-10' }, ks);
    const page = async (after?: string) => (await t.ok(`query($after: String) { networks(first: 2, after: $after, orderBy: NEXT_SESSION, filter: { theme: "neste" }) {
      pageInfo { endCursor hasNextPage } edges { node { name nextSessionAt } } } }`, { after }, ks)).networks;
    const first = await page();
    expect(first.edges.map((e: any) => [e.node.name, e.node.nextSessionAt])).toEqual([
      ['Neste B', '2099-01-10T09:00:00.000Z'], ['Neste A', '2099-02-28T23:00:00.000Z'],
    ]);
    const second = await page(first.pageInfo.endCursor);
    expect(second.edges.map((e: any) => [e.node.name, e.node.nextSessionAt])).toEqual([['Neste C', null]]);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });
});

describe('agendas', () => {
  let sessionId: string;
  let version: number;
  beforeAll(async () => {
    const session = await createSession({ title: 'Første samling', times: { startDate: '2013-06-18', startTime: '12:00', endDate: '2013-06-19', endTime: '12:00' } });
    sessionId = session.id;
    version = session.version;
  });

  const item = (date: string, startTime: string, title: string, extra: Record<string, unknown> = {}) =>
    ({ date, startTime, title, kind: 'PRESENTATION', durationMinutes: 30, ...extra });

  it('replaces the whole agenda, sorted by time, with durations or end times', async () => {
    const items = [
      item('2013-06-19', '09:00', 'Sikkerhetshull: verdier, holdninger og kultur', { kind: 'GROUP_WORK', endTime: '10:30', durationMinutes: null,
        handbookAnchors: ['beskytt-kommunen/verdier-holdninger-og-kultur'], leaders: 'TI Norge' }),
      item('2013-06-18', '12:00', 'Lunsj', { kind: 'MEAL', durationMinutes: 60 }),
      item('2013-06-18', '13:00', 'Hva er korrupsjon?', { durationMinutes: 45, toolIds: ['risikokart'] }),
      item('2013-06-18', '13:45', 'Gruppe 1: skole', { kind: 'GROUP_WORK', parallel: true, durationMinutes: 60 }),
      item('2013-06-18', '13:45', 'Gruppe 2: teknisk', { kind: 'GROUP_WORK', parallel: true, durationMinutes: 60 }),
      item('2013-06-18', '19:00', 'Middag', { kind: 'MEAL', durationMinutes: null }),
      item('2013-06-19', '11:30', 'Lunsj og avslutning', { kind: 'MEAL', durationMinutes: null }),
    ];
    const data = await t.ok(SET_AGENDA, { input: { sessionId, expectedVersion: version, items } }, facilitator);
    expect(data.setAgenda.userErrors).toEqual([]);
    const agenda = data.setAgenda.session.agenda;
    expect(agenda.map((i: any) => [i.position, i.date, i.startTime, i.endTime, i.durationMinutes, i.title])).toEqual([
      [1, '2013-06-18', '12:00', '13:00', 60, 'Lunsj'],
      [2, '2013-06-18', '13:00', '13:45', 45, 'Hva er korrupsjon?'],
      [3, '2013-06-18', '13:45', '14:45', 60, 'Gruppe 1: skole'],
      [4, '2013-06-18', '13:45', '14:45', 60, 'Gruppe 2: teknisk'],
      [5, '2013-06-18', '19:00', null, null, 'Middag'],
      [6, '2013-06-19', '09:00', '10:30', 90, 'Sikkerhetshull: verdier, holdninger og kultur'],
      [7, '2013-06-19', '11:30', null, null, 'Lunsj og avslutning'],
    ]);
    expect(agenda[5]).toMatchObject({ handbookAnchors: ['beskytt-kommunen/verdier-holdninger-og-kultur'], leaders: 'TI Norge', kind: 'GROUP_WORK' });
    expect(agenda[1].toolIds).toEqual(['risikokart']);
    expect(data.setAgenda.session.version).toBe(version + 1);
    version = data.setAgenda.session.version;
    // The network is a draft: its sessions are hidden from everyone who does not run it.
    expect((await t.ok('query($id: ID!) { session(id: $id) { id } }', { id: sessionId })).session).toBeNull();
  });

  it('refuses overlaps, items outside the session, bad durations and formats, and keeps the old agenda', async () => {
    const cases: [Record<string, unknown>[], string[], string][] = [
      [[item('2013-06-18', '13:00', 'A', { durationMinutes: 60 }), item('2013-06-18', '13:30', 'B')], ['input', 'items', '1', 'startTime'], 'AGENDA_ITEMS_OVERLAP'],
      [[item('2013-06-18', '13:00', 'A', { durationMinutes: null }), item('2013-06-18', '13:00', 'B')], ['input', 'items', '1', 'startTime'], 'AGENDA_ITEMS_OVERLAP'],
      [[item('2013-06-18', '11:30', 'Før start')], ['input', 'items', '0', 'startTime'], 'AGENDA_ITEM_OUTSIDE_SESSION'],
      [[item('2013-06-19', '11:45', 'Etter slutt')], ['input', 'items', '0', 'startTime'], 'AGENDA_ITEM_OUTSIDE_SESSION'],
      [[item('2013-06-20', '09:00', 'Feil dag')], ['input', 'items', '0', 'startTime'], 'AGENDA_ITEM_OUTSIDE_SESSION'],
      [[item('2013-06-18', '13:00', 'Null minutter', { durationMinutes: 0 })], ['input', 'items', '0', 'durationMinutes'], 'NOT_POSITIVE'],
      [[item('2013-06-18', '13:00', 'Negativ', { durationMinutes: -15 })], ['input', 'items', '0', 'durationMinutes'], 'NOT_POSITIVE'],
      [[item('2013-06-18', '14:00', 'Baklengs', { durationMinutes: null, endTime: '13:00' })], ['input', 'items', '0', 'endTime'], 'INVALID_DURATION'],
      [[item('2013-06-18', '14:00', 'Begge', { endTime: '15:00' })], ['input', 'items', '0', 'endTime'], 'CONFLICTING_DURATION'],
      [[item('2013-06-18', '1400', 'Format')], ['input', 'items', '0', 'startTime'], 'INVALID_FORMAT'],
      [[{ ...item('2013-06-18', '14:00', 'Uten dag'), date: null }], ['input', 'items', '0', 'date'], 'DATE_REQUIRED'],
      [[item('2013-06-18', '14:00', 'T'.repeat(201))], ['input', 'items', '0', 'title'], 'TOO_LONG'],
      [[item('2013-06-18', '14:00', 'Anker', { handbookAnchors: ['Kapittel 3'] })], ['input', 'items', '0', 'handbookAnchors', '0'], 'INVALID_FORMAT'],
    ];
    for (const [items, field, code] of cases) {
      const data = await t.ok(SET_AGENDA, { input: { sessionId, expectedVersion: version, items } }, facilitator);
      expect({ items, result: data.setAgenda.session, errors: data.setAgenda.userErrors.map((e: any) => [e.field, e.code]) })
        .toEqual({ items, result: null, errors: [[field, code]] });
    }
    const { session } = await t.ok('query($id: ID!) { session(id: $id) { version agenda { title } } }', { id: sessionId }, facilitator);
    expect(session.version).toBe(version);
    expect(session.agenda).toHaveLength(7);
  });

  it('refuses a stale agenda edit and an agenda for a session without exact times', async () => {
    const stale = await t.ok(SET_AGENDA, { input: { sessionId, expectedVersion: version - 1, items: [] } }, facilitator);
    expect(stale.setAgenda.userErrors.map((e: any) => e.code)).toEqual(['STALE_VERSION']);
    const planned = await createSession({ title: 'Planlagt', plannedMonth: '2013-10' });
    const data = await t.ok(SET_AGENDA, { input: { sessionId: planned.id, expectedVersion: 1, items: [item('2013-10-01', '10:00', 'A')] } }, facilitator);
    expect(data.setAgenda.userErrors.map((e: any) => [e.field, e.code])).toEqual([[['input', 'sessionId'], 'SESSION_NOT_SCHEDULED']]);
  });

  it('refuses to move a session away from its agenda, and agendas from roles outside the network', async () => {
    const moved = await t.ok(SCHEDULE, { input: { sessionId, expectedVersion: version, times: { startDate: '2013-06-18', startTime: '14:00', endDate: '2013-06-19', endTime: '12:00' } } }, facilitator);
    expect(moved.scheduleSession.userErrors).toEqual([{ field: ['input', 'times'], code: 'AGENDA_OUTSIDE_SESSION' }]);
    const coordinator = await t.token('COORDINATOR', { municipality: 'NO-0301' });
    expect((await t.refused(SET_AGENDA, { input: { sessionId, expectedVersion: version, items: [] } }, coordinator)).codes).toEqual(['FORBIDDEN']);
    const other = await t.token('FACILITATOR', { networks: [DEMO.networks.samanOmdomme1] });
    const demo = await t.refused(SET_AGENDA, { input: { sessionId: DEMO.sessions.antikorrupsjonA1, expectedVersion: 1, items: [] } }, other);
    expect(demo.codes).toEqual(['FORBIDDEN']);
  });

  it('clears an agenda with an empty list', async () => {
    const session = await createSession({ title: 'Webinar', kind: 'WEBINAR', times: { startDate: '2013-09-05', startTime: '10:00', endTime: '11:00' } });
    const set = await t.ok(SET_AGENDA, { input: { sessionId: session.id, expectedVersion: 1, items: [item(null as never, '10:00', 'Innledning')] } }, facilitator);
    expect(set.setAgenda.session.agenda.map((i: any) => [i.date, i.startTime])).toEqual([['2013-09-05', '10:00']]);
    const cleared = await t.ok(SET_AGENDA, { input: { sessionId: session.id, expectedVersion: 2, items: [] } }, facilitator);
    expect(cleared.setAgenda.session.agenda).toEqual([]);
  });
});

describe('iCalendar feeds', () => {
  const eventsOf = (calendar: CalendarResponse) => Object.values(calendar).filter((c): c is VEvent => c?.type === 'VEVENT');
  // Feeds are read as a calendar app reads them: at the gateway's public URL.
  const feedUrl = (path: string) => `${t.stack.baseUrl}${path}`;

  it('serves a network’s exact sessions as events in Europe/Oslo, month-only sessions as tentative all-day events', async () => {
    const res = await fetch(feedUrl(`/calendar/networks/${DEMO.networks.antikorrupsjonA}.ics`));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await res.text();
    expect(text).toContain('DTSTART;TZID=Europe/Oslo:20130618T120000');
    expect(text).toContain('BEGIN:VTIMEZONE');
    const parsed = await ical.async.parseICS(text);
    const events = eventsOf(parsed);
    expect(events).toHaveLength(3);
    const first = events.find((e) => e.uid === `${DEMO.sessions.antikorrupsjonA1}@kommunenett`)!;
    expect(first.summary).toBe('Antikorrupsjonsnettverk A: Første samling');
    expect(first.start.toISOString()).toBe('2013-06-18T10:00:00.000Z');
    expect(first.end?.toISOString()).toBe('2013-06-19T10:00:00.000Z');
    const second = events.find((e) => e.uid === `${DEMO.sessions.antikorrupsjonA2}@kommunenett`)!;
    expect(second.summary).toBe('Antikorrupsjonsnettverk A: Andre samling (oktober 2013, dato ikke fastsatt)');
    expect(second.datetype).toBe('date');
    expect(text).toContain('DTSTART;VALUE=DATE:20131001');
    expect(text).toContain('DTEND;VALUE=DATE:20131101');
    expect(text).not.toContain('X-WR-CALDESC');
  });

  it('serves an organization’s feed with the Gardermoen gathering and its agenda', async () => {
    const res = await fetch(feedUrl('/calendar/organizations/fagforbundet.ics'));
    expect(res.status).toBe(200);
    const parsed = ical.sync.parseICS(await res.text());
    // The Gardermoen gathering, and the month-only sessions of Saman's eight networks (four each, three in the first).
    const events = eventsOf(parsed).filter((e) => e.datetype !== 'date');
    expect(events).toHaveLength(1);
    expect(eventsOf(parsed).filter((e) => e.datetype === 'date')).toHaveLength(7 * 4 + 3);
    expect(events[0].start.toISOString()).toBe('2013-03-11T08:50:00.000Z');
    expect(events[0].location).toBe('Gardermoen');
    expect(String(events[0].description)).toContain('09:50 Program');
  });

  it('leaves drafts out, and answers unknown ids with 404', async () => {
    expect((await fetch(feedUrl(`/calendar/networks/${networkId}.ics`))).status).toBe(404);
    expect((await fetch(feedUrl('/calendar/networks/not-a-uuid.ics'))).status).toBe(404);
    expect((await fetch(feedUrl('/calendar/organizations/acme.ics'))).status).toBe(404);
    const ks = ical.sync.parseICS(await (await fetch(feedUrl('/calendar/organizations/ks.ics'))).text());
    const summaries = eventsOf(ks).map((e) => e.summary);
    expect(summaries).not.toContain('Nettverk E: Første samling');
    expect(summaries).toEqual(expect.arrayContaining(['Antikorrupsjonsnettverk A: Første samling', 'Nettverk omdømme 1: 1. Samling']));
  });
});
