import { In } from 'typeorm';
import { loaderByGroup, loaderById, type RequestContext } from '@kommunenett/subgraph-kit';
import { Handbook } from '../entities/handbook.entity';
import { Edition } from '../entities/edition.entity';
import { EditionStatus } from '../entities/enums';
import { Chapter } from '../entities/chapter.entity';
import { Tool } from '../entities/tool.entity';
import { Recommendation } from '../entities/recommendation.entity';
import { RevisionProposal } from '../entities/revision-proposal.entity';
import { NetworkHandbook } from '../entities/network-handbook.entity';
import { editionVisibility, joinVisibleEdition, whereEditionVisible } from '../services/access';
import { proposalVisibility } from '../services/proposals';

// Handbooks themselves are public; what the viewer may see of them is decided per edition.
export const handbookById = (ctx: RequestContext) =>
  loaderById(ctx, 'handbookById', (ids) => ctx.ds.getRepository(Handbook).findBy({ id: In([...ids]) }));

export const handbookBySlug = (ctx: RequestContext) =>
  loaderById(ctx, 'handbookBySlug', async (slugs) => {
    const rows = await ctx.ds.getRepository(Handbook).findBy({ slug: In([...slugs]) });
    rows.forEach((h) => handbookById(ctx).prime(h.id, h));
    return rows;
  }, (h) => h.slug);

function visibleEditions(ctx: RequestContext) {
  const qb = ctx.ds.getRepository(Edition).createQueryBuilder('e').innerJoin(Handbook, 'h', 'h.id = e.handbook_id');
  whereEditionVisible(ctx, qb);
  return qb;
}

export const editionById = (ctx: RequestContext) =>
  loaderById(ctx, 'editionById', (ids) => visibleEditions(ctx).andWhere('e.id IN (:...ids)', { ids }).getMany());

/** The editions of a handbook the viewer may see, newest first. */
export const editionsByHandbook = (ctx: RequestContext) =>
  loaderByGroup(ctx, 'editionsByHandbook', async (handbookIds) => {
    const rows = await visibleEditions(ctx).andWhere('e.handbook_id IN (:...handbookIds)', { handbookIds }).orderBy('e.number', 'DESC').getMany();
    rows.forEach((e) => editionById(ctx).prime(e.id, e));
    return rows;
  }, (e) => e.handbookId);

export const chapterById = (ctx: RequestContext) =>
  loaderById(ctx, 'chapterById', (ids) => joinVisibleEdition(ctx, ctx.ds.getRepository(Chapter).createQueryBuilder('c'), 'c')
    .andWhere('c.id IN (:...ids)', { ids }).getMany());

/**
 * All chapters of an edition in one statement, in tree order of (parent, position): the whole
 * tree of an edition costs one query however deep it is. Callers reach editions only through
 * visible paths, so no visibility join is needed here.
 */
export const chaptersByEdition = (ctx: RequestContext) =>
  loaderByGroup(ctx, 'chaptersByEdition', async (editionIds) => {
    const rows = await ctx.ds.getRepository(Chapter).find({ where: { editionId: In([...editionIds]) }, order: { position: 'ASC', id: 'ASC' } });
    rows.forEach((c) => chapterById(ctx).prime(c.id, c));
    return rows;
  }, (c) => c.editionId);

export const toolById = (ctx: RequestContext) =>
  loaderById(ctx, 'toolById', (ids) => joinVisibleEdition(ctx, ctx.ds.getRepository(Tool).createQueryBuilder('t'), 't')
    .andWhere('t.id IN (:...ids)', { ids }).getMany());

export const toolsByEdition = (ctx: RequestContext) =>
  loaderByGroup(ctx, 'toolsByEdition', (editionIds) =>
    ctx.ds.getRepository(Tool).find({ where: { editionId: In([...editionIds]) }, order: { position: 'ASC', id: 'ASC' } }), (t) => t.editionId);

export const recommendationById = (ctx: RequestContext) =>
  loaderById(ctx, 'recommendationById', (ids) => ctx.ds.getRepository(Recommendation).findBy({ id: In([...ids]) }));

export const recommendationsByHandbook = (ctx: RequestContext) =>
  loaderByGroup(ctx, 'recommendationsByHandbook', (handbookIds) =>
    ctx.ds.getRepository(Recommendation).find({ where: { handbookId: In([...handbookIds]) }, order: { number: 'ASC' } }), (r) => r.handbookId);

