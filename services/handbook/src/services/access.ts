import type { SelectQueryBuilder, WhereExpressionBuilder } from 'typeorm';
import { forbidden, isAdmin, unauthenticated, type RequestContext } from '@kommunenett/subgraph-kit';
import type { Viewer } from '@kommunenett/auth';
import { Handbook } from '../entities/handbook.entity';
import { Edition } from '../entities/edition.entity';
import { EditionStatus } from '../entities/enums';

/** Editors of a handbook: ADMIN, and ORG_ADMINs of one of its publishers. */
export function isEditor(viewer: Viewer, handbook: Pick<Handbook, 'publisherIds'>): boolean {
  return isAdmin(viewer) || (viewer.role === 'ORG_ADMIN' && !!viewer.organizationId && handbook.publisherIds.includes(viewer.organizationId));
}

export function requireEditor(viewer: Viewer, handbook: Pick<Handbook, 'publisherIds'>): void {
  if (viewer.kind === 'anonymous') throw unauthenticated();
  if (!isEditor(viewer, handbook)) throw forbidden('Only the handbook’s editors (administrators of a publisher) may do this.');
}

/**
 * Adds the rule "published editions for everyone, drafts for the handbook's editors" to a query
 * that has the edition as `editionAlias` and its handbook as `handbookAlias`.
 */
export function whereEditionVisible(ctx: RequestContext, w: WhereExpressionBuilder, editionAlias = 'e', handbookAlias = 'h'): void {
  const rule = editionVisibility(ctx, editionAlias, handbookAlias);
  if (rule) w.andWhere(rule.sql, rule.params);
}

/** The same rule as a condition (for a join's ON); null when the viewer sees every edition. */
export function editionVisibility(ctx: RequestContext, editionAlias = 'e', handbookAlias = 'h'): { sql: string; params: Record<string, unknown> } | null {
  const v = ctx.viewer;
  if (isAdmin(v)) return null;
  const editor = v.role === 'ORG_ADMIN' && v.organizationId;
  return {
    sql: `(${editionAlias}.status <> :draftStatus${editor ? ` OR :editorOrg = ANY(${handbookAlias}.publisher_ids)` : ''})`,
    params: { draftStatus: EditionStatus.DRAFT, ...(editor && { editorOrg: v.organizationId }) },
  };
}

/** Narrows a query over chapters or tools (alias `rowAlias`) to the editions the viewer may see. */
export function joinVisibleEdition<T extends object>(ctx: RequestContext, qb: SelectQueryBuilder<T>, rowAlias: string): SelectQueryBuilder<T> {
  qb.innerJoin(Edition, 'e', `e.id = ${rowAlias}.edition_id`).innerJoin(Handbook, 'h', 'h.id = e.handbook_id');
  whereEditionVisible(ctx, qb);
  return qb;
}
