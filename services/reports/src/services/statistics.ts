import { appError, badInput, ErrorCode, groupsAlongDimensions, isUuid, suppressedByParent, suppressedCells, type KeyPart, type RequestContext, entityRef } from '@kommunenett/subgraph-kit';
import { createHash } from 'node:crypto';
import { queryPrepared, type PreparedStatement } from '@kommunenett/db';
import { MUNICIPALITY_ID_PATTERN, municipalities, sizeClassOf } from '@kommunenett/reference-data';
import type { Indicator } from '../entities/indicator.entity';
import { Country, IndicatorUnit, MunicipalityKind, MunicipalitySizeClass, StatisticsDimension } from '../entities/enums';
import { Municipality, Network } from '../entities/references';
import { indicatorById } from '../loaders';
import type { Statistics, StatisticsCell } from '../entities/statistics';
import { directoryEntry, loadKnown, networkParticipants, populationFor, programNetworkIds, type DirectoryEntry } from './graph';
import { indicatorPeriods, requirePeriods } from './periods';
import { settingsOf } from '../config';

const MAX_INDICATORS = 50;

/** Which units and periods statistics are built from (the query's `filter`). */
export interface StatisticsFilterInput {
  municipalities?: string[];
  countyCodes?: string[];
  country?: Country;
  networkIds?: string[];
  programIds?: string[];
  periods?: string[];
  unitKind?: MunicipalityKind;
}

export interface StatisticsArgs {
  indicators: string[];
  filter?: StatisticsFilterInput | null;
  groupBy?: StatisticsDimension[] | null;
  breakdown?: string | null;
}

/** Loads the indicators asked for; an unknown one is a BAD_USER_INPUT error naming it. */
export async function requireIndicators(ctx: RequestContext, ids: readonly string[], field: string): Promise<Indicator[]> {
  if (ids.length === 0) throw badInput('Name at least one indicator.', field);
  if (ids.length > MAX_INDICATORS) throw badInput(`At most ${MAX_INDICATORS} indicators at once.`, field);
  const unique = [...new Set(ids)];
  const indicators = await indicatorById(ctx).loadMany(unique);
  const unknown = unique.filter((_, i) => !indicators[i] || indicators[i] instanceof Error);
  if (unknown.length) throw badInput(`Unknown indicator${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`, field);
  return indicators as Indicator[];
}

/** Which municipalities take part in the networks of the filter (all of them, by network). */
async function membershipOf(ctx: RequestContext, filter: StatisticsFilterInput): Promise<{ networkIds: string[]; pairs: [string, string][] } | null> {
  if (!filter.networkIds?.length && !filter.programIds?.length) return null;
  for (const id of [...(filter.networkIds ?? []), ...(filter.programIds ?? [])]) {
    if (!isUuid(id)) throw badInput(`${id} is not a network or programme id.`, 'filter');
  }
  const fromPrograms = filter.programIds?.length ? (await loadKnown(programNetworkIds(ctx), filter.programIds)).flatMap((p) => p.networkIds) : [];
  const networkIds = [...new Set([...(filter.networkIds ?? []), ...fromPrograms])];
  const networks = await loadKnown(networkParticipants(ctx), networkIds);
  return { networkIds, pairs: networks.flatMap((n) => n.participatingMunicipalityIds.map((m): [string, string] => [n.id, m])) };
}

interface AggregateRow {
  indicator_id: string;
  municipality_id: string | null;
  county_code: string | null;
  country: string | null;
  size_class: string | null;
  period: string | null;
  network_id: string | null;
  breakdown: string | null;
  units: number;
  sum: number;
  mean: number;
  median: number;
  sum_with_population: number | null;
  population: number | null;
  population_years: number[] | null;
  /** Units of the same cell without the filters on units (the parent). */
  parent_units: number;
  /** A row of the same cells by county too (with a county filter only): not part of the answer. */
  by_county: boolean;
}

