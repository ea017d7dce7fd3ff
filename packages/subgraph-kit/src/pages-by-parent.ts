import DataLoader from 'dataloader';
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from './context';
import { decodeCursor, pageSize, toConnection, type Connection, type KeysetColumn } from './pagination';

/** How the pages of a nested connection (one per parent: a network's reports, a session's attendance) are read. */
export interface PagesByParentSpec<T extends ObjectLiteral> {
  /**
   * The rows of all the given parents, filtered as the field asks and as the viewer may see them.
   * It yields one row per node (it may join to-one, or group to one row per node).
   */
  query: (parents: readonly string[]) => SelectQueryBuilder<T>;
  /** SQL of the parent's id in that query, e.g. `r.network_id`. */
  parentSql: string;
  parentOf: (row: T) => string;
  /** The order of a page: ascending, its last columns unique within a parent (descending orders negate or use an expression). */
  order: KeysetColumn<T>[];
  /** SQL of the columns that identify a node, e.g. `['a.session_id', 'a.person_id']`. */
  identitySql: string[];
  /** What counts the nodes of a parent (default `count(*)`; `count(DISTINCT …)` for a grouped query). */
  countSql?: string;
  /** Reads the page's rows (default: the entities, `getMany()`; `getRawMany()` for a query of plain columns). */
  fetch?: (qb: SelectQueryBuilder<T>) => Promise<T[]>;
}

/**
 * The same page of a nested connection for every parent of a request, batched: one statement
 * for all parents' pages (a window `row_number() OVER (PARTITION BY parent)` picks each parent's
 * first rows after the cursor), and one more for all parents' totals only when a client selects
 * `totalCount`. So a list of 100 networks with a page of reports each costs what one network
 * costs. `name` names the field and its arguments (the loader is shared by equal arguments).
 */
export function pagesByParent<T extends ObjectLiteral>(
  ctx: RequestContext, name: string, spec: PagesByParentSpec<T>, args: { first?: number | null; after?: string | null },
): DataLoader<string, Connection<T>> {
  const first = pageSize(args.first);
  const after = decodeCursor(args.after, spec.order.length);
  const counts = ctx.loaders.get(`${name}:count`, () => new DataLoader<string, number>(async (parents) => {
    const rows = await spec.query(parents).select(`${spec.parentSql}::text`, 'parent').addSelect(`${spec.countSql ?? 'count(*)'}::int`, 'n')
      .groupBy(spec.parentSql).orderBy().getRawMany<{ parent: string; n: number }>();
    const byParent = new Map(rows.map((r) => [r.parent, r.n]));
    return parents.map((p) => byParent.get(p) ?? 0);
  }, { maxBatchSize: 500 }));
  return ctx.loaders.get(`${name}:page:${JSON.stringify([first, after])}`, () => new DataLoader<string, Connection<T>>(async (parents) => {
    const rows = first === 0 ? [] : await (spec.fetch ?? ((qb) => qb.getMany()))(pageQuery(spec, parents, first, after));
    const byParent = new Map<string, T[]>(parents.map((p) => [p, []]));
    for (const row of rows) byParent.get(spec.parentOf(row))?.push(row);
    return parents.map((p) => toConnection(byParent.get(p) ?? [], first, () => counts.load(p), (row) => spec.order.map((c) => {
      const v = c.value(row);
      return v instanceof Date ? v.toISOString() : v;
    }), Boolean(after)));
  }, { maxBatchSize: 500 }));
}

/** The rows of every parent's page (and one more each, to tell whether a next page follows), in one statement. */
function pageQuery<T extends ObjectLiteral>(spec: PagesByParentSpec<T>, parents: readonly string[], first: number, after: unknown[] | null): SelectQueryBuilder<T> {
  const orderSql = spec.order.map((c) => c.sql).join(', ');
  const window = spec.query(parents).select(spec.identitySql[0], 'id0');
  spec.identitySql.slice(1).forEach((sql, i) => window.addSelect(sql, `id${i + 1}`));
  window.addSelect(`row_number() OVER (PARTITION BY ${spec.parentSql} ORDER BY ${orderSql})`, 'rn').orderBy();
  if (after) {
    window.andWhere(`(${orderSql}) > (${spec.order.map((_, i) => `:__after${i}`).join(', ')})`,
      Object.fromEntries(after.map((v, i) => [`__after${i}`, spec.order[i].isDate && typeof v === 'string' ? new Date(v) : v])));
  }
  const ids = spec.identitySql.map((_, i) => `w.id${i}`).join(', ');
  const page = spec.query(parents)
    .andWhere(`(${spec.identitySql.join(', ')}) IN (SELECT ${ids} FROM (${window.getQuery()}) w WHERE w.rn <= :__limit)`)
    .setParameters({ ...window.getParameters(), __limit: first + 1 });
  spec.order.forEach((c, i) => (i === 0 ? page.orderBy(c.sql, 'ASC') : page.addOrderBy(c.sql, 'ASC')));
  return page;
}

