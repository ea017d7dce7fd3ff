import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { Logger } from 'pino';
import {
  ANONYMOUS, createTokenVerifier, encodeViewer, loadOrCreateDevKeys, TokenError, VIEWER_HEADER, type Viewer,
} from '@kommunenett/auth';
import {
  createLogger, handleGraphQLRequest, HttpError, maskError, readBody, sendJson, startHttpServer, SUBGRAPH_NAMES, type SubgraphName,
} from '@kommunenett/subgraph-kit/serving';
import { noApolloTelemetryUnlessAsked, type GatewayConfig } from './config';
import { isBrowserNavigation, serveGraphiql } from './graphiql';
import { dashboardHandler } from './dashboard';
import { devTokenHandler } from './dev-token';
import { createSubgraphFetcher } from './subgraph-fetcher';
import { deduplicateRepresentations, expandEntities, type Deduplicated } from './representations';
import { dashboardPersistedQueries, persistedQueryCache } from './persisted-queries';
import { queryLimits } from './limits';
import { NoNulInStrings, NoPrototypeNames, requestChecks } from './validation';

interface PageRoute {
  prefix: string;
  subgraph: SubgraphName;
  methods: string[];
  notFound: string;
}

/** Public paths served by a subgraph (see proxyPage). */
const PAGE_ROUTES: PageRoute[] = [
  { prefix: '/calendar/', subgraph: 'networks', methods: ['GET'], notFound: 'No such calendar.' },
  // The answer page of a seat offer: a form that posts back to itself (works without JavaScript).
  { prefix: '/offers/', subgraph: 'participants', methods: ['GET', 'POST'], notFound: 'No such offer.' },
  // The unsubscribe page of an optional message (GET asks, POST switches it off).
  { prefix: '/unsubscribe/', subgraph: 'participants', methods: ['GET', 'POST'], notFound: 'No such link.' },
  // Exports for organisers (CSV, Excel), streamed; the bearer token decides who may have them.
  { prefix: '/exports/', subgraph: 'participants', methods: ['GET'], notFound: 'No such export.' },
  // The development mailbox; the participants service answers 404 when it sends through SMTP.
  { prefix: '/dev/mail', subgraph: 'participants', methods: ['GET'], notFound: 'No such message.' },
];

export interface GatewayContext {
  viewer: Viewer;
  requestId: string;
}

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Reads the bearer token, if any; a present but bad token is a 401, never anonymous access. */
async function viewerOf(req: IncomingMessage, verify: (token: string) => Promise<Viewer>): Promise<Viewer> {
  const header = req.headers.authorization;
  if (!header) return ANONYMOUS;
  const match = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(header);
  if (!match) throw new HttpError(401, 'UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>".');
  try {
    return await verify(match[1]);
  } catch (error) {
    throw new HttpError(401, 'UNAUTHENTICATED', error instanceof TokenError ? error.message : 'The token could not be verified.');
  }
}

/**
 * The public entry point: verifies tokens, applies request limits and plans queries over the
 * static supergraph; each subgraph call carries the viewer signed for that subgraph.
 */
