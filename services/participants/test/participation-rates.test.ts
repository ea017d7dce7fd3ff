import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestStack, type TestStack } from '@kommunenett/stack/testing';
import { DEMO } from '@kommunenett/reference-data';

/*
 * Population (Norway and Sweden, as a time series), participation rates and size classes, and
 * suppression that survives differencing: every answer an analyst can combine, checked as a
 * system of equations over the cells it could reveal.
 */
let stack: TestStack;
let analyst: string;
beforeAll(async () => {
  stack = await startTestStack();
  analyst = await stack.token('ANALYST', { org: 'ks' });
});
afterAll(async () => { await stack?.stop(); });

const db = () => stack.subgraphs.participants.ds;

/** The reference files, read with a parser of this test's own. */
function csv(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(join(__dirname, '../../../packages/reference-data/data', file), 'utf8').trim().split('\n');
  const columns = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell])));
}

interface Figure { year: number; population: number; asOf: string; source: string }
interface Unit { id: string; population: number | null; populationAsOf: string | null; populationSource: string | null; sizeClass: string | null; populations: Figure[] }
const UNIT = 'query($id: ID!) { municipality(id: $id) { id population populationAsOf populationSource sizeClass populations { year population asOf source } } }';
const unit = async (id: string) => (await stack.graphql<{ municipality: Unit }>(UNIT, { variables: { id } })).body.data!.municipality;

describe('population', () => {
  it('counts every Swedish municipality and län (SCB, 31 December 2024) and every Norwegian one (SSB, 1 January 2024)', async () => {
    const swedish = csv('municipalities-se.csv');
    expect(swedish).toHaveLength(290);
    const rows = (await db().query(`SELECT municipality_id AS id, population, as_of::text AS "asOf" FROM participants.municipality_population WHERE municipality_id LIKE 'SE-%'`)) as { id: string; population: number; asOf: string }[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const m of swedish) expect(byId.get(`SE-${m.code}`)).toEqual({ id: `SE-${m.code}`, population: Number(m.population), asOf: '2024-12-31' });
    expect(swedish.reduce((n, m) => n + Number(m.population), 0)).toBe(10_587_710);

    const stockholm = await unit('SE-0180');
    const row = swedish.find((m) => m.code === '0180')!;
    expect(stockholm).toMatchObject({ population: Number(row.population), populationAsOf: '2024-12-31', sizeClass: 'FROM_100000' });
    expect(stockholm.populationSource).toMatch(/SCB/);
    expect(stockholm.populations).toEqual([{ year: 2024, population: Number(row.population), asOf: '2024-12-31', source: stockholm.populationSource }]);
    for (const county of csv('counties-se.csv')) {
      expect((await unit(`SE-${county.county_code}`)).population).toBe(Number(county.population));
    }
    const oslo = await unit('NO-0301');
    expect(oslo).toMatchObject({ populationAsOf: '2024-01-01', populations: [{ year: 2024, asOf: '2024-01-01' }] });
    expect(oslo.populationSource).toMatch(/SSB/);
  });
});

interface Key { dimension: string; value: string }
interface Cell {
  keys: Key[]; participants: number | null; municipalities: number | null; suppressed: boolean; municipalitiesInArea: number | null;
  participatingMunicipalities: number | null; municipalityShare: number | null; inhabitants: number | null; participantsPer10000Inhabitants: number | null; populationYears: number[];
}
interface Stats { total: Cell; cells: Cell[] }
const CELL = 'keys { dimension value } participants municipalities suppressed municipalitiesInArea participatingMunicipalities municipalityShare inhabitants participantsPer10000Inhabitants populationYears';
/** A table's total and a page of its cells, as `participationStatistics` selects them (`cellsArguments` beside `first`). */
const table = (cellsArguments = '') => `total { ${CELL} } cells(first: 100${cellsArguments}) { edges { node { ${CELL} } } pageInfo { hasNextPage endCursor } }`;
const STATS = `query($f: ParticipationStatisticsFilter, $g: [ParticipationDimension!], $after: String) { participationStatistics(filter: $f, groupBy: $g) {
  ${table(', after: $after')} } }`;
