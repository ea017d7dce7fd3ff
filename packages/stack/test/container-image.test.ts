import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ignore from '@balena/dockerignore';
import { parse } from 'yaml';

/**
 * What the image would hold: the files infra/Dockerfile copies from the build context, computed
 * with Docker's own .dockerignore rules (@balena/dockerignore), over this working tree as it is
 * (with its node_modules, builds and .data) and over paths a developer's tree may have.
 */
const ROOT = join(__dirname, '../../..');
const rules = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
const context = ignore().add(rules);

/** Files of the build context that survive .dockerignore, not descending into excluded folders (no rule re-includes under them). */
function contextFiles(dir = ''): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (context.ignores(path)) return [];
    return entry.isDirectory() ? contextFiles(path) : [path];
  });
}

/** Sources of the Dockerfile's COPY instructions from the build context (not `--from` another stage). */
function copiedSources(): string[] {
  const dockerfile = readFileSync(join(ROOT, 'infra/Dockerfile'), 'utf8');
  return [...dockerfile.matchAll(/^COPY\s+(?!--from)(?:--\S+\s+)*(.+)$/gm)].flatMap((m) => m[1].trim().split(/\s+/).slice(0, -1));
}

const FORBIDDEN = [
  /(^|\/)\.data(\/|$)/, /(^|\/)node_modules(\/|$)/, /(^|\/)\.env(\.|$)/, /(^|\/)dev-keys(\/|$)/, /\.(pem|key|p12|pfx|jwk)$/, /(^|\/)\.git(\/|$)/,
];

describe('the container image', () => {
  it('keeps the rules simple enough to prune excluded folders: no rule re-includes a path', () => {
    expect(rules.filter((r) => r.trim().startsWith('!'))).toEqual([]);
  });

  it('copies no .data, node_modules, .env file, key or .git from this working tree', () => {
    const sources = copiedSources();
    expect(sources).toContain('.');
    const files = [...new Set(sources.flatMap((s) => (s === '.' ? contextFiles() : [s])))];
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => FORBIDDEN.some((p) => p.test(f)))).toEqual([]);
    // What the build needs is still there.
    expect(files).toEqual(expect.arrayContaining(['package.json', 'pnpm-lock.yaml', 'infra/supergraph.graphql', 'services/networks/src/index.ts', 'packages/reference-data/data/municipalities-no.csv']));
  });

  it('excludes what a developer’s tree may hold, wherever it is', () => {
    const strays = [
      '.data/dev-keys/private.jwk', '.data/dev-keys/internal-secret', '.data/pglite/base/1/1259', '.data/screenshots/graphiql-anonymous.png',
      'node_modules/react/index.js', 'services/networks/node_modules/ical-generator/package.json', 'services/networks/dist/main.js',
      '.env', '.env.local', 'infra/.env.production', 'infra/tls/server.key', 'infra/tls/server.pem', 'secrets/client.p12',
      '.git/config', 'packages/auth/tsconfig.tsbuildinfo',
    ];
    expect(strays.filter((p) => !context.ignores(p))).toEqual([]);
  });

  it('publishes ports on loopback unless PUBLISH_ADDRESS says otherwise', () => {
    const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, { ports?: string[] }> };
    const published = Object.values(compose.services).flatMap((s) => s.ports ?? []);
    expect(published.length).toBeGreaterThan(0);
    for (const port of published) expect(port).toMatch(/^\$\{PUBLISH_ADDRESS:-127\.0\.0\.1\}:\d+:\d+$/);
  });
});