/**
 * Statistics across municipalities from published reports. A fixed number of statements whatever
 * the volume: the indicators, then one grouped aggregate that also finds the units in scope and
 * bounds the answer; plus one call to the directory (cached) and, for network filters, to the
 * networks and participants services.
 */
export async function computeStatistics(ctx: RequestContext, args: StatisticsArgs): Promise<Statistics> {
  const filter = args.filter ?? {};
  const groupBy = [...new Set(args.groupBy ?? [])];
  const indicators = await requireIndicators(ctx, args.indicators, 'indicators');
  const periods = requirePeriods(filter.periods, 'filter.periods')
    ?? [...new Set(indicators.flatMap((i) => indicatorPeriods(i)))].sort();
  for (const id of filter.municipalities ?? []) {
    if (!MUNICIPALITY_ID_PATTERN.test(id)) throw badInput(`${id} is not a municipality id (like NO-0301).`, 'filter.municipalities');
  }
  for (const code of filter.countyCodes ?? []) {
    if (!/^\d{2}$/.test(code)) throw badInput(`${code} is not a two-digit county code.`, 'filter.countyCodes');
  }
  if (args.breakdown !== undefined && args.breakdown !== null && !/^[a-z][a-z0-9-]{0,49}$/.test(args.breakdown)) {
    throw badInput('A breakdown is a dimension name such as "area".', 'breakdown');
  }
  if (groupBy.includes(StatisticsDimension.NETWORK) && !filter.networkIds?.length && !filter.programIds?.length) {
    throw badInput('Grouping by NETWORK needs filter.networkIds or filter.programIds.', 'groupBy');
  }
  const membership = await membershipOf(ctx, filter);
  const breakdownLike = args.breakdown ? `${args.breakdown}:%` : null;

  // The parent: every unit of the kind with values, whatever the filters on units; the cells are
  // aggregated over it with the selected units marked, so suppression can compare the two. Every
  // unit of the kind goes into the statement (the directory is cached), and the database keeps
  // those with values in scope: one statement, not one to find them and one to aggregate.
  const unitKind = filter.unitKind ?? MunicipalityKind.MUNICIPALITY;
  const counties = filter.countyCodes ? new Set(filter.countyCodes) : null;
  const listed = membership ? intersect(filter.municipalities, membership.pairs.map(([, m]) => m)) : filter.municipalities ?? null;
  const inList = listed ? new Set(listed) : null;
  const parentUnits = await unitsOfKind(ctx, unitKind);
  const selected = new Set(parentUnits.filter((u) => (!inList || inList.has(u.id)) && (!filter.country || u.country === filter.country)
    && (!counties || counties.has(u.countyCode))).map((u) => u.id));

  const byCountyToo = Boolean(counties) && !groupBy.includes(StatisticsDimension.COUNTY);
  const cellLimit = settingsOf(ctx).statisticsMaxCells;
  const { bound, rows: all } = await aggregate(ctx, indicators, periods, parentUnits, selected, groupBy, breakdownLike, membership, byCountyToo, cellLimit);
  if (bound > cellLimit) {
    throw appError(ErrorCode.LIMIT_EXCEEDED,
      `This statistics query can produce up to ${bound} cells; the limit is ${cellLimit}. Ask for fewer indicators or periods, or group more coarsely.`,
      { cellLimit, cells: bound });
  }
  const rows = all.filter((r) => !r.by_county);
  const threshold = ctx.config.suppressionThreshold;
  // A county filter's answer adds up county cells of the table by county: it is suppressed when
  // one of them is suppressed there, as the query grouped by county would show it.
  let forced: boolean[] = rows.map(() => false);
  if (byCountyToo) {
    const countyRows = all.filter((r) => r.by_county);
    const withCounty = [...groupBy, StatisticsDimension.COUNTY];
    const hiddenByCounty = parentPattern(countyRows, withCounty, Boolean(args.breakdown), threshold);
    const keyOf = (r: AggregateRow) => JSON.stringify([r.indicator_id, r.municipality_id, r.country, r.size_class, r.period, r.network_id, r.breakdown]);
    const hiddenKeys = new Set(countyRows.filter((r, i) => hiddenByCounty[i] && counties!.has(r.county_code ?? '')).map((r) => keyOf({ ...r, country: groupBy.includes(StatisticsDimension.COUNTRY) ? r.country : null })));
    forced = rows.map((r) => hiddenKeys.has(keyOf(r)));
  }
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const cells = suppress(rows.map((row) => toCell(row, byId.get(row.indicator_id)!)), rows, groupBy, Boolean(args.breakdown), threshold, forced);
  return { allCells: cells, cellKey: cellKey(groupBy), csv: toCsv(cells), suppressionThreshold: threshold, cellLimit };
}

