import autocannon from 'autocannon';

export interface LoadRequest {
  /** Request body (JSON text); a function makes a new one per request (varied or unique inputs). */
  body: string | (() => string);
  headers?: Record<string, string>;
  /** Headers made per request from its body (a subgraph's signature is bound to one request). */
  sign?: (body: string) => Record<string, string>;
}

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Answers that were not HTTP 200, plus socket errors and timeouts. */
  errors: number;
  /** Answers with a GraphQL `errors` entry (counted on a sample of bodies). */
  graphqlErrors: number;
  statusCodes: Record<string, number>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Runs autocannon against one URL for `durationSeconds` with `connections` clients and returns
 * throughput and exact latency percentiles (from every response's time).
 */
export async function runLoad(url: string, request: LoadRequest, options: { connections: number; durationSeconds: number; expectStatus?: number }): Promise<LoadResult> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let graphqlErrors = 0;
  let sampled = 0;
  const headers = { 'content-type': 'application/json', ...request.headers };
  let finish: (error: Error | null, result: autocannon.Result) => void = () => undefined;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = (error, result) => (error ? reject(error) : resolve(result));
  });
  const instance = autocannon({
    url,
    method: 'POST',
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 30,
    headers,
    requests: [{
      method: 'POST',
      setupRequest: (req) => {
        const body = typeof request.body === 'function' ? request.body() : request.body;
        return { ...req, body, ...(request.sign && { headers: { ...headers, ...request.sign(body) } }) };
      },
      onResponse: (status, body) => {
        // Parsing every body would cost the load generator's CPU; one in ten is enough to see errors.
        if (status === 200 && sampled++ % 10 === 0 && body.includes('"errors"')) graphqlErrors += 10;
      },
    }],
  }, (error, result) => finish(error, result));
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
  });
  const result = await done;
  latencies.sort((a, b) => a - b);
  const expected = String(options.expectStatus ?? 200);
  const unexpected = Object.entries(statusCodes).filter(([code]) => code !== expected).reduce((n, [, count]) => n + count, 0);
  return {
    requests: latencies.length,
    requestsPerSecond: Math.round(latencies.length / options.durationSeconds),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    errors: unexpected + result.errors + result.timeouts,
    graphqlErrors,
    statusCodes,
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
