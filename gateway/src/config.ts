import { resolve } from 'node:path';
import { SUBGRAPH_NAMES, subgraphUrl, type SubgraphName } from '@kommunenett/subgraph-kit';

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

const flag = (value: string | undefined, fallback: boolean) => (value === undefined ? fallback : value === 'true' || value === '1');
const int = (value: string | undefined, fallback: number) => (value ? Number.parseInt(value, 10) : fallback);

export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return {
    port: int(env.GATEWAY_PORT ?? env.PORT, 4000),
    host: env.HOST ?? '127.0.0.1',
    supergraphPath: resolve(env.SUPERGRAPH_PATH ?? resolve(__dirname, '../../infra/supergraph.graphql')),
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, subgraphUrl(n, env)])) as Record<SubgraphName, string>,
    jwksUrl: env.AUTH_JWKS_URL || undefined,
    dataDir: resolve(env.DATA_DIR ?? '.data'),
    issuer: env.AUTH_ISSUER ?? 'https://auth.kommunenett.dev',
    audience: env.AUTH_AUDIENCE ?? 'kommunenett-api',
    internalSecret: env.INTERNAL_AUTH_SECRET,
    introspection: flag(env.ENABLE_INTROSPECTION, false),
    graphiql: flag(env.ENABLE_GRAPHIQL, false),
    bodyLimitBytes: int(env.BODY_LIMIT_BYTES, 100_000),
    limits: {
      maxDepth: int(env.MAX_QUERY_DEPTH, 12),
      maxAliases: int(env.MAX_QUERY_ALIASES, 30),
      maxCost: int(env.MAX_QUERY_COST, 500_000),
      maxDirectives: int(env.MAX_QUERY_DIRECTIVES, 20),
      maxTokens: int(env.MAX_QUERY_TOKENS, 4_000),
    },
    dashboardDir: resolve(env.DASHBOARD_DIR ?? resolve(__dirname, '../../packages/dashboard/dist')),
    dashboardOidcClientId: env.DASHBOARD_OIDC_CLIENT_ID || undefined,
    dashboardOidcIssuer: env.DASHBOARD_OIDC_ISSUER || undefined,
    subgraphPoolSize: int(env.SUBGRAPH_POOL_SIZE, 64),
    mergeInflightRequests: flag(env.MERGE_INFLIGHT_REQUESTS, true),
  };
}