/**
 * The values of one breakdown (`param` holds its LIKE pattern), or the totals (`param` holds
 * null). Written out rather than CASE on the parameter, so that totals match the partial index.
 */
function breakdownCondition(breakdownLike: string | null, param: string): string {
  return breakdownLike ? `v.breakdown LIKE ${param}` : `v.breakdown IS NULL AND ${param}::text IS NULL`;
}

function intersect(a: string[] | undefined, b: string[]): string[] {
  if (!a) return [...new Set(b)];
  const set = new Set(b);
  return a.filter((x) => set.has(x));
}

/**
 * How many values a grouping dimension can take, in SQL over `c` (the selected units with values
 * in scope): with the number of indicators, the bound on the cells the answer can have.
 */
function dimensionSizeSql(d: StatisticsDimension, periods: string[], networks: number): string {
  switch (d) {
    case StatisticsDimension.MUNICIPALITY: return 'c.municipalities';
    case StatisticsDimension.COUNTY: return 'c.counties';
    case StatisticsDimension.COUNTRY: return 'c.countries';
    case StatisticsDimension.SIZE_CLASS: return 'c.size_classes';
    case StatisticsDimension.PERIOD: return String(periods.length);
    case StatisticsDimension.NETWORK: return String(networks);
  }
}

const KEY_SQL: Record<StatisticsDimension, string[]> = {
  [StatisticsDimension.MUNICIPALITY]: ['l.municipality_id'],
  [StatisticsDimension.COUNTY]: ['u.country', 'u.county_code'],
  [StatisticsDimension.COUNTRY]: ['u.country'],
  [StatisticsDimension.SIZE_CLASS]: ['u.size_class'],
  [StatisticsDimension.PERIOD]: ['l.period'],
  [StatisticsDimension.NETWORK]: ['m.network_id'],
};

/** The directory's units of a kind (cached by the running service: see graph.ts). */
async function unitsOfKind(ctx: RequestContext, kind: MunicipalityKind): Promise<DirectoryEntry[]> {
  return (await loadKnown(directoryEntry(ctx), municipalities().filter((m) => m.kind === kind).map((m) => m.id))).filter((u) => u.kind === kind);
}

const statements = new Map<string, PreparedStatement>();

/** The statement of a shape of query, named by its text: prepared once per connection. */
function statementFor(text: string): PreparedStatement {
  let statement = statements.get(text);
  if (!statement) {
    statement = { name: `reports_statistics_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`, text };
    statements.set(text, statement);
  }
  return statement;
}

/**
 * The grouped aggregate, in the database: one statement, which also bounds the answer. Every
 * unit of the parent takes part, marked whether the filters select it: the figures are the
 * selected units', `parent_units` counts all. `bound` is the most cells the grouping can give
 * (the indicators times each dimension's values among the selected units with values, times the
 * breakdown groups); over `cellLimit` the statement stops there and returns no cells.
 */
