import { startTestStack, sqlDelta, type TestStack } from '@kommunenett/stack/testing';
import { DEMO, municipalities, sizeClassOf } from '@kommunenett/reference-data';
import { insertGeneratedValues, type GeneratedValue } from '@kommunenett/reports';

let stack: TestStack;

/**
 * Asks through the gateway for statistics whose cells every test here reads as one table: each
 * `cells { … }` is asked as `cells(first: 100) { edges { node { … } } }` (every table here fits one
 * page) and answered as the list of the page's nodes. Paging itself: gateway/test/pages.test.ts.
 */
async function askStatistics<T = Record<string, unknown>>(query: string, options: Parameters<TestStack['graphql']>[1] = {}) {
  let paged = query;
  for (let at = paged.indexOf('cells {'); at >= 0; at = paged.indexOf('cells {', at + 1)) {
    let depth = 0;
    let end = at + 'cells '.length;
    for (; end < paged.length; end += 1) {
      if (paged[end] === '{') depth += 1;
      if (paged[end] === '}' && --depth === 0) break;
    }
    paged = `${paged.slice(0, at)}cells(first: 100) { edges { node ${paged.slice(at + 'cells '.length, end + 1)} } }${paged.slice(end + 1)}`;
  }
  const res = await stack.graphql<T>(paged, options);
  const statistics = (res.body.data as { statistics?: { cells?: { edges: { node: unknown }[] } | unknown[] } } | undefined)?.statistics;
  if (statistics?.cells && !Array.isArray(statistics.cells)) statistics.cells = statistics.cells.edges.map((e) => e.node);
  return res;
}

/*
 * A data set built here: deviations reported 2020–2024 by the municipalities of four Norwegian
 * counties (all of Akershus but Bærum, whose 2022 report is demo data; Oslo; the first four of
 * Vestland; the first three of Møre og Romsdal), and population change 2013–2017 around the
 * anti-corruption networks.
 */
const PERIODS = ['2020', '2021', '2022', '2023', '2024'];
const directory = municipalities().filter((m) => m.kind === 'MUNICIPALITY' && m.country === 'NO');
const inCounty = (code: string) => directory.filter((m) => m.countyCode === code);
const chosen = [...inCounty('32').filter((m) => m.id !== 'NO-3201'), ...inCounty('03'), ...inCounty('46').slice(0, 4), ...inCounty('15').slice(0, 3)];
const deviations: GeneratedValue[] = chosen.flatMap((m, i) => PERIODS.map((period) => ({
  municipalityId: m.id, period, indicatorId: 'deviations-reported', value: ((i * 37 + Number(period)) % 500) + 10,
})));
const BAERUM = { municipalityId: 'NO-3201', period: '2022', indicatorId: 'deviations-reported', value: 6919 };

beforeAll(async () => {
  stack = await startTestStack();
  await insertGeneratedValues(stack.subgraphs.reports.ds, deviations);
});
afterAll(async () => { await stack?.stop(); });

interface Cell {
  countyCode: string | null; county: { id: string; name: string } | null; period: string | null; value: number | null; sum: number | null;
  mean: number | null; median: number | null; perThousandInhabitants: number | null; unitCount: number | null; suppressed: boolean;
}

const DASHBOARD = `query($periods: [String!]) {
  statistics(indicators: ["deviations-reported"], filter: { country: NO, periods: $periods }, groupBy: [COUNTY, PERIOD]) {
    suppressionThreshold
    cells { countyCode county { id name } period value sum mean median perThousandInhabitants unitCount suppressed }
    csv
  } }`;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

