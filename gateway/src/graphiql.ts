import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';

/** GraphiQL served from the installed packages: no CDN, works offline. */
const ASSETS: Record<string, { file: string; type: string }> = {
  '/graphiql/react.js': { file: 'react/umd/react.production.min.js', type: 'text/javascript' },
  '/graphiql/react-dom.js': { file: 'react-dom/umd/react-dom.production.min.js', type: 'text/javascript' },
  '/graphiql/graphiql.js': { file: 'graphiql/graphiql.min.js', type: 'text/javascript' },
  '/graphiql/graphiql.css': { file: 'graphiql/graphiql.min.css', type: 'text/css' },
};

const cache = new Map<string, Buffer>();

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
    ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, {
      fetcher,
      defaultEditorToolsVisibility: true,
      defaultHeaders: '{\\n  "Authorization": "Bearer <paste the output of: pnpm token --role ORG_ADMIN --org ks>"\\n}',
      defaultQuery: '# kommunenett: the federated graph of municipal learning networks.\\n{\\n  networks(first: 5) {\\n    totalCount\\n    edges { node { name status hosts { name } sessions { sequence title startsAt plannedMonth } } }\\n  }\\n}\\n',
    }));
  </script>
</body>
</html>`;

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
    body = readFileSync(require.resolve(asset.file));
    cache.set(path, body);
  }
  res.writeHead(200, { 'content-type': `${asset.type}; charset=utf-8`, 'cache-control': 'public, max-age=86400' });
  res.end(body);
  return true;
}
