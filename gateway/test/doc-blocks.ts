import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { claimsFromArgs, type Role, type TokenClaims } from '@kommunenett/auth';
import { DEMO } from '@kommunenett/reference-data';

export const REPO_ROOT = join(__dirname, '../..');

/** One fenced ```graphql block of the documentation. */
export interface DocBlock {
  /** `README.md:120`: file and line of the opening fence. */
  where: string;
  text: string;
  /** Name of the block's first operation, if it has one. */
  name: string | null;
  /** The role the block runs as (from its `# token: npm run token -- …` line); null for anonymous. */
  role: Role | null;
  claims: Partial<TokenClaims>;
}

/** README.md and every docs/*.md page. */
export function documentationFiles(): string[] {
  return ['README.md', ...readdirSync(join(REPO_ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
}

/**
 * Every ```graphql block of a Markdown file. A block names the role it runs as in a first comment
 * line with the token command a reader would run: `# token: npm run token -- --role ORG_ADMIN --org ks`;
 * a block without one runs anonymously.
 */
export function graphqlBlocks(file: string): DocBlock[] {
  const lines = readFileSync(join(REPO_ROOT, file), 'utf8').split('\n');
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```graphql') continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i].trim() !== '```'; i++) body.push(lines[i]);
    const text = body.join('\n');
    const token = /^#\s*token:\s*(?:npm|pnpm) run token (?:-- )?(.*)$/m.exec(text);
    let role: Role | null = null;
    let claims: Partial<TokenClaims> = {};
    if (token) {
      const parsed = claimsFromArgs(token[1].trim().split(/\s+/));
      if ('error' in parsed) throw new Error(`${file}:${start + 1}: ${parsed.error}`);
      ({ role, ...claims } = parsed.claims);
    }
    const name = /^\s*(?:query|mutation|subscription)\s+([A-Za-z_]\w*)/m.exec(text)?.[1] ?? null;
    blocks.push({ where: `${file}:${start + 1}`, text, name, role, claims });
  }
  return blocks;
}

/** `"<DEMO.networks.antikorrupsjonA>"` in a `# variables:` line stands for that demo id (readers copy it from a query's answer). */
export function variablesOf(block: DocBlock): Record<string, unknown> {
  const line = /^#\s*variables:\s*(\{.*\})\s*$/m.exec(block.text);
  if (!line) return {};
  return JSON.parse(line[1].replace(/<DEMO\.([\w.]+)>/g, (_m, path: string) => {
    const value = path.split('.').reduce<any>((o, k) => o?.[k], DEMO);
    if (typeof value !== 'string') throw new Error(`${block.where}: no demo id DEMO.${path}`);
    return value;
  }));
}
