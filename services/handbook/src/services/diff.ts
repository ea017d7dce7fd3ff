import { createTwoFilesPatch, diffWords } from 'diff';
import type { Chapter } from '../entities/chapter.entity';
import { DiffPartKind } from '../entities/enums';
import { outlineOf } from './tree';

export interface ChapterChangeValue {
  anchorSlug: string;
  before: Chapter;
  after: Chapter;
  fields: string[];
  /** Unified diff of the Markdown body; null when the body did not change. */
  bodyPatch: string | null;
  bodyParts: { kind: DiffPartKind; text: string }[];
}

export interface EditionDiffValue {
  added: Chapter[];
  removed: Chapter[];
  changed: ChapterChangeValue[];
  unchangedCount: number;
}

const sameTags = (a: string[], b: string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

/**
 * What changed from one edition's chapters to another's, section by section (sections are the
 * same when their anchor is): added, removed, and changed with the fields and a text diff.
 */
export function diffChapters(from: readonly Chapter[], to: readonly Chapter[]): EditionDiffValue {
  const fromOutline = outlineOf(from);
  const toOutline = outlineOf(to);
  const fromBySlug = new Map(from.map((c) => [c.slug, c]));
  const toBySlug = new Map(to.map((c) => [c.slug, c]));
  const fromById = new Map(from.map((c) => [c.id, c]));
  const toById = new Map(to.map((c) => [c.id, c]));
  const added = toOutline.ordered.filter((c) => !fromBySlug.has(c.slug));
  const removed = fromOutline.ordered.filter((c) => !toBySlug.has(c.slug));
  const changed: ChapterChangeValue[] = [];
  let unchangedCount = 0;
  for (const after of toOutline.ordered) {
    const before = fromBySlug.get(after.slug);
    if (!before) continue;
    const fields: string[] = [];
    if (before.title !== after.title) fields.push('title');
    if ((before.summary ?? '') !== (after.summary ?? '')) fields.push('summary');
    if (before.bodyMarkdown !== after.bodyMarkdown) fields.push('body');
    if (!sameTags(before.tags, after.tags)) fields.push('tags');
    const parentBefore = before.parentId ? fromById.get(before.parentId)?.slug ?? null : null;
    const parentAfter = after.parentId ? toById.get(after.parentId)?.slug ?? null : null;
    if (parentBefore !== parentAfter || fromOutline.place.get(before.id)?.number !== toOutline.place.get(after.id)?.number) fields.push('position');
    if (!fields.length) {
      unchangedCount += 1;
      continue;
    }
    const bodyChanged = fields.includes('body');
    changed.push({
      anchorSlug: after.slug, before, after, fields,
      bodyPatch: bodyChanged ? createTwoFilesPatch(`${after.slug} (før)`, `${after.slug} (etter)`, withNewline(before.bodyMarkdown), withNewline(after.bodyMarkdown)) : null,
      bodyParts: bodyChanged
        ? diffWords(before.bodyMarkdown, after.bodyMarkdown).map((part) => ({
          kind: part.added ? DiffPartKind.ADDED : part.removed ? DiffPartKind.REMOVED : DiffPartKind.UNCHANGED, text: part.value,
        }))
        : [],
    });
  }
  return { added, removed, changed, unchangedCount };
}

const withNewline = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
