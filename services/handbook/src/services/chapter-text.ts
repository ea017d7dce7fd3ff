import type { GraphQLResolveInfo, OperationDefinitionNode } from 'graphql';
import { operationSelectsAny } from '@kommunenett/subgraph-kit';

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
  let answer = answers.get(info.operation);
  if (answer === undefined) {
    answer = operationSelectsAny(info, CHAPTER_TEXT_FIELDS);
    answers.set(info.operation, answer);
  }
  return answer;
}
