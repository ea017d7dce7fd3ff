import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { NonEmptyArray } from 'type-graphql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestContext } from './context';

/** An entity this subgraph resolves by key (`__resolveReference`). */
export interface EntityDefinition {
  typeName: string;
  /**
   * Loads the entities for a batch of ids, as the viewer may see them (rows the viewer may not
   * see are left out and resolve to null). Called once per request for all representations.
   * Leave out for an entity owned elsewhere that this subgraph only adds fields to: its
   * reference then resolves to the representation itself (with any `@requires` fields).
   */
  load?: (ids: readonly string[], ctx: RequestContext) => Promise<object[]>;
}

/**
 * A plain HTTP endpoint beside `/graphql` (e.g. an iCalendar feed). The gateway proxies
 * `/calendar/*` to the networks subgraph; like `/graphql`, a route answers only signed requests.
 */
export interface HttpRoute {
  method: 'GET' | 'POST';
  path: RegExp;
  handle(req: IncomingMessage, res: ServerResponse, match: RegExpMatchArray, deps: RouteDeps): Promise<void>;
}
export interface RouteDeps {
  ds: DataSource;
  log: Logger;
  /** The caller as the gateway vouched for it (routes, like /graphql, answer only the gateway). */
  viewer: import('@kommunenett/auth').Viewer;
}

/** A job that runs on an interval in one instance at a time (guarded by an advisory lock). */
export interface ScheduledJob {
  name: string;
  intervalMs: number;
  run(ds: DataSource, log: Logger): Promise<void>;
}

/** Everything that makes one service: schema, tables, migrations, demo data, extra endpoints. */
export interface SubgraphDefinition {
  name: 'networks' | 'participants' | 'reports' | 'handbook';
  defaultPort: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  /** Types no query returns but the schema must have: entity stubs this subgraph adds fields to. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  entities: EntityDefinition[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  tables: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  /** Loads the demo data when the service's tables are empty. */
  seed?: (ds: DataSource, log: Logger) => Promise<void>;
  routes?: HttpRoute[];
  jobs?: ScheduledJob[];
}
