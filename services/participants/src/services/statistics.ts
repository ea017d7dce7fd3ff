import { auditedSuppression, badInput, firstDetermined, type RequestContext, requireUuid, type ServiceDeps, suppressedInGroups } from '@kommunenett/subgraph-kit';
import type { DataSource } from 'typeorm';
import { createHash } from 'node:crypto';
import { SIZE_CLASSES } from '@kommunenett/reference-data';
import { settingsOf } from '../config';
import { ParticipationDimension } from '../entities/enums';

export interface StatisticsFilter {
  programId?: string | null;
  networkId?: string | null;
  country?: string | null;
  countyCode?: string | null;
  /** Registration year (2013) or month (2013-05). */
  period?: string | null;
}

export interface StatisticsKey {
  dimension: ParticipationDimension;
  value: string;
  label: string | null;
}

export interface StatisticsCell {
  keys: StatisticsKey[];
  participants: number | null;
  municipalities: number | null;
  registrations: number | null;
  /** Municipalities (not county authorities) of the cell's area, and how many of them took part. */
  municipalitiesInArea: number | null;
  participatingMunicipalities: number | null;
  municipalityShare: number | null;
  inhabitants: number | null;
  participantsPer10000Inhabitants: number | null;
  populationYears: number[];
  suppressed: boolean;
}

/** A size class as SQL over a population column, from the classes of the reference data. */
const SIZE_CLASS_SQL = `CASE ${SIZE_CLASSES.map((c) => `WHEN m.population >= ${c.min}${Number.isFinite(c.max) ? ` AND m.population <= ${c.max}` : ''} THEN '${c.name}'`).join(' ')} END`;

/** The dimensions that describe where: they decide the area whose municipalities and inhabitants a rate is taken over. */
const AREA_DIMENSIONS = [ParticipationDimension.COUNTRY, ParticipationDimension.COUNTY, ParticipationDimension.MUNICIPALITY, ParticipationDimension.SIZE_CLASS];

const DIMENSION_SQL: Record<ParticipationDimension, { value: string; label: string }> = {
  [ParticipationDimension.COUNTRY]: { value: 'm.country', label: 'NULL' },
  [ParticipationDimension.COUNTY]: { value: "m.country || '-' || m.county_code", label: 'm.county_name' },
  [ParticipationDimension.MUNICIPALITY]: { value: 'm.id', label: 'm.name' },
  [ParticipationDimension.SIZE_CLASS]: { value: `COALESCE(${SIZE_CLASS_SQL}, 'UNKNOWN')`, label: 'NULL' },
  [ParticipationDimension.NETWORK]: { value: 'r.network_id::text', label: 'NULL' },
  [ParticipationDimension.ROLE]: { value: "COALESCE(lower(trim(p.title)), 'not given')", label: 'NULL' },
  [ParticipationDimension.GENDER]: { value: "COALESCE(p.gender, 'NOT_GIVEN')", label: 'NULL' },
};

interface Raw extends Record<string, unknown> {
  participants: number; municipalities: number; registrations: number; participating: number;
  /** Least hash of the persons counted: orders cells of equal size the same way in every query. */
  tie: string;
  /** GROUPING() of the table's dimensions: which are absent (summed over) in this row. */
  absent: number;
}
interface AreaRow extends Record<string, unknown> { units: number; inhabitants: number | null; years: number[] | null }

function parsePeriod(period: string): { year: number; month: boolean } {
  const match = /^(\d{4})(?:-(0[1-9]|1[0-2]))?$/.exec(period);
  if (!match) throw badInput('filter.period must be a year (2013) or a month (2013-05).', 'filter.period');
  return { year: Number(match[1]), month: Boolean(match[2]) };
}

/** One dimension of the table a query is answered from: a grouping, a filter, or one they imply. */
interface TableDimension {
  id: string; sql: string; label: string;
  /** Set when the query groups by it: the cells carry it as a key. */
  dimension: ParticipationDimension | null;
  /** Set when the query filters by it: the value selected. */
  filterValue?: string;
  /** A filter or implied by one: the answer's total is a cell of the subtable with these. */
  total: boolean;
  /** A grouping, a filter or implied by one: the answer's cells are of the subtable with these. */
  cell: boolean;
  /** One of the base dimensions every table has, whose lattice is protected as a whole. */
  base?: boolean;
}

