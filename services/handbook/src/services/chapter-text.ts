import { Kind, type GraphQLResolveInfo, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * Fields that read a chapter's text (its body, summary, tags or note), directly or, as `diff`, by
 * comparing chapters. Any field of any type with one of these names counts: a name shared with
 * another type only makes the check read the text when it need not.
 */
const CHAPTER_TEXT_FIELDS = new Set(['summary', 'bodyMarkdown', 'bodyHtml', 'tags', 'contentNote', 'diff']);

const answers = new WeakMap<OperationDefinitionNode, boolean>();

/**
 * Whether the operation selects, anywhere (through every fragment), a field that reads chapter
 * text. Decided once per operation document.
 */
export function readsChapterText(info: GraphQLResolveInfo): boolean {
  const known = answers.get(info.operation);
  if (known !== undefined) return known;
  const visited = new Set<string>();
  const reads = (set: SelectionSetNode | undefined): boolean => (set?.selections ?? []).some((s) => {
    if (s.kind === Kind.FIELD) return CHAPTER_TEXT_FIELDS.has(s.name.value) || reads(s.selectionSet);
    if (s.kind === Kind.INLINE_FRAGMENT) return reads(s.selectionSet);
    if (visited.has(s.name.value)) return false;
    visited.add(s.name.value);
    return reads(info.fragments[s.name.value]?.selectionSet);
  });
  const answer = reads(info.operation.selectionSet);
  answers.set(info.operation, answer);
  return answer;
}
