import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { formatDocument, stringifyDocument } from '@urql/core';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import * as generated from '../src/generated/graphql';

const DASHBOARD = join(__dirname, '..');
const GENERATED = join(DASHBOARD, 'src', 'generated');

interface Manifest { format: string; version: number; operations: { id: string; name: string; type: string; body: string }[] }
const manifest = JSON.parse(readFileSync(join(GENERATED, 'persisted-queries.json'), 'utf8')) as Manifest;

it('has typed operations and a persisted query manifest generated from the current API schema (run `pnpm --filter @kommunenett/dashboard codegen` when this fails)', async () => {
  const fresh = JSON.parse(execFileSync(process.execPath, [join(DASHBOARD, 'codegen.cjs'), '--print'], { encoding: 'utf8' })) as { typescript: string; manifest: string };
  expect(fresh.typescript.length).toBeGreaterThan(1000);
  expect(readFileSync(join(GENERATED, 'graphql.ts'), 'utf8')).toBe(fresh.typescript);
  expect(readFileSync(join(GENERATED, 'persisted-queries.json'), 'utf8')).toBe(fresh.manifest);
});

it('persists every typed operation under the hash the client computes for it', () => {
  // What urql sends: Graphcache's formatDocument, urql's printer, SHA-256 (the persisted exchange's hash).
  const documents = Object.entries(generated).filter(([name]) => name.endsWith('Document')).map(([, doc]) => doc as DocumentNode);
  expect(documents.length).toBe(manifest.operations.length);
  for (const document of documents) {
    const name = (document.definitions[0] as OperationDefinitionNode).name!.value;
    const body = stringifyDocument(formatDocument(document));
    const entry = manifest.operations.find((o) => o.name === name);
    expect(entry).toEqual({ id: createHash('sha256').update(body).digest('hex'), name, type: 'query', body });
  }
  // The gateway loads the manifest from the build it serves.
  expect(readFileSync(join(DASHBOARD, 'dist', 'persisted-queries.json'), 'utf8')).toBe(readFileSync(join(GENERATED, 'persisted-queries.json'), 'utf8'));
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
