import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { loadOrCreateDevKeys } from '@kommunenett/auth';
// The kit's light entry point: its index would load Apollo and type-graphql into this small process.
import { DEFAULT_SUBGRAPH_PORTS, SUBGRAPH_NAMES, type Env } from '@kommunenett/subgraph-kit/config';

export const REPO_ROOT = resolve(__dirname, '../../..');
const COLORS = ['36', '33', '35', '32', '34', '31', '37'];

/** A pino JSON line as "level message key=value …"; anything else unchanged. */
export function formatLogLine(line: string): string {
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

/**
 * V8 flags per process. The subgraphs and the embedded database spend their time in I/O, small
 * requests and the WebAssembly heap: a 1 MB young generation saves about 30 MB of resident memory
 * each. The participants service, whose registrations allocate most, gets 16 MB: in the benchmark
 * its garbage-collection pauses fell from 64 % to 17 % of its CPU time during registrations, for
 * about 20 MB more at idle (docs/performance.md). The gateway gets 4 MB: 30 MB less than V8's
 * default, with the same throughput in the benchmark.
 */
function nodeFlagsFor(script: string, semiSpaceMb?: number): string[] {
  if (script.startsWith('services/participants/')) return [`--max-semi-space-size=${semiSpaceMb ?? 16}`];
  if (script.startsWith('services/') || script.startsWith('packages/db/')) return [`--max-semi-space-size=${semiSpaceMb ?? 1}`];
  return script.startsWith('gateway/') ? ['--max-semi-space-size=4'] : [];
}

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
}

export interface StackProcesses {
  env: NodeJS.ProcessEnv;
  processes: ManagedProcess[];
  gatewayUrl: string;
  databaseUrl: string;
  embedded: boolean;
  /** Starts one more process with the stack's environment (e.g. a peer gateway). */
  launch(name: string, script: string, extraEnv?: NodeJS.ProcessEnv): ChildProcess;
  stop(): Promise<void>;
}

export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not become ready within ${timeoutMs / 1000} s`);
}

export const portOpen = (port: number) => new Promise<boolean>((resolveOpen) => {
  const socket = connect(port, '127.0.0.1');
  socket.once('connect', () => { socket.destroy(); resolveOpen(true); });
  socket.once('error', () => resolveOpen(false));
});

export const httpOk = async (url: string) => (await fetch(url)).ok;

/**
 * Starts the embedded database (unless DATABASE_URL is set), the four subgraphs and the gateway
 * as processes with prefixed logs, and waits until each is ready. `stop` ends them in reverse
 * order: the gateway first, the database last. The children get `parentEnv` (the caller's own
 * environment, read by its entry point) with `options.env` over it.
 */
export async function startStackProcesses(
  parentEnv: Env,
  options: {
    dataDir?: string; env?: NodeJS.ProcessEnv; log?: (line: string) => void; onUnexpectedExit?: (name: string) => void;
    /** Young generation of the subgraphs and the embedded database instead of the chosen sizes (the benchmark measures others). */
    semiSpaceMb?: number;
  } = {},
): Promise<StackProcesses> {
  const log = options.log ?? ((line: string) => console.log(line));
  const baseEnv: NodeJS.ProcessEnv = { ...parentEnv, ...options.env };
  const dataDir = resolve(options.dataDir ?? baseEnv.DATA_DIR ?? join(REPO_ROOT, '.data'));
  const keys = await loadOrCreateDevKeys(dataDir);
  const env: NodeJS.ProcessEnv = {
    ...baseEnv,
    DATA_DIR: dataDir,
    NODE_ENV: baseEnv.NODE_ENV ?? 'production',
    APOLLO_TELEMETRY_DISABLED: 'true',
    INTERNAL_AUTH_SECRET: baseEnv.INTERNAL_AUTH_SECRET ?? keys.internalSecret,
  };
  const processes: ManagedProcess[] = [];
  let stopping = false;

  const launch = (name: string, script: string, extraEnv: NodeJS.ProcessEnv = {}): ChildProcess => {
    // A process group of its own: Ctrl-C reaches only the orchestrator, which stops the children
    // in order instead of all at once.
    const child = spawn(process.execPath, [...nodeFlagsFor(script, options.semiSpaceMb), join(REPO_ROOT, script)], {
      cwd: REPO_ROOT, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
    });
    const prefix = `\x1b[${COLORS[processes.length % COLORS.length]}m${name.padEnd(12)}\x1b[0m|`;
    for (const stream of [child.stdout!, child.stderr!]) createInterface({ input: stream }).on('line', (line) => log(`${prefix} ${formatLogLine(line)}`));
    child.on('exit', (code, signal) => {
      if (!stopping) {
        log(`${prefix} exited (${signal ?? code})`);
        options.onUnexpectedExit?.(name);
      }
    });
    processes.push({ name, child });
    return child;
  };

  const stop = async () => {
    if (stopping) return;
    stopping = true;
    for (const { child } of [...processes].reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  };
  process.on('exit', () => processes.forEach(({ child }) => child.exitCode === null && child.kill('SIGKILL')));

  try {
    const embedded = !env.DATABASE_URL;
    if (embedded) {
      const port = Number(env.EMBEDDED_DB_PORT ?? 54329);
      launch('database', 'packages/db/dist/embedded-main.js');
      await waitFor(() => portOpen(port), 'embedded database');
      env.DATABASE_URL = `postgres://postgres@127.0.0.1:${port}/postgres`;
    }
    for (const name of SUBGRAPH_NAMES) {
      env[`${name.toUpperCase()}_PORT`] ??= String(DEFAULT_SUBGRAPH_PORTS[name]);
      env[`${name.toUpperCase()}_SUBGRAPH_URL`] ??= `http://127.0.0.1:${env[`${name.toUpperCase()}_PORT`]}/graphql`;
    }
    // Subgraphs start together; each migrates and seeds its own schema under its own lock.
    for (const name of SUBGRAPH_NAMES) launch(name, `services/${name}/dist/main.js`);
    await Promise.all(SUBGRAPH_NAMES.map((name) => waitFor(() => httpOk(`http://127.0.0.1:${env[`${name.toUpperCase()}_PORT`]}/readyz`), name)));
    env.GATEWAY_PORT ??= '4000';
    launch('gateway', 'gateway/dist/main.js');
    await waitFor(() => httpOk(`http://127.0.0.1:${env.GATEWAY_PORT}/healthz`), 'gateway');
    return { env, processes, gatewayUrl: `http://127.0.0.1:${env.GATEWAY_PORT}/graphql`, databaseUrl: env.DATABASE_URL!, embedded, launch, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