async function aggregate(
  ctx: RequestContext, indicators: Indicator[], periods: string[], units: DirectoryEntry[], selected: Set<string>, groupBy: StatisticsDimension[],
  breakdownLike: string | null, membership: { networkIds: string[]; pairs: [string, string][] } | null, byCountyToo: boolean, cellLimit: number,
): Promise<{ bound: number; rows: AggregateRow[] }> {
  const keys = [...new Set(['l.indicator_id', ...groupBy.flatMap((d) => KEY_SQL[d]), ...(breakdownLike ? ['l.breakdown'] : [])])];
  // With a county filter, the same cells by county too (by_county): what a county filter is checked against.
  const countyKeys = [...new Set([...keys, ...KEY_SQL[StatisticsDimension.COUNTY]])];
  const select = ['municipality_id', 'county_code', 'country', 'size_class', 'period', 'network_id', 'breakdown']
    .map((column) => {
      const expression = (byCountyToo ? countyKeys : keys).find((k) => k.endsWith(`.${column}`));
      return `${expression ?? 'NULL::text'} AS ${column}`;
    });
  const grouping = byCountyToo ? `GROUPING SETS ((${keys.join(', ')}), (${countyKeys.join(', ')}))` : keys.join(', ');
  const byNetwork = groupBy.includes(StatisticsDimension.NETWORK);
  const joinMembership = byNetwork ? 'JOIN unnest($14::text[], $15::text[]) AS m(network_id, municipality_id) ON m.municipality_id = l.municipality_id' : '';
  const bound = [String(indicators.length), ...groupBy.map((d) => dimensionSizeSql(d, periods, membership?.networkIds.length ?? 0)),
    ...(breakdownLike ? ['greatest(bd.n, 1)'] : [])].map((f) => `${f}::numeric`).join(' * ');
  const pairs = membership?.pairs ?? [];
  // Each unit's population for each period: that year's figure, or the nearest year's.
  const populations = units.flatMap((u) => periods.map((period) => ({ id: u.id, period, figure: populationFor(u, period) })));
  const text = `WITH u AS (
       -- The size class of the unit's latest population (the classes of participationStatistics).
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $12::text[]) AS u(municipality_id, county_code, country, selected, size_class)
     ), pp AS (
       SELECT * FROM unnest($8::text[], $9::text[], $10::double precision[], $11::int[]) AS pp(municipality_id, period, population, year)
     ), l AS MATERIALIZED (
       -- One value per unit, indicator, period and breakdown: from the latest published report.
       SELECT DISTINCT ON (v.indicator_id, v.period, v.municipality_id, v.breakdown)
              v.indicator_id, v.period, v.municipality_id, v.breakdown, v.value
         FROM reports.indicator_value v JOIN u USING (municipality_id) JOIN reports.report r ON r.id = v.report_id
        WHERE r.status = 'PUBLISHED' AND v.indicator_id = ANY($5) AND v.period = ANY($6)
          AND ${breakdownCondition(breakdownLike, '$7')}
        ORDER BY v.indicator_id, v.period, v.municipality_id, v.breakdown, r.published_at DESC
     ), c AS (
       SELECT count(DISTINCT l.municipality_id) AS municipalities, count(DISTINCT u.country || '-' || coalesce(u.county_code, '')) AS counties,
              count(DISTINCT u.country) AS countries, count(DISTINCT coalesce(u.size_class, '')) AS size_classes
         FROM l JOIN u USING (municipality_id) WHERE u.selected
     ), ${breakdownLike ? `bd AS (
       -- Breakdown groups among all values in scope, of any unit.
       SELECT count(DISTINCT v.breakdown) AS n
         FROM reports.indicator_value v JOIN reports.report r ON r.id = v.report_id
        WHERE r.status = 'PUBLISHED' AND v.indicator_id = ANY($5) AND v.period = ANY($6) AND ${breakdownCondition(breakdownLike, '$7')}
     ), ` : ''}b AS (
       SELECT (${bound})::float8 AS bound FROM c${breakdownLike ? ' CROSS JOIN bd' : ''}
     ), a AS (
       SELECT l.indicator_id, ${select.join(', ')}, ${byCountyToo ? 'GROUPING(u.county_code) = 0' : 'false'} AS by_county,
              count(DISTINCT l.municipality_id) FILTER (WHERE u.selected)::int AS units,
              count(DISTINCT l.municipality_id)::int AS parent_units,
              sum(l.value) FILTER (WHERE u.selected) AS sum, avg(l.value) FILTER (WHERE u.selected) AS mean,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY l.value) FILTER (WHERE u.selected) AS median,
              sum(l.value) FILTER (WHERE u.selected AND pp.population > 0) AS sum_with_population,
              sum(pp.population) FILTER (WHERE u.selected AND pp.population > 0) AS population,
              array_agg(DISTINCT pp.year) FILTER (WHERE u.selected AND pp.population > 0) AS population_years
         FROM l JOIN u ON u.municipality_id = l.municipality_id
         LEFT JOIN pp ON pp.municipality_id = l.municipality_id AND pp.period = l.period ${joinMembership}
        -- Nothing to aggregate when the answer could have too many cells, or no unit is selected.
        WHERE (SELECT b.bound <= $13 AND c.municipalities > 0 FROM b, c)
        GROUP BY ${grouping}
     )
     SELECT b.bound, a.* FROM b LEFT JOIN a ON true
      ORDER BY ${keys.map((k) => k.slice(k.indexOf('.') + 1)).join(', ')}`;
  const rows = await queryPrepared<AggregateRow & { bound: number }>(ctx.ds, statementFor(text),
    [units.map((u) => u.id), units.map((u) => u.countyCode), units.map((u) => u.country), units.map((u) => selected.has(u.id)),
      indicators.map((i) => i.id), periods, breakdownLike, populations.map((p) => p.id),
      populations.map((p) => p.period), populations.map((p) => p.figure?.population ?? null), populations.map((p) => p.figure?.year ?? null),
      units.map((u) => sizeClassOf(u.population)), cellLimit, ...(byNetwork ? [pairs.map(([n]) => n), pairs.map(([, m]) => m)] : [])]);
  return { bound: rows[0].bound, rows: rows.filter((r) => r.indicator_id !== null) };
}