/** Most dimensions (the base ones, groupings, filters and what they imply) one table may have: its 2^n subtables are protected. */
const MAX_TABLE_DIMENSIONS = 8;

/**
 * The table a query is answered from: its groupings, its filters as dimensions too (a filtered
 * total is a cell of the table grouped by the filter), and what a finer dimension implies (a
 * municipality lies in a county, a county in a country, a network in a programme, a month in a
 * year), so that the pattern of suppressed cells covers the subtotals those show.
 */
function tableDimensions(filter: StatisticsFilter | null | undefined, groupBy: ParticipationDimension[]): TableDimension[] {
  const dims: TableDimension[] = [];
  const add = (d: TableDimension) => {
    const existing = dims.find((x) => x.id === d.id);
    if (!existing) return void dims.push(d);
    existing.dimension ??= d.dimension;
    existing.filterValue ??= d.filterValue;
    existing.total ||= d.total;
    existing.cell ||= d.cell;
    existing.base ||= d.base;
  };
  const of = (d: ParticipationDimension, use: { grouped?: boolean; filterValue?: string }, total: boolean, cell = true): TableDimension =>
    ({ id: d, sql: DIMENSION_SQL[d].value, label: DIMENSION_SQL[d].label, dimension: use.grouped ? d : null, filterValue: use.filterValue, total, cell });
  const PROGRAM = (filterValue: string | undefined, total: boolean, cell = true): TableDimension =>
    ({ id: 'PROGRAM', sql: 's.program_id::text', label: 'NULL', dimension: null, filterValue, total, cell });
  // The base: where and in which network. Every table has these, so the figures they give (the
  // differencing attacks by area and network) are decided as one lattice, the same in every query.
  for (const d of [ParticipationDimension.COUNTRY, ParticipationDimension.COUNTY, ParticipationDimension.NETWORK]) add({ ...of(d, {}, false, false), base: true });
  add({ ...PROGRAM(undefined, false, false), base: true });
  /** A dimension and what it implies. */
  const addWithImplied = (d: ParticipationDimension, use: { grouped?: boolean; filterValue?: string }) => {
    const total = use.filterValue !== undefined;
    add(of(d, use, total));
    if (d === ParticipationDimension.MUNICIPALITY) add(of(ParticipationDimension.COUNTY, {}, total));
    if (d === ParticipationDimension.MUNICIPALITY || d === ParticipationDimension.COUNTY) add(of(ParticipationDimension.COUNTRY, {}, total));
    if (d === ParticipationDimension.NETWORK) add(PROGRAM(undefined, total));
  };
  if (filter?.programId) add(PROGRAM(requireUuid(filter.programId, 'filter.programId'), true));
  if (filter?.networkId) addWithImplied(ParticipationDimension.NETWORK, { filterValue: requireUuid(filter.networkId, 'filter.networkId') });
  if (filter?.country) addWithImplied(ParticipationDimension.COUNTRY, { filterValue: filter.country });
  if (filter?.countyCode) {
    if (!/^\d{2}$/.test(filter.countyCode)) throw badInput('filter.countyCode must be two digits.', 'filter.countyCode');
    // County codes repeat across the two countries (03, 18): a county is known by its country too.
    if (!filter.country) throw badInput('filter.countyCode needs filter.country: county codes 03 and 18 exist in both countries.', 'filter.countyCode');
    addWithImplied(ParticipationDimension.COUNTY, { filterValue: `${filter.country}-${filter.countyCode}` });
  }
  if (filter?.period) {
    const { month } = parsePeriod(filter.period);
    const year = { id: 'YEAR', sql: "to_char(r.registered_at AT TIME ZONE 'UTC', 'YYYY')", label: 'NULL', dimension: null, total: true, cell: true };
    if (month) {
      add({ id: 'MONTH', sql: "to_char(r.registered_at AT TIME ZONE 'UTC', 'YYYY-MM')", label: 'NULL', dimension: null, filterValue: filter.period, total: true, cell: true });
      add(year);
    } else add({ ...year, filterValue: filter.period });
  }
  for (const d of groupBy) addWithImplied(d, { grouped: true });
  // One order for the same dimensions in every query: the pattern of a subtable must not depend on the query.
  dims.sort((a, b) => a.id.localeCompare(b.id));
  if (dims.length > MAX_TABLE_DIMENSIONS) {
    throw badInput(`At most ${MAX_TABLE_DIMENSIONS - 4} dimensions beyond country, county, network and programme (groupings, filters, and the year a month implies) at once.`, 'groupBy');
  }
  return dims;
}