export type KeyPart = string | number | boolean | null;

/** Orders keys part by part: numbers as numbers, text by code point, nulls last. */
export function compareKeys(a: readonly KeyPart[], b: readonly KeyPart[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

/**
 * A page of a list computed whole in memory (statistics cells: suppression needs every cell, so
 * the totals and what is hidden never depend on the page). The list is ordered by each item's
 * key (unique), and the cursor is the key, so a page continues after its last item even when the
 * list has changed in between.
 */
export function listPage<T>(items: readonly T[], keyOf: (item: T) => KeyPart[], args: { first?: number | null; after?: string | null }, maxPageSize?: number): Connection<T> {
  const first = pageSize(args.first, maxPageSize);
  const keyed = items.map((item) => ({ item, key: keyOf(item) })).sort((a, b) => compareKeys(a.key, b.key));
  const after = decodeCursor(args.after, keyed[0]?.key.length ?? decodedLength(args.after));
  const rest = after ? keyed.filter((k) => compareKeys(k.key, after as KeyPart[]) > 0) : keyed;
  const page = rest.slice(0, first + 1);
  const keys = new Map(page.map((k) => [k.item, k.key]));
  return toConnection(page.map((k) => k.item), first, items.length, (item) => keys.get(item)!, Boolean(after));
}

/** The length a well-formed cursor has (an empty list accepts any well-formed one). */
function decodedLength(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    return Array.isArray(key) ? key.length : -1;
  } catch {
    return -1;
  }
}

/**
 * Names of the fields a query selects on the nodes of a connection field (`edges { node { … } }`,
 * through fragments), so a page can read only the columns they need.
 */
export function selectedNodeFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const fieldsOf = fieldWalker(info);
  for (const connection of info.fieldNodes) {
    fieldsOf(connection.selectionSet, (edges) => {
      if (edges.name.value !== 'edges') return;
      fieldsOf(edges.selectionSet, (node) => {
        if (node.name.value === 'node') fieldsOf(node.selectionSet, (field) => names.add(field.name.value));
      });
    });
  }
  return names;
}

/**
 * The columns (`alias.property`) a page of nodes reads: `always` (what the page's order and the
 * field resolvers read) and each `fieldOnly` column whose field the query selects on the nodes.
 * Null without `info`: the whole entity.
 */
export function nodeColumns(info: GraphQLResolveInfo | undefined, alias: string, columns: { always: readonly string[]; fieldOnly: readonly string[] }): string[] | null {
  if (!info) return null;
  const selected = selectedNodeFields(info);
  return [...columns.always, ...columns.fieldOnly.filter((c) => selected.has(c))].map((c) => `${alias}.${c}`);
}

/** Whether the query selects a path of fields below the current one, e.g. `['currentEdition', 'chapters']`. */
export function selectsPath(info: GraphQLResolveInfo, path: string[]): boolean {
  const fieldsOf = fieldWalker(info);
  let level: FieldNode[] = [...info.fieldNodes];
  for (const name of path) {
    const next: FieldNode[] = [];
    for (const field of level) fieldsOf(field.selectionSet, (f) => { if (f.name.value === name) next.push(f); });
    if (!next.length) return false;
    level = next;
  }
  return true;
}

/** Whether the operation selects, anywhere (through every fragment), a field with one of these names. */
export function operationSelectsAny(info: GraphQLResolveInfo, names: ReadonlySet<string>): boolean {
  const fieldsOf = fieldWalker(info);
  let found = false;
  const walk = (set: SelectionSetNode | undefined): void => fieldsOf(set, (field) => {
    if (found) return;
    if (names.has(field.name.value)) found = true;
    else walk(field.selectionSet);
  });
  walk(info.operation.selectionSet);
  return found;
}

/** Visits the fields of a selection set, through inline fragments and named ones. */
function fieldWalker(info: GraphQLResolveInfo) {
  const fieldsOf = (set: SelectionSetNode | undefined, visit: (field: FieldNode) => void): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) visit(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) fieldsOf(selection.selectionSet, visit);
      else fieldsOf(info.fragments[selection.name.value]?.selectionSet, visit);
    }
  };
  return fieldsOf;
}