export async function startGateway(config: GatewayConfig, log: Logger = createLogger('gateway')): Promise<RunningGateway> {
  const devKeys = (config.jwksUrl || config.jwks) && config.internalSecret ? null : await loadOrCreateDevKeys(config.dataDir);
  const internalSecret = config.internalSecret ?? devKeys!.internalSecret;
  // Development tokens exist only while tokens are verified with the development key.
  const devTokenKeys = config.devTokenKeys ?? (!config.jwksUrl && !config.jwks ? devKeys : null);
  const devToken = devTokenKeys ? devTokenHandler(devTokenKeys, { issuer: config.issuer, audience: config.audience }) : null;
  const dashboard = dashboardHandler({
    dir: config.dashboardDir,
    devTokens: devToken !== null,
    oidc: config.dashboardOidcClientId
      ? { authority: config.dashboardOidcIssuer ?? config.issuer, clientId: config.dashboardOidcClientId, scope: 'openid profile' }
      : null,
  });
  const verify = createTokenVerifier({
    issuer: config.issuer, audience: config.audience,
    ...(config.jwksUrl ? { jwksUrl: config.jwksUrl } : { jwks: config.jwks ?? { keys: [devKeys!.publicJwk] } }),
  });

  const subgraphs = createSubgraphFetcher({ connections: config.subgraphPoolSize, mergeInflight: config.mergeInflightRequests, internalSecret });
  /** Entity fetches sent with their representations once each, by their variables (the object both hooks see). */
  const deduplicated = new WeakMap<object, Deduplicated>();

  noApolloTelemetryUnlessAsked();
  const gateway = new ApolloGateway({
    supergraphSdl: config.supergraphSdl ?? readFileSync(config.supergraphPath, 'utf8'),
    buildService: ({ name }) => new RemoteGraphQLDataSource<GatewayContext>({
      url: config.subgraphUrls[name as SubgraphName],
      fetcher: subgraphs.forSubgraph(name) as never,
      // The fetcher signs the viewer together with the body it sends (see subgraph-fetcher.ts).
      willSendRequest({ request, context }) {
        request.http?.headers.set(VIEWER_HEADER, encodeViewer(context.viewer ?? ANONYMOUS));
        if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
        const representations = request.variables?.representations;
        const distinct = Array.isArray(representations) ? deduplicateRepresentations(representations) : null;
        if (distinct) {
          request.variables!.representations = distinct.representations;
          deduplicated.set(request.variables!, distinct);
        }
      },
      didReceiveResponse({ response, request }) {
        const distinct = request.variables && deduplicated.get(request.variables);
        return distinct ? expandEntities(response, distinct) : response;
      },
    }),
  });
  if (!SUBGRAPH_NAMES.every((n) => config.subgraphUrls[n])) throw new Error('Every subgraph needs a URL.');

  const limits = queryLimits(config.limits);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: config.introspection,
    // Automatic persisted queries, with the dashboard's own operations known from the start.
    persistedQueries: { cache: persistedQueryCache(dashboardPersistedQueries(join(config.dashboardDir, 'persisted-queries.json'), log)) },
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: config.limits.maxTokens },
    formatError: maskError(log, { hideSuggestions: !config.introspection }),
    validationRules: [...limits.validationRules, NoPrototypeNames, NoNulInStrings],
    plugins: [
      ...limits.plugins,
      requestChecks,
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
    ],
  });
  await apollo.start();

  /**
   * Pages and feeds that a subgraph serves beside its GraphQL, each under one public URL here and
   * called with the caller's viewer (anonymous for a calendar app or a person following a link in
   * a message) signed like any subgraph request.
   */
  const proxyPage = async (req: IncomingMessage, res: ServerResponse, path: string, route: PageRoute) => {
    if (!/^\/[A-Za-z0-9/_.~-]{1,300}$/.test(path) || path.includes('..')) throw new HttpError(404, 'NOT_FOUND', route.notFound);
    const viewer = await viewerOf(req, verify);
    const search = new URL(req.url ?? '/', 'http://gateway').search;
    if (search.length > 1000) throw new HttpError(414, 'URI_TOO_LONG', 'The query string is too long.');
    const target = new URL(path + search, config.subgraphUrls[route.subgraph]);
    const post = req.method === 'POST';
    const upstream = await subgraphs.stream(target.toString(), {
      method: req.method,
      headers: { [VIEWER_HEADER]: encodeViewer(viewer), ...(post && { 'content-type': String(req.headers['content-type'] ?? '') }) },
      ...(post && { body: await readBody(req, 10_000) }),
    } as never, route.subgraph);
    const headers: Record<string, string> = { 'cache-control': String(upstream.headers['cache-control'] ?? 'no-cache') };
    for (const name of ['content-type', 'content-length', 'location', 'content-security-policy', 'content-disposition', 'x-content-type-options', 'referrer-policy']) {
      const value = upstream.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    res.writeHead(upstream.statusCode, headers);
    // Passed on as it arrives: a large export never sits whole in the gateway's memory.
    await pipeline(upstream.body, res);
  };

  const http = await startHttpServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok', service: 'gateway' });
    if (path === '/readyz') return sendJson(res, 200, { status: 'ready', service: 'gateway' });
    if (path === '/graphql') {
      if (config.graphiql && isBrowserNavigation(req)) {
        res.writeHead(302, { location: '/graphiql', 'content-type': 'text/plain; charset=utf-8' });
        res.end('GraphQL endpoint: send POST requests here, or explore it in GraphiQL at /graphiql.\n');
        return;
      }
      const viewer = await viewerOf(req, verify);
      const requestId = (typeof req.headers['x-request-id'] === 'string' && req.headers['x-request-id'].length <= 100 && req.headers['x-request-id']) || randomUUID();
      res.setHeader('x-request-id', requestId);
      return handleGraphQLRequest(apollo, req, res, { bodyLimit: config.bodyLimitBytes, context: async () => ({ viewer, requestId }) });
    }
    if (path === '/dev/token' && devToken) return devToken(req, res);
    if (path === '/dashboard' || path.startsWith('/dashboard/')) return dashboard(req, res, path);
    const page = PAGE_ROUTES.find((r) => path.startsWith(r.prefix) && r.methods.includes(req.method ?? ''));
    if (page) return proxyPage(req, res, path, page);
    if (config.graphiql && req.method === 'GET' && serveGraphiql(path, res, devToken !== null)) return;
    throw new HttpError(404, 'NOT_FOUND', `No route for ${req.method} ${path}.`);
  }, config.port, config.host, log);

  log.info({ url: `${http.url}/graphql` }, 'gateway ready');
  return {
    url: `${http.url}/graphql`,
    port: http.port,
    async stop() {
      await http.close();
      await apollo.stop();
      await subgraphs.close();
    },
  };
}
