import { Agent, request } from 'undici';
import type { FetcherHeaders, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { ANONYMOUS, encodeViewer, signRequest, VIEWER_HEADER } from '@kommunenett/auth';

export interface SubgraphFetcherOptions {
  /** Keep-alive connections per subgraph origin. */
  connections: number;
  /** Merge identical in-flight queries into one subgraph request. */
  mergeInflight: boolean;
  /** Secret of the signed viewer: each request is signed for its subgraph as it leaves. */
  internalSecret?: string;
}

/** A subgraph's answer, read whole: what merged requests share (never its parsed objects). */
interface Answer { status: number; headers: Map<string, string>; body: Buffer; url: string }

/** Apollo Gateway's types promise a record; at run time it hands over a Headers object. */
type GivenHeaders = FetcherRequestInit['headers'] | [string, string][] | { forEach(cb: (value: string, key: string) => void): void };
type SubgraphRequestInit = Omit<FetcherRequestInit, 'headers'> & { headers?: GivenHeaders };

function withHeader(headers: GivenHeaders, name: string, value: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(headers)) for (const [k, v] of headers) out[k.toLowerCase()] = v;
  // Any Headers class (the platform's, undici's or node-fetch's).
  else if (headers && typeof (headers as { forEach?: unknown }).forEach === 'function') {
    (headers as { forEach(cb: (value: string, key: string) => void): void }).forEach((v, k) => { out[k.toLowerCase()] = v; });
  } else if (headers) for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = String(v);
  out[name] = value;
  return out;
}

/** Read-only headers over a map of lower-case names: all Apollo Gateway reads of a response. */
class AnswerHeaders implements FetcherHeaders {
  constructor(private readonly map: Map<string, string>) {}
  get(name: string): string | null { return this.map.get(name.toLowerCase()) ?? null; }
  has(name: string): boolean { return this.map.has(name.toLowerCase()); }
  append(): void { throw new TypeError('The headers of a subgraph answer are read-only.'); }
  set(): void { throw new TypeError('The headers of a subgraph answer are read-only.'); }
  delete(): void { throw new TypeError('The headers of a subgraph answer are read-only.'); }
  entries(): IterableIterator<[string, string]> { return this.map.entries(); }
  keys(): IterableIterator<string> { return this.map.keys(); }
  values(): IterableIterator<string> { return this.map.values(); }
  [Symbol.iterator](): IterableIterator<[string, string]> { return this.map.entries(); }
}

/**
 * The response Apollo Gateway gets: the answer already read, so \`text()\` and \`json()\` are plain
 * decoding, without the WHATWG stream machinery of fetch (its share of the gateway's CPU profile).
 */
class SubgraphResponse implements FetcherResponse {
  readonly headers: AnswerHeaders;
  readonly redirected = false;
  readonly statusText = '';
  bodyUsed = false;
  constructor(private readonly answer: Answer) {
    this.headers = new AnswerHeaders(answer.headers);
  }
  get status(): number { return this.answer.status; }
  get ok(): boolean { return this.answer.status >= 200 && this.answer.status < 300; }
  get url(): string { return this.answer.url; }
  private consume(): Buffer {
    if (this.bodyUsed) throw new TypeError('The body has already been read.');
    this.bodyUsed = true;
    return this.answer.body;
  }
  async text(): Promise<string> { return this.consume().toString('utf8'); }
  async json(): Promise<unknown> { return JSON.parse(this.consume().toString('utf8')); }
  async arrayBuffer(): Promise<ArrayBuffer> {
    const body = this.consume();
    return body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
  }
  clone(): SubgraphResponse { return new SubgraphResponse(this.answer); }
}

/**
 * A subgraph answers 400 with GraphQL errors when it refuses a variable the gateway cannot check
 * (a custom scalar such as LocalDate). Passed on as a 200 with those errors, the gateway hands the
 * subgraph's BAD_USER_INPUT to the client instead of turning the 400 into an internal error.
 */
function passOnGraphQLErrors(status: number, contentType: string | undefined): number {
  return status === 400 && /json/.test(contentType ?? '') ? 200 : status;
}

/**
 * The gateway's HTTP client to the subgraphs: a bounded keep-alive pool, and identical queries in
 * flight at the same moment (same subgraph, same viewer, same document and variables) sent once.
 * The merged response is shared as text and parsed by each waiter, so no request ever sees another
 * request's objects. Mutations are never merged.
 */
export function createSubgraphFetcher(options: SubgraphFetcherOptions) {
  const agent = new Agent({ connections: options.connections, keepAliveTimeout: 30_000, pipelining: 1 });
  const inflight = new Map<string, Promise<Answer>>();
  const signedRequest = (url: string, init: SubgraphRequestInit, unsigned: Record<string, string>, audience?: string) => {
    // Signed here, over the exact bytes that leave (method, path, body digest, a unique id).
    const target = new URL(url);
    const headers = audience && options.internalSecret
      ? { ...unsigned, ...signRequest(unsigned[VIEWER_HEADER] ?? encodeViewer(ANONYMOUS), audience, options.internalSecret, { method: init.method ?? 'GET', path: target.pathname + target.search, body: typeof init.body === 'string' ? init.body : null }) }
      : unsigned;
    return request(url, { method: (init.method ?? 'GET') as 'GET', headers, body: init.body, dispatcher: agent, signal: init.signal });
  };
  const send = async (url: string, init: SubgraphRequestInit, unsigned: Record<string, string>, audience?: string): Promise<Answer> => {
    const res = await signedRequest(url, init, unsigned, audience);
    const map = new Map<string, string>();
    for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) map.set(name, Array.isArray(value) ? value.join(', ') : value);
    const body = Buffer.from(await res.body.arrayBuffer());
    return { status: passOnGraphQLErrors(res.statusCode, map.get('content-type')), headers: map, body, url };
  };

  /** `audience`: the subgraph the request is signed for (unsigned without it). */
  const fetcher = async (url: string, init: SubgraphRequestInit = {}, audience?: string): Promise<FetcherResponse> => {
    // Between processes on one network a compressed answer costs the subgraph and the gateway CPU
    // for nothing (a profile showed zlib among the gateway's top costs).
    const headers = withHeader(init.headers, 'accept-encoding', 'identity');
    const body = typeof init.body === 'string' ? init.body : null;
    // Apollo Gateway serialises `{"query":…}` first: a mutation's body starts with its keyword.
    if (!options.mergeInflight || !body || body.startsWith('{"query":"mutation')) {
      return new SubgraphResponse(await send(url, init, headers, audience));
    }
    const key = `${url}\n${audience ?? ''}\n${headers[VIEWER_HEADER] ?? ''}\n${body}`;
    let pending = inflight.get(key);
    if (!pending) {
      pending = send(url, init, headers, audience).finally(() => inflight.delete(key));
      inflight.set(key, pending);
    }
    // Each waiter gets its own response over the shared bytes and parses them itself.
    return new SubgraphResponse(await pending);
  };
  /**
   * A signed request whose answer is passed on as it arrives, never held whole (pages, feeds and
   * exports that a subgraph serves beside GraphQL); never merged with another.
   */
  const stream = (url: string, init: SubgraphRequestInit, audience: string) =>
    signedRequest(url, init, withHeader(init.headers, 'accept-encoding', 'identity'), audience);
  return {
    fetcher,
    stream,
    /** The fetcher Apollo Gateway uses for one subgraph: every request signed for it. */
    forSubgraph: (audience: string) => (url: string, init?: SubgraphRequestInit) => fetcher(url, init, audience),
    close: () => agent.close(),
    inflightCount: () => inflight.size,
  };
}
