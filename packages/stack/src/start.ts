/**
 * `pnpm start`: the embedded database (unless DATABASE_URL is set), the four subgraphs and the
 * gateway as separate processes with prefixed logs. Waits until all are ready, then prints where
 * to open the graph. Ctrl-C stops the gateway first and the database last.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { loadOrCreateDevKeys } from '@kommunenett/auth';
import { DEFAULT_SUBGRAPH_PORTS, SUBGRAPH_NAMES } from '@kommunenett/subgraph-kit';

const ROOT = resolve(__dirname, '../../..');
const started = Date.now();
const children: { name: string; child: ChildProcess }[] = [];
const COLORS = ['36', '33', '35', '32', '34', '31'];

function format(line: string): string {
  try {
    const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string }; [k: string]: unknown };
    const level = ({ 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' } as Record<number, string>)[entry.level ?? 30] ?? 'info';
    const { level: _l, time: _t, pid: _p, hostname: _h, service: _s, name: _n, msg, err, ...rest } = entry;
    const details = Object.entries(rest).filter(([, v]) => typeof v !== 'object').map(([k, v]) => `${k}=${String(v)}`).join(' ');
    return `${level.padEnd(5)} ${msg ?? ''}${details ? ` ${details}` : ''}${err?.message ? ` (${err.message})` : ''}`;
  } catch {
    return line;
  }
}

function launch(name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  // A process group of its own: Ctrl-C reaches only this orchestrator, which stops the children
  // in order (gateway first, database last) instead of all at once.
  const child = spawn(process.execPath, ['--enable-source-maps', join(ROOT, script)], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const color = COLORS[children.length % COLORS.length];
  const prefix = `\x1b[${color}m${name.padEnd(12)}\x1b[0m|`;
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => console.log(`${prefix} ${format(line)}`));
  }
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${prefix} exited (${signal ?? code}); stopping everything`);
      void stopAll(1);
    }
  });
  children.push({ name, child });
  return child;
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) throw new Error('stopping');
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${what} did not become ready within ${timeoutMs / 1000} s`);
}

const portOpen = (port: number) => new Promise<boolean>((resolveOpen) => {
  const socket = connect(port, '127.0.0.1');
  socket.once('connect', () => { socket.destroy(); resolveOpen(true); });
  socket.once('error', () => resolveOpen(false));
});

const httpOk = async (url: string) => (await fetch(url)).ok;

let stopping = false;
async function stopAll(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  // Reverse start order: gateway, subgraphs, database last so nothing loses its database.
  for (const { child } of [...children].reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  process.exit(code);
}

async function main(): Promise<void> {
  process.on('exit', () => children.forEach(({ child }) => child.exitCode === null && child.kill('SIGKILL')));
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  const dataDir = resolve(process.env.DATA_DIR ?? join(ROOT, '.data'));
  const keys = await loadOrCreateDevKeys(dataDir);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    NODE_ENV: process.env.NODE_ENV ?? 'production',
    APOLLO_TELEMETRY_DISABLED: 'true',
    INTERNAL_AUTH_SECRET: process.env.INTERNAL_AUTH_SECRET ?? keys.internalSecret,
    ENABLE_GRAPHIQL: process.env.ENABLE_GRAPHIQL ?? 'true',
    ENABLE_INTROSPECTION: process.env.ENABLE_INTROSPECTION ?? 'true',
  };
  if (!env.DATABASE_URL) {
    const port = Number(env.EMBEDDED_DB_PORT ?? 54329);
    launch('database', 'packages/db/dist/embedded-main.js', env);
    await waitFor(() => portOpen(port), 'embedded database');
    env.DATABASE_URL = `postgres://postgres@127.0.0.1:${port}/postgres`;
  }
  for (const name of SUBGRAPH_NAMES) {
    env[`${name.toUpperCase()}_PORT`] ??= String(DEFAULT_SUBGRAPH_PORTS[name]);
    env[`${name.toUpperCase()}_SUBGRAPH_URL`] ??= `http://127.0.0.1:${env[`${name.toUpperCase()}_PORT`]}/graphql`;
  }
  // Subgraphs start together; each migrates and seeds its own schema under its own lock.
  for (const name of SUBGRAPH_NAMES) launch(name, `services/${name}/dist/main.js`, env);
  await Promise.all(SUBGRAPH_NAMES.map((name) =>
    waitFor(() => httpOk(`http://127.0.0.1:${env[`${name.toUpperCase()}_PORT`]}/readyz`), name)));
  const gatewayPort = Number(env.GATEWAY_PORT ?? 4000);
  env.GATEWAY_PORT = String(gatewayPort);
  launch('gateway', 'gateway/dist/main.js', env);
  await waitFor(() => httpOk(`http://127.0.0.1:${gatewayPort}/healthz`), 'gateway');
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
  kommunenett is ready (${seconds} s).

    GraphQL endpoint   http://127.0.0.1:${gatewayPort}/graphql
    GraphiQL           http://127.0.0.1:${gatewayPort}/graphiql
    Database           ${env.DATABASE_URL}${process.env.DATABASE_URL ? '' : `  (embedded, data in ${join(dataDir, 'pglite')})`}

  Anonymous requests see published networks and handbooks. For a role, get a token:
    pnpm token --role ORG_ADMIN --org ks        (also ADMIN, FACILITATOR, COORDINATOR, ANALYST, PARTNER, PARTICIPANT)
  and send it as the header  Authorization: Bearer <token>

  Ctrl-C stops everything.
`);
}

main().catch((error: unknown) => {
  if (!stopping) console.error(error instanceof Error ? error.message : error);
  void stopAll(1);
});
