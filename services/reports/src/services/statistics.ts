import { appError, badInput, ErrorCode, isUuid, type RequestContext } from '@kommunenett/subgraph-kit';
import { MUNICIPALITY_ID_PATTERN } from '@kommunenett/reference-data';
import type { Indicator } from '../entities/indicator.entity';
import { Country, IndicatorUnit, MunicipalityKind, StatisticsDimension } from '../entities/enums';
import { Municipality, Network, ref } from '../entities/stubs';
import { indicatorById } from '../loaders';
import type { Statistics, StatisticsCell, StatisticsFilter } from '../resolvers/statistics.types';
import { directoryEntry, loadKnown, networkParticipants, programNetworkIds, type DirectoryEntry } from './graph';
import { indicatorPeriods, requirePeriods } from './periods';

/** Cells from fewer units than this are suppressed (REPORTS_SUPPRESSION_THRESHOLD, default 3). */
export function suppressionThreshold(): number {
  return Number(process.env.REPORTS_SUPPRESSION_THRESHOLD ?? 3);
}
/** Most cells one statistics query may produce (REPORTS_STATISTICS_MAX_CELLS, default 10,000). */
export function statisticsCellLimit(): number {
  return Number(process.env.REPORTS_STATISTICS_MAX_CELLS ?? 10_000);
}
const MAX_INDICATORS = 50;

