import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HttpError, sendJson } from '@kommunenett/subgraph-kit/serving';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json; charset=utf-8', '.ico': 'image/x-icon',
};

export interface DashboardOptions {
  /** The dashboard's build output (packages/dashboard/dist). */
  dir: string;
  /** `POST /dev/token` is available: the dashboard shows its role picker. */
  devTokens: boolean;
  /** OpenID Connect sign-in for production: the issuer and the dashboard's client id. */
  oidc: { authority: string; clientId: string; scope: string } | null;
}

/**
 * Serves the dashboard at /dashboard/ from the same origin as /graphql: hashed assets cached for
 * a year (gzip when accepted), every other path the app's index.html (the app routes itself), and
 * /dashboard/config.json telling the app how to sign in. The content security policy lets the
 * page talk only to this origin (and to the identity provider for sign-in).
 */
export function dashboardHandler(options: DashboardOptions) {
  const files = new Map<string, { body: Buffer; gzip: Buffer | null }>();
  const connect = ["'self'", ...(options.oidc ? [new URL(options.oidc.authority).origin] : [])].join(' ');
  const security = {
    'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src ${connect}; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
  };
  const load = (file: string) => {
    let entry = files.get(file);
    if (!entry) {
      const body = readFileSync(file);
      entry = { body, gzip: /\.(js|css|html|svg|json)$/.test(file) && body.length > 1024 ? gzipSync(body) : null };
      files.set(file, entry);
    }
    return entry;
  };
  const send = (req: IncomingMessage, res: ServerResponse, file: string, cache: string) => {
    const { body, gzip } = load(file);
    const useGzip = gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, {
      ...security, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache, vary: 'accept-encoding',
      ...(useGzip && { 'content-encoding': 'gzip' }), 'content-length': String(useGzip ? gzip.length : body.length),
    });
    res.end(req.method === 'HEAD' ? undefined : useGzip ? gzip : body);
  };

  return (req: IncomingMessage, res: ServerResponse, path: string): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'The dashboard answers GET only.');
    if (path === '/dashboard') {
      res.writeHead(301, { location: '/dashboard/' });
      res.end();
      return;
    }
    if (path === '/dashboard/config.json') return sendJson(res, 200, { devTokens: options.devTokens, oidc: options.oidc }, { 'cache-control': 'no-store' });
    const index = join(options.dir, 'index.html');
    if (!existsSync(index)) throw new HttpError(404, 'NOT_FOUND', 'The dashboard is not built: run pnpm run build.');
    if (path.startsWith('/dashboard/assets/')) {
      const file = normalize(join(options.dir, path.slice('/dashboard/'.length)));
      if (!file.startsWith(join(options.dir, 'assets')) || !existsSync(file)) throw new HttpError(404, 'NOT_FOUND', 'No such dashboard file.');
      return send(req, res, file, 'public, max-age=31536000, immutable');
    }
    send(req, res, index, 'no-cache');
  };
}