/**
 * Confirmed registrations counted by the chosen dimensions, with the total and rates over the
 * cell's area; aggregates only. Every figure is a cell of one table over all confirmed
 * registrations whose dimensions are the query's groupings and filters (docs/security.md). The
 * cells of every subtable (each subset of those dimensions: the totals another query shows) are
 * protected from the coarsest up, each by the same deterministic rule: primary suppression,
 * suppression under a suppressed coarser cell, and secondary suppression. A subtable's pattern
 * depends on its own dimensions only, so every query that shows a figure shows it, or hides it,
 * the same way, and no total minus the cells of another answer leaves a small cell exposed.
 */
export async function participationStatistics(ctx: RequestContext, filter: StatisticsFilter | null | undefined, groupBy: ParticipationDimension[]): Promise<{ cells: StatisticsCell[]; total: StatisticsCell; asOf: Date }> {
  const wantedDims = [...new Set(groupBy)];
  const dims = tableDimensions(filter, wantedDims);
  // The area figures (municipalities, inhabitants) are narrowed by the geographic filters only.
  const areaConditions: string[] = [];
  const areaParams: unknown[] = [filter?.period ? parsePeriod(filter.period).year : 9999];
  if (filter?.country) areaConditions.push(`m.country = $${areaParams.push(filter.country)}`);
  if (filter?.countyCode) areaConditions.push(`m.county_code = $${areaParams.push(filter.countyCode)}`);
  const areaDims = wantedDims.filter((d) => AREA_DIMENSIONS.includes(d));
  // A table of the base dimensions alone is a part of the base lattice, kept decided between queries.
  const { rows, hidden, asOf } = dims.every((d) => d.base) ? await baseLattice(ctx) : await decidedTable(ctx, dims);
  const area = (await ctx.ds.query(
    `WITH pop AS (
       SELECT DISTINCT ON (municipality_id) municipality_id, population, year FROM participants.municipality_population
        ORDER BY municipality_id, abs(year - $1::int), year DESC
     )
     SELECT ${[...areaDims.map((d, i) => `${DIMENSION_SQL[d].value} AS a${i}`), 'count(*)::int AS units, sum(pop.population)::float8 AS inhabitants, array_agg(DISTINCT pop.year) FILTER (WHERE pop.year IS NOT NULL) AS years'].join(', ')}
       FROM participants.municipality m LEFT JOIN pop ON pop.municipality_id = m.id
      WHERE ${["m.kind = 'MUNICIPALITY'", ...areaConditions].join(' AND ')}
      ${areaDims.length ? `GROUP BY ${areaDims.map((_, i) => `a${i}`).join(', ')}` : ''}`,
    areaParams)) as AreaRow[];
  const areaOf = new Map(area.map((a) => [JSON.stringify(areaDims.map((_, i) => String(a[`a${i}`]))), a]));

  const toCell = (row: Raw, keys: StatisticsKey[]): StatisticsCell => {
    const a = areaOf.get(JSON.stringify(keys.filter((key) => AREA_DIMENSIONS.includes(key.dimension)).map((key) => key.value)));
    const inhabitants = a?.inhabitants ?? null;
    const cell: StatisticsCell = {
      keys, participants: row.participants, municipalities: row.municipalities, registrations: row.registrations,
      municipalitiesInArea: a?.units ?? null, participatingMunicipalities: row.participating,
      municipalityShare: a?.units ? row.participating / a.units : null, inhabitants,
      participantsPer10000Inhabitants: inhabitants ? (row.participants * 10_000) / inhabitants : null,
      populationYears: [...(a?.years ?? [])].sort(), suppressed: false,
    };
    return hidden.has(row) ? suppress(cell) : cell;
  };
  // The answer: the cells of the filters' values (the total: of the table of the filters alone).
  const matchesFilter = (row: Raw) => dims.every((d, i) => d.filterValue === undefined || row[`k${i}`] === d.filterValue);
  const mask = (present: (d: TableDimension) => boolean) => dims.reduce((m, d, i) => m | (present(d) ? 0 : 1 << (dims.length - 1 - i)), 0);
  const totalMask = mask((d) => d.total);
  const totalRow = rows.find((r) => Number(r.absent) === totalMask && matchesFilter(r));
  const empty: Raw = { participants: 0, municipalities: 0, registrations: 0, participating: 0, tie: '', absent: totalMask };
  const total = totalRow ? toCell(totalRow, []) : suppress(toCell(empty, []));
  // The cells: of the whole table (the implied county and country present: their subtotals protected).
  const cellMask = mask((d) => d.cell);
  const cells = (wantedDims.length ? rows : []).filter((r) => Number(r.absent) === cellMask && matchesFilter(r))
    .map((row) => toCell(row, wantedDims.map((dimension) => {
      const i = dims.findIndex((d) => d.dimension === dimension);
      return { dimension, value: String(row[`k${i}`]), label: (row[`l${i}`] as string | null) ?? null };
    })))
    .sort((a, b) => JSON.stringify(a.keys.map((x) => x.value)).localeCompare(JSON.stringify(b.keys.map((x) => x.value))));
  return { cells, total, asOf };
}

