import { readFileSync } from 'node:fs';
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
  createLogger, handleGraphQLRequest, HttpError, maskError, sendJson, startHttpServer, SUBGRAPH_NAMES, type SubgraphName,
} from '@kommunenett/subgraph-kit';
import { gatewayConfigFromEnv, type GatewayConfig } from './config';
import { isBrowserNavigation, serveGraphiql } from './graphiql';
import { dashboardHandler } from './dashboard';
import { devTokenHandler } from './dev-token';
import { createSubgraphFetcher } from './subgraph-fetcher';
import { queryLimits } from './limits';
import { NoNulInStrings, NoPrototypeNames, requestChecks } from './validation';

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
export async function startGateway(overrides: Partial<GatewayConfig> = {}, log: Logger = createLogger('gateway')): Promise<RunningGateway> {
  const config = { ...gatewayConfigFromEnv(), ...overrides };
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

  const gateway = new ApolloGateway({
    supergraphSdl: config.supergraphSdl ?? readFileSync(config.supergraphPath, 'utf8'),
    buildService: ({ name }) => new RemoteGraphQLDataSource<GatewayContext>({
      url: config.subgraphUrls[name as SubgraphName],
      fetcher: subgraphs.forSubgraph(name) as never,
      // The fetcher signs the viewer together with the body it sends (see subgraph-fetcher.ts).
      willSendRequest({ request, context }) {
        request.http?.headers.set(VIEWER_HEADER, encodeViewer(context.viewer ?? ANONYMOUS));
        if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
      },
    }),
  });
  if (!SUBGRAPH_NAMES.every((n) => config.subgraphUrls[n])) throw new Error('Every subgraph needs a URL.');

  const limits = queryLimits(config.limits);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: config.introspection,
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
   * iCalendar feeds live in the networks subgraph; one public URL per feed is served here, with
   * the caller's viewer (anonymous for a calendar app) signed like any subgraph request.
   */
  const proxyCalendar = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (!/^\/calendar\/[A-Za-z0-9/_.-]{1,200}$/.test(path) || path.includes('..')) throw new HttpError(404, 'NOT_FOUND', 'No such calendar.');
    const viewer = await viewerOf(req, verify);
    const target = new URL(path, config.subgraphUrls.networks);
    const upstream = await subgraphs.fetcher(target.toString(), { headers: { [VIEWER_HEADER]: encodeViewer(viewer) } }, 'networks');
    const body = Buffer.from(await upstream.arrayBuffer());
    res.writeHead(upstream.status, {
      'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream',
      'cache-control': upstream.headers.get('cache-control') ?? 'no-cache',
      'content-length': String(body.length),
    });
    res.end(body);
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
    if (req.method === 'GET' && path.startsWith('/calendar/')) return proxyCalendar(req, res, path);
    if (config.graphiql && req.method === 'GET' && serveGraphiql(path, res)) return;
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