export interface StatisticsArgs {
  indicators: string[];
  filter?: StatisticsFilter | null;
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
async function membershipOf(ctx: RequestContext, filter: StatisticsFilter): Promise<{ networkIds: string[]; pairs: [string, string][] } | null> {
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
  period: string | null;
  network_id: string | null;
  breakdown: string | null;
  units: number;
  sum: number;
  mean: number;
  median: number;
  sum_with_population: number | null;
  population: number | null;
}

/**
 * Statistics across municipalities from published reports. A fixed number of statements whatever
 * the volume: the indicators, the units in scope, one grouped aggregate; plus one call each to the
 * directory and, for network filters, to the networks and participants services.
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

  // The units that have values in scope, and how many breakdown groups: the size of the answer.
  const [scope] = (await ctx.ds.query(
    `SELECT coalesce(array_agg(DISTINCT v.municipality_id), '{}') AS ids, count(DISTINCT v.breakdown)::int AS breakdowns
       FROM reports.indicator_value v JOIN reports.report r ON r.id = v.report_id
      WHERE r.status = 'PUBLISHED' AND v.indicator_id = ANY($1) AND v.period = ANY($2)
        AND ${breakdownCondition(breakdownLike, '$3')}
        -- IN (unnest) rather than = ANY: hashed once, not scanned for every row of a long list.
        AND ($4::text[] IS NULL OR v.municipality_id IN (SELECT unnest($4::text[])))
        AND ($5::text IS NULL OR v.municipality_id LIKE $5 || '-%')`,
    [indicators.map((i) => i.id), periods, breakdownLike,
      membership ? intersect(filter.municipalities, membership.pairs.map(([, m]) => m)) : filter.municipalities ?? null,
      filter.country ?? null],
  )) as { ids: string[]; breakdowns: number }[];

  const unitKind = filter.unitKind ?? MunicipalityKind.MUNICIPALITY;
  const counties = filter.countyCodes ? new Set(filter.countyCodes) : null;
  const units = (await loadKnown(directoryEntry(ctx), scope.ids))
    .filter((u) => u.kind === unitKind && (!counties || counties.has(u.countyCode)));

  const bound = indicators.length * groupBy.reduce((n, d) => n * dimensionSize(d, units, periods, membership?.networkIds.length ?? 0), 1)
    * (args.breakdown ? Math.max(scope.breakdowns, 1) : 1);
  const cellLimit = statisticsCellLimit();
  if (bound > cellLimit) {
    throw appError(ErrorCode.LIMIT_EXCEEDED,
      `This statistics query can produce up to ${bound} cells; the limit is ${cellLimit}. Ask for fewer indicators or periods, or group more coarsely.`,
      { cellLimit, cells: bound });
  }

  const rows = units.length === 0 ? [] : await aggregate(ctx, indicators, periods, units, groupBy, breakdownLike, membership);
  const threshold = suppressionThreshold();
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const cells = rows.map((row) => toCell(row, byId.get(row.indicator_id)!));
  suppress(cells, rows, groupBy, Boolean(args.breakdown), threshold);
  return { cells, csv: toCsv(cells), suppressionThreshold: threshold, cellLimit };
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

function dimensionSize(d: StatisticsDimension, units: DirectoryEntry[], periods: string[], networks: number): number {
  switch (d) {
    case StatisticsDimension.MUNICIPALITY: return units.length;
    case StatisticsDimension.COUNTY: return new Set(units.map((u) => `${u.country}-${u.countyCode}`)).size;
    case StatisticsDimension.COUNTRY: return new Set(units.map((u) => u.country)).size;
    case StatisticsDimension.PERIOD: return periods.length;
    case StatisticsDimension.NETWORK: return networks;
  }
}

const KEY_SQL: Record<StatisticsDimension, string[]> = {
  [StatisticsDimension.MUNICIPALITY]: ['l.municipality_id'],
  [StatisticsDimension.COUNTY]: ['u.country', 'u.county_code'],
  [StatisticsDimension.COUNTRY]: ['u.country'],
  [StatisticsDimension.PERIOD]: ['l.period'],
  [StatisticsDimension.NETWORK]: ['m.network_id'],
};

/** The grouped aggregate, in the database: one statement. */
async function aggregate(
  ctx: RequestContext, indicators: Indicator[], periods: string[], units: DirectoryEntry[], groupBy: StatisticsDimension[],
  breakdownLike: string | null, membership: { pairs: [string, string][] } | null,
): Promise<AggregateRow[]> {
  const keys = [...new Set(['l.indicator_id', ...groupBy.flatMap((d) => KEY_SQL[d]), ...(breakdownLike ? ['l.breakdown'] : [])])];
  const select = ['municipality_id', 'county_code', 'country', 'period', 'network_id', 'breakdown']
    .map((column) => {
      const expression = keys.find((k) => k.endsWith(`.${column}`));
      return `${expression ?? 'NULL::text'} AS ${column}`;
    });
  const byNetwork = groupBy.includes(StatisticsDimension.NETWORK);
  const joinMembership = byNetwork ? 'JOIN unnest($8::text[], $9::text[]) AS m(network_id, municipality_id) ON m.municipality_id = l.municipality_id' : '';
  const pairs = membership?.pairs ?? [];
  return (await ctx.ds.query(
    `WITH u AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::double precision[]) AS u(municipality_id, county_code, country, population)
     ), l AS (
       -- One value per unit, indicator, period and breakdown: from the latest published report.
       SELECT DISTINCT ON (v.indicator_id, v.period, v.municipality_id, v.breakdown)
              v.indicator_id, v.period, v.municipality_id, v.breakdown, v.value
         FROM reports.indicator_value v JOIN u USING (municipality_id) JOIN reports.report r ON r.id = v.report_id
        WHERE r.status = 'PUBLISHED' AND v.indicator_id = ANY($5) AND v.period = ANY($6)
          AND ${breakdownCondition(breakdownLike, '$7')}
        ORDER BY v.indicator_id, v.period, v.municipality_id, v.breakdown, r.published_at DESC
     )
     SELECT l.indicator_id, ${select.join(', ')},
            count(DISTINCT l.municipality_id)::int AS units, sum(l.value) AS sum, avg(l.value) AS mean,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY l.value) AS median,
            sum(l.value) FILTER (WHERE u.population > 0) AS sum_with_population,
            sum(u.population) FILTER (WHERE u.population > 0) AS population
       FROM l JOIN u ON u.municipality_id = l.municipality_id ${joinMembership}
      GROUP BY ${keys.join(', ')}
      ORDER BY ${keys.join(', ')}`,
    [units.map((u) => u.id), units.map((u) => u.countyCode), units.map((u) => u.country), units.map((u) => u.population),
      indicators.map((i) => i.id), periods, breakdownLike, ...(byNetwork ? [pairs.map(([n]) => n), pairs.map(([, m]) => m)] : [])],
  )) as AggregateRow[];
}

function toCell(row: AggregateRow, indicator: Indicator): StatisticsCell {
  const additive = indicator.unit === IndicatorUnit.COUNT || indicator.unit === IndicatorUnit.NOK;
  return {
    indicator,
    municipality: row.municipality_id ? ref(Municipality, row.municipality_id) : null,
    county: row.county_code ? ref(Municipality, `${row.country}-${row.county_code}`) : null,
    countyCode: row.county_code,
    country: row.country as Country | null,
    period: row.period,
    network: row.network_id ? ref(Network, row.network_id) : null,
    breakdown: row.breakdown,
    value: additive ? row.sum : row.mean,
    sum: row.sum,
    mean: row.mean,
    median: row.median,
    perThousandInhabitants: indicator.unit === IndicatorUnit.COUNT && row.population ? (row.sum_with_population! * 1000) / row.population : null,
    unitCount: row.units,
    suppressed: false,
  };
}

/**
 * Primary suppression: cells from fewer units than the threshold. Secondary suppression: along
 * every dimension of the table, a group of cells that add up to a total (same indicator and other
 * keys) never has exactly one suppressed cell, or the total would give it away; the next smallest
 * cell is suppressed with it, until no group has a lone suppressed cell.
 */
function suppress(cells: StatisticsCell[], rows: AggregateRow[], groupBy: StatisticsDimension[], byBreakdown: boolean, threshold: number): void {
  const hidden = cells.map((c) => c.unitCount! < threshold);
  const keyOf = (row: AggregateRow, leaveOut: string) => JSON.stringify([row.indicator_id,
    leaveOut === 'MUNICIPALITY' ? null : row.municipality_id,
    leaveOut === 'COUNTY' ? null : row.county_code,
    leaveOut === 'COUNTRY' ? null : row.country,
    leaveOut === 'PERIOD' ? null : row.period,
    leaveOut === 'NETWORK' ? null : row.network_id,
    leaveOut === 'BREAKDOWN' ? null : row.breakdown]);
  const dimensions: string[] = [...groupBy, ...(byBreakdown ? ['BREAKDOWN'] : [])];
  let changed = true;
  while (changed) {
    changed = false;
    for (const dimension of dimensions) {
      const groups = new Map<string, number[]>();
      rows.forEach((row, i) => {
        const key = keyOf(row, dimension);
        groups.set(key, [...(groups.get(key) ?? []), i]);
      });
      for (const members of groups.values()) {
        const open = members.filter((i) => !hidden[i]);
        if (members.length - open.length === 1 && open.length > 0) {
          const smallest = open.reduce((a, b) => (rows[b].units < rows[a].units ? b : a));
          hidden[smallest] = true;
          changed = true;
        }
      }
    }
  }
  cells.forEach((cell, i) => {
    if (!hidden[i]) return;
    Object.assign(cell, { value: null, sum: null, mean: null, median: null, perThousandInhabitants: null, unitCount: null, suppressed: true });
  });
}

const CSV_COLUMNS = ['indicator', 'municipality', 'county', 'country', 'period', 'network', 'breakdown', 'unit_count',
  'value', 'sum', 'mean', 'median', 'per_1000_inhabitants', 'suppressed'] as const;

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The cells as CSV with a header row: one export of exactly what the query returned. */
export function toCsv(cells: StatisticsCell[]): string {
  const lines = cells.map((c) => [c.indicator.id, c.municipality?.id, c.county?.id, c.country, c.period, c.network?.id, c.breakdown,
    c.unitCount, c.value, c.sum, c.mean, c.median, c.perThousandInhabitants, c.suppressed].map(csvField).join(','));
  return `${[CSV_COLUMNS.join(','), ...lines].join('\r\n')}\r\n`;
}
