import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badInput } from './errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
/**
 * Statistics cells are small, computed whole before paging and bounded by the query's cell limit:
 * a page of up to 1,000 lets a dashboard draw a country by municipality (Norway 357, Sweden 290)
 * from one request.
 */
export const MAX_CELL_PAGE_SIZE = 1000;

@ObjectType({ description: 'Relay page information.' })
@Directive('@shareable')
export class PageInfo {
  @Field({ description: 'True when a page follows this one (pass endCursor as after).' }) hasNextPage: boolean;
  @Field({ description: 'True when this page was asked for with an after cursor, so pages precede it.' }) hasPreviousPage: boolean;
  @Field(() => String, { nullable: true, description: 'Opaque cursor of the first edge of this page; null when the page is empty.' }) startCursor: string | null;
  @Field(() => String, { nullable: true, description: 'Opaque cursor of the last edge of this page; pass it as after to get the next page. Null when the page is empty.' }) endCursor: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Page size, at most ${MAX_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the previous page.' })
  after?: string | null;
}

@ArgsType()
export class CellPageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, at most ${MAX_CELL_PAGE_SIZE} cells (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the previous page.' })
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** A number, or the promise of one when it is counted only if asked for. */
  totalCount: number | Promise<number>;
}

/** Builds the `XConnection` and `XEdge` object types for a node type. */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${nodeType.name} of a page, with its cursor.` })
  class EdgeType {
    @Field({ description: 'Opaque cursor of this edge; pass it as after to continue after it.' }) cursor: string;
    @Field(() => nodeType, { description: `The ${nodeType.name}.` }) node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${nodeType.name} objects (Relay cursor connection).` })
  class ConnectionClass {
    @Field(() => [EdgeType], { description: 'The edges of this page, in the order of the query.' }) edges: Edge<T>[];
    @Field(() => PageInfo, { description: 'Where this page lies: cursors and whether more pages follow.' }) pageInfo: PageInfo;
    @Field(() => Int, { description: 'Number of nodes matching the query, over all pages.' }) totalCount: number;
  }
  return ConnectionClass as ClassType<Connection<T>>;
}

/** The page size asked for, checked against the limit. */
export function pageSize(first: number | null | undefined, max = MAX_PAGE_SIZE): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw badInput(`first must be between 0 and ${max}.`, 'first');
  }
  return first;
}

/** Cursors are opaque: base64url JSON of the sort key of the edge. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, length: number): unknown[] | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === length) return key;
  } catch {
    // fall through
  }
  throw badInput('The cursor is not valid for this list.', 'after');
}

/**
 * Assembles a connection from one page of rows fetched with `first + 1` rows (the extra row
 * tells whether there is a next page) and the total count: a number, or a function that counts,
 * called only when a client selects `totalCount` (the field resolver reads the property), once.
 */
export function toConnection<T>(rows: T[], first: number, totalCount: number | (() => Promise<number>), cursorKey: (row: T) => unknown[], hasPrevious: boolean): Connection<T> {
  const page = rows.slice(0, first);
  // Cursors are encoded when read: a nested page of hundreds of nodes is usually asked for without them.
  const edges = page.map((node) => ({ node, get cursor() { return encodeCursor(cursorKey(node)); } }));
  const pageInfo = new PageInfo();
  pageInfo.hasNextPage = rows.length > first;
  pageInfo.hasPreviousPage = hasPrevious;
  pageInfo.startCursor = edges[0]?.cursor ?? null;
  pageInfo.endCursor = edges[edges.length - 1]?.cursor ?? null;
  if (typeof totalCount === 'number') return { edges, pageInfo, totalCount };
  let counted: Promise<number> | undefined;
  return {
    edges, pageInfo,
    get totalCount() {
      counted ??= totalCount();
      return counted;
    },
  };
}

/** One column of a keyset order: the SQL expression and how to read its value from a row. */
export interface KeysetColumn<T> {
  sql: string;
  value: (row: T) => unknown;
  /** Cursor values are JSON: dates travel as ISO strings. */
  isDate?: boolean;
}

/**
 * One page of a TypeORM query in keyset order (ascending, last column unique), with the total.
 * Two statements whatever the page: the page itself, and the count when `totalCount` is asked
 * for (it grows with the matching rows; a client paging without it does not pay for it). The
 * query yields one row per node (it may join to-one, never to-many), so the total is a plain
 * count(*): TypeORM's getCount() counts DISTINCT ids, which sorts every matching id and took
 * three times as long over 20,000 networks.
 */
export async function keysetPage<T extends object>(
  qb: import('typeorm').SelectQueryBuilder<T>,
  order: KeysetColumn<T>[],
  args: { first?: number | null; after?: string | null },
  /** Reads the page's rows (default: the entities, `getMany()`), e.g. with a value of an order column that is no column. */
  fetch: (qb: import('typeorm').SelectQueryBuilder<T>) => Promise<T[]> = (qb) => qb.getMany(),
): Promise<Connection<T>> {
  const first = pageSize(args.first);
  const after = decodeCursor(args.after, order.length);
  const counter = qb.clone().orderBy().select('count(*)::int', 'count');
  const totalCount = async () => (await counter.getRawMany<{ count: number }>())[0].count;
  const page = qb.clone();
  if (after) {
    const tuple = order.map((_, i) => `:__k${i}`).join(', ');
    page.andWhere(`(${order.map((c) => c.sql).join(', ')}) > (${tuple})`,
      Object.fromEntries(after.map((v, i) => [`__k${i}`, order[i].isDate && typeof v === 'string' ? new Date(v) : v])));
  }
  order.forEach((c, i) => (i === 0 ? page.orderBy(c.sql, 'ASC') : page.addOrderBy(c.sql, 'ASC')));
  const rows = first === 0 ? [] : await fetch(page.take(first + 1));
  return toConnection(rows, first, totalCount, (row) => order.map((c) => {
    const v = c.value(row);
    return v instanceof Date ? v.toISOString() : v;
  }), Boolean(after));
}

/** The same page with each node replaced (a row by the entity it refers to); the total is still counted only when asked for. */
export function mapNodes<T, U>(connection: Connection<T>, toNode: (node: T) => U): Connection<U> {
  return {
    edges: connection.edges.map((e) => ({ get cursor() { return e.cursor; }, node: toNode(e.node) })),
    pageInfo: connection.pageInfo,
    get totalCount() {
      return connection.totalCount;
    },
  };
}
