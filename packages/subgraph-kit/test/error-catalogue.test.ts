import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type EnumTypeDefinitionNode } from 'graphql';
import { DEPRECATED_USER_ERROR_CODES, ErrorCode, PUBLIC_ERROR_CODES, USER_ERROR_CODES } from '../src';

const ROOT = join(__dirname, '../../..');
const errorsPage = readFileSync(join(ROOT, 'docs/errors.md'), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist') return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the error catalogue', () => {
  it('describes every user error code in docs/errors.md, with the description the schema gives', () => {
    for (const [code, description] of Object.entries(USER_ERROR_CODES)) {
      expect(errorsPage).toContain(`| \`${code}\` | ${description} |`);
    }
    for (const [code, replacement] of Object.entries(DEPRECATED_USER_ERROR_CODES)) {
      expect(errorsPage).toContain(`| \`${code}\` | ${replacement} |`);
    }
  });

  it('lists the GraphQL-level error codes in the same page', () => {
    for (const code of [...Object.values(ErrorCode), ...PUBLIC_ERROR_CODES]) expect(errorsPage).toContain(`\`${code}\``);
  });

  it('has every code a service writes into a user error (codes in refusals, user errors and zod rules)', () => {
    const known = new Set(Object.keys(USER_ERROR_CODES));
    const written = new Set<string>();
    for (const file of ['services', 'packages/subgraph-kit/src'].flatMap((d) => sources(join(ROOT, d)))) {
      const text = readFileSync(file, 'utf8');
      // refuse(field, message, 'CODE'), userError(field, message, 'CODE'), withCode('CODE', …), params: { code: 'CODE' }, code: 'CODE'
      for (const match of text.matchAll(/(?:refuse|userError)\([^;]*?'([A-Z][A-Z_]+)'\)|withCode\('([A-Z][A-Z_]+)'|code: '([A-Z][A-Z_]+)'/g)) {
        written.add(match[1] ?? match[2] ?? match[3]);
      }
    }
    // Node's error code for a host without a public address; not a user error.
    written.delete('ENOTPUBLIC');
    expect(written.size).toBeGreaterThan(40);
    expect([...written].filter((code) => !known.has(code) && code !== 'INTERNAL_SERVER_ERROR')).toEqual([]);
  });

  it('is one enum in the composed API, with every code described and the old ones deprecated', () => {
    const supergraph = parse(readFileSync(join(ROOT, 'infra/supergraph.graphql'), 'utf8'));
    const userErrorCode = supergraph.definitions.find((d): d is EnumTypeDefinitionNode => d.kind === 'EnumTypeDefinition' && d.name.value === 'UserErrorCode');
    const values = new Map(userErrorCode!.values!.map((v) => [v.name.value, v]));
    expect([...values.keys()].sort()).toEqual([...Object.keys(USER_ERROR_CODES), ...Object.keys(DEPRECATED_USER_ERROR_CODES)].sort());
    for (const [code, description] of Object.entries(USER_ERROR_CODES)) expect(values.get(code)!.description?.value).toBe(description);
    for (const code of Object.keys(DEPRECATED_USER_ERROR_CODES)) {
      expect(values.get(code)!.directives!.map((d) => d.name.value)).toContain('deprecated');
    }
  });
});
