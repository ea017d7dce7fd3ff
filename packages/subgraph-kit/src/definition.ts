import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import type { NonEmptyArray } from 'type-graphql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { RequestContext, ServiceDeps } from './context';

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
 * `/calendar/*` to the networks subgraph and `/offers/*`, `/unsubscribe/*`, `/dev/mail` to participants; like `/graphql`, a route answers only signed requests.
 */
export interface HttpRoute {
  method: 'GET' | 'POST';
  path: RegExp;
  handle(req: IncomingMessage, res: ServerResponse, match: RegExpMatchArray, deps: RouteDeps): Promise<void>;
}
export interface RouteDeps extends ServiceDeps {
  /** The caller as the gateway vouched for it (routes, like /graphql, answer only the gateway). */
  viewer: import('@kommunenett/auth').Viewer;
  /** The request body, already read (the signature covers it); empty for GET. */
  body: string;
}

/** A job that runs on an interval in one instance at a time (guarded by an advisory lock). */
export interface ScheduledJob {
  name: string;
  intervalMs: number;
  run(deps: ServiceDeps): Promise<void>;
}

/** A generated person's name, as the volume generator's caller supplies them. */
export interface GeneratedName {
  givenName: string;
  familyName: string;
  sex: 'female' | 'male';
}

export interface VolumeSeedOptions {
  /** 1 is the benchmark's reference volume; every count scales with it (at least one row of each). */
  scale: number;
  /** Seed of every pseudo-random choice: the same seed gives the same data. */
  seed: number;
  log: (message: string) => void;
  /** Names for generated people (the benchmark passes @faker-js/faker's); a service falls back to its own. */
  names?: (country: 'NO' | 'SE', count: number) => GeneratedName[];
}

/** Rows of each table the generator wrote; `skipped` when the volume of that scale was already there. */
export interface VolumeSeedResult {
  skipped: boolean;
  counts: Record<string, number>;
}

/** Everything that makes one service: schema, tables, migrations, demo data, extra endpoints. */
export interface SubgraphDefinition {
  name: 'networks' | 'participants' | 'reports' | 'handbook';
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
  /**
   * Generated volume data for the benchmark (`pnpm seed:volume`), after the demo data: writes only
   * this service's tables, set-based, in one transaction. Ids another service's volume refers to
   * are derived on both sides from the same numbers, never read from another service.
   */
  volumeSeed?: (ds: DataSource, options: VolumeSeedOptions) => Promise<VolumeSeedResult>;
  routes?: HttpRoute[];
  jobs?: ScheduledJob[];
  /**
   * The service's own variables (zod over the environment, keys are the variables' names), parsed
   * with the common ones at start into `config.settings` (see config.ts).
   */
  settings?: z.ZodType;
}
