import { resolve } from 'node:path';
import { z } from 'zod';
import { parseConfig, setting, SUBGRAPH_NAMES, subgraphUrl, type Env, type SubgraphName } from '@kommunenett/subgraph-kit/config';

/** Everything the gateway reads from the environment, with the defaults of `pnpm start`. */
export interface GatewayConfig {
  port: number;
  host: string;
  supergraphPath: string;
  /** The supergraph itself, instead of reading `supergraphPath` (tests compose it in memory). */
  supergraphSdl?: string;
  subgraphUrls: Record<SubgraphName, string>;
  /** Verification of client tokens: a JWKS URL in production, the development key otherwise. */
  jwksUrl?: string;
  /** … or a fixed key set (tests). */
  jwks?: { keys: import('jose').JWK[] };
  /**
   * The development key `POST /dev/token` signs with when `jwks` holds its public half (the test
   * stack); otherwise the route exists only when the development key under `dataDir` is in use.
   */
  devTokenKeys?: Pick<import('@kommunenett/auth').DevKeys, 'privateKey' | 'kid'>;
  dataDir: string;
  issuer: string;
  audience: string;
  internalSecret?: string;
  introspection: boolean;
  graphiql: boolean;
  bodyLimitBytes: number;
  limits: { maxDepth: number; maxAliases: number; maxCost: number; maxDirectives: number; maxTokens: number };
  /** The built dashboard served at /dashboard/. */
  dashboardDir: string;
  /** Client id of the dashboard at the OpenID Connect provider (production sign-in); unset: no OIDC sign-in. */
  dashboardOidcClientId?: string;
  /** OpenID Connect issuer the dashboard signs in with; default `issuer`. */
  dashboardOidcIssuer?: string;
  /** Keep-alive connections per subgraph. */
  subgraphPoolSize: number;
  /** Send identical in-flight subgraph queries once (see subgraph-fetcher.ts). */
  mergeInflightRequests: boolean;
}

const int = (fallback: number) => setting.int(fallback, { min: 1 });

/** The gateway's variables, with the defaults of `pnpm start`; a malformed one stops the gateway naming it. */
const gatewaySchema = z.looseObject({
  GATEWAY_PORT: setting.optionalText(),
  PORT: setting.optionalText(),
  HOST: setting.text('127.0.0.1'),
  SUPERGRAPH_PATH: setting.optionalText(),
  AUTH_JWKS_URL: setting.optionalText(),
  DATA_DIR: setting.text('.data'),
  AUTH_ISSUER: setting.text('https://auth.kommunenett.dev'),
  AUTH_AUDIENCE: setting.text('kommunenett-api'),
  INTERNAL_AUTH_SECRET: setting.optionalText(),
  ENABLE_INTROSPECTION: setting.flag(false),
  ENABLE_GRAPHIQL: setting.flag(false),
  BODY_LIMIT_BYTES: int(100_000),
  MAX_QUERY_DEPTH: int(12),
  MAX_QUERY_ALIASES: int(30),
  MAX_QUERY_COST: int(500_000),
  MAX_QUERY_DIRECTIVES: int(20),
  MAX_QUERY_TOKENS: int(4_000),
  DASHBOARD_DIR: setting.optionalText(),
  DASHBOARD_OIDC_CLIENT_ID: setting.optionalText(),
  DASHBOARD_OIDC_ISSUER: setting.optionalText(),
  SUBGRAPH_POOL_SIZE: int(64),
  MERGE_INFLIGHT_REQUESTS: setting.flag(true),
}).transform((env, ctx): GatewayConfig => {
  const port = Number(env.GATEWAY_PORT ?? env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) ctx.addIssue({ code: 'custom', path: ['GATEWAY_PORT'], message: `expected a port number, got "${env.GATEWAY_PORT ?? env.PORT}"` });
  return {
    port,
    host: env.HOST,
    supergraphPath: resolve(env.SUPERGRAPH_PATH ?? resolve(__dirname, '../../infra/supergraph.graphql')),
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, subgraphUrl(n, env as Env)])) as Record<SubgraphName, string>,
    jwksUrl: env.AUTH_JWKS_URL,
    dataDir: resolve(env.DATA_DIR),
    issuer: env.AUTH_ISSUER,
    audience: env.AUTH_AUDIENCE,
    internalSecret: env.INTERNAL_AUTH_SECRET,
    introspection: env.ENABLE_INTROSPECTION,
    graphiql: env.ENABLE_GRAPHIQL,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    limits: {
      maxDepth: env.MAX_QUERY_DEPTH,
      maxAliases: env.MAX_QUERY_ALIASES,
      maxCost: env.MAX_QUERY_COST,
      maxDirectives: env.MAX_QUERY_DIRECTIVES,
      maxTokens: env.MAX_QUERY_TOKENS,
    },
    dashboardDir: resolve(env.DASHBOARD_DIR ?? resolve(__dirname, '../../packages/dashboard/dist')),
    dashboardOidcClientId: env.DASHBOARD_OIDC_CLIENT_ID,
    dashboardOidcIssuer: env.DASHBOARD_OIDC_ISSUER,
    subgraphPoolSize: env.SUBGRAPH_POOL_SIZE,
    mergeInflightRequests: env.MERGE_INFLIGHT_REQUESTS,
  };
});

/** The gateway's configuration from `env`, parsed once at start (gateway/src/main.ts passes `process.env`). */
export function gatewayConfigFromEnv(env: Env): GatewayConfig {
  return parseConfig(gatewaySchema, env);
}

/**
 * No calls home wherever the gateway runs (this platform runs without internet), in its own process
 * or embedded by the test stack: unless `APOLLO_TELEMETRY_DISABLED` says otherwise,
 * Apollo Gateway's constructor, which reads the variable itself, starts probing the cloud metadata
 * addresses (169.254.169.254 and others) through Node's shared HTTP agent, whose kept-alive
 * connection then outlives the gateway, and sets up a metrics exporter for Apollo's servers.
 */
export function noApolloTelemetryUnlessAsked(env: NodeJS.ProcessEnv = process.env): void {
  env.APOLLO_TELEMETRY_DISABLED ??= 'true';
}