/** Every subtable of a table (CUBE) over all confirmed registrations, in one statement. */
async function cubeRows(ds: DataSource, dims: TableDimension[]): Promise<Raw[]> {
  const k = dims.map((_, i) => `k${i}`);
  // The tie key (the least hash of the persons counted) orders equal cells the same way in every query.
  return (await ds.query(
    `WITH reg AS (
       SELECT ${[...dims.map((d, i) => `${d.sql} AS k${i}, ${d.label} AS l${i}`), 'r.person_id, r.municipality_id, m.kind'].join(', ')}
         FROM participants.registration r
         JOIN participants.municipality m ON m.id = r.municipality_id
         LEFT JOIN participants.person p ON p.id = r.person_id
         LEFT JOIN participants.network_snapshot s ON s.network_id = r.network_id
        WHERE r.status = 'CONFIRMED'
     )
     SELECT ${[...dims.map((_, i) => `k${i}, max(l${i}) AS l${i}`), `${k.length ? `GROUPING(${k.join(', ')})` : '0'} AS absent`].join(', ')},
            count(DISTINCT person_id)::int AS participants,
            count(DISTINCT municipality_id)::int AS municipalities,
            count(DISTINCT municipality_id) FILTER (WHERE kind = 'MUNICIPALITY')::int AS participating,
            count(*)::int AS registrations,
            coalesce(min(md5(person_id::text)), '') AS tie
       FROM reg ${k.length ? `GROUP BY CUBE (${k.join(', ')})` : ''}`,
  )) as Raw[];
}

/** A table's cells, the suppressed ones, and the moment the registrations counted were read. */
interface DecidedTable { rows: Raw[]; hidden: Set<Raw>; asOf: Date }

/** A table with dimensions beyond the base ones: counted and protected for this query. */
async function decidedTable(ctx: RequestContext, dims: TableDimension[]): Promise<DecidedTable> {
  const asOf = new Date();
  const rows = await cubeRows(ctx.ds, dims);
  return { rows, hidden: await protect(rows, dims, ctx.config.suppressionThreshold), asOf };
}

/** The base lattice as decided for one state of the data (`version`); `asOf`: the last moment the data was seen in that state. */
interface BaseLattice extends DecidedTable { version: string }
interface BaseLatticeState {
  current?: BaseLattice;
  /** The lattice being decided, and when it started (it counts registrations as of then or later). */
  running?: { startedAt: number; done: Promise<BaseLattice> };
  watcher?: NodeJS.Timeout;
}
/** Per data source (a process may run several services' stacks in tests) and threshold. */
const baseLatticeStates = new WeakMap<object, Map<number, BaseLatticeState>>();

/**
 * What the base lattice depends on, read in one cheap statement: the confirmed registrations'
 * change counts per network (kept by the registration counters' trigger), each network's
 * programme and the municipalities' counties and kinds.
 */
async function dataVersion(ds: DataSource): Promise<string> {
  const [{ version }] = (await ds.query(
    `SELECT concat_ws(':',
       (SELECT coalesce(sum(confirmed_changes), 0) FROM participants.network_snapshot),
       (SELECT md5(coalesce(string_agg(network_id::text || '=' || coalesce(program_id::text, ''), ',' ORDER BY network_id), '')) FROM participants.network_snapshot),
       (SELECT md5(coalesce(string_agg(concat_ws('=', id, country, county_code, county_name, kind), ',' ORDER BY id), '')) FROM participants.municipality)) AS version`,
  )) as { version: string }[];
  return version;
}

