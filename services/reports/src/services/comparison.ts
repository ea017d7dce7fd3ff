import { appError, badInput, ErrorCode, type RequestContext } from '@kommunenett/subgraph-kit';
import { ValueProvenance } from '../entities/enums';
import type { ComparisonEstimate, ComparisonSource, IndicatorComparison } from '../entities/statistics';
import { requirePeriods } from './periods';
import { requireIndicators } from './statistics';

/** How the interval of a difference-in-differences is computed (docs/reports.md, "Does network participation change anything?"). */
export const BOOTSTRAP = { resamples: 2000, level: 0.95, seed: 2013 } as const;

interface ValueRow {
  period: string; municipality_id: string; value: number; participant: boolean;
  provenance: ValueProvenance; source_name: string | null; source_url: string | null;
}

/**
 * Compares an indicator between the municipalities that took part (given by the graph) and the
 * others: the municipalities of the same countries and kind that did not take part, each with
 * the value of its latest published report. Per period the two means and their difference; over
 * the first and last period the difference-in-differences of the municipalities measured in both,
 * with a bootstrap interval. A side with fewer municipalities than the threshold is suppressed,
 * and then the other side's figures too: with the overall mean from `statistics`, one would give
 * the other away. Fewer participants than the threshold at all is refused: nothing could be shown.
 */
export async function compareIndicator(ctx: RequestContext, indicatorId: string, periodArgs: string[], participantIds: readonly string[]): Promise<IndicatorComparison> {
  const [indicator] = await requireIndicators(ctx, [indicatorId], 'indicator');
  const periods = requirePeriods(periodArgs, 'periods');
  if (!periods?.length) throw badInput('Name at least one period.', 'periods');
  const participants = [...new Set(participantIds)].sort();
  const threshold = ctx.config.suppressionThreshold;
  if (participants.length < threshold) {
    throw appError(ErrorCode.COMPARISON_GROUP_TOO_SMALL,
      `${participants.length} municipalities took part; a comparison needs at least ${threshold}, so that no municipality's values can be told apart.`,
      { participants: participants.length, threshold });
  }
  const countries = [...new Set(participants.map((id) => id.slice(0, 2)))];
  const rows = (await ctx.ds.query(
    `SELECT DISTINCT ON (v.period, v.municipality_id) v.period, v.municipality_id, v.value, v.municipality_id = ANY($4) AS participant,
            v.provenance, v.source_name, v.source_url
       FROM reports.indicator_value v JOIN reports.report r ON r.id = v.report_id
      WHERE r.status = 'PUBLISHED' AND v.indicator_id = $1 AND v.period = ANY($2) AND v.breakdown IS NULL
        AND left(v.municipality_id, 2) = ANY($3)
        -- Like with like: municipalities (NO-0301) or county authorities (NO-03), as the participants are.
        AND length(v.municipality_id) = ANY($5)
      ORDER BY v.period, v.municipality_id, r.published_at DESC`,
    [indicator.id, periods, countries, participants, [...new Set(participants.map((id) => id.length))]],
  )) as ValueRow[];

  const result = periods.map((period) => {
    const side = (participant: boolean) => rows.filter((r) => r.period === period && r.participant === participant).map((r) => r.value);
    const p = side(true);
    const o = side(false);
    const suppressed = p.length < threshold || o.length < threshold;
    const group = (values: number[]) => ({ municipalityCount: values.length, mean: suppressed ? null : mean(values), suppressed });
    return { period, participants: group(p), others: group(o), difference: suppressed ? null : mean(p) - mean(o) };
  });
  const estimate = periods.length > 1 ? differenceInDifferences(rows, periods[0], periods[periods.length - 1], threshold) : null;
  return {
    indicator, periods: result, participantMunicipalities: participants.length, estimate,
    differenceInDifferences: estimate?.value ?? null, sources: sourcesOf(rows),
  };
}

/**
 * The difference-in-differences from `from` to `to` over the municipalities measured in both
 * (a balanced panel): the participants' mean change minus the others' mean change, and a
 * percentile bootstrap interval: BOOTSTRAP.resamples times, each side's municipalities are drawn
 * with replacement (as many as it has) and the estimate computed again; the interval is the
 * 2.5th and 97.5th percentile of those. The draws come from a generator with a fixed seed over
 * the municipalities in id order, so the same data gives the same interval.
 */
function differenceInDifferences(rows: ValueRow[], from: string, to: string, threshold: number): ComparisonEstimate {
  const before = new Map(rows.filter((r) => r.period === from).map((r) => [r.municipality_id, r.value]));
  const changes = { participants: [] as number[], others: [] as number[] };
  for (const r of rows.filter((x) => x.period === to).sort((a, b) => a.municipality_id.localeCompare(b.municipality_id))) {
    const first = before.get(r.municipality_id);
    if (first !== undefined) (r.participant ? changes.participants : changes.others).push(r.value - first);
  }
  const base = {
    fromPeriod: from, toPeriod: to, participants: changes.participants.length, others: changes.others.length,
    resamples: BOOTSTRAP.resamples, confidenceLevel: BOOTSTRAP.level, seed: BOOTSTRAP.seed,
  };
  if (changes.participants.length < threshold || changes.others.length < threshold) {
    return { ...base, value: null, lower: null, upper: null, suppressed: true };
  }
  const random = mulberry32(BOOTSTRAP.seed);
  const draw = (xs: number[]) => {
    let sum = 0;
    for (let i = 0; i < xs.length; i++) sum += xs[Math.floor(random() * xs.length)];
    return sum / xs.length;
  };
  const estimates = Array.from({ length: BOOTSTRAP.resamples }, () => draw(changes.participants) - draw(changes.others)).sort((a, b) => a - b);
  const tail = (1 - BOOTSTRAP.level) / 2;
  return {
    ...base, value: mean(changes.participants) - mean(changes.others),
    lower: quantile(estimates, tail), upper: quantile(estimates, 1 - tail), suppressed: false,
  };
}

/** The provenances and sources of the values compared, with how many values each. */
function sourcesOf(rows: ValueRow[]): ComparisonSource[] {
  const bySource = new Map<string, ComparisonSource>();
  for (const r of rows) {
    const key = JSON.stringify([r.provenance, r.source_name, r.source_url]);
    const entry = bySource.get(key) ?? { provenance: r.provenance, sourceName: r.source_name, sourceUrl: r.source_url, valueCount: 0 };
    entry.valueCount++;
    bySource.set(key, entry);
  }
  return [...bySource.values()].sort((a, b) => b.valueCount - a.valueCount || a.provenance.localeCompare(b.provenance));
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** The q-quantile of sorted values, interpolated linearly between neighbours. */
function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (at - lo);
}

/** A small seeded generator of numbers in [0, 1): the same seed gives the same draws on every run and platform. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