/** A cell's place in the table: the indicator, the group keys in the order asked for, the breakdown (the cursor of a page of cells). */
function cellKey(groupBy: StatisticsDimension[]): (cell: StatisticsCell) => KeyPart[] {
  const parts: Record<StatisticsDimension, (c: StatisticsCell) => KeyPart[]> = {
    [StatisticsDimension.MUNICIPALITY]: (c) => [c.municipality?.id ?? null],
    [StatisticsDimension.COUNTY]: (c) => [c.country, c.countyCode],
    [StatisticsDimension.COUNTRY]: (c) => [c.country],
    [StatisticsDimension.PERIOD]: (c) => [c.period],
    [StatisticsDimension.NETWORK]: (c) => [c.network?.id ?? null],
    [StatisticsDimension.SIZE_CLASS]: (c) => [c.sizeClass],
  };
  return (c) => [c.indicator.id, ...groupBy.flatMap((d) => parts[d](c)), c.breakdown];
}

function toCell(row: AggregateRow, indicator: Indicator): StatisticsCell {
  const additive = indicator.unit === IndicatorUnit.COUNT || indicator.unit === IndicatorUnit.NOK;
  return {
    indicator,
    municipality: row.municipality_id ? entityRef(Municipality, row.municipality_id) : null,
    county: row.county_code ? entityRef(Municipality, `${row.country}-${row.county_code}`) : null,
    countyCode: row.county_code,
    country: row.country as Country | null,
    sizeClass: row.size_class as MunicipalitySizeClass | null,
    period: row.period,
    network: row.network_id ? entityRef(Network, row.network_id) : null,
    breakdown: row.breakdown,
    value: additive ? row.sum : row.mean,
    sum: row.sum,
    mean: row.mean,
    median: row.median,
    perThousandInhabitants: indicator.unit === IndicatorUnit.COUNT && row.population ? (row.sum_with_population! * 1000) / row.population : null,
    populationYears: indicator.unit === IndicatorUnit.COUNT && row.population ? [...(row.population_years ?? [])].sort() : [],
    unitCount: row.units,
    suppressed: false,
  };
}

