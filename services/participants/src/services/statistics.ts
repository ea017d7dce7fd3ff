import { badInput, type RequestContext, requireUuid } from '@kommunenett/subgraph-kit';
import { ParticipationDimension } from '../entities/enums';

/** Cells of fewer persons than this are suppressed. */
export const SUPPRESSION_THRESHOLD = 3;

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
  suppressed: boolean;
}

const DIMENSION_SQL: Record<ParticipationDimension, { value: string; label: string }> = {
  [ParticipationDimension.COUNTY]: { value: "m.country || '-' || m.county_code", label: 'max(m.county_name)' },
  [ParticipationDimension.MUNICIPALITY]: { value: 'm.id', label: 'max(m.name)' },
  [ParticipationDimension.NETWORK]: { value: 'r.network_id::text', label: 'NULL' },
  [ParticipationDimension.ROLE]: { value: "COALESCE(lower(trim(p.title)), 'not given')", label: 'NULL' },
  [ParticipationDimension.GENDER]: { value: "COALESCE(p.gender, 'NOT_GIVEN')", label: 'NULL' },
};

type Raw = { participants: number; municipalities: number; registrations: number } & Record<string, unknown>;

const suppress = (c: StatisticsCell): StatisticsCell => ({ ...c, participants: null, municipalities: null, registrations: null, suppressed: true });

/**
 * Primary suppression hides every cell of fewer than three persons. Secondary suppression then
 * hides the next smallest cell whenever exactly one is hidden, so that no hidden cell can be
 * recovered as the total minus the others.
 */
export function applySuppression(cells: StatisticsCell[]): StatisticsCell[] {
  const out = cells.map((c) => (c.participants !== null && c.participants < SUPPRESSION_THRESHOLD ? suppress(c) : c));
  if (out.filter((c) => c.suppressed).length === 1 && out.length > 1) {
    const smallest = out.map((c, i) => ({ c, i })).filter(({ c }) => !c.suppressed).sort((a, b) => a.c.participants! - b.c.participants! || a.c.registrations! - b.c.registrations!)[0];
    out[smallest.i] = suppress(smallest.c);
  }
  return out;
}

/** Confirmed registrations counted by the chosen dimensions, with the total; aggregates only. */
export async function participationStatistics(ctx: RequestContext, filter: StatisticsFilter | null | undefined, groupBy: ParticipationDimension[]): Promise<{ cells: StatisticsCell[]; total: StatisticsCell }> {
  const dims = [...new Set(groupBy)];
  const where = ["r.status = 'CONFIRMED'"];
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  if (filter?.programId) {
    requireUuid(filter.programId, 'filter.programId');
    where.push(`s.program_id = ${param(filter.programId)}`);
  }
  if (filter?.networkId) {
    requireUuid(filter.networkId, 'filter.networkId');
    where.push(`r.network_id = ${param(filter.networkId)}`);
  }
  if (filter?.country) where.push(`m.country = ${param(filter.country)}`);
  if (filter?.countyCode) {
    if (!/^\d{2}$/.test(filter.countyCode)) throw badInput('filter.countyCode must be two digits.', 'filter.countyCode');
    where.push(`m.county_code = ${param(filter.countyCode)}`);
  }
  if (filter?.period) {
    const match = /^(\d{4})(?:-(0[1-9]|1[0-2]))?$/.exec(filter.period);
    if (!match) throw badInput('filter.period must be a year (2013) or a month (2013-05).', 'filter.period');
    const from = new Date(Date.UTC(Number(match[1]), match[2] ? Number(match[2]) - 1 : 0, 1));
    const to = match[2] ? new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1)) : new Date(Date.UTC(from.getUTCFullYear() + 1, 0, 1));
    where.push(`r.registered_at >= ${param(from)} AND r.registered_at < ${param(to)}`);
  }
  const from = `FROM participants.registration r
    JOIN participants.municipality m ON m.id = r.municipality_id
    LEFT JOIN participants.person p ON p.id = r.person_id
    LEFT JOIN participants.network_snapshot s ON s.network_id = r.network_id
    WHERE ${where.join(' AND ')}`;
  const measures = 'count(DISTINCT r.person_id)::int AS participants, count(DISTINCT r.municipality_id)::int AS municipalities, count(*)::int AS registrations';
  const [totalRow] = (await ctx.ds.query(`SELECT ${measures} ${from}`, params)) as Raw[];
  const total = applySuppression([{ keys: [], ...totalRow, suppressed: false }])[0];
  if (dims.length === 0) return { cells: [], total };
  const selects = dims.map((d, i) => `${DIMENSION_SQL[d].value} AS k${i}, ${DIMENSION_SQL[d].label} AS l${i}`).join(', ');
  const rows = (await ctx.ds.query(
    `SELECT ${selects}, ${measures} ${from} GROUP BY ${dims.map((_, i) => `k${i}`).join(', ')} ORDER BY ${dims.map((_, i) => `k${i}`).join(', ')}`, params)) as Raw[];
  const cells = rows.map((row): StatisticsCell => ({
    keys: dims.map((dimension, i) => ({ dimension, value: String(row[`k${i}`]), label: (row[`l${i}`] as string | null) ?? null })),
    participants: row.participants, municipalities: row.municipalities, registrations: row.registrations, suppressed: false,
  }));
  return { cells: total.suppressed ? cells.map(suppress) : applySuppression(cells), total };
}
