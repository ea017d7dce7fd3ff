import { badInput, decodeCursor, encodeCursor, isAdmin, pageSize, PageInfo, type Connection, type RequestContext } from '@kommunenett/subgraph-kit';
import { Language } from '../entities/enums';
import { HIGHLIGHT_END, HIGHLIGHT_START, highlightToHtml } from './markdown';

/**
 * Text search configuration and indexed-language predicate per language (one GIN index each).
 * Nynorsk and bokmål share the Norwegian stemmer, which reduces the inflections of both; where
 * the two use different words (tilsett/ansatt), `equivalents` rewrites the query through
 * handbook.search_equivalent so each finds the other (migration 1734000000000-nynorsk-search).
 */
const SEARCH_LANGUAGES: Record<Language, { config: string; languages: string; equivalents: boolean }> = {
  [Language.nb]: { config: 'norwegian', languages: "('nb', 'nn')", equivalents: true },
  [Language.nn]: { config: 'norwegian', languages: "('nb', 'nn')", equivalents: true },
  [Language.sv]: { config: 'swedish', languages: "('sv')", equivalents: false },
  [Language.en]: { config: 'english', languages: "('en')", equivalents: false },
};

export const MAX_QUERY_LENGTH = 200;

export interface SearchScope {
  handbookSlug?: string | null;
  /** Editors' drafts too (only of the handbooks the viewer edits). */
  includeDrafts: boolean;
  /** The organization whose handbooks' drafts the viewer may search; `true` for all. */
  draftsOf: string | true | null;
}

/**
 * The search statement. The query text is a parameter; the configuration and the language
 * predicate come from the table above, so the planner sees the partial GIN index's predicate.
 */
export function searchStatement(language: Language, query: string, scope: SearchScope, limit: number, offset: number): { sql: string; params: unknown[] } {
  const { config, languages, equivalents } = SEARCH_LANGUAGES[language];
  const typed = `websearch_to_tsquery('${config}', $1)`;
  // ts_rewrite reads a table, so it is volatile: as a scalar subquery it runs once and the GIN index still applies.
  const tsquery = equivalents ? `(SELECT ts_rewrite(${typed}, 'SELECT target, substitute FROM handbook.search_equivalent'))` : typed;
  const params: unknown[] = [query, limit, offset];
  const where = [`c.language IN ${languages}`, `c.search_document @@ ${tsquery}`];
  const editions = [`e.status = 'PUBLISHED'`];
  if (scope.includeDrafts && scope.draftsOf === true) editions.push(`e.status = 'DRAFT'`);
  else if (scope.includeDrafts && scope.draftsOf) {
    params.push(scope.draftsOf);
    editions.push(`(e.status = 'DRAFT' AND $${params.length} = ANY(h.publisher_ids))`);
  }
  where.push(`(${editions.join(' OR ')})`);
  if (scope.handbookSlug) {
    params.push(scope.handbookSlug);
    where.push(`h.slug = $${params.length}`);
  }
  const headline = (column: string, options: string) =>
    `ts_headline('${config}', ${column}, ${tsquery}, 'StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, ${options}')`;
  const sql = `
    SELECT hit.id, hit.edition_id, hit.rank, hit.total,
           ${headline('c.title', 'HighlightAll=true')} AS title_highlight,
           ${headline('c.body_text', 'MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "')} AS snippet
    FROM (
      SELECT c.id, c.edition_id, ts_rank_cd(c.search_document, ${tsquery}) AS rank, (c.language = '${language}') AS own_language, count(*) OVER () AS total
      FROM handbook.chapter c
      JOIN handbook.edition e ON e.id = c.edition_id
      JOIN handbook.handbook h ON h.id = e.handbook_id
      WHERE ${where.join(' AND ')}
      ORDER BY own_language DESC, rank DESC, c.id
      LIMIT $2 OFFSET $3
    ) hit
    JOIN handbook.chapter c ON c.id = hit.id
    ORDER BY hit.own_language DESC, hit.rank DESC, hit.id`;
  return { sql, params };
}

export interface SearchHit {
  chapterId: string;
  editionId: string;
  rank: number;
  titleHighlight: string;
  snippet: string;
}

/** Ranked full-text search over chapters, a page at a time (the cursor is the offset). */
export async function searchHandbook(
  ctx: RequestContext,
  args: { query: string; language: Language; handbookSlug?: string | null; includeDrafts?: boolean | null; first?: number | null; after?: string | null },
): Promise<Connection<SearchHit>> {
  const query = args.query.trim();
  if (!query) throw badInput('The search query is empty.', 'query');
  if (query.length > MAX_QUERY_LENGTH) throw badInput(`The search query is longer than ${MAX_QUERY_LENGTH} characters.`, 'query');
  if (!SEARCH_LANGUAGES[args.language]) throw badInput('Search supports the languages nb, nn, sv and en.', 'language');
  const first = pageSize(args.first);
  const [offset] = (decodeCursor(args.after, 1) ?? [0]) as number[];
  if (!Number.isInteger(offset) || offset < 0) throw badInput('The cursor is not valid for this list.', 'after');
  const v = ctx.viewer;
  const draftsOf = isAdmin(v) ? true : v.role === 'ORG_ADMIN' ? v.organizationId : null;
  const { sql, params } = searchStatement(args.language, query, { handbookSlug: args.handbookSlug, includeDrafts: Boolean(args.includeDrafts), draftsOf }, first + 1, offset);
  const rows = first === 0 && offset === 0
    ? []
    : ((await ctx.ds.query(sql, params)) as { id: string; edition_id: string; rank: number; total: string; title_highlight: string; snippet: string }[]);
  let totalCount = rows.length ? Number(rows[0].total) : 0;
  if (!rows.length && (offset > 0 || first === 0)) {
    // Past the last page (or an empty page asked for): count on its own.
    const counted = searchStatement(args.language, query, { handbookSlug: args.handbookSlug, includeDrafts: Boolean(args.includeDrafts), draftsOf }, 1, 0);
    const [row] = (await ctx.ds.query(counted.sql, counted.params)) as { total: string }[];
    totalCount = row ? Number(row.total) : 0;
  }
  const page = rows.slice(0, first);
  const pageInfo = new PageInfo();
  pageInfo.hasNextPage = rows.length > first;
  pageInfo.hasPreviousPage = offset > 0;
  const edges = page.map((r, i) => ({
    cursor: encodeCursor([offset + i + 1]),
    node: { chapterId: r.id, editionId: r.edition_id, rank: Number(r.rank), titleHighlight: highlightToHtml(r.title_highlight), snippet: highlightToHtml(r.snippet) },
  }));
  pageInfo.startCursor = edges[0]?.cursor ?? null;
  pageInfo.endCursor = edges[edges.length - 1]?.cursor ?? null;
  return { edges, pageInfo, totalCount };
}
