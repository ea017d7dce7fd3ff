import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EntityManager } from 'typeorm';
import { refuse, refuseAll, runMutation, type Outcome, type RequestContext } from '@kommunenett/subgraph-kit';
import { Handbook } from '../entities/handbook.entity';
import { Edition } from '../entities/edition.entity';
import { Chapter } from '../entities/chapter.entity';
import { EditionStatus } from '../entities/enums';
import { requireEditor } from './access';
import { markdownToText } from './markdown';
import { subtreeIds } from './tree';
import {
  checkMarkup, expectedVersionSchema, idSchema, markdownSchema, slugSchema, summarySchema, tagsSchema, titleSchema, todayInOslo,
} from './validation';

/** The edition (locked for the rest of the transaction) with its handbook, after the editor check. */
async function lockEdition(ctx: RequestContext, m: EntityManager, editionId: string, field: string): Promise<{ edition: Edition; handbook: Handbook }> {
  const edition = await m.getRepository(Edition).findOne({ where: { id: editionId }, lock: { mode: 'pessimistic_write' } });
  const handbook = edition && (await m.getRepository(Handbook).findOneBy({ id: edition.handbookId }));
  if (!edition || !handbook) refuse(field, `Edition ${editionId} was not found.`, 'NOT_FOUND');
  if (edition.status === EditionStatus.DRAFT) requireEditor(ctx.viewer, handbook);
  return { edition, handbook };
}

/**
 * Moves a draft edition's version: any change inside it (a chapter's text, place, a new or removed
 * chapter, an accepted proposal) is a change of the edition, so that publishing with the version
 * the editor last saw refuses an edition changed since.
 */
export async function touchDraftEdition(m: EntityManager, editionId: string): Promise<void> {
  await m.query('UPDATE handbook.edition SET version = version + 1, updated_at = now() WHERE id = $1', [editionId]);
}

async function lockDraftEdition(ctx: RequestContext, m: EntityManager, editionId: string, field: string) {
  const found = await lockEdition(ctx, m, editionId, field);
  requireEditor(ctx.viewer, found.handbook);
  if (found.edition.status !== EditionStatus.DRAFT) {
    refuse(field, `Edition ${found.edition.number} is ${found.edition.status.toLowerCase()} and cannot be changed; create a draft edition to revise it.`, 'EDITION_IMMUTABLE');
  }
  return found;
}

/** A chapter of a draft edition, its edition locked, its version checked. */
async function lockDraftChapter(ctx: RequestContext, m: EntityManager, chapterId: string, expectedVersion: number) {
  const chapter = await m.getRepository(Chapter).findOneBy({ id: chapterId });
  if (!chapter) refuse('chapterId', `Chapter ${chapterId} was not found.`, 'NOT_FOUND');
  const found = await lockDraftEdition(ctx, m, chapter.editionId, 'chapterId');
  if (chapter.version !== expectedVersion) {
    refuse('expectedVersion', `The chapter is at version ${chapter.version}, not ${expectedVersion}: someone changed it meanwhile.`, 'STALE_VERSION');
  }
  return { chapter, ...found };
}

const createDraftSchema = z.object({
  handbookSlug: slugSchema,
  title: titleSchema.nullish(),
  notes: z.string().trim().max(5000).nullish(),
});

/** A new draft edition, a copy of the latest edition's chapters and tools. */
export function createDraftEdition(ctx: RequestContext, input: unknown): Promise<Outcome<Edition>> {
  return runMutation(ctx, { input, schema: createDraftSchema }, async ({ handbookSlug, title, notes }, m) => {
    const handbook = await m.getRepository(Handbook).findOne({ where: { slug: handbookSlug }, lock: { mode: 'pessimistic_write' } });
    if (!handbook) refuse('handbookSlug', `No handbook "${handbookSlug}".`, 'NOT_FOUND');
    requireEditor(ctx.viewer, handbook);
    const editions = await m.getRepository(Edition).find({ where: { handbookId: handbook.id }, order: { number: 'DESC' } });
    const draft = editions.find((e) => e.status === EditionStatus.DRAFT);
    if (draft) refuse('handbookSlug', `Edition ${draft.number} is already a draft; revise it or publish it first.`, 'DRAFT_EXISTS');
    const latest = editions[0] ?? null;
    const number = (latest?.number ?? 0) + 1;
    const edition = m.getRepository(Edition).create({
      id: randomUUID(), handbookId: handbook.id, number, title: title ?? `${number}. utgave`, status: EditionStatus.DRAFT,
      publishedOn: null, notes: notes ?? null, basedOnId: latest?.id ?? null,
    });
    await m.getRepository(Edition).insert(edition);
    if (latest) {
      // New ids, the same tree: parents are mapped through the id pairs.
      await m.query(`
        WITH pairs AS MATERIALIZED (SELECT id AS old_id, gen_random_uuid() AS new_id FROM handbook.chapter WHERE edition_id = $1)
        INSERT INTO handbook.chapter (id, edition_id, slug, parent_id, position, title, summary, body_markdown, body_text, tags, language, content_note)
        SELECT p.new_id, $2, c.slug, pp.new_id, c.position, c.title, c.summary, c.body_markdown, c.body_text, c.tags, c.language, c.content_note
        FROM handbook.chapter c JOIN pairs p ON p.old_id = c.id LEFT JOIN pairs pp ON pp.old_id = c.parent_id`, [latest.id, edition.id]);
      await m.query(`
        INSERT INTO handbook.tool (id, edition_id, slug, name, kind, purpose, steps, chapter_slug, position, content_note)
        SELECT gen_random_uuid(), $2, slug, name, kind, purpose, steps, chapter_slug, position, content_note
        FROM handbook.tool WHERE edition_id = $1`, [latest.id, edition.id]);
    }
    return m.getRepository(Edition).findOneByOrFail({ id: edition.id });
  });
}

