import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { defaultClaims, ROLES } from '@kommunenett/auth';
import { GRAPHIQL_EXAMPLES } from './graphiql-examples';

/**
 * GraphiQL served from the installed packages: no CDN, works offline. Files are found from each
 * package's folder: react's `exports` map hides `react/umd/…` from `require.resolve`.
 */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  '/graphiql/react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  '/graphiql/react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  '/graphiql/graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  '/graphiql/graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

const cache = new Map<string, Buffer>();

/** JSON safe inside a <script> element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** Escapes text for HTML. */
const html = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A role with the claims `POST /dev/token` fills in for it, e.g. "COORDINATOR (municipality NO-3201)". */
function roleLabel(role: (typeof ROLES)[number]): string {
  const { org, municipality, networks } = defaultClaims(role);
  const scope = [org && `org ${org}`, municipality && `municipality ${municipality}`, networks && `${networks.length} network`].filter(Boolean);
  return scope.length ? `${role} (${scope.join(', ')})` : role;
}

/**
 * The role picker, only while the gateway signs development tokens (`POST /dev/token`, the
 * development key): a chosen role's token goes with every request; a header typed under Headers wins.
 */
const ROLE_PICKER = `<div class="dev-sign-in">
    <label for="dev-role">Development sign-in</label>
    <select id="dev-role"><option value="">Anonymous</option>${ROLES.map((r) => `<option value="${r}">${html(roleLabel(r))}</option>`).join('')}</select>
    <span id="dev-role-status" role="status">Anonymous</span>
  </div>`;

const ROLE_PICKER_SCRIPT = `
    document.getElementById('dev-role').addEventListener('change', async (event) => {
      const role = event.target.value;
      const status = document.getElementById('dev-role-status');
      devToken = null;
      if (!role) { status.textContent = 'Anonymous'; return; }
      status.textContent = 'Signing in as ' + role + '…';
      const res = await fetch('/dev/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role }) });
      const body = await res.json();
      if (!res.ok) { status.textContent = (body.errors && body.errors[0] && body.errors[0].message) || 'No token'; return; }
      devToken = body.token;
      status.textContent = 'Signed in as ' + role + ' until ' + new Date(body.expiresAt).toLocaleString();
    });`;

// Tabs start without headers: anonymous works, and a placeholder header would break the first schema fetch.
const page = (devTokens: boolean) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>kommunenett GraphiQL</title>
  <link rel="stylesheet" href="/graphiql/graphiql.css">
  <style>
    body { margin: 0; height: 100vh; display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
    #graphiql { flex: 1; min-height: 0; }
    .dev-sign-in { display: flex; gap: 0.5rem; align-items: center; padding: 0.4rem 0.8rem; font-size: 0.9rem; border-bottom: 1px solid #ddd; }
  </style>
</head>
<body>
  ${devTokens ? ROLE_PICKER : ''}
  <div id="graphiql">Loading…</div>
  <script src="/graphiql/react.js"></script>
  <script src="/graphiql/react-dom.js"></script>
  <script src="/graphiql/graphiql.js"></script>
  <script>
    let devToken = null;
    const base = GraphiQL.createFetcher({ url: '/graphql', headers: { 'apollo-require-preflight': 'true' } });
    // GraphiQL learns the operation name a moment after the editor's text changes (a tab switch, a
    // paste); a run within that moment names an operation the text no longer holds. The text's only
    // operation is then the one meant.
    const operationNames = (query) =>
      [...query.replace(/#[^\\n]*/g, '').matchAll(/\\b(?:query|mutation|subscription)\\s+([_A-Za-z][_0-9A-Za-z]*)/g)].map((m) => m[1]);
    const withOperationName = (params) => {
      if (!params.operationName || typeof params.query !== 'string') return params;
      const names = operationNames(params.query);
      return names.includes(params.operationName) || names.length !== 1 ? params : { ...params, operationName: names[0] };
    };
    const fetcher = (params, options) => base(withOperationName(params), {
      ...options, headers: { ...(devToken ? { Authorization: 'Bearer ' + devToken } : {}), ...(options && options.headers) },
    });
    const tabs = ${scriptJson(GRAPHIQL_EXAMPLES.map((e) => ({ query: e.query })))};
    ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, {
      fetcher,
      defaultEditorToolsVisibility: true,
      defaultQuery: tabs[0].query,
      defaultTabs: tabs,
    }));${devTokens ? ROLE_PICKER_SCRIPT : ''}
  </script>
</body>
</html>`;

const PAGES = { withRolePicker: page(true), withoutRolePicker: page(false) };

/** A browser opening `/graphql` (GET, HTML accepted) is sent to GraphiQL instead of a CSRF refusal. */
export function isBrowserNavigation(req: IncomingMessage): boolean {
  return req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
}

/**
 * Answers GraphiQL's page and assets; returns false for any other path. `devTokens`: the gateway
 * signs development tokens, so the page offers its role picker.
 */
export function serveGraphiql(path: string, res: ServerResponse, devTokens: boolean): boolean {
  if (path === '/' || path === '/graphiql') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    res.end(devTokens ? PAGES.withRolePicker : PAGES.withoutRolePicker);
    return true;
  }
  const asset = ASSETS[path];
  if (!asset) return false;
  let body = cache.get(path);
  if (!body) {
    body = readFileSync(join(dirname(require.resolve(`${asset.pkg}/package.json`)), asset.file));
    cache.set(path, body);
  }
  res.writeHead(200, { 'content-type': `${asset.type}; charset=utf-8`, 'cache-control': 'public, max-age=86400' });
  res.end(body);
  return true;
}