/** The base dimensions alone: the table every base lattice is decided over. */
const BASE_DIMENSIONS = tableDimensions(null, []);

/** Counts the base lattice and decides its pattern: seconds at volume, with the event loop free between rounds. */
async function decideBaseLattice(ds: DataSource, threshold: number): Promise<BaseLattice> {
  const readAt = new Date();
  const version = await dataVersion(ds);
  const rows = await cubeRows(ds, BASE_DIMENSIONS);
  return { rows, hidden: await protect(rows, BASE_DIMENSIONS, threshold), asOf: readAt, version };
}

/**
 * A lattice that counts the registrations as of `since` or later, or in the state `version` read
 * then: the one being decided when it fits, else a new one (one at a time per process).
 */
async function baseLatticeSince(ds: DataSource, threshold: number, state: BaseLatticeState, since: number, version: string): Promise<BaseLattice> {
  const running = state.running;
  if (running) {
    if (running.startedAt >= since) return running.done;
    const lattice = await running.done.catch(() => undefined);
    return lattice?.version === version ? lattice : baseLatticeSince(ds, threshold, state, since, version);
  }
  const done: Promise<BaseLattice> = decideBaseLattice(ds, threshold).then((lattice) => {
    if (!state.current || state.current.asOf <= lattice.asOf) state.current = lattice;
    return lattice;
  }).finally(() => { if (state.running?.done === done) state.running = undefined; });
  state.running = { startedAt: Date.now(), done };
  return done;
}

/**
 * The base lattice (country × county × network × programme over all confirmed registrations)
 * with its pattern: decided once per state of the data and reused by every query while the data
 * stays so (one cheap statement checks it). With PARTICIPANTS_STATISTICS_MAX_STALENESS_MS above
 * 0, a change is decided in the background (a watcher checks every third of that time) and
 * queries meanwhile get the lattice decided before, never older than that: `asOf` says as of when.
 * At 0 every query counts the registrations as of its own start.
 */
async function baseLattice(ctx: RequestContext): Promise<BaseLattice> {
  const threshold = ctx.config.suppressionThreshold;
  const maxStaleness = settingsOf(ctx).statisticsMaxStalenessMs;
  let ofSource = baseLatticeStates.get(ctx.ds);
  if (!ofSource) baseLatticeStates.set(ctx.ds, (ofSource = new Map()));
  let state = ofSource.get(threshold);
  if (!state) ofSource.set(threshold, (state = {}));
  if (maxStaleness > 0) watchBaseLattice({ ds: ctx.ds, log: ctx.log }, state, threshold, maxStaleness);
  const checkedAt = Date.now();
  const version = await dataVersion(ctx.ds);
  const current = state.current;
  if (current?.version === version) {
    if (current.asOf.getTime() < checkedAt) current.asOf = new Date(checkedAt);
    return current;
  }
  if (current && checkedAt - current.asOf.getTime() <= maxStaleness) return current;
  return baseLatticeSince(ctx.ds, threshold, state, checkedAt, version);
}

/** Keeps a process's base lattice current in the background, so that queries find it decided after a change. */
function watchBaseLattice(deps: Pick<ServiceDeps, 'ds' | 'log'>, state: BaseLatticeState, threshold: number, maxStaleness: number): void {
  if (state.watcher) return;
  const watcher = setInterval(() => {
    if (!deps.ds.isInitialized) return void clearInterval(watcher);
    if (state.running) return;
    const checkedAt = Date.now();
    dataVersion(deps.ds).then(async (version) => {
      if (state.current?.version !== version) return void (await baseLatticeSince(deps.ds, threshold, state, checkedAt, version));
      if (state.current.asOf.getTime() < checkedAt) state.current.asOf = new Date(checkedAt);
    }).catch((error: unknown) => deps.log.warn({ err: error }, 'participation statistics: the base lattice was not refreshed'));
  }, Math.max(1000, Math.floor(maxStaleness / 3)));
  watcher.unref();
  state.watcher = watcher;
}

/** The base lattices decided lately: hash of the base cells and threshold → ids of the suppressed ones. */
const decidedBaseLattices = new Map<string, Set<string>>();
const MAX_DECIDED_BASE_LATTICES = 4;

