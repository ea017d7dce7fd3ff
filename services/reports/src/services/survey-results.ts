import { loaderByGroup, type RequestContext } from '@kommunenett/subgraph-kit';

/** An option's aggregated answers, in total or for one breakdown group. */
export interface OptionResult {
  questionId: string;
  optionId: string;
  breakdownDimension: string | null;
  breakdownGroup: string | null;
  respondents: number | null;
  count: number | null;
  share: number | null;
  suppressed: boolean;
}

interface Row { question_id: string; option_id: string; breakdown_group: string; respondents: number; count: number; published_share: number | null }

/**
 * Results of questions, per option, in total or by a breakdown dimension. For surveys that keep
 * only aggregates they are the stored aggregates; for surveys that collect answers they are
 * counted from the answers in the database. Groups of fewer respondents than the threshold are
 * suppressed, and with a lone suppressed group the next smallest group too.
 */
export const resultsByQuestion = (ctx: RequestContext, collecting: boolean, dimension: string | null) =>
  loaderByGroup<OptionResult>(ctx, `surveyResults:${collecting}:${dimension ?? ''}`, async (questionIds) => {
    const rows: Row[] = collecting
      ? await ctx.ds.query(
        `WITH a AS (
           SELECT question_id, option_id, respondent_key, CASE WHEN $2::text IS NULL THEN '' ELSE coalesce(background ->> $2, '') END AS breakdown_group
             FROM reports.survey_answer WHERE question_id = ANY($1)
         ), n AS (
           SELECT question_id, breakdown_group, count(DISTINCT respondent_key)::int AS respondents FROM a GROUP BY 1, 2
         )
         SELECT o.question_id, o.id AS option_id, n.breakdown_group, n.respondents,
                (SELECT count(*)::int FROM a WHERE a.question_id = o.question_id AND a.option_id = o.id AND a.breakdown_group = n.breakdown_group) AS count,
                NULL::double precision AS published_share
           FROM reports.survey_option o JOIN n ON n.question_id = o.question_id
          WHERE o.question_id = ANY($1)
          ORDER BY n.breakdown_group, o.position`,
        [[...questionIds], dimension])
      : await ctx.ds.query(
        `SELECT r.question_id, r.option_id, r.breakdown_group, r.respondents, r.count, r.published_share
           FROM reports.survey_result r JOIN reports.survey_option o ON o.id = r.option_id
          WHERE r.question_id = ANY($1) AND r.breakdown_dimension = $2
          ORDER BY r.breakdown_group, o.position`,
        [[...questionIds], dimension ?? '']);
    const threshold = ctx.config.suppressionThreshold;
    const results = rows.map((r): OptionResult => ({
      questionId: r.question_id, optionId: r.option_id,
      breakdownDimension: dimension, breakdownGroup: dimension ? r.breakdown_group : null,
      respondents: r.respondents, count: r.count,
      share: r.published_share ?? (r.respondents > 0 ? r.count / r.respondents : null), suppressed: false,
    }));
    suppressSmallGroups(results, threshold);
    return results;
  }, (r) => r.questionId);

function suppressSmallGroups(results: OptionResult[], threshold: number): void {
  const byQuestion = new Map<string, Map<string, number>>();
  for (const r of results) {
    const groups = byQuestion.get(r.questionId) ?? new Map<string, number>();
    groups.set(r.breakdownGroup ?? '', r.respondents ?? 0);
    byQuestion.set(r.questionId, groups);
  }
  for (const [questionId, groups] of byQuestion) {
    const hidden = new Set([...groups].filter(([, n]) => n < threshold).map(([g]) => g));
    const open = [...groups].filter(([g]) => !hidden.has(g)).sort((a, b) => a[1] - b[1]);
    // Breakdown groups add up to the total: a lone suppressed group could be recovered from it.
    if (hidden.size === 1 && groups.size > 1 && open.length > 0) hidden.add(open[0][0]);
    for (const r of results) {
      if (r.questionId === questionId && hidden.has(r.breakdownGroup ?? '')) Object.assign(r, { respondents: null, count: null, share: null, suppressed: true });
    }
  }
}
