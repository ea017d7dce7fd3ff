import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

/** An error answered with an HTTP status and a GraphQL-shaped JSON body. */
export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/**
 * Answers an error. When the request's body was not read to its end (a 413 stops reading), the
 * connection is closed after the answer: the rest of the body would otherwise be read as the next
 * request, or keep a keep-alive socket waiting for it.
 */
export function sendError(res: ServerResponse, error: HttpError): void {
  const unread = !res.req.complete;
  // With `connection: close` Node ends the socket once the answer is written.
  sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] }, unread ? { connection: 'close' } : {});
}

/** Reads the whole body, refusing one over `limit` bytes with 413 before reading it all. */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  const tooLarge = () => new HttpError(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than the limit of ${limit} bytes.`);
  if (declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function headerMapOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** Smallest response worth compressing. */
const COMPRESS_FROM_BYTES = 1024;

/**
 * Reads a GraphQL request's body: capped (413), JSON parsed with a clear 400 when the content type
 * says JSON, the raw text otherwise (Apollo's CSRF prevention refuses form and text posts).
 * Nothing for GET.
 */
export async function readGraphQLBody(req: IncomingMessage, limit: number): Promise<unknown> {
  if (req.method !== 'POST') return undefined;
  const text = await readBody(req, limit);
  const contentType = req.headers['content-type'] ?? '';
  if (contentType.startsWith('application/json') || contentType.startsWith('application/graphql-response+json')) {
    try {
      return JSON.parse(text);
    } catch {
      throw new HttpError(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
    }
  }
  return text;
}

/**
 * Runs one GraphQL HTTP request through Apollo Server: body cap, JSON parsing with a clear 400,
 * CSRF prevention left to Apollo (it refuses form posts and GET mutations), gzip when asked.
 * `body` is the body already read by `readGraphQLBody`, when the caller needed it first.
 */
export async function handleGraphQLRequest<C extends BaseContext>(
  apollo: ApolloServer<C>,
  req: IncomingMessage,
  res: ServerResponse,
  options: { bodyLimit: number; context: () => Promise<C>; body?: unknown },
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const headers = headerMapOf(req);
  const body = 'body' in options ? options.body : await readGraphQLBody(req, options.bodyLimit);
  const result = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
    context: options.context,
  });
  const responseHeaders: Record<string, string> = {};
  for (const [key, value] of result.headers) responseHeaders[key] = value;
  // What Apollo's cache-control plugin says of an answer without cache hints, where it is off (the subgraphs).
  responseHeaders['cache-control'] ??= 'no-store';
  let payload: string | Buffer;
  if (result.body.kind === 'complete') {
    payload = result.body.string;
  } else {
    let text = '';
    for await (const chunk of result.body.asyncIterator) text += chunk;
    payload = text;
  }
  if (payload.length >= COMPRESS_FROM_BYTES && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    payload = gzipSync(payload, { level: 1 });
    responseHeaders['content-encoding'] = 'gzip';
    responseHeaders['vary'] = 'accept-encoding';
  }
  responseHeaders['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(result.status ?? 200, responseHeaders);
  res.end(payload);
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface RunningHttpServer {
  server: Server;
  port: number;
  url: string;
  close(timeoutMs?: number): Promise<void>;
}

/**
 * Starts an HTTP server whose handler errors become JSON answers (HttpError with its status,
 * anything else a masked 500), and which closes gracefully: it stops accepting, lets requests in
 * flight finish, then drops idle keep-alive sockets.
 */
export async function startHttpServer(handler: RequestHandler, port: number, host = '127.0.0.1', log?: { error(obj: unknown, msg: string): void }): Promise<RunningHttpServer> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) sendError(res, error);
      else {
        log?.error({ err: error }, 'request failed');
        sendError(res, new HttpError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error.'));
      }
    });
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 60_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    port: actualPort,
    url: `http://${host}:${actualPort}`,
    async close(timeoutMs = 10_000) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => { for (const s of sockets) s.destroy(); }, timeoutMs);
      await closed;
      clearTimeout(timer);
    },
  };
}

/** Calls `stop` once on SIGTERM or SIGINT, then exits. */
export function onShutdownSignal(stop: () => Promise<void>, log?: { info(msg: string): void; error(obj: unknown, msg: string): void }): void {
  let stopping = false;
  const handle = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log?.info(`${signal} received: shutting down`);
    stop().then(() => process.exit(0), (error: unknown) => {
      log?.error({ err: error }, 'shutdown failed');
      process.exit(1);
    });
  };
  process.once('SIGTERM', () => handle('SIGTERM'));
  process.once('SIGINT', () => handle('SIGINT'));
}