describe('statistics across municipalities', () => {
  it('answers «deviations per 1,000 inhabitants by county, 2020–2024» with small cells suppressed', async () => {
    const res = await askStatistics<{ statistics: { suppressionThreshold: number; cells: Cell[]; csv: string } }>(DASHBOARD, {
      variables: { periods: PERIODS }, token: await stack.token('ANALYST', { org: 'ks' }),
    });
    expect(res.body.errors).toBeUndefined();
    const { cells, csv, suppressionThreshold } = res.body.data!.statistics;
    expect(suppressionThreshold).toBe(3);
    expect(cells).toHaveLength(4 * PERIODS.length);
    const all = [...deviations, BAERUM];
    const population = new Map(directory.map((m) => [m.id, m.population ?? 0]));
    const county = new Map(directory.map((m) => [m.id, m.countyCode]));
    for (const period of PERIODS) {
      const cell = (code: string) => cells.find((c) => c.countyCode === code && c.period === period)!;
      // Akershus and Vestland: enough municipalities, figures as computed from the data set.
      for (const code of ['32', '46']) {
        const rows = all.filter((v) => v.period === period && county.get(v.municipalityId) === code);
        const sum = rows.reduce((n, v) => n + v.value, 0);
        const inhabitants = rows.reduce((n, v) => n + population.get(v.municipalityId)!, 0);
        expect(cell(code)).toMatchObject({ suppressed: false, unitCount: rows.length, value: sum, sum, median: median(rows.map((v) => v.value)) });
        expect(cell(code).mean).toBeCloseTo(sum / rows.length, 6);
        expect(cell(code).perThousandInhabitants).toBeCloseTo((sum * 1000) / inhabitants, 6);
      }
      expect(cell('32').county).toEqual({ id: 'NO-32', name: 'Akershus fylkeskommune' });
      // Oslo is one municipality: suppressed. Møre og Romsdal (3) is suppressed with it, being the
      // smallest other county: otherwise Oslo = the national total − the rest.
      for (const code of ['03', '15']) {
        expect(cell(code)).toMatchObject({ suppressed: true, value: null, sum: null, mean: null, median: null, perThousandInhabitants: null, unitCount: null });
      }
    }
    expect(cells.filter((c) => !c.suppressed).every((c) => c.unitCount! >= 3)).toBe(true);
    // Bærum's own report counts in Akershus in 2022.
    expect(cells.find((c) => c.countyCode === '32' && c.period === '2022')!.unitCount).toBe(inCounty('32').length);

    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('indicator,municipality,county,country,size_class,period,network,breakdown,unit_count,value,sum,mean,median,per_1000_inhabitants,suppressed');
    expect(lines).toHaveLength(cells.length + 1);
    const oslo2020 = lines.find((l) => l.includes(',NO-03,NO,,2020,'))!.split(',');
    expect(oslo2020.slice(8)).toEqual(['', '', '', '', '', '', 'true']);
    const akershus2021 = lines.find((l) => l.includes(',NO-32,NO,,2021,'))!.split(',');
    const cell2021 = cells.find((c) => c.countyCode === '32' && c.period === '2021')!;
    expect(Number(akershus2021[9])).toBe(cell2021.value);
  });

  it('keeps the national total consistent with the county cells', async () => {
    const res = await askStatistics<{ statistics: { cells: (Cell & { country: string })[] } }>(`{
      statistics(indicators: ["deviations-reported"], filter: { periods: ["2021"] }, groupBy: [COUNTRY]) { cells { country sum unitCount suppressed } } }`);
    expect(res.body.errors).toBeUndefined();
    const rows = deviations.filter((v) => v.period === '2021');
    expect(res.body.data!.statistics.cells).toEqual([{ country: 'NO', sum: rows.reduce((n, v) => n + v.value, 0), unitCount: rows.length, suppressed: false }]);
  });

  it('groups by municipality size class, the classes of participationStatistics, within each country', async () => {
    const res = await askStatistics<{ statistics: { cells: { country: string; sizeClass: string | null; sum: number | null; unitCount: number | null; suppressed: boolean }[] } }>(`{
      statistics(indicators: ["deviations-reported"], filter: { periods: ["2021"] }, groupBy: [COUNTRY, SIZE_CLASS]) { cells { country sizeClass sum unitCount suppressed } } }`);
    expect(res.body.errors).toBeUndefined();
    const cells = res.body.data!.statistics.cells;
    const byClass = new Map<string, number[]>();
    const population = new Map(directory.map((m) => [m.id, m.population]));
    for (const v of deviations.filter((x) => x.period === '2021')) {
      const sizeClass = sizeClassOf(population.get(v.municipalityId))!;
      byClass.set(sizeClass, [...(byClass.get(sizeClass) ?? []), v.value]);
    }
    expect(cells.map((c) => c.sizeClass).sort()).toEqual([...byClass.keys()].sort());
    expect(cells.every((c) => c.country === 'NO')).toBe(true);
    let shown = 0;
    for (const cell of cells) {
      const values = byClass.get(cell.sizeClass!)!;
      if (values.length < 3) expect(cell.suppressed).toBe(true);
      if (cell.suppressed) expect([cell.sum, cell.unitCount]).toEqual([null, null]);
      else {
        shown++;
        expect([cell.sum, cell.unitCount]).toEqual([values.reduce((a, b) => a + b, 0), values.length]);
      }
    }
    // Never exactly one suppressed class: it would be the national total minus the others.
    expect(cells.filter((c) => c.suppressed).length).not.toBe(1);
    expect(shown).toBeGreaterThan(0);
  });

  it('breaks values down by a dimension of the values', async () => {
    const areas = chosen.slice(0, 5).flatMap((m, i) => [
      { municipalityId: m.id, period: '2020', indicatorId: 'deviations-reported', breakdown: 'area:hms', value: 10 + i },
      { municipalityId: m.id, period: '2020', indicatorId: 'deviations-reported', breakdown: 'area:annet', value: 20 + i },
    ]);
    await insertGeneratedValues(stack.subgraphs.reports.ds, areas);
    const res = await askStatistics<{ statistics: { cells: { breakdown: string; sum: number; unitCount: number }[] } }>(`{
      statistics(indicators: ["deviations-reported"], filter: { periods: ["2020"] }, groupBy: [COUNTRY], breakdown: "area") { cells { breakdown sum unitCount } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.statistics.cells).toEqual([
      { breakdown: 'area:annet', sum: 20 + 21 + 22 + 23 + 24, unitCount: 5 },
      { breakdown: 'area:hms', sum: 10 + 11 + 12 + 13 + 14, unitCount: 5 },
    ]);
  });

  it('answers from a fixed number of statements whatever the volume', async () => {
    const measure = async (query: string) => {
      const before = stack.sqlStatements();
      const res = await askStatistics(query);
      expect(res.body.errors).toBeUndefined();
      return sqlDelta(before, stack.sqlStatements()).reports;
    };
    const small = await measure('{ statistics(indicators: ["deviations-reported"], filter: { periods: ["2020"] }) { cells { value } } }');
    const large = await measure(`{ statistics(indicators: ["deviations-reported", "employee-survey-score", "citizen-survey-score", "user-survey-score"],
      groupBy: [COUNTY, PERIOD]) { cells { indicator { id name } value suppressed } csv } }`);
    expect(small).toBeLessThanOrEqual(3);
    expect(large).toBe(small);
  });

  it('keeps the directory entries it read: the same dashboard again asks the participants service nothing', async () => {
    const query = '{ statistics(indicators: ["deviations-reported"], filter: { country: NO }, groupBy: [COUNTY]) { cells { countyCode value } } }';
    const first = await askStatistics(query);
    const before = stack.sqlStatements();
    const again = await askStatistics(query);
    const delta = sqlDelta(before, stack.sqlStatements());
    expect(again.body).toEqual(first.body);
    expect((again.body as { data: { statistics: { cells: unknown[] } } }).data.statistics.cells.length).toBeGreaterThan(1);
    expect(delta.participants).toBe(0);
    expect(delta.reports).toBeGreaterThan(0);
  });

  it('refuses a query over more cells than the limit, and malformed arguments, with a code', async () => {
    const many = await askStatistics<{ indicators: { id: string }[] }>('{ indicators { id } }');
    const twenty = many.body.data!.indicators.slice(0, 20).map((i) => i.id);
    const tooBig = await askStatistics('query($ids: [ID!]!) { statistics(indicators: $ids, groupBy: [MUNICIPALITY, PERIOD]) { cells { value } } }', { variables: { ids: twenty } });
    expect(tooBig.body.errors![0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', cellLimit: 10000 });
    expect(tooBig.body.errors![0].message).toMatch(/limit is 10000/);
    const bad = async (query: string) => (await askStatistics(query)).body.errors![0].extensions!.code;
    expect(await bad('{ statistics(indicators: ["bribes-paid"]) { cells { value } } }')).toBe('BAD_USER_INPUT');
    expect(await bad('{ statistics(indicators: ["deviations-reported"], filter: { periods: ["2020-01"] }) { cells { value } } }')).toBe('BAD_USER_INPUT');
    expect(await bad('{ statistics(indicators: ["deviations-reported"], groupBy: [NETWORK]) { cells { value } } }')).toBe('BAD_USER_INPUT');
    expect(await bad('{ statistics(indicators: ["deviations-reported"], filter: { countyCodes: ["Akershus"] }) { cells { value } } }')).toBe('BAD_USER_INPUT');
  });

  it('groups by network with the participants read through the graph', async () => {
    const ids = [DEMO.networks.antikorrupsjonA, DEMO.networks.antikorrupsjonB];
    const net = await askStatistics<{ a: { participatingMunicipalityIds: string[] }; b: { participatingMunicipalityIds: string[] } }>(
      'query($a: ID!, $b: ID!) { a: network(id: $a) { participatingMunicipalityIds } b: network(id: $b) { participatingMunicipalityIds } }', { variables: { a: ids[0], b: ids[1] } });
    const res = await askStatistics<{ statistics: { cells: { network: { id: string; name: string }; mean: number; unitCount: number }[] } }>(
      `query($ids: [ID!]) { statistics(indicators: ["employee-survey-score"], filter: { networkIds: $ids, periods: ["2013"] }, groupBy: [NETWORK]) {
        cells { network { id name } mean unitCount } } }`, { variables: { ids } });
    expect(res.body.errors).toBeUndefined();
    const cellA = res.body.data!.statistics.cells.find((c) => c.network.id === ids[0])!;
    expect(cellA.network.name).toBe('Antikorrupsjonsnettverk A');
    // Units are municipalities (not the county authority among the participants); their values through the API.
    const members = net.body.data!.a.participatingMunicipalityIds.filter((id) => id.length === 7);
    const values = await askStatistics<Record<string, { indicatorValues: { edges: { node: { value: number } }[] } }>>(`{ ${members.map((id, i) =>
      `m${i}: municipality(id: "${id}") { indicatorValues(indicators: ["employee-survey-score"], periods: ["2013"]) { edges { node { value } } } }`).join(' ')} }`);
    const own = Object.values(values.body.data!).map((m) => m.indicatorValues.edges[0].node.value);
    expect(cellA.unitCount).toBe(members.length);
    expect(cellA.mean).toBeCloseTo(own.reduce((a, b) => a + b, 0) / own.length, 6);
  });
});

describe('does network participation change anything?', () => {
  const participantsOf = async (networkId: string) => (await askStatistics<{ network: { participatingMunicipalityIds: string[] } }>(
    'query($id: ID!) { network(id: $id) { participatingMunicipalityIds } }', { variables: { id: networkId } })).body.data!.network.participatingMunicipalityIds;
  let values: GeneratedValue[];

  beforeAll(async () => {
    // Participants of network A gain more than the rest; in 2017 only two of them measured.
    const a = (await participantsOf(DEMO.networks.antikorrupsjonA)).filter((id) => id.length === 7);
    const others = directory.filter((m) => m.countyCode === '34').slice(0, 20).map((m) => m.id).filter((id) => !a.includes(id));
    values = [
      ...a.flatMap((id, i) => [['2013', 0.2], ['2015', 1.1], ...(i < 2 ? [['2017', 1.5]] : [])].map(([period, base]) =>
        // Changes that differ between municipalities (2015 varies), so that an interval has a width.
        ({ municipalityId: id, period: period as string, indicatorId: 'population-change', value: (base as number) + i / 10 + (period === '2015' ? (i % 3) / 20 : 0) }))),
      ...others.flatMap((id, i) => [['2013', 0.3], ['2015', 0.4], ['2017', 0.5]].map(([period, base]) =>
        ({ municipalityId: id, period: period as string, indicatorId: 'population-change', value: (base as number) + (i % 5) / 20 + (period === '2015' ? (i % 4) / 25 : 0) }))),
    ];
    await insertGeneratedValues(stack.subgraphs.reports.ds, values);
  });

  const query = (type: 'network' | 'program') => `query($id: ID!) { ${type}(id: $id) {
    indicatorComparison(indicator: "population-change", periods: ["2013", "2015", "2017"]) {
      indicator { id } differenceInDifferences
      periods { period difference participants { municipalityCount mean suppressed } others { municipalityCount mean suppressed } } } } }`;

  function expected(participants: string[]) {
    const side = (period: string, inside: boolean) => values.filter((v) => v.period === period && participants.includes(v.municipalityId) === inside).map((v) => v.value);
    return ['2013', '2015', '2017'].map((period) => {
      const p = side(period, true);
      const o = side(period, false);
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      return { period, p: p.length, o: o.length, pMean: mean(p), oMean: mean(o), suppressed: p.length < 3 || o.length < 3 };
    });
  }

  function check(actual: any, participants: string[]) {
    const want = expected(participants);
    actual.periods.forEach((period: any, i: number) => {
      const w = want[i];
      expect(period.participants.municipalityCount).toBe(w.p);
      expect(period.others.municipalityCount).toBe(w.o);
      expect(period.participants.suppressed).toBe(w.suppressed);
      if (w.suppressed) {
        expect([period.participants.mean, period.others.mean, period.difference]).toEqual([null, null, null]);
      } else {
        expect(period.participants.mean).toBeCloseTo(w.pMean, 9);
        expect(period.others.mean).toBeCloseTo(w.oMean, 9);
        expect(period.difference).toBeCloseTo(w.pMean - w.oMean, 9);
      }
    });
    return want;
  }

  it('compares a network’s municipalities with the rest, before and after', async () => {
    const res = await askStatistics<{ network: { indicatorComparison: any } }>(query('network'), { variables: { id: DEMO.networks.antikorrupsjonA } });
    expect(res.body.errors).toBeUndefined();
    const comparison = res.body.data!.network.indicatorComparison;
    expect(comparison.indicator.id).toBe('population-change');
    const want = check(comparison, await participantsOf(DEMO.networks.antikorrupsjonA));
    expect(want[2].suppressed).toBe(true);
    // The last period is suppressed: no difference-in-differences.
    expect(comparison.differenceInDifferences).toBeNull();
    const twoPeriods = await askStatistics<{ network: { indicatorComparison: { differenceInDifferences: number } } }>(
      `query($id: ID!) { network(id: $id) { indicatorComparison(indicator: "population-change", periods: ["2013", "2015"]) { differenceInDifferences } } }`,
      { variables: { id: DEMO.networks.antikorrupsjonA } });
    expect(twoPeriods.body.data!.network.indicatorComparison.differenceInDifferences).toBeCloseTo((want[1].pMean - want[1].oMean) - (want[0].pMean - want[0].oMean), 9);
  });

  it('compares a programme’s municipalities (all its networks) with the rest', async () => {
    const participants = [
      ...await participantsOf(DEMO.networks.antikorrupsjonA), ...await participantsOf(DEMO.networks.antikorrupsjonB), ...await participantsOf(DEMO.networks.antikorrupsjonC),
    ];
    const res = await askStatistics<{ program: { indicatorComparison: any } }>(query('program'), { variables: { id: DEMO.programs.antikorrupsjon2013 } });
    expect(res.body.errors).toBeUndefined();
    check(res.body.data!.program.indicatorComparison, participants);
  });

  it('gives the groups’ sizes, the difference-in-differences and a bootstrap interval that contains it, the same every time', async () => {
    const participants = await participantsOf(DEMO.networks.antikorrupsjonA);
    const q = `query($id: ID!) { network(id: $id) { indicatorComparison(indicator: "population-change", periods: ["2013", "2015"]) {
      participantMunicipalities
      estimate { fromPeriod toPeriod participants others value lower upper confidenceLevel resamples seed suppressed }
      sources { provenance sourceName sourceUrl valueCount } } } }`;
    const res = await stack.graphql<{ network: { indicatorComparison: any } }>(q, { variables: { id: DEMO.networks.antikorrupsjonA } });
    expect(res.body.errors).toBeUndefined();
    const comparison = res.body.data!.network.indicatorComparison;
    expect(comparison.participantMunicipalities).toBe(participants.length);
    // The balanced panel: municipalities measured in both periods, on each side.
    const change = (inside: boolean) => {
      const at = (period: string) => new Map(values.filter((v) => v.period === period && participants.includes(v.municipalityId) === inside).map((v) => [v.municipalityId, v.value]));
      const [before, after] = [at('2013'), at('2015')];
      return [...after].filter(([id]) => before.has(id)).map(([id, v]) => v - before.get(id)!);
    };
    const [p, o] = [change(true), change(false)];
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const estimate = comparison.estimate;
    expect(estimate).toMatchObject({ fromPeriod: '2013', toPeriod: '2015', participants: p.length, others: o.length, confidenceLevel: 0.95, resamples: 2000, suppressed: false });
    expect(estimate.value).toBeCloseTo(mean(p) - mean(o), 9);
    expect(estimate.lower).toBeLessThan(estimate.value);
    expect(estimate.upper).toBeGreaterThan(estimate.value);
    // The values are the generated ones of this test, and the comparison says so.
    expect(comparison.sources).toEqual([{
      provenance: 'GENERATED', sourceName: null, sourceUrl: null, valueCount: values.filter((v) => v.period !== '2017').length,
    }]);
    const again = await stack.graphql<{ network: { indicatorComparison: any } }>(q, { variables: { id: DEMO.networks.antikorrupsjonA } });
    expect(again.body.data!.network.indicatorComparison).toEqual(comparison);
    // From 2013 to 2017 only two participants were measured in both: suppressed, with the group sizes shown.
    const late = await stack.graphql<{ network: { indicatorComparison: any } }>(q.replace('"2015"', '"2017"'), { variables: { id: DEMO.networks.antikorrupsjonA } });
    expect(late.body.data!.network.indicatorComparison.estimate).toMatchObject({ participants: 2, value: null, lower: null, upper: null, suppressed: true });
  });

  it('refuses a comparison of a programme in which fewer municipalities than the threshold took part', async () => {
    const res = await stack.graphql<{ program: unknown }>(`query($id: ID!) { program(id: $id) { indicatorComparison(indicator: "citizen-survey-score", periods: ["2013", "2017"]) {
      estimate { value } } } }`, { variables: { id: DEMO.programs.saman2013 } });
    const error = res.body.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'COMPARISON_GROUP_TOO_SMALL', threshold: 3 });
    expect(error?.extensions?.participants).toBeLessThan(3);
  });

  it('refuses an unknown indicator or a malformed period', async () => {
    const bad = async (indicator: string, periods: string[]) => (await askStatistics(
      'query($id: ID!, $i: ID!, $p: [String!]!) { network(id: $id) { indicatorComparison(indicator: $i, periods: $p) { differenceInDifferences } } }',
      { variables: { id: DEMO.networks.antikorrupsjonA, i: indicator, p: periods } })).body.errors?.[0].extensions?.code;
    expect(await bad('bribes-paid', ['2013'])).toBe('BAD_USER_INPUT');
    expect(await bad('population-change', ['13'])).toBe('BAD_USER_INPUT');
    expect(await bad('population-change', [])).toBe('BAD_USER_INPUT');
  });
});

describe('statistics that cannot be subtracted apart', () => {
  const TOTAL = `query($f: StatisticsFilter, $g: [StatisticsDimension!]) { statistics(indicators: ["deviations-reported"], filter: $f, groupBy: $g) {
    cells { countyCode municipality { id } value sum unitCount suppressed } } }`;
  type Answer = { statistics: { cells: (Cell & { municipality: { id: string } | null })[] } };
  const ask = async (f: object, g: string[] = []) => {
    const res = await askStatistics<Answer>(TOTAL, { variables: { f, g } });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.statistics.cells;
  };

  it('refuses a filtered total whose difference from the national total is one municipality', async () => {
    const in2021 = deviations.filter((v) => v.period === '2021');
    const [national] = await ask({ country: 'NO', periods: ['2021'] });
    expect(national).toMatchObject({ suppressed: false, sum: in2021.reduce((n, v) => n + v.value, 0) });
    // Everyone but Oslo: the national total minus this would be Oslo's figure.
    const allButOslo = in2021.map((v) => v.municipalityId).filter((id) => id !== 'NO-0301');
    const [withoutOslo] = await ask({ municipalities: allButOslo, periods: ['2021'] });
    expect(withoutOslo).toMatchObject({ suppressed: true, sum: null, value: null });
    // Leaving out three municipalities leaves a complement as large as the threshold: shown.
    const [withoutThree] = await ask({ municipalities: allButOslo.slice(2), periods: ['2021'] });
    expect(withoutThree).toMatchObject({ suppressed: false, unitCount: allButOslo.length - 2 });
  });

  it('never shows through a county filter a cell the national view suppresses', async () => {
    const national = await ask({ country: 'NO', periods: ['2021'] }, ['COUNTY']);
    const hidden = national.filter((c) => c.suppressed).map((c) => c.countyCode!);
    expect(hidden).toEqual(expect.arrayContaining(['03', '15']));
    for (const code of hidden) {
      const own = await ask({ countyCodes: [code], periods: ['2021'] }, ['COUNTY']);
      expect(own.every((c) => c.suppressed)).toBe(true);
      const total = await ask({ countyCodes: [code], periods: ['2021'] });
      expect(total.every((c) => c.suppressed)).toBe(true);
    }
  });

  it('gives Swedish counts per 1,000 inhabitants by SCB’s population, and says which year', async () => {
    const stockholm = municipalities().filter((m) => m.country === 'SE' && m.kind === 'MUNICIPALITY' && m.countyCode === '01').slice(0, 4);
    const values = stockholm.map((m, i) => ({ municipalityId: m.id, period: '2024', indicatorId: 'deviations-reported', value: 100 + i }));
    await insertGeneratedValues(stack.subgraphs.reports.ds, values);
    const res = await askStatistics<{ statistics: { cells: (Cell & { populationYears: number[] })[] } }>(`{
      statistics(indicators: ["deviations-reported"], filter: { country: SE, periods: ["2024"] }, groupBy: [COUNTY]) { cells { countyCode sum perThousandInhabitants populationYears unitCount suppressed } } }`);
    expect(res.body.errors).toBeUndefined();
    const inhabitants = stockholm.reduce((n, m) => n + m.population!, 0);
    const sum = values.reduce((n, v) => n + v.value, 0);
    expect(res.body.data!.statistics.cells).toHaveLength(1);
    const [cell] = res.body.data!.statistics.cells;
    expect(cell).toMatchObject({ countyCode: '01', sum, unitCount: 4, suppressed: false, populationYears: [2024] });
    expect(cell.perThousandInhabitants).toBeCloseTo((sum * 1000) / inhabitants, 9);
  });
});
