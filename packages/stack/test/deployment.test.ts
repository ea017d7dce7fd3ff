import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_SUBGRAPH_PORTS, SUBGRAPH_NAMES } from '@kommunenett/subgraph-kit';

const ROOT = join(__dirname, '../../..');
type ComposeService = { command?: string[]; environment?: Record<string, string>; healthcheck?: unknown; expose?: string[]; ports?: string[]; build?: { dockerfile: string } };
const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };

/** Source files of the processes that run in production (dev tools and tests left out). */
function productionSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return ['node_modules', 'dist', 'test', 'seed'].includes(name) ? [] : productionSources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) && !/(token-cli|embedded-main|start|seed|testing)\.ts$/.test(name) ? [path] : [];
  });
}

/**
 * Every environment variable a source file reads: `env.X`, or a key of a configuration schema
 * (`X: setting.int(…)`, see the kit's config.ts). Vite's `import.meta.env.X` in the dashboard is
 * fixed at build time, not read from the environment.
 */
function variablesReadBy(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?<!import\.meta\.)\benv\.([A-Z][A-Z0-9_]+)|\b([A-Z][A-Z0-9_]+):\s*(?:setting\.|int\()/g)].map((m) => m[1] ?? m[2]);
}

/** Variables only the development tools read (`pnpm start`, `pnpm token`, tests). */
const DEVELOPMENT_ONLY = new Set(['DATA_DIR', 'EMBEDDED_DB_PORT', 'EMBEDDED_DB_SHARED_BUFFERS', 'TEST_LOG_LEVEL', 'PORT']);

describe('docker-compose.yml', () => {
  it('runs PostgreSQL 16, the four subgraphs and the gateway from the one Dockerfile, each with a health check', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['gateway', 'handbook', 'networks', 'participants', 'postgres', 'reports', 'router', 'router-coprocessor']);
    expect(JSON.stringify(compose.services.postgres)).toContain('postgres:16');
    for (const name of [...SUBGRAPH_NAMES, 'gateway']) {
      const service = compose.services[name];
      expect(service.build?.dockerfile).toBe('infra/Dockerfile');
      expect(service.healthcheck).toBeDefined();
      const script = service.command!.find((part) => part.endsWith('main.js'))!;
      expect(existsSync(join(ROOT, script.replace('/dist/', '/src/').replace(/\.js$/, '.ts')))).toBe(true);
    }
    for (const name of SUBGRAPH_NAMES) {
      const env = compose.services[name].environment!;
      expect(env[`${name.toUpperCase()}_PORT`]).toBe(String(DEFAULT_SUBGRAPH_PORTS[name]));
      expect(compose.services[name].expose).toEqual([String(DEFAULT_SUBGRAPH_PORTS[name])]);
      expect(compose.services.gateway.environment![`${name.toUpperCase()}_SUBGRAPH_URL`]).toBe(`http://${name}:${DEFAULT_SUBGRAPH_PORTS[name]}/graphql`);
    }
    expect(compose.services.gateway.ports).toEqual(['${PUBLISH_ADDRESS:-127.0.0.1}:4000:4000']);
  });

  it('offers Apollo Router on the same supergraph with the signing coprocessor', () => {
    const router = compose.services.router as ComposeService & { volumes: string[] };
    expect(router.volumes).toContain('./infra/supergraph.graphql:/config/supergraph.graphql:ro');
    expect(compose.services['router-coprocessor'].command).toContain('gateway/dist/router-coprocessor-main.js');
    const routerConfig = readFileSync(join(ROOT, 'infra/router.yaml'), 'utf8');
    for (const name of SUBGRAPH_NAMES) expect(routerConfig).toContain(`${name}: \${env.${name.toUpperCase()}_SUBGRAPH_URL`);
    expect(routerConfig).toContain('service_name: true');
  });

  it('sets every environment variable the production code reads', () => {
    const used = new Set<string>();
    for (const dir of ['gateway/src', 'services', 'packages/subgraph-kit/src', 'packages/db/src', 'packages/auth/src']) {
      for (const file of productionSources(join(ROOT, dir))) {
        for (const v of variablesReadBy(file)) used.add(v);
      }
    }
    const provided = new Set(Object.values(compose.services).flatMap((s) => Object.keys(s.environment ?? {})));
    const missing = [...used].filter((v) => !provided.has(v) && !DEVELOPMENT_ONLY.has(v));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(10);
  });

  it('documents every variable in the README', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const used = new Set<string>(DEVELOPMENT_ONLY);
    for (const dir of ['gateway/src', 'services', 'packages']) {
      for (const file of productionSources(join(ROOT, dir))) {
        for (const v of variablesReadBy(file)) used.add(v);
      }
    }
    expect([...used].filter((v) => !readme.includes(`\`${v}\``))).toEqual([]);
  });

  it('keeps secrets out of the file: they come from the environment', () => {
    const text = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    expect(text).toMatch(/INTERNAL_AUTH_SECRET: \$\{INTERNAL_AUTH_SECRET:\?/);
    expect(text).toMatch(/POSTGRES_PASSWORD: \$\{POSTGRES_PASSWORD:\?/);
  });
});

describe('infra/Dockerfile', () => {
  it('copies the manifest of every workspace before installing', () => {
    const dockerfile = readFileSync(join(ROOT, 'infra/Dockerfile'), 'utf8');
    const workspaces = ['gateway', ...readdirSync(join(ROOT, 'services')).map((d) => `services/${d}`), ...readdirSync(join(ROOT, 'packages')).map((d) => `packages/${d}`)]
      .filter((d) => existsSync(join(ROOT, d, 'package.json')));
    for (const dir of workspaces) expect(dockerfile).toContain(`COPY ${relative(ROOT, join(ROOT, dir))}/package.json`);
  });
});