type Page = { total: Cell; cells: { edges: { node: Cell }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
/** The whole table, page after page, as a client reads it. */
async function stats(filter: Record<string, string>, groupBy: string[]): Promise<Stats> {
  const cells: Cell[] = [];
  let after: string | null = null;
  const pageAfter = (cursor: string | null) => stack.graphql<{ participationStatistics: Page }>(STATS, { token: analyst, variables: { f: filter, g: groupBy, after: cursor } });
  for (;;) {
    const res = await pageAfter(after);
    expect(res.body.errors).toBeUndefined();
    const { total, cells: page } = res.body.data!.participationStatistics;
    cells.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return { total, cells };
    after = page.pageInfo.endCursor;
  }
}

/**
 * Tables per request in the exhaustive check: one request per table made it the suite's third
 * longest file; the gateway allows 30 aliases and 4,000 tokens a request.
 */
const BATCH = 24;

/**
 * Many tables in one request (an alias per table, as a dashboard asks for its tables), each read on
 * page after page where it has more.
 */
async function statsBatch(tables: { filter: Record<string, string>; groupBy: string[] }[]): Promise<Stats[]> {
  const fields = tables.map((_, i) => `t${i}: participationStatistics(filter: $f${i}, groupBy: $g${i}) { ${table()} }`);
  const variables = tables.map((_, i) => `$f${i}: ParticipationStatisticsFilter, $g${i}: [ParticipationDimension!]`);
  const res = await stack.graphql<Record<string, Page>>(`query(${variables.join(', ')}) { ${fields.join(' ')} }`, {
    token: analyst, variables: Object.fromEntries(tables.flatMap((t, i) => [[`f${i}`, t.filter], [`g${i}`, t.groupBy]])),
  });
  expect(res.body.errors).toBeUndefined();
  return Promise.all(tables.map(async (table, i) => {
    const { total, cells } = res.body.data![`t${i}`];
    return cells.pageInfo.hasNextPage ? stats(table.filter, table.groupBy) : { total, cells: cells.edges.map((e) => e.node) };
  }));
}

describe('participation as rates', () => {
  it('gives the share of a country’s municipalities that took part and participants per 10,000 inhabitants', async () => {
    const { cells } = await stats({}, ['COUNTRY']);
    const [expected] = (await db().query(
      `SELECT count(DISTINCT r.person_id)::int AS participants, count(DISTINCT r.municipality_id) FILTER (WHERE m.kind = 'MUNICIPALITY')::int AS municipalities
         FROM participants.registration r JOIN participants.municipality m ON m.id = r.municipality_id WHERE r.status = 'CONFIRMED' AND m.country = 'NO'`)) as { participants: number; municipalities: number }[];
    const norwegian = csv('municipalities-no.csv');
    const inhabitants = norwegian.reduce((n, m) => n + Number(m.population), 0);
    const no = cells.find((c) => c.keys[0].value === 'NO')!;
    expect(no).toMatchObject({ participants: expected.participants, participatingMunicipalities: expected.municipalities, municipalitiesInArea: 357, inhabitants, populationYears: [2024] });
    expect(no.municipalityShare).toBeCloseTo(expected.municipalities / 357, 10);
    expect(no.participantsPer10000Inhabitants).toBeCloseTo((expected.participants * 10_000) / inhabitants, 10);
    const swedish = csv('municipalities-se.csv');
    const se = cells.find((c) => c.keys[0].value === 'SE');
    if (se) expect(se).toMatchObject({ municipalitiesInArea: 290, inhabitants: swedish.reduce((n, m) => n + Number(m.population), 0), populationYears: [2024] });
  });

  it('groups by municipality size class, with the classes’ municipalities and inhabitants', async () => {
    const { cells } = await stats({ country: 'NO' }, ['SIZE_CLASS']);
    const bounds: [string, number, number][] = [['UNDER_5000', 0, 4999], ['FROM_5000_TO_19999', 5000, 19999], ['FROM_20000_TO_49999', 20000, 49999], ['FROM_50000_TO_99999', 50000, 99999], ['FROM_100000', 100000, Infinity]];
    const norwegian = csv('municipalities-no.csv');
    expect(cells.length).toBeGreaterThan(1);
    for (const cell of cells) {
      const [, min, max] = bounds.find(([name]) => name === cell.keys[0].value)!;
      const members = norwegian.filter((m) => Number(m.population) >= min && Number(m.population) <= max);
      expect(cell).toMatchObject({ municipalitiesInArea: members.length, inhabitants: members.reduce((n, m) => n + Number(m.population), 0) });
    }
    const [expected] = (await db().query(
      `SELECT count(DISTINCT r.person_id)::int AS n FROM participants.registration r JOIN participants.municipality m ON m.id = r.municipality_id
        WHERE r.status = 'CONFIRMED' AND m.country = 'NO' AND m.population >= 100000`)) as { n: number }[];
    expect(cells.find((c) => c.keys[0].value === 'FROM_100000')!.participants).toBe(expected.n);
  });

  it('takes the population of the registrations’ year where it was counted, and says which year it used', async () => {
    // A figure for Oslo in 2013 (test data): the 2013 registrations are set against it, the rest against 2024.
    await db().query(`INSERT INTO participants.municipality_population (municipality_id, year, population, as_of, source) VALUES ('NO-0301', 2013, 613285, '2013-01-01', 'test')`);
    try {
      const in2013 = await stats({ period: '2013', country: 'NO', countyCode: '03' }, ['MUNICIPALITY']);
      const oslo = in2013.cells.find((c) => c.keys[0].value === 'NO-0301')!;
      expect(oslo).toMatchObject({ inhabitants: 613285, populationYears: [2013] });
      if (!oslo.suppressed) expect(oslo.participantsPer10000Inhabitants).toBeCloseTo((oslo.participants! * 10_000) / 613285, 10);
      const latest = await stats({ country: 'NO', countyCode: '03' }, ['MUNICIPALITY']);
      expect(latest.cells.find((c) => c.keys[0].value === 'NO-0301')).toMatchObject({ inhabitants: Number(csv('municipalities-no.csv').find((m) => m.code === '0301')!.population), populationYears: [2024] });
    } finally {
      await db().query(`DELETE FROM participants.municipality_population WHERE municipality_id = 'NO-0301' AND year = 2013`);
    }
  });
});

/*
 * The differencing attack, exhaustively over the demo data: the atoms are (network, county)
 * cells of persons. Every figure an analyst is shown, by any filter and grouping below, is an
 * equation over the atoms. No atom of 1 or 2 persons may be determined by those equations.
 */
describe('suppression that survives differencing', () => {
  it('shows no cell of fewer than 3 persons through any combination of totals, filters and groupings', async () => {
    // Every network with confirmed registrations, and the programmes they belong to.
    const snapshots = (await db().query(
      `SELECT DISTINCT r.network_id::text AS network, s.program_id::text AS program FROM participants.registration r
         LEFT JOIN participants.network_snapshot s ON s.network_id = r.network_id WHERE r.status = 'CONFIRMED'`)) as { network: string; program: string | null }[];
    const networks = snapshots.map((x) => x.network);
    const programs: Record<string, string[]> = {};
    for (const x of snapshots) if (x.program) (programs[x.program] ??= []).push(x.network);
    const atomRows = (await db().query(
      `SELECT r.network_id::text AS network, m.country || '-' || m.county_code AS county, count(DISTINCT r.person_id)::int AS n
         FROM participants.registration r JOIN participants.municipality m ON m.id = r.municipality_id
        WHERE r.status = 'CONFIRMED' GROUP BY 1, 2`)) as { network: string; county: string; n: number }[];
    // Each person is counted in one atom: the equations are sums.
    const [{ people }] = (await db().query(`SELECT count(DISTINCT person_id)::int AS people FROM participants.registration WHERE status = 'CONFIRMED'`)) as { people: number }[];
    expect(atomRows.reduce((n, a) => n + a.n, 0)).toBe(people);
    const atoms = atomRows.map((a) => `${a.network}|${a.county}`);
    const counties = [...new Set(atomRows.map((a) => a.county))];

    const equations: { atoms: Set<string>; value: number }[] = [];
    const record = (cell: Cell, where: (network: string, county: string) => boolean) => {
      const keyed = (network: string, county: string) => cell.keys.every((k) =>
        (k.dimension === 'NETWORK' && k.value === network) || (k.dimension === 'COUNTY' && k.value === county) || (k.dimension === 'COUNTRY' && county.startsWith(k.value)));
      if (cell.suppressed) return;
      expect(cell.participants).toBeGreaterThanOrEqual(3);
      equations.push({ atoms: new Set(atomRows.filter((a) => where(a.network, a.county) && keyed(a.network, a.county)).map((a) => `${a.network}|${a.county}`)), value: cell.participants! });
    };
    const filters: [Record<string, string>, (network: string, county: string) => boolean][] = [
      [{}, () => true], [{ country: 'NO' }, (_, c) => c.startsWith('NO')], [{ country: 'SE' }, (_, c) => c.startsWith('SE')],
      ...networks.map((n): [Record<string, string>, (network: string) => boolean] => [{ networkId: n }, (network) => network === n]),
      ...Object.entries(programs).map(([p, ns]): [Record<string, string>, (network: string) => boolean] => [{ programId: p }, (network) => ns.includes(network)]),
    ];
    for (const county of counties) {
      const [country, code] = [county.slice(0, 2), county.slice(3)];
      filters.push([{ country, countyCode: code }, (_, c) => c === county]);
      for (const n of networks) filters.push([{ country, countyCode: code, networkId: n }, (network, c) => c === county && network === n]);
      for (const [p, ns] of Object.entries(programs)) filters.push([{ country, countyCode: code, programId: p }, (network, c) => c === county && ns.includes(network)]);
    }
    const tables = filters.flatMap(([filter, where]) => [[], ['COUNTY'], ['NETWORK'], ['COUNTY', 'NETWORK']].map((groupBy) => ({ filter, groupBy, where })));
    for (let i = 0; i < tables.length; i += BATCH) {
      const batch = tables.slice(i, i + BATCH);
      (await statsBatch(batch)).forEach((result, j) => {
        record(result.total, batch[j].where);
        for (const cell of result.cells) record(cell, batch[j].where);
      });
    }
    // The public view of a network's registrants by county adds its equations too.
    for (const n of networks) {
      const res = await stack.graphql<{ network: { registrantsByCounty: { county: { id: string }; participantCount: number | null; suppressed: boolean }[] } }>(
        'query($id: ID!) { network(id: $id) { registrantsByCounty { county { id } participantCount suppressed } } }', { variables: { id: n } });
      for (const c of res.body.data!.network.registrantsByCounty) {
        record({ keys: [{ dimension: 'COUNTY', value: c.county.id }], participants: c.participantCount, suppressed: c.suppressed } as Cell, (network) => network === n);
      }
    }
    expect(equations.length).toBeGreaterThan(100);

    // An atom is determined when its unit vector lies in the span of the equations.
    const rows = equations.map((e) => atoms.map((a) => (e.atoms.has(a) ? 1 : 0)));
    const small = atomRows.filter((a) => a.n > 0 && a.n < 3);
    expect(small.length).toBeGreaterThan(0);
    const base = rank(rows);
    const revealed = small.filter((a) => rank([...rows, atoms.map((x) => (x === `${a.network}|${a.county}` ? 1 : 0))]) === base);
    expect(revealed).toEqual([]);
  }, 600_000);

  it('hides in a county’s own view every cell the national view hides, and its total when it would give one away', async () => {
    const national = await stats({ networkId: DEMO.networks.antikorrupsjonA }, ['COUNTY']);
    const hidden = national.cells.filter((c) => c.suppressed).map((c) => c.keys[0].value);
    expect(hidden).toContain('NO-03');
    for (const county of hidden) {
      const own = await stats({ networkId: DEMO.networks.antikorrupsjonA, country: 'NO', countyCode: county.slice(3) }, ['MUNICIPALITY']);
      expect(own.total.suppressed).toBe(true);
      expect(own.cells.every((c) => c.suppressed)).toBe(true);
    }
    // The national total minus the county totals that are shown never leaves exactly one county.
    const shown = await Promise.all(national.cells.map(async (c) => (await stats({ networkId: DEMO.networks.antikorrupsjonA, country: 'NO', countyCode: c.keys[0].value.slice(3) }, [])).total));
    expect(shown.filter((t) => t.suppressed).length).not.toBe(1);
    // County codes 03 and 18 exist in both countries: a county filter names its country.
    const ambiguous = await stack.graphql(STATS, { token: analyst, variables: { f: { countyCode: '03' }, g: [] } });
    expect(ambiguous.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('gives the public registrants by county the same figures as the statistics', async () => {
    const res = await stack.graphql<{ network: { registrantsByCounty: { countyCode: string; participantCount: number | null; municipalityCount: number | null; suppressed: boolean }[] } }>(
      'query($id: ID!) { network(id: $id) { registrantsByCounty { countyCode participantCount municipalityCount suppressed } } }', { variables: { id: DEMO.networks.antikorrupsjonA } });
    const publicView = res.body.data!.network.registrantsByCounty;
    const statistics = await stats({ networkId: DEMO.networks.antikorrupsjonA }, ['COUNTY']);
    expect(publicView.filter((c) => !c.suppressed).every((c) => c.participantCount! >= 3)).toBe(true);
    expect(Object.fromEntries(publicView.map((c) => [c.countyCode, c.participantCount])))
      .toEqual(Object.fromEntries(statistics.cells.map((c) => [c.keys[0].value.slice(3), c.participants])));
    expect(publicView.some((c) => c.suppressed)).toBe(true);
  });
});

describe('statistics of the base dimensions while registrations change', () => {
  it('answers from what was decided before a change while that may be as old, says as of when, and counts the change after', async () => {
    const settings = stack.subgraphs.participants.config.settings as { statisticsMaxStalenessMs: number };
    const admin = await stack.token('ADMIN');
    const network = DEMO.networks.antikorrupsjonA;
    const ask = async () => (await stack.graphql<{ participationStatistics: { asOf: string; total: { registrations: number | null; suppressed: boolean } } }>(
      'query($f: ParticipationStatisticsFilter) { participationStatistics(filter: $f, groupBy: [COUNTY]) { asOf total { registrations suppressed } } }',
      { token: analyst, variables: { f: { networkId: network } } })).body.data!.participationStatistics;
    const [confirmed] = (await db().query(`SELECT id::text FROM participants.registration WHERE network_id = $1 AND status = 'CONFIRMED' ORDER BY id LIMIT 1`, [network])) as { id: string }[];
    // An hour allowed: the background watcher does not look again during this test.
    settings.statisticsMaxStalenessMs = 3_600_000;
    try {
      const before = await ask();
      expect(before.total.suppressed).toBe(false);
      const cancelling = Date.now();
      await stack.mutate('cancelRegistration', { registrationId: confirmed.id, reason: 'statistics test' }, admin);
      const cancelled = Date.now();
      // The lattice decided before the cancellation, and its moment, which is before it.
      const stale = await ask();
      expect(stale).toEqual(before);
      expect(new Date(stale.asOf).getTime()).toBeLessThanOrEqual(cancelling);
      // Nothing stale allowed: the cancellation is counted, as of a moment after it.
      settings.statisticsMaxStalenessMs = 0;
      const fresh = await ask();
      expect(fresh.total.registrations).toBe(before.total.registrations! - 1);
      expect(new Date(fresh.asOf).getTime()).toBeGreaterThanOrEqual(cancelled);
    } finally {
      settings.statisticsMaxStalenessMs = 0;
    }
  });
});

/** Rank of a 0/1 matrix by Gaussian elimination over the rationals (floating point, small integers). */
function rank(matrix: number[][]): number {
  const m = matrix.map((r) => [...r]);
  let r = 0;
  const columns = m[0]?.length ?? 0;
  for (let c = 0; c < columns && r < m.length; c++) {
    const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[c]) > 1e-9);
    if (pivot < 0) continue;
    [m[r], m[pivot]] = [m[pivot], m[r]];
    for (let i = 0; i < m.length; i++) {
      if (i === r || Math.abs(m[i][c]) < 1e-9) continue;
      const factor = m[i][c] / m[r][c];
      for (let j = c; j < columns; j++) m[i][j] -= factor * m[r][j];
    }
    r++;
  }
  return r;
}
