import { networksStack } from './helpers';

/**
 * A session's date is the interval it covers: exact times, a planned month, or a span of months.
 * Every precision against every catalogue date filter and the NEXT_SESSION order, across a year
 * boundary; and "upcoming" relative to today, where a session planned for the current month counts.
 */
let t: Awaited<ReturnType<typeof networksStack>>;
let ks: string;
beforeAll(async () => {
  t = await networksStack();
  ks = await t.token('ORG_ADMIN', { org: 'ks' });
});
afterAll(async () => { await t?.stack.stop(); });

const NEXT = 'nextSession { title datePrecision startsAt plannedMonth plannedTo intervalStart intervalEnd }';

async function networkWith(name: string, theme: string, sessions: Record<string, unknown>[]): Promise<string> {
  const created = await t.ok(`mutation($name: String!, $theme: String!) { createNetwork(input: { name: $name, theme: $theme, country: NO, language: nb, hostIds: ["ks"] }) {
    network { id } userErrors { code } } }`, { name, theme }, ks);
  const id = created.createNetwork.network.id;
  for (const session of sessions) {
    const res = await t.ok(`mutation($input: CreateSessionInput!) { createSession(input: $input) { userErrors { field code } } }`,
      { input: { networkId: id, ...session } }, ks);
    expect(res.createSession.userErrors).toEqual([]);
  }
  return id;
}

/** Names of the networks of a theme that a filter selects, in the order asked for. */
async function names(theme: string, filter: Record<string, unknown> = {}, orderBy = 'NAME'): Promise<string[]> {
  const data = await t.ok(`query($filter: NetworkFilter, $orderBy: NetworkOrder) { networks(first: 50, filter: $filter, orderBy: $orderBy) { edges { node { name } } } }`,
    { filter: { theme, ...filter }, orderBy }, ks);
  return data.networks.edges.map((e: { node: { name: string } }) => e.node.name);
}

/** YYYY-MM of today in Oslo, shifted by some months. */
function monthInOslo(shift: number): string {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number);
  const index = y * 12 + (m - 1) + shift;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

