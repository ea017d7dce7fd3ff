import DataLoader from 'dataloader';
import type { RequestContext } from '@kommunenett/subgraph-kit';
import type { Handbook } from '../entities/handbook.entity';
import type { Edition } from '../entities/edition.entity';
import type { Chapter } from '../entities/chapter.entity';
import { AnchorResolution, EditionStatus, Language } from '../entities/enums';
import { chaptersByEdition, editionsByHandbook, handbookBySlug } from '../loaders';
import { parseAnchor } from './validation';

export interface ResolvedReference {
  anchor: string;
  resolution: AnchorResolution;
  handbook: Handbook | null;
  edition: Edition | null;
  chapter: Chapter | null;
  /** Edition in which the section was removed (the first published one without it). */
  removedIn: Edition | null;
  note: string | null;
}

interface HistoryRow {
  asked: string;
  handbook_id: string;
  last_number: number;
  depth: number;
  ancestor_slug: string;
}

/**
 * For sections missing from the current edition: the last published edition that had each one,
 * and the slugs of its ancestors there, nearest first. One statement for all anchors.
 */
async function sectionHistory(ctx: RequestContext, wanted: { handbookId: string; slug: string }[]): Promise<HistoryRow[]> {
  if (!wanted.length) return [];
  return (await ctx.ds.query(`
    WITH RECURSIVE last_seen AS (
      SELECT DISTINCT ON (e.handbook_id, c.slug) c.slug AS asked, e.handbook_id, e.number AS last_number, c.parent_id
      FROM handbook.chapter c
      JOIN handbook.edition e ON e.id = c.edition_id
      JOIN unnest($1::uuid[], $2::text[]) AS w(handbook_id, slug) ON w.handbook_id = e.handbook_id AND w.slug = c.slug
      WHERE e.status <> 'DRAFT'
      ORDER BY e.handbook_id, c.slug, e.number DESC
    ), chain AS (
      SELECT asked, handbook_id, last_number, parent_id, 0 AS depth, NULL::text AS ancestor_slug FROM last_seen
      UNION ALL
      SELECT ch.asked, ch.handbook_id, ch.last_number, p.parent_id, ch.depth + 1, p.slug
      FROM chain ch JOIN handbook.chapter p ON p.id = ch.parent_id
    )
    SELECT asked, handbook_id, last_number, depth, ancestor_slug FROM chain ORDER BY handbook_id, asked, depth`,
  [wanted.map((w) => w.handbookId), wanted.map((w) => w.slug)])) as HistoryRow[];
}

function noteFor(language: Language, anchor: string, nearest: Chapter | null, removedIn: Edition | null): string {
  const edition = removedIn ? ` (${removedIn.title})` : '';
  if (language === Language.sv) {
    return nearest
      ? `Avsnittet ”${anchor}” finns inte längre${edition}; hänvisningen leder till närmaste kvarvarande avsnitt, ”${nearest.title}”.`
      : `Avsnittet ”${anchor}” finns inte längre${edition}; hänvisningen leder till handboken som helhet.`;
  }
  return nearest
    ? `Avsnittet «${anchor}» finnes ikke lenger${edition}; henvisningen viser til nærmeste gjenværende avsnitt, «${nearest.title}».`
    : `Avsnittet «${anchor}» finnes ikke lenger${edition}; henvisningen viser til håndboken som helhet.`;
}

/**
 * Resolves anchors such as "beskytt-kommunen/verdier-holdninger-og-kultur" against each
 * handbook's current published edition. A section that was removed resolves to its nearest
 * surviving ancestor (or to the handbook) and says so. A fixed number of statements per batch.
 */
async function resolveAnchors(ctx: RequestContext, anchors: readonly string[]): Promise<ResolvedReference[]> {
  const parsed = anchors.map(parseAnchor);
  const handbooks = await handbookBySlug(ctx).loadMany([...new Set(parsed.flatMap((p) => (p ? [p.handbookSlug] : [])))]);
  const bySlug = new Map(handbooks.flatMap((h) => (h && !(h instanceof Error) ? [[h.slug, h] as const] : [])));
  const editionLists = await Promise.all([...bySlug.values()].map((h) => editionsByHandbook(ctx).load(h.id)));
  const current = new Map(editionLists.flatMap((list) => list.filter((e) => e.status === EditionStatus.PUBLISHED).map((e) => [e.handbookId, e] as const)));
  const editionsOf = new Map(editionLists.map((list) => [list[0]?.handbookId, list] as const));
  const chapterLists = await Promise.all([...current.values()].map((e) => chaptersByEdition(ctx).load(e.id)));
  const currentChapters = new Map([...current.values()].map((e, i) => [e.id, new Map(chapterLists[i].map((c) => [c.slug, c]))]));

  const missing = parsed.flatMap((p) => {
    const handbook = p && bySlug.get(p.handbookSlug);
    const edition = handbook && current.get(handbook.id);
    return handbook && edition && !currentChapters.get(edition.id)!.has(p.slug) ? [{ handbookId: handbook.id, slug: p.slug }] : [];
  });
  const history = await sectionHistory(ctx, missing);

  return anchors.map((anchor, i): ResolvedReference => {
    const p = parsed[i];
    const handbook = (p && bySlug.get(p.handbookSlug)) ?? null;
    const edition = (handbook && current.get(handbook.id)) ?? null;
    const base = { anchor, handbook, edition, chapter: null, removedIn: null, note: null };
    if (!p || !handbook || !edition) return { ...base, resolution: AnchorResolution.UNKNOWN };
    const chapters = currentChapters.get(edition.id)!;
    const exact = chapters.get(p.slug);
    if (exact) return { ...base, resolution: AnchorResolution.EXACT, chapter: exact };
    const rows = history.filter((r) => r.handbook_id === handbook.id && r.asked === p.slug);
    if (!rows.length) return { ...base, resolution: AnchorResolution.UNKNOWN };
    const nearest = rows.filter((r) => r.ancestor_slug).map((r) => chapters.get(r.ancestor_slug)).find(Boolean) ?? null;
    const removedIn = editionsOf.get(handbook.id)?.find((e) => e.number === rows[0].last_number + 1 && e.status !== EditionStatus.DRAFT) ?? null;
    return {
      ...base, chapter: nearest, removedIn,
      resolution: nearest ? AnchorResolution.NEAREST_SECTION : AnchorResolution.HANDBOOK,
      note: noteFor(handbook.language, anchor, nearest, removedIn),
    };
  });
}

/** Per request: all anchors asked for in one operation (e.g. by every agenda item) resolve in one batch. */
export const referenceByAnchor = (ctx: RequestContext) =>
  ctx.loaders.get('referenceByAnchor', () => new DataLoader<string, ResolvedReference>((anchors) => resolveAnchors(ctx, anchors), { maxBatchSize: 1000 }));