/**
 * The columns of a chapter the tree, the anchors and the headings need; the text columns (the
 * body twice, as Markdown and as plain text, the summary, tags and note) are most of a chapter's
 * bytes. A request whose operation reads no text (see `readsChapterText`) gets chapters without them.
 */
const CHAPTER_OUTLINE_COLUMNS = ['id', 'editionId', 'slug', 'parentId', 'position', 'title', 'language', 'version', 'updatedAt'] as const;

/**
 * Each network's handbook with the editions the viewer may see, in one statement: the editions
 * (what `currentEdition` reads next) are primed, not read by a second statement after this one;
 * `withChapters` (the query asks for `currentEdition { chapters }`) brings the current edition's
 * chapters in the same statement too, without their text unless `withText`: the chapters are
 * primed for the whole request, so only a request that reads no chapter text anywhere may leave it out.
 */
export const handbookByNetwork = (ctx: RequestContext, withChapters = false, withText = true) =>
  loaderById(ctx, `handbookByNetwork:${withChapters}:${withText}`, async (networkIds) => {
    const rule = editionVisibility(ctx);
    const qb = ctx.ds.getRepository(Handbook).createQueryBuilder('h')
      .innerJoin(NetworkHandbook, 'l', 'l.handbook_id = h.id').addSelect('l.network_id::text', 'link_network_id')
      .leftJoinAndMapMany('h.visibleEditions', Edition, 'e', `e.handbook_id = h.id${rule ? ` AND ${rule.sql}` : ''}`, rule?.params)
      .where('l.network_id IN (:...networkIds)', { networkIds })
      .orderBy('e.number', 'DESC');
    // The current edition is the latest published one (published editions are visible to everyone).
    if (withChapters) {
      qb.leftJoinAndMapMany('e.currentChapters', Chapter, 'c', `c.edition_id = e.id AND e.id = (SELECT p.id FROM handbook.edition p
        WHERE p.handbook_id = h.id AND p.status = :publishedStatus ORDER BY p.number DESC LIMIT 1)`, { publishedStatus: EditionStatus.PUBLISHED });
      if (!withText) qb.select(['h', 'e', ...CHAPTER_OUTLINE_COLUMNS.map((c) => `c.${c}`)]).addSelect('l.network_id::text', 'link_network_id');
    }
    const { entities, raw } = await qb.getRawAndEntities<{ link_network_id: string; h_id: string }>();
    const byId = new Map<string, Handbook>();
    for (const h of entities as (Handbook & { visibleEditions?: (Edition & { currentChapters?: Chapter[] })[] })[]) {
      const editions = h.visibleEditions ?? [];
      delete h.visibleEditions;
      byId.set(h.id, h);
      handbookById(ctx).prime(h.id, h);
      editionsByHandbook(ctx).prime(h.id, editions);
      for (const e of editions) {
        editionById(ctx).prime(e.id, e);
        if (!withChapters) continue;
        const chapters = (e.currentChapters ?? []).sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        delete e.currentChapters;
        if (e.status !== EditionStatus.PUBLISHED || editions.find((x) => x.status === EditionStatus.PUBLISHED) !== e) continue;
        chaptersByEdition(ctx).prime(e.id, chapters);
        chapters.forEach((c) => chapterById(ctx).prime(c.id, c));
      }
    }
    const links = new Map(raw.map((r) => [r.link_network_id, r.h_id]));
    return [...links].map(([networkId, handbookId]) => ({ networkId, handbook: byId.get(handbookId)! }));
  }, (row) => row.networkId);

export const networkIdsByHandbook = (ctx: RequestContext) =>
  loaderByGroup(ctx, 'networkIdsByHandbook', (handbookIds) =>
    ctx.ds.getRepository(NetworkHandbook).find({ where: { handbookId: In([...handbookIds]) }, order: { networkId: 'ASC' } }), (l) => l.handbookId);

export const proposalById = (ctx: RequestContext) =>
  loaderById(ctx, 'proposalById', (ids) => proposalVisibility(ctx, ctx.ds.getRepository(RevisionProposal).createQueryBuilder('p'))
    .andWhere('p.id IN (:...ids)', { ids }).getMany());

/** Proposals accepted into an edition: what the networks contributed to it. */
export const proposalsAcceptedInto = (ctx: RequestContext) =>
  loaderByGroup(ctx, 'proposalsAcceptedInto', (editionIds) =>
    ctx.ds.getRepository(RevisionProposal).find({ where: { acceptedIntoEditionId: In([...editionIds]) }, order: { decidedAt: 'ASC', id: 'ASC' } }),
  (p) => p.acceptedIntoEditionId!);
