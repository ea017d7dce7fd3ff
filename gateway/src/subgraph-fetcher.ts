import { Agent, fetch as undiciFetch, Response, type RequestInit } from 'undici';
import { VIEWER_HEADER } from '@kommunenett/auth';

export interface SubgraphFetcherOptions {
  /** Keep-alive connections per subgraph origin. */
  connections: number;
  /** Merge identical in-flight queries into one subgraph request. */
  mergeInflight: boolean;
}

type Shared = { status: number; headers: [string, string][]; text: string };

/**
 * The gateway's HTTP client to the subgraphs: a bounded keep-alive pool, and identical queries in
 * flight at the same moment (same subgraph, same viewer, same document and variables) sent once.
 * The merged response is shared as text and parsed by each waiter, so no request ever sees another
 * request's objects. Mutations are never merged.
 */
export function createSubgraphFetcher(options: SubgraphFetcherOptions) {
  const agent = new Agent({ connections: options.connections, keepAliveTimeout: 30_000, pipelining: 1 });
  const inflight = new Map<string, Promise<Shared>>();
  const send = async (url: string, init: RequestInit): Promise<Shared> => {
    const res = await undiciFetch(url, { ...init, dispatcher: agent });
    return { status: res.status, headers: [...res.headers], text: await res.text() };
  };
  const toResponse = (shared: Shared) => new Response(shared.text, { status: shared.status, headers: shared.headers });

  const fetcher = async (url: string, init: RequestInit = {}) => {
    const body = typeof init.body === 'string' ? init.body : null;
    // Apollo Gateway serialises `{"query":…}` first: a mutation's body starts with its keyword.
    if (!options.mergeInflight || !body || body.startsWith('{"query":"mutation')) {
      return undiciFetch(url, { ...init, dispatcher: agent });
    }
    const headers = init.headers as Record<string, string> | Headers | undefined;
    const viewer = headers instanceof Headers ? headers.get(VIEWER_HEADER) : headers?.[VIEWER_HEADER];
    const key = `${url}\n${viewer ?? ''}\n${body}`;
    let pending = inflight.get(key);
    if (!pending) {
      pending = send(url, init).finally(() => inflight.delete(key));
      inflight.set(key, pending);
    }
    return toResponse(await pending);
  };
  return { fetcher, close: () => agent.close(), inflightCount: () => inflight.size };
}