const publishSchema = z.object({
  editionId: idSchema,
  expectedVersion: expectedVersionSchema,
  publishedOn: z.iso.date().nullish(),
});

/** Publishes a draft: it becomes the current edition, and the previous one is superseded. */
export function publishEdition(ctx: RequestContext, input: unknown): Promise<Outcome<{ edition: Edition; superseded: Edition | null }>> {
  return runMutation(ctx, { input, schema: publishSchema }, async ({ editionId, expectedVersion, publishedOn }, m) => {
    const { edition } = await lockDraftEdition(ctx, m, editionId, 'editionId');
    if (edition.version !== expectedVersion) refuse('expectedVersion', `The edition is at version ${edition.version}, not ${expectedVersion}.`, 'STALE_VERSION');
    if ((await m.getRepository(Chapter).countBy({ editionId })) === 0) refuse('editionId', 'An edition without chapters cannot be published.', 'EMPTY_EDITION');
    const current = await m.getRepository(Edition).findOne({ where: { handbookId: edition.handbookId, status: EditionStatus.PUBLISHED }, lock: { mode: 'pessimistic_write' } });
    // Supersede first: a handbook has one current edition at a time.
    if (current) await m.getRepository(Edition).update({ id: current.id }, { status: EditionStatus.SUPERSEDED });
    await m.getRepository(Edition).update({ id: edition.id }, { status: EditionStatus.PUBLISHED, publishedOn: publishedOn ?? todayInOslo() });
    return {
      edition: await m.getRepository(Edition).findOneByOrFail({ id: edition.id }),
      superseded: current ? await m.getRepository(Edition).findOneByOrFail({ id: current.id }) : null,
    };
  });
}

const updateChapterSchema = z.object({
  chapterId: idSchema,
  expectedVersion: expectedVersionSchema,
  title: titleSchema.nullish(),
  summary: summarySchema,
  bodyMarkdown: markdownSchema.nullish(),
  tags: tagsSchema.nullish(),
});

export function updateChapter(ctx: RequestContext, input: unknown): Promise<Outcome<Chapter>> {
  const prepare = async (v: { bodyMarkdown?: string | null }) => refuseAll(checkMarkup('bodyMarkdown', v.bodyMarkdown));
  return runMutation(ctx, { input, schema: updateChapterSchema, prepare }, async ({ chapterId, expectedVersion, title, summary, bodyMarkdown, tags }, m) => {
    const { chapter } = await lockDraftChapter(ctx, m, chapterId, expectedVersion);
    const changes: Partial<Chapter> = {};
    if (title) changes.title = title;
    if (summary !== undefined) changes.summary = summary || null;
    if (tags) changes.tags = tags;
    if (bodyMarkdown !== undefined && bodyMarkdown !== null) {
      changes.bodyMarkdown = bodyMarkdown;
      changes.bodyText = markdownToText(bodyMarkdown);
    }
    if (Object.keys(changes).length) {
      await m.getRepository(Chapter).update({ id: chapter.id }, changes);
      await touchDraftEdition(m, chapter.editionId);
    }
    return m.getRepository(Chapter).findOneByOrFail({ id: chapter.id });
  });
}

/** Applies a new body to a draft chapter (for an accepted proposal). */
export async function replaceChapterBody(m: EntityManager, chapterId: string, bodyMarkdown: string): Promise<void> {
  await m.getRepository(Chapter).update({ id: chapterId }, { bodyMarkdown, bodyText: markdownToText(bodyMarkdown) });
}

const addChapterSchema = z.object({
  editionId: idSchema,
  parentId: idSchema.nullish(),
  position: z.number().int().min(1).nullish(),
  slug: slugSchema,
  title: titleSchema,
  summary: summarySchema,
  bodyMarkdown: markdownSchema,
  tags: tagsSchema.nullish(),
});

async function siblingCount(m: EntityManager, editionId: string, parentId: string | null, exceptId?: string): Promise<number> {
  const [{ n }] = (await m.query(
    'SELECT count(*)::int AS n FROM handbook.chapter WHERE edition_id = $1 AND parent_id IS NOT DISTINCT FROM $2 AND id IS DISTINCT FROM $3',
    [editionId, parentId, exceptId ?? null])) as { n: number }[];
  return n;
}

