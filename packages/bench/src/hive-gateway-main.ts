/**
 * The peer gateway of the benchmark: Hive Gateway over the same supergraph, doing the same work
 * per request as ours (verify the bearer token, sign the viewer for each subgraph), with its
 * defaults otherwise (it merges identical in-flight subgraph requests by default).
 */
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { ANONYMOUS, createTokenVerifier, DEV_TOKEN_SETTINGS, loadOrCreateDevKeys, signRequest, type Viewer } from '@kommunenett/auth';
import { DEFAULT_SUBGRAPH_PORTS, SUBGRAPH_NAMES, subgraphUrl } from '@kommunenett/subgraph-kit';

async function main(): Promise<void> {
  const root = resolve(__dirname, '../../..');
  const keys = await loadOrCreateDevKeys(resolve(process.env.DATA_DIR ?? join(root, '.data')));
  const secret = process.env.INTERNAL_AUTH_SECRET ?? keys.internalSecret;
  const verify = createTokenVerifier({ ...DEV_TOKEN_SETTINGS, jwks: { keys: [keys.publicJwk] } });
  const nameByOrigin = new Map(SUBGRAPH_NAMES.map((n) => [new URL(subgraphUrl(n, process.env)).origin, n]));
  // The supergraph names the default local URLs; point them at the configured ones.
  let supergraph = readFileSync(join(root, 'infra/supergraph.graphql'), 'utf8');
  for (const n of SUBGRAPH_NAMES) supergraph = supergraph.replace(`http://127.0.0.1:${DEFAULT_SUBGRAPH_PORTS[n]}/graphql`, subgraphUrl(n, process.env));

  const gateway = createGatewayRuntime({
    supergraph,
    logging: 'error',
    graphqlEndpoint: '/graphql',
    landingPage: false,
    plugins: () => [{
      async onFetch({ url, options, setOptions, context }) {
        const name = nameByOrigin.get(new URL(url).origin);
        if (!name) return;
        const request = (context as { request?: Request }).request;
        const authorization = request?.headers.get('authorization');
        const viewer: Viewer = authorization?.startsWith('Bearer ') ? await verify(authorization.slice(7)) : ANONYMOUS;
        const target = new URL(url);
        const signed = signRequest(viewer, name, secret, { method: options.method ?? 'POST', path: target.pathname + target.search, body: typeof options.body === 'string' ? options.body : null });
        setOptions({ ...options, headers: { ...(options.headers as Record<string, string>), ...signed } });
      },
    }],
  });
  const port = Number(process.env.HIVE_GATEWAY_PORT ?? 4100);
  createServer(gateway).listen(port, '127.0.0.1', () => console.log(JSON.stringify({ level: 30, msg: 'hive gateway ready', url: `http://127.0.0.1:${port}/graphql` })));
  const stop = () => void Promise.resolve(gateway.dispose()).finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
