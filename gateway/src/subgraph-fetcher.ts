import { Agent, fetch as undiciFetch, Response, type RequestInit } from 'undici';
import { VIEWER_HEADER } from '@kommunenett/auth';

export interface SubgraphFetcherOptions {
  /** Keep-alive connections per subgraph origin. */
  connections: number;
  /** Merge identical in-flight queries into one subgraph request. */
  mergeInflight: boolean;
}

type Shared = { status: number; headers: [string, string][]; text: string };

function withHeader(headers: RequestInit['headers'], name: string, value: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(headers)) for (const [k, v] of headers) out[k.toLowerCase()] = v;
  // Any Headers class (the platform's, undici's or node-fetch's, which Apollo Gateway uses).
  else if (headers && typeof (headers as { forEach?: unknown }).forEach === 'function') {
    (headers as { forEach(cb: (value: string, key: string) => void): void }).forEach((v, k) => { out[k.toLowerCase()] = v; });
  } else if (headers) for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = String(v);
  out[name] = value;
  return out;
}

/**
 * A subgraph answers 400 with GraphQL errors when it refuses a variable the gateway cannot check
 * (a custom scalar such as LocalDate). Passed on as a 200 with those errors, the gateway hands the
 * subgraph's BAD_USER_INPUT to the client instead of turning the 400 into an internal error.
 */
function passOnGraphQLErrors(status: number, headers: { get(name: string): string | null }): number {
  return status === 400 && /json/.test(headers.get('content-type') ?? '') ? 200 : status;
}

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
    return { status: passOnGraphQLErrors(res.status, res.headers), headers: [...res.headers], text: await res.text() };
  };
  const toResponse = (shared: Shared) => new Response(shared.text, { status: shared.status, headers: shared.headers });

  const fetcher = async (url: string, given: RequestInit = {}) => {
    // fetch asks for gzip by default; between processes on one network the subgraph would compress
    // and the gateway decompress every answer for nothing (a profile showed zlib among the top costs).
    const init = { ...given, headers: withHeader(given.headers, 'accept-encoding', 'identity') };
    const body = typeof init.body === 'string' ? init.body : null;
    // Apollo Gateway serialises `{"query":…}` first: a mutation's body starts with its keyword.
    if (!options.mergeInflight || !body || body.startsWith('{"query":"mutation')) {
      const res = await undiciFetch(url, { ...init, dispatcher: agent });
      const status = passOnGraphQLErrors(res.status, res.headers);
      return status === res.status ? res : new Response(await res.text(), { status, headers: res.headers });
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
