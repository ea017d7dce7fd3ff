import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTokenVerifier, DEV_TOKEN_SETTINGS, loadOrCreateDevKeys } from '@kommunenett/auth';

/**
 * Every token command the project prints (README, docs, the start banner, GraphiQL's comments)
 * has a form that works where only Node.js is installed, and each one runs from a shell as printed.
 */
const ROOT = join(__dirname, '../../..');
const SOURCES = [
  'README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`),
  'packages/stack/src/start.ts', 'gateway/src/graphiql-examples.ts', 'packages/auth/src/token-cli.ts',
];

/** Token commands in a text, continuation lines joined: anything that starts like `npm … token` or `pnpm … token`. */
function printedCommands(text: string): string[] {
  const joined = text.replace(/\\\n\s*/g, '');
  return [...joined.matchAll(/\b(?:npm|pnpm)(?:\s+run|\s+-s)*\s+token\b[^`\n()]*/g)].map((m) => m[0].trim());
}

const printed = SOURCES.flatMap((file) => printedCommands(readFileSync(join(ROOT, file), 'utf8')).map((command) => ({ file, command })));
/** Synopses (`--role ROLE [--org ID] …`) and the bare name are checked for their form; the rest are run. */
const isSynopsis = (command: string) => /ROLE|\[|…/.test(command) || !command.includes('--role');
const runnable = [...new Set(printed.filter((p) => !isSynopsis(p.command)).map((p) => p.command))];

let dataDir: string;
beforeAll(() => { dataDir = mkdtempSync(join(tmpdir(), 'kommunenett-token-')); });
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('finds the token commands the project prints, each in a form that works with only Node.js (npm run token --) or with pnpm (pnpm run token)', () => {
  expect(printed.length).toBeGreaterThan(10);
  expect([...new Set(printed.map((p) => p.file))]).toEqual(expect.arrayContaining(['README.md', 'packages/stack/src/start.ts', 'gateway/src/graphiql-examples.ts']));
  const wrong = printed.filter((p) => !/^(npm run token(?: -- |$)|pnpm run token(?: |$))/.test(p.command));
  expect(wrong).toEqual([]);
  expect(runnable.some((c) => c.startsWith('pnpm run token'))).toBe(true);
});

it.each(runnable.map((c) => [c]))('`%s` run from a shell prints a token the gateway accepts, with the claims asked for', async (command) => {
  const { stdout } = await promisify(execFile)('sh', ['-c', command], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir }, timeout: 120_000 });
  const token = stdout.trim().split('\n').pop()!;
  expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  const keys = await loadOrCreateDevKeys(dataDir);
  const viewer = await createTokenVerifier({ ...DEV_TOKEN_SETTINGS, jwks: { keys: [keys.publicJwk] } })(token);
  expect(viewer.role).toBe(/--role (\w+)/.exec(command)![1]);
  const org = /--org ([\w-]+)/.exec(command)?.[1];
  if (org) expect(viewer.organizationId).toBe(org);
  const municipality = /--municipality ([\w-]+)/.exec(command)?.[1];
  if (municipality) expect(viewer.municipalityId).toBe(municipality);
}, 180_000);
