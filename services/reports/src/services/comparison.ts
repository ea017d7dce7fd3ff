import { badInput, type RequestContext } from '@kommunenett/subgraph-kit';
import type { IndicatorComparison } from '../entities/statistics';
import { requirePeriods } from './periods';
import { requireIndicators } from './statistics';

interface GroupRow { period: string; participant: boolean; units: number; mean: number }

/**
 * Compares an indicator between the municipalities that took part (given by the graph) and the
 * other municipalities of the same countries, per period, from published reports. Means of a
 * side with fewer municipalities than the threshold are suppressed, and then the other side's
 * too: with the overall mean from `statistics`, one would give the other away.
 */
export async function compareIndicator(ctx: RequestContext, indicatorId: string, periodArgs: string[], participantIds: readonly string[]): Promise<IndicatorComparison> {
  const [indicator] = await requireIndicators(ctx, [indicatorId], 'indicator');
  const periods = requirePeriods(periodArgs, 'periods');
  if (!periods?.length) throw badInput('Name at least one period.', 'periods');
  const participants = [...new Set(participantIds)];
  const countries = [...new Set(participants.map((id) => id.slice(0, 2)))];
  const rows = (await ctx.ds.query(
    `WITH l AS (
       SELECT DISTINCT ON (v.period, v.municipality_id) v.period, v.municipality_id, v.value
         FROM reports.indicator_value v JOIN reports.report r ON r.id = v.report_id
        WHERE r.status = 'PUBLISHED' AND v.indicator_id = $1 AND v.period = ANY($2) AND v.breakdown IS NULL
          AND left(v.municipality_id, 2) = ANY($3)
          -- Like with like: municipalities (NO-0301) or county authorities (NO-03), as the participants are.
          AND length(v.municipality_id) = ANY($5)
        ORDER BY v.period, v.municipality_id, r.published_at DESC
     )
     SELECT period, municipality_id = ANY($4) AS participant, count(*)::int AS units, avg(value) AS mean
       FROM l GROUP BY 1, 2`,
    [indicator.id, periods, countries, participants, [...new Set(participants.map((id) => id.length))]],
  )) as GroupRow[];
  const threshold = ctx.config.suppressionThreshold;
  const result = periods.map((period) => {
    const side = (participant: boolean) => rows.find((r) => r.period === period && r.participant === participant);
    const p = side(true);
    const o = side(false);
    const suppressed = (p?.units ?? 0) < threshold || (o?.units ?? 0) < threshold;
    const group = (row: GroupRow | undefined) => ({ municipalityCount: row?.units ?? 0, mean: suppressed ? null : row!.mean, suppressed });
    return { period, participants: group(p), others: group(o), difference: suppressed ? null : p!.mean - o!.mean };
  });
  const first = result[0].difference;
  const last = result[result.length - 1].difference;
  return {
    indicator, periods: result,
    differenceInDifferences: result.length > 1 && first !== null && last !== null ? last - first : null,
  };
}
