import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
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

// Tabs start without headers: anonymous works, and a placeholder header would break the first schema fetch.
const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>kommunenett GraphiQL</title>
  <link rel="stylesheet" href="/graphiql/graphiql.css">
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading…</div>
  <script src="/graphiql/react.js"></script>
  <script src="/graphiql/react-dom.js"></script>
  <script src="/graphiql/graphiql.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: '/graphql', headers: { 'apollo-require-preflight': 'true' } });
    const tabs = ${scriptJson(GRAPHIQL_EXAMPLES.map((e) => ({ query: e.query })))};
    ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, {
      fetcher,
      defaultEditorToolsVisibility: true,
      defaultQuery: tabs[0].query,
      defaultTabs: tabs,
    }));
  </script>
</body>
</html>`;

/** A browser opening `/graphql` (GET, HTML accepted) is sent to GraphiQL instead of a CSRF refusal. */
export function isBrowserNavigation(req: IncomingMessage): boolean {
  return req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
}

/** Answers GraphiQL's page and assets; returns false for any other path. */
export function serveGraphiql(path: string, res: ServerResponse): boolean {
  if (path === '/' || path === '/graphiql') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    res.end(PAGE);
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