/** Makes room at `position` among the children of `parentId`. */
async function openGap(m: EntityManager, editionId: string, parentId: string | null, position: number): Promise<void> {
  await m.query('UPDATE handbook.chapter SET position = position + 1 WHERE edition_id = $1 AND parent_id IS NOT DISTINCT FROM $2 AND position >= $3',
    [editionId, parentId, position]);
}

/** Closes the gap a chapter left at `position`. */
async function closeGap(m: EntityManager, editionId: string, parentId: string | null, position: number): Promise<void> {
  await m.query('UPDATE handbook.chapter SET position = position - 1 WHERE edition_id = $1 AND parent_id IS NOT DISTINCT FROM $2 AND position > $3',
    [editionId, parentId, position]);
}

async function requireParentIn(m: EntityManager, editionId: string, parentId: string | null | undefined): Promise<void> {
  if (!parentId) return;
  const parent = await m.getRepository(Chapter).findOneBy({ id: parentId, editionId });
  if (!parent) refuse('parentId', 'The parent chapter is not in the same edition.', 'INVALID_PARENT');
}

export function addChapter(ctx: RequestContext, input: unknown): Promise<Outcome<Chapter>> {
  const prepare = async (v: { bodyMarkdown: string }) => refuseAll(checkMarkup('bodyMarkdown', v.bodyMarkdown));
  return runMutation(ctx, { input, schema: addChapterSchema, prepare }, async (v, m) => {
    const { handbook } = await lockDraftEdition(ctx, m, v.editionId, 'editionId');
    await requireParentIn(m, v.editionId, v.parentId);
    if (await m.getRepository(Chapter).existsBy({ editionId: v.editionId, slug: v.slug })) {
      refuse('slug', `The anchor "${handbook.slug}/${v.slug}" is already used in this edition.`, 'DUPLICATE_ANCHOR');
    }
    const parentId = v.parentId ?? null;
    const last = (await siblingCount(m, v.editionId, parentId)) + 1;
    const position = Math.min(v.position ?? last, last);
    await openGap(m, v.editionId, parentId, position);
    const id = randomUUID();
    await m.getRepository(Chapter).insert({
      id, editionId: v.editionId, slug: v.slug, parentId, position, title: v.title, summary: v.summary || null,
      bodyMarkdown: v.bodyMarkdown, bodyText: markdownToText(v.bodyMarkdown), tags: v.tags ?? [], language: handbook.language, contentNote: null,
    });
    await touchDraftEdition(m, v.editionId);
    return m.getRepository(Chapter).findOneByOrFail({ id });
  });
}

const moveChapterSchema = z.object({
  chapterId: idSchema,
  expectedVersion: expectedVersionSchema,
  parentId: idSchema.nullish(),
  position: z.number().int().min(1).nullish(),
});

/** Moves a chapter under another parent (or to the top level) at a position; never under itself. */
export function moveChapter(ctx: RequestContext, input: unknown): Promise<Outcome<Chapter>> {
  return runMutation(ctx, { input, schema: moveChapterSchema }, async ({ chapterId, expectedVersion, position, parentId: newParent }, m) => {
    const parentId = newParent ?? null;
    const { chapter } = await lockDraftChapter(ctx, m, chapterId, expectedVersion);
    await requireParentIn(m, chapter.editionId, parentId);
    if (parentId) {
      const tree = await m.getRepository(Chapter).find({ where: { editionId: chapter.editionId }, select: { id: true, parentId: true, position: true } });
      if (subtreeIds(tree, chapter.id).has(parentId)) {
        refuse('parentId', 'A chapter cannot be moved under itself or one of its own subsections.', 'CYCLE');
      }
    }
    await closeGap(m, chapter.editionId, chapter.parentId, chapter.position);
    const last = (await siblingCount(m, chapter.editionId, parentId, chapter.id)) + 1;
    const target = Math.min(position ?? last, last);
    await openGap(m, chapter.editionId, parentId, target);
    await m.getRepository(Chapter).update({ id: chapter.id }, { parentId, position: target });
    await touchDraftEdition(m, chapter.editionId);
    return m.getRepository(Chapter).findOneByOrFail({ id: chapter.id });
  });
}

const removeChapterSchema = z.object({ chapterId: idSchema, expectedVersion: expectedVersionSchema });

export function removeChapter(ctx: RequestContext, input: unknown): Promise<Outcome<Edition>> {
  return runMutation(ctx, { input, schema: removeChapterSchema }, async ({ chapterId, expectedVersion }, m) => {
    const { chapter, edition } = await lockDraftChapter(ctx, m, chapterId, expectedVersion);
    if (await m.getRepository(Chapter).existsBy({ parentId: chapter.id })) {
      refuse('chapterId', 'The chapter has subsections; move or remove them first.', 'HAS_SUBSECTIONS');
    }
    await m.getRepository(Chapter).delete({ id: chapter.id });
    await closeGap(m, chapter.editionId, chapter.parentId, chapter.position);
    await touchDraftEdition(m, edition.id);
    // The payload shows the edition as changed: its version is the one publishEdition expects.
    return m.getRepository(Edition).findOneByOrFail({ id: edition.id });
  });
}
