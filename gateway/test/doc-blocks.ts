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
  /** Values to keep from this block's answers for later blocks of the same page (`# capture:` lines). */
  captures: Capture[];
}

/**
 * `# capture: registrationId = RegisterKari.data.registerParticipant.registration.id`: after the
 * operation runs (any operation of the block whose answer has the path, when none is named), its
 * value is kept under the name; later blocks of the page use it as `"<capture:registrationId>"`.
 */
export interface Capture {
  name: string;
  operation: string | null;
  /** Keys and list indexes below the answer, starting with `data`. */
  path: string[];
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
    const captures = [...text.matchAll(/^#\s*capture:\s*(\w+)\s*=\s*(?:([A-Za-z_]\w*)\.)?(data(?:\.[\w-]+)+)\s*$/gm)]
      .map(([, captureName, operation, path]) => ({ name: captureName, operation: operation ?? null, path: path.split('.') }));
    if (captures.length !== [...text.matchAll(/^#\s*capture:/gm)].length) throw new Error(`${file}:${start + 1}: a # capture: line is not "name = [Operation.]data.path"`);
    blocks.push({ where: `${file}:${start + 1}`, text, name, role, claims, captures });
  }
  return blocks;
}

/** The value at a capture's path in an operation's answer; undefined when the answer has none. */
export function captureFrom(answer: unknown, capture: Capture): unknown {
  return capture.path.reduce<any>((o, key) => (o === null || o === undefined ? undefined : o[key]), answer);
}

/**
 * The variables of one operation of a block: the `# variables: {…}` line, overridden by a
 * `# variables Operation: {…}` line for that operation. In them `"<DEMO.networks.antikorrupsjonA>"`
 * stands for that demo id and `"<capture:name>"` for a value an earlier block captured (readers copy
 * both from an earlier answer); a placeholder that is the whole string takes the value's type.
 */
export function variablesOf(
  block: DocBlock, operation: string | null = null, captured: ReadonlyMap<string, unknown> = new Map(), names?: string[],
): Record<string, unknown> {
  const lines = [...block.text.matchAll(/^#\s*variables(?:\s+([A-Za-z_]\w*))?:\s*(\{.*\})\s*$/gm)]
    .filter(([, forOperation]) => !forOperation || forOperation === operation)
    .sort(([, a], [, b]) => Number(!!a) - Number(!!b));
  const variables: Record<string, unknown> = {};
  for (const [, , json] of lines) Object.assign(variables, JSON.parse(json));
  // Only the variables the operation uses: a later operation's may name a value not captured yet.
  return Object.fromEntries(Object.entries(variables).filter(([name]) => !names || names.includes(name))
    .map(([name, value]) => [name, JSON.parse(JSON.stringify(value), (_key, v: unknown) => substitute(block, v, captured))]));
}

function substitute(block: DocBlock, value: unknown, captured: ReadonlyMap<string, unknown>): unknown {
  if (typeof value !== 'string') return value;
  const lookup = (kind: string, path: string): unknown => {
    const found = kind === 'DEMO' ? path.split('.').reduce<any>((o, k) => o?.[k], DEMO) : captured.get(path);
    if (found === undefined || found === null || typeof found === 'object') {
      throw new Error(kind === 'DEMO' ? `${block.where}: no demo id DEMO.${path}` : `${block.where}: nothing captured as ${path} (an earlier block of the page captures it with "# capture: ${path} = …")`);
    }
    return found;
  };
  const whole = /^<(DEMO|capture)[.:]([\w.]+)>$/.exec(value);
  if (whole) return lookup(whole[1], whole[2]);
  return value.replace(/<(DEMO|capture)[.:]([\w.]+)>/g, (_m, kind: string, path: string) => String(lookup(kind, path)));
}
