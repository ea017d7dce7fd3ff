import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DASHBOARD = join(__dirname, '..');

it('has typed operations generated from the current API schema (run `pnpm --filter @kommunenett/dashboard codegen` when this fails)', async () => {
  const committed = readFileSync(join(DASHBOARD, 'src', 'generated', 'graphql.ts'), 'utf8');
  const fresh = execFileSync(process.execPath, [join(DASHBOARD, 'codegen.cjs'), '--print'], { encoding: 'utf8' });
  expect(fresh.length).toBeGreaterThan(1000);
  expect(committed).toBe(fresh);
});

it('loads under 300 kB of compressed JavaScript on first load (the built entry and what it preloads)', () => {
  const html = readFileSync(join(DASHBOARD, 'dist', 'index.html'), 'utf8');
  // Scripts and module preloads of the page; chunks loaded later (charts, OIDC) are not first load.
  const scripts = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/dashboard\/([^"]+\.js)"/g)].map((m) => m[1]);
  expect(scripts.length).toBeGreaterThan(0);
  const compressed = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(join(DASHBOARD, 'dist', file)), { level: 9 }).length, 0);
  expect(statSync(join(DASHBOARD, 'dist', scripts[0])).size).toBeGreaterThan(10_000);
  expect(compressed).toBeLessThan(300_000);
});