describe('sessions as intervals across the turn of 2098/2099', () => {
  const theme = 'intervaller';
  beforeAll(async () => {
    // EXACT: New Year's Eve into New Year's Day. MONTH: January. MONTH_SPAN: December to February.
    await networkWith('Eksakt', theme, [{ title: 'Nyttårssamling', times: { startDate: '2098-12-31', startTime: '18:00', endDate: '2099-01-01', endTime: '02:00' } }]);
    await networkWith('Måned', theme, [{ title: 'Januarsamling', plannedMonth: '2099-01' }]);
    await networkWith('Spenn', theme, [{ title: 'Vintersamling', plannedMonth: '2098-12', plannedTo: '2099-02' }]);
    await networkWith('Uavklart', theme, [{ title: 'Samling uten dato' }]);
  });

  it('gives every precision its interval and says which precision it is', async () => {
    const data = await t.ok(`query($theme: String!) { networks(first: 10, filter: { theme: $theme }) { edges { node { name ${NEXT} } } } }`, { theme }, ks);
    const next = Object.fromEntries(data.networks.edges.map((e: any) => [e.node.name, e.node.nextSession]));
    expect(next).toEqual({
      Eksakt: { title: 'Nyttårssamling', datePrecision: 'EXACT', startsAt: '2098-12-31T17:00:00.000Z', plannedMonth: null, plannedTo: null,
        intervalStart: '2098-12-31T17:00:00.000Z', intervalEnd: '2099-01-01T01:00:00.000Z' },
      Måned: { title: 'Januarsamling', datePrecision: 'MONTH', startsAt: null, plannedMonth: '2099-01', plannedTo: null,
        intervalStart: '2098-12-31T23:00:00.000Z', intervalEnd: '2099-01-31T23:00:00.000Z' },
      Spenn: { title: 'Vintersamling', datePrecision: 'MONTH_SPAN', startsAt: null, plannedMonth: '2098-12', plannedTo: '2099-02',
        intervalStart: '2098-11-30T23:00:00.000Z', intervalEnd: '2099-02-28T23:00:00.000Z' },
      Uavklart: null,
    });
  });

  it.each([
    ['from a day inside the span and the month', { sessionsFrom: '2099-01-10' }, ['Måned', 'Spenn']],
    ['from New Year’s Day, the night the exact session ends', { sessionsFrom: '2099-01-01' }, ['Eksakt', 'Måned', 'Spenn']],
    ['from the day after the span ends', { sessionsFrom: '2099-03-01' }, []],
    ['up to New Year’s Eve', { sessionsTo: '2098-12-31' }, ['Eksakt', 'Spenn']],
    ['up to a day before any interval', { sessionsTo: '2098-11-30' }, []],
    ['10–31 December', { sessionsFrom: '2098-12-10', sessionsTo: '2098-12-31' }, ['Eksakt', 'Spenn']],
    ['the last day of January', { sessionsFrom: '2099-01-31', sessionsTo: '2099-01-31' }, ['Måned', 'Spenn']],
    ['February only', { sessionsFrom: '2099-02-01', sessionsTo: '2099-02-28' }, ['Spenn']],
    ['the whole winter', { sessionsFrom: '2098-12-01', sessionsTo: '2099-02-28' }, ['Eksakt', 'Måned', 'Spenn']],
  ])('filters by overlap: %s', async (_label, filter, expected) => {
    expect(await names(theme, filter)).toEqual(expected);
  });

  it('orders by the start of each interval, the undecided last, the same on every page', async () => {
    expect(await names(theme, {}, 'NEXT_SESSION')).toEqual(['Spenn', 'Eksakt', 'Måned', 'Uavklart']);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const data: any = await t.ok(`query($after: String, $theme: String!) { networks(first: 1, after: $after, orderBy: NEXT_SESSION, filter: { theme: $theme }) {
        pageInfo { hasNextPage endCursor } edges { node { name } } } }`, { after, theme }, ks);
      seen.push(...data.networks.edges.map((e: any) => e.node.name));
      after = data.networks.pageInfo.hasNextPage ? data.networks.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(['Spenn', 'Eksakt', 'Måned', 'Uavklart']);
  });
});

describe('upcoming, relative to today', () => {
  const theme = 'kommende';
  beforeAll(async () => {
    await networkWith('Denne måneden', theme, [{ title: 'Forrige', plannedMonth: monthInOslo(-1) }, { title: 'Nå', plannedMonth: monthInOslo(0) }]);
    await networkWith('Spenn til nå', theme, [{ title: 'Spenn', plannedMonth: monthInOslo(-2), plannedTo: monthInOslo(0) }]);
    await networkWith('Neste måned', theme, [{ title: 'Neste', plannedMonth: monthInOslo(1) }]);
    await networkWith('Ferdig', theme, [{ title: 'Forbi', plannedMonth: monthInOslo(-1) }]);
  });

  it('counts a session planned for the current month (or a span that ends in it) as upcoming and sorts it by the month’s start', async () => {
    const data = await t.ok(`query($theme: String!) { networks(first: 10, orderBy: NEXT_SESSION, filter: { theme: $theme }) { edges { node { name nextSessionAt ${NEXT} } } } }`, { theme }, ks);
    const rows = data.networks.edges.map((e: any) => [e.node.name, e.node.nextSession?.title ?? null, e.node.nextSession?.plannedMonth ?? null, e.node.nextSessionAt === e.node.nextSession?.intervalStart]);
    expect(rows).toEqual([
      ['Spenn til nå', 'Spenn', monthInOslo(-2), true],
      ['Denne måneden', 'Nå', monthInOslo(0), true],
      ['Neste måned', 'Neste', monthInOslo(1), true],
      ['Ferdig', null, null, false],
    ]);
    expect(data.networks.edges[3].node.nextSessionAt).toBeNull();
  });

  it('finds the current month’s sessions with a filter from today', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());
    expect(await names(theme, { sessionsFrom: today })).toEqual(['Denne måneden', 'Neste måned', 'Spenn til nå']);
    expect(await names(theme, { sessionsFrom: today, sessionsTo: today })).toEqual(['Denne måneden', 'Spenn til nå']);
  });
});
