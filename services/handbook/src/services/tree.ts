import type { Chapter } from '../entities/chapter.entity';

type TreeNode = Pick<Chapter, 'id' | 'parentId' | 'position'>;

export interface Outline<T extends TreeNode> {
  /** Chapters depth-first, in reading order. */
  ordered: T[];
  /** Section number ("2.1") and depth (0 for top-level) of each chapter. */
  place: Map<string, { number: string; depth: number }>;
  children: Map<string | null, T[]>;
}

const outlines = new WeakMap<object, Outline<TreeNode>>();

/** The tree of one edition's chapters; computed once per loaded list. */
export function outlineOf<T extends TreeNode>(chapters: readonly T[]): Outline<T> {
  const cached = outlines.get(chapters);
  if (cached) return cached as Outline<T>;
  const children = new Map<string | null, T[]>();
  for (const c of chapters) {
    const list = children.get(c.parentId) ?? [];
    list.push(c);
    children.set(c.parentId, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  const ordered: T[] = [];
  const place = new Map<string, { number: string; depth: number }>();
  const walk = (parentId: string | null, prefix: string, depth: number) => {
    (children.get(parentId) ?? []).forEach((c, i) => {
      const number = `${prefix}${i + 1}`;
      place.set(c.id, { number, depth });
      ordered.push(c);
      walk(c.id, `${number}.`, depth + 1);
    });
  };
  walk(null, '', 0);
  const outline = { ordered, place, children };
  outlines.set(chapters, outline);
  return outline;
}

/** Ids of a chapter and everything below it. */
export function subtreeIds(chapters: readonly TreeNode[], rootId: string): Set<string> {
  const { children } = outlineOf(chapters);
  const ids = new Set<string>([rootId]);
  const stack = [rootId];
  while (stack.length) for (const child of children.get(stack.pop()!) ?? []) if (!ids.has(child.id)) { ids.add(child.id); stack.push(child.id); }
  return ids;
}