/**
 * The suppressed cells of every subtable. First the base lattice (country, county, network,
 * programme) as a whole: primary suppression, suppression under a suppressed coarser cell and
 * secondary suppression to a fixpoint, then an exact check that no small figure of any of its
 * subtables is determined by the shown figures of all of them (while one is, the smallest shown
 * figure in its equations is suppressed too, and the fixpoint is taken again). Then the other
 * subtables, coarsest first, each checked exactly against its coarser subtables.
 */
async function protect(rows: Raw[], dims: TableDimension[], threshold: number): Promise<Set<Raw>> {
  const n = dims.length;
  const bit = (i: number) => 1 << (n - 1 - i);
  const bySubtable = new Map<number, Raw[]>();
  for (const row of rows) {
    const mask = Number(row.absent);
    if (!bySubtable.has(mask)) bySubtable.set(mask, []);
    bySubtable.get(mask)?.push(row);
  }
  const presentCount = (mask: number) => dims.filter((_, i) => !(mask & bit(i))).length;
  // Keys and orders are asked for again on every round of the fixpoint: each is computed once.
  const keys = new Map<Raw, Map<number, string>>();
  const keyOf = (row: Raw, mask: number) => {
    let ofRow = keys.get(row);
    if (!ofRow) keys.set(row, (ofRow = new Map()));
    let key = ofRow.get(mask);
    if (key === undefined) ofRow.set(mask, (key = `${mask}:${JSON.stringify(dims.map((_, i) => (mask & bit(i) ? '*' : row[`k${i}`])))}`));
    return key;
  };
  const coarserOf = (mask: number) => dims.flatMap((_, i) => (mask & bit(i) ? [] : [mask | bit(i)]));
  const orders = new Map<number, Raw[]>();
  const sorted = (mask: number): readonly Raw[] => {
    let order = orders.get(mask);
    if (!order) orders.set(mask, (order = [...(bySubtable.get(mask) ?? [])].sort((a, b) => a.participants - b.participants || a.tie.localeCompare(b.tie))));
    return order;
  };
  /** For each cell of a subtable (in `sorted` order), the keys of the coarser cells it adds up into. */
  const coarser = new Map<number, string[][]>();
  const coarserKeys = (mask: number): string[][] => {
    let of = coarser.get(mask);
    if (!of) coarser.set(mask, (of = sorted(mask).map((row) => coarserOf(mask).map((c) => keyOf(row, c)))));
    return of;
  };
  const hidden = new Set<Raw>();
  const hiddenKeys = new Set<string>();
  const hide = (row: Raw, mask: number) => { hidden.add(row); hiddenKeys.add(keyOf(row, mask)); };
  const forcedFrom = (row: Raw, mask: number) => coarserOf(mask).some((c) => hiddenKeys.has(keyOf(row, c)));
  const masks = [...bySubtable.keys()].sort((a, b) => presentCount(a) - presentCount(b) || b - a);
  const nonBase = dims.reduce((m, d, i) => (d.base ? m : m | bit(i)), 0);
  const baseMasks = masks.filter((m) => (m & nonBase) === nonBase);

  // The base lattice depends on its cells only, not on the query: decided once for the same cells
  // (their keys, sizes and tie keys) and threshold, and reused by every query until the data changes.
  const baseId = (row: Raw, mask: number) => JSON.stringify(dims.flatMap((d, i) => (d.base ? [mask & bit(i) ? '*' : row[`k${i}`]] : [])));
  const baseContent = createHash('sha256').update(`${threshold}\n${baseMasks
    .flatMap((mask) => sorted(mask).map((row) => `${baseId(row, mask)}|${row.participants}|${row.tie}`)).sort().join('\n')}`).digest('hex');
  const decided = decidedBaseLattices.get(baseContent);
  if (decided) {
    for (const mask of baseMasks) for (const row of sorted(mask)) if (decided.has(baseId(row, mask))) hide(row, mask);
  } else {
    // The exact check is over the finest base subtable's cells: every base figure as a sum of them.
    const atoms = sorted(nonBase);
    const index = new Map<string, number[]>();
    for (const mask of baseMasks) {
      atoms.forEach((atom, i) => {
        const key = keyOf(atom, mask);
        if (!index.has(key)) index.set(key, []);
        index.get(key)?.push(i);
      });
    }
    const figures = baseMasks.flatMap((mask) => sorted(mask).map((row) => ({ row, mask })));
    // What every round asks again, worked out once: each figure's atoms, and per subtable its
    // cells' groups (as suppressedCells forms them) and the coarser cells each adds up into.
    const membersOf = new Map(figures.map((f) => [f, index.get(keyOf(f.row, f.mask)) ?? []]));
    const rowByKey = new Map(figures.map((f) => [keyOf(f.row, f.mask), f.row]));
    const subtables = baseMasks.map((mask) => {
      const cells = sorted(mask);
      const groups = new Map<string, number[]>();
      coarserKeys(mask).forEach((keys, i) => {
        for (const key of keys) {
          if (!groups.has(key)) groups.set(key, []);
          groups.get(key)?.push(i);
        }
      });
      return {
        mask, cells, units: cells.map((row) => row.participants), groups: [...groups.values()],
        coarserRows: coarserKeys(mask).map((keys) => keys.flatMap((key) => rowByKey.get(key) ?? [])),
      };
    });
    for (;;) {
      for (let changed = true; changed;) {
        changed = false;
        for (const { mask, cells, units, groups, coarserRows } of subtables) {
          const primary = cells.map((row, i) => units[i] < threshold || hidden.has(row) || coarserRows[i].some((c) => hidden.has(c)));
          const pattern = suppressedInGroups(units, primary, groups);
          cells.forEach((row, i) => {
            if (pattern[i] && !hidden.has(row)) { hide(row, mask); changed = true; }
          });
        }
      }
      // Each round lets the event loop run: deciding a lattice at volume takes seconds.
      await new Promise((resolve) => setImmediate(resolve));
      const shown = figures.filter((f) => !hidden.has(f.row));
      const small = figures.filter((f) => hidden.has(f.row) && f.row.participants < threshold);
      const unknown = atoms.map((a) => hidden.has(a));
      const atomsOf = (f: { row: Raw; mask: number }) => membersOf.get(f) ?? [];
      const found = firstDetermined(unknown, shown.map(atomsOf), small.map(atomsOf));
      if (found < 0) break;
      const exposed = new Set(atomsOf(small[found]).filter((i) => unknown[i]));
      const culprit = shown.filter((f) => atomsOf(f).some((i) => exposed.has(i)))
        .sort((a, b) => a.row.participants - b.row.participants || a.row.tie.localeCompare(b.row.tie) || b.mask - a.mask)[0];
      if (!culprit) break;
      hide(culprit.row, culprit.mask);
    }
    decidedBaseLattices.set(baseContent, new Set(baseMasks.flatMap((mask) => sorted(mask).filter((row) => hidden.has(row)).map((row) => baseId(row, mask)))));
    // A few contents at most (the data of now and of a moment ago): the cache never grows with time.
    for (const old of decidedBaseLattices.keys()) if (decidedBaseLattices.size > MAX_DECIDED_BASE_LATTICES) decidedBaseLattices.delete(old);
  }

  for (const mask of masks.filter((m) => !baseMasks.includes(m))) {
    const cells = sorted(mask);
    const coarser = coarserOf(mask);
    // Every coarser subtable's figures, as sums of this subtable's cells: what the exact check solves.
    const figures = masks.filter((m) => m !== mask && (m & mask) === mask).flatMap((m) => {
      const members = new Map<string, number[]>();
      cells.forEach((row, i) => {
        const key = keyOf(row, m);
        members.set(key, [...(members.get(key) ?? []), i]);
      });
      return sorted(m).map((row) => ({ cells: members.get(keyOf(row, m)) ?? [], shown: !hidden.has(row), small: row.participants < threshold }));
    });
    const pattern = auditedSuppression(cells.map((row) => ({
      units: row.participants, groups: coarser.map((c) => keyOf(row, c)), forced: forcedFrom(row, mask),
    })), figures, threshold);
    cells.forEach((row, i) => { if (pattern[i]) hide(row, mask); });
  }
  return hidden;
}

const suppress = (c: StatisticsCell): StatisticsCell => ({
  ...c, participants: null, municipalities: null, registrations: null, participatingMunicipalities: null, municipalityShare: null,
  participantsPer10000Inhabitants: null, suppressed: true,
});
