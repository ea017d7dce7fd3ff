import 'reflect-metadata';
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { Logger } from 'pino';
import { hasCurrentSignature, ReplayGuard, verifySignedRequest, type SignedRequest, type Viewer } from '@kommunenett/auth';
import {
  createServiceDataSource, isDatabaseReady, migrateAndPrepare, sqlRequestStatementTotals, sqlStatementTotals, sqlTallyStorage,
} from '@kommunenett/db';
import { subgraphConfigFromEnv, type Env, type SubgraphConfig } from './config';
import { LoaderRegistry, type RequestContext, type ServiceDeps } from './context';
import type { SubgraphDefinition } from './definition';
import { maskError } from './errors';
import { handleGraphQLRequest, HttpError, onShutdownSignal, readBody, readGraphQLBody, sendJson, startHttpServer, type RunningHttpServer } from './http';
import { createLogger } from './logger';
import { buildFederatedSchema } from './schema';
import { scheduleJobs } from './jobs';
import { runtimeMetricLines, startRuntimeMetrics } from './runtime-metrics';
import { sharedWhileHeld } from './shared-hold';

export interface SubgraphOptions {
  /** The process's log (default: one named after the service, at `config.logLevel`). */
  log?: Logger;
}

export interface RunningSubgraph extends ServiceDeps {
  name: string;
  /** The GraphQL endpoint. */
  url: string;
  port: number;
  sdl: string;
  stop(): Promise<void>;
}

/** Compares a bearer token in constant time (lengths may differ: both sides are hashed first). */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '';
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * The SQL tally's async context, registered with Node while a subgraph of this process serves: left
 * registered, it would cost every later asynchronous call until the process ends (in a test worker,
 * which loads the modules afresh for every test file, one more per file that started a subgraph). A
 * later `run` of the tally registers it again.
 */
const holdSqlTally = sharedWhileHeld(() => undefined, () => sqlTallyStorage.disable());

/** What a serving subgraph registers with the runtime (see `startRuntimeMetrics`, `holdSqlTally`), and the function that gives it back. */
function holdRuntime(): () => void {
  const releases = [startRuntimeMetrics(), holdSqlTally()];
  return () => releases.forEach((release) => release());
}

/** Boots one subgraph: database and migrations, demo data, schema, HTTP with health and metrics. */
export async function startSubgraph(definition: SubgraphDefinition, config: SubgraphConfig, options: SubgraphOptions = {}): Promise<RunningSubgraph> {
  const name = definition.name;
  const log = options.log ?? createLogger(name, config.logLevel);
  const secret = config.internalSecret;
  if (secret.length < 16) throw new Error('INTERNAL_AUTH_SECRET (at least 16 characters) is required: the subgraph answers only the gateway.');
  const ds = createServiceDataSource({
    service: name,
    url: config.databaseUrl,
    entities: definition.tables,
    migrations: definition.migrations,
    poolSize: config.dbPoolSize,
    log,
  });
  await ds.initialize();
  await migrateAndPrepare(ds, name, config.seedDemo && definition.seed ? () => definition.seed!(ds, log) : undefined);

  const { schema, sdl } = await buildFederatedSchema(definition);
  const apollo = new ApolloServer<RequestContext>({
    schema,
    csrfPrevention: true,
    introspection: false,
    includeStacktraceInErrorResponses: false,
    formatError: maskError(log),
    plugins: [
      // No cache hints in the subgraphs: without the plugin no field resolution is wrapped to collect them
      // (a few per cent of the reports subgraph's CPU for a page of 640 reports); the answer says no-store.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
    ],
  });
  await apollo.start();

  const replays = new ReplayGuard();
  const { metricsToken, bodyLimitBytes: bodyLimit } = config;
  const deps: ServiceDeps = { service: name, ds, log, config };
  const releaseRuntime = holdRuntime();
  const http: RunningHttpServer = await startHttpServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok', service: name });
    if (path === '/readyz') {
      const ready = await isDatabaseReady(ds);
      return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', service: name });
    }
    if (path === '/metrics') {
      if (metricsToken && !bearerMatches(req.headers.authorization, metricsToken)) {
        throw new HttpError(401, 'UNAUTHENTICATED', 'The metrics need "Authorization: Bearer <METRICS_TOKEN>".');
      }
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      res.end([
        '# TYPE kommunenett_sql_statements_total counter',
        `kommunenett_sql_statements_total{service="${name}"} ${sqlStatementTotals.get(name) ?? 0}`,
        '# TYPE kommunenett_sql_request_statements_total counter',
        `kommunenett_sql_request_statements_total{service="${name}"} ${sqlRequestStatementTotals.get(name) ?? 0}`,
        ...runtimeMetricLines(name),
        '',
      ].join('\n'));
      return;
    }
    const header = (h: string) => {
      const v = req.headers[h];
      return Array.isArray(v) ? v[0] : v;
    };
    const refuse = () => new HttpError(401, 'UNAUTHENTICATED', 'This subgraph answers only requests signed by the gateway.');
    // The signature covers this request (method, path, body digest) and is accepted once.
    const signedViewer = (body: SignedRequest['body']): Viewer => {
      const viewer = verifySignedRequest(header, name, secret, { method: req.method ?? 'GET', path: req.url ?? '/', body }, replays);
      if (!viewer) throw refuse();
      return viewer;
    };
    if (path === '/graphql') {
      // Headers first (cheap), so an unsigned caller does not get its body read.
      if (!hasCurrentSignature(header)) throw refuse();
      const body = await readGraphQLBody(req, bodyLimit);
      const viewer = signedViewer(body as SignedRequest['body']);
      const requestId = header('x-request-id') ?? randomUUID();
      const context = async (): Promise<RequestContext> => ({
        ...deps, viewer, requestId, loaders: new LoaderRegistry(), log: log.child({ requestId }),
      });
      return sqlTallyStorage.run({ statements: 0 }, () => handleGraphQLRequest(apollo, req, res, { bodyLimit, context, body }));
    }
    for (const route of definition.routes ?? []) {
      const match = req.method === route.method ? path.match(route.path) : null;
      if (match) {
        if (!hasCurrentSignature(header)) throw refuse();
        // A POST route's body is read here, since the signature covers it.
        const body = req.method === 'POST' ? await readBody(req, bodyLimit) : '';
        return route.handle(req, res, match, { ...deps, viewer: signedViewer(body), body });
      }
    }
    throw new HttpError(404, 'NOT_FOUND', `No route for ${req.method} ${path}.`);
  }, config.port, config.host, log).catch((error: unknown) => {
    releaseRuntime();
    throw error;
  });

  const stopJobs = config.runJobs ? scheduleJobs(definition.jobs ?? [], deps) : () => undefined;
  log.info({ url: `${http.url}/graphql` }, `${name} subgraph ready`);
  return {
    name,
    url: `${http.url}/graphql`,
    port: http.port,
    sdl,
    ...deps,
    async stop() {
      stopJobs();
      await http.close();
      await apollo.stop();
      await ds.destroy();
      releaseRuntime();
    },
  };
}

/**
 * A subgraph process (`services/<name>/src/main.ts`): parses the environment once (a malformed
 * variable stops the process with a message naming it), starts, and stops on SIGTERM/SIGINT.
 */
export function runSubgraphProcess(definition: SubgraphDefinition, env: Env): void {
  let config: SubgraphConfig;
  try {
    config = subgraphConfigFromEnv(definition.name, definition.settings, env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  startSubgraph(definition, config).then(
    (running) => onShutdownSignal(() => running.stop(), running.log),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