/** The sets of cells each row belongs to whose totals other answers show (docs/security.md). */
function groupsOf(groupBy: StatisticsDimension[], byBreakdown: boolean): (row: AggregateRow) => string[] {
  const dimensions: string[] = [...groupBy, ...(byBreakdown ? ['BREAKDOWN'] : [])];
  const keyOf = (row: AggregateRow, d: string): string | null => {
    switch (d) {
      case 'MUNICIPALITY': return row.municipality_id;
      case 'COUNTY': return `${row.country}-${row.county_code}`;
      case 'COUNTRY': return row.country;
      case 'SIZE_CLASS': return row.size_class ?? 'UNKNOWN';
      case 'PERIOD': return row.period;
      case 'NETWORK': return row.network_id;
      default: return row.breakdown;
    }
  };
  return (row) => {
    const keys = dimensions.map((d) => keyOf(row, d));
    const groups = groupsAlongDimensions(row.indicator_id, keys);
    const lift = (d: string, to: string | null, level: string) => {
      const i = dimensions.indexOf(d);
      if (i >= 0 && to) groups.push(JSON.stringify([row.indicator_id, level, keys.map((k, j) => (j === i ? to : k))]));
    };
    lift('MUNICIPALITY', row.municipality_id?.slice(0, 2) ?? null, 'country');
    lift('COUNTY', row.country, 'country');
    return groups;
  };
}

/** The pattern of the unfiltered table (every unit of the kind): primary and secondary suppression. */
function parentPattern(rows: AggregateRow[], groupBy: StatisticsDimension[], byBreakdown: boolean, threshold: number): boolean[] {
  const groups = groupsOf(groupBy, byBreakdown);
  return suppressedCells(rows.map((row) => ({ units: row.parent_units, groups: groups(row) })), threshold);
}

/**
 * The shared disclosure rule (docs/security.md): the unfiltered table's pattern first (along
 * every grouped dimension, and within each country for municipality and county cells), then the
 * filtered cells: suppressed where their parent cell is, where the filters left out fewer units
 * than the threshold, where a county cell they add up is suppressed (`forced`), and as secondary
 * suppression within this table. Cells with no selected unit are dropped.
 */
function suppress(cells: StatisticsCell[], rows: AggregateRow[], groupBy: StatisticsDimension[], byBreakdown: boolean, threshold: number, forced: boolean[]): StatisticsCell[] {
  const groups = groupsOf(groupBy, byBreakdown);
  const parentHidden = parentPattern(rows, groupBy, byBreakdown, threshold);
  const present = rows.map((row, i) => ({ row, i })).filter(({ row }) => row.units > 0);
  const hidden = suppressedCells(present.map(({ row, i }) => ({
    units: row.units, groups: groups(row), forced: forced[i] || suppressedByParent(row.units, row.parent_units, parentHidden[i], threshold),
  })), threshold);
  return present.map(({ i }, j) => {
    const cell = cells[i];
    if (hidden[j]) {
      Object.assign(cell, { value: null, sum: null, mean: null, median: null, perThousandInhabitants: null, populationYears: [], unitCount: null, suppressed: true });
    }
    return cell;
  });
}

const CSV_COLUMNS = ['indicator', 'municipality', 'county', 'country', 'size_class', 'period', 'network', 'breakdown', 'unit_count',
  'value', 'sum', 'mean', 'median', 'per_1000_inhabitants', 'suppressed'] as const;

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The cells as CSV with a header row: one export of exactly what the query returned. */
export function toCsv(cells: StatisticsCell[]): string {
  const lines = cells.map((c) => [c.indicator.id, c.municipality?.id, c.county?.id, c.country, c.sizeClass, c.period, c.network?.id, c.breakdown,
    c.unitCount, c.value, c.sum, c.mean, c.median, c.perThousandInhabitants, c.suppressed].map(csvField).join(','));
  return `${[CSV_COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}
