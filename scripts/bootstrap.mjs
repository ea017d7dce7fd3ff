#!/usr/bin/env node
/**
 * The README's two commands on a machine that has only Node.js:
 *   node scripts/bootstrap.mjs start   install, build, start the whole graph
 *   node scripts/bootstrap.mjs test    install, build, run every test
 *   node scripts/bootstrap.mjs token … print a development token (installs and builds first on a fresh clone)
 * It uses pnpm from PATH when it is the pinned major version, else corepack, else `npx pnpm@<pinned>`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];
const major = pinned.split('.')[0];
const env = { ...process.env, COREPACK_INTEGRITY_KEYS: process.env.COREPACK_INTEGRITY_KEYS ?? '0', COREPACK_ENABLE_DOWNLOAD_PROMPT: '0' };

function works(command, args) {
  const result = spawnSync(command, [...args, '--version'], { cwd: root, env, encoding: 'utf8', shell: process.platform === 'win32' });
  return result.status === 0 && result.stdout.trim().startsWith(`${major}.`);
}

function findPnpm() {
  if (works('pnpm', [])) return ['pnpm'];
  if (works('corepack', ['pnpm'])) return ['corepack', 'pnpm'];
  console.log(`[bootstrap] pnpm ${major}.x not found; using npx pnpm@${pinned}`);
  return ['npx', '--yes', `pnpm@${pinned}`];
}

// `token` prints the token alone on stdout (for `$(npm run -s token -- …)`): its progress goes to stderr.
const task = process.argv[2];
const extra = process.argv.slice(3);
const stdio = task === 'token' ? ['inherit', process.stderr, 'inherit'] : 'inherit';
const say = task === 'token' ? console.error : console.log;

function run(pnpm, args) {
  say(`[bootstrap] pnpm ${args.join(' ')}`);
  const [command, ...prefix] = pnpm;
  const result = spawnSync(command, [...prefix, ...args], { cwd: root, env, stdio, shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (task !== 'start' && task !== 'test' && task !== 'token') {
  console.error('usage: node scripts/bootstrap.mjs start|test|token');
  process.exit(2);
}
const tokenCli = join(root, 'packages/auth/dist/token-cli.js');
if (task === 'token' && existsSync(tokenCli)) {
  const result = spawnSync(process.execPath, [tokenCli, ...extra], { cwd: root, env, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
const pnpm = findPnpm();
run(pnpm, ['install', '--frozen-lockfile']);
run(pnpm, ['run', 'build']);
if (task === 'start') {
  // Ctrl-C reaches every process of the terminal's group: this one waits for the stack to stop
  // cleanly (start.js handles the signal and exits 0) and then exits 0 too, so neither npm nor
  // pnpm reports a failed command. The stack runs without a pnpm in between for the same reason.
  // A signal sent to this process alone (`kill`, a process manager) is passed on: the stack
  // stops once however many copies of the signal reach it.
  say('[bootstrap] node packages/stack/dist/start.js');
  const stack = spawn(process.execPath, [join(root, 'packages/stack/dist/start.js'), ...extra], { cwd: root, env, stdio });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stack.kill(signal));
  stack.on('exit', (status, signal) => process.exit(signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : (status ?? 1)));
}
else if (task === 'test') run(pnpm, ['run', 'jest', ...extra]);
else process.exit(spawnSync(process.execPath, [tokenCli, ...extra], { cwd: root, env, stdio: 'inherit' }).status ?? 1);
