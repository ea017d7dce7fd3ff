import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
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
 * V8's young generation per process (`--max-semi-space-size`, MB). The subgraphs and the embedded
 * database spend their time in I/O, small requests and the WebAssembly heap: 1 MB saves about
 * 30 MB of resident memory each. The participants service, whose registrations allocate most,
 * gets 8 MB: against 1 MB its collector's share during registrations falls from 64 % to about
 * 10 % of its CPU time; against 16 MB it collects twice as often (0.06 against 0.03 collections
 * per registration) at the same rate, and is about 12 MB smaller at idle (docs/performance.md,
 * "Round two: memory in every state"). The gateway gets 4 MB: 30 MB less than V8's default,
 * with the same throughput in the benchmark.
 */
const SEMI_SPACE_MB: Record<string, number> = { database: 1, networks: 1, participants: 8, reports: 1, handbook: 1, gateway: 4 };

/**
 * V8's old generation per process (`--max-old-space-size`, MB). Besides the ceiling, the limit
 * sets how far V8 lets the heap grow past what is live before it collects: with the default limit
 * (4 GB on this machine) up to four times the live heap, with 512 MB at most about 1.4 times. Under
 * registrations and the mail they queue, the participants service's heap grew to 190–230 MB of
 * mostly garbage (50–70 MB live) and stayed there for as long as the delivery job kept allocating;
 * with 512 MB it peaked at 153 MB and held 148 MB afterwards (docs/performance.md, "Round two:
 * memory after the benchmark"). Every process lives on 50–130 MB, so 512 MB is a ceiling none
 * comes near.
 */
const OLD_SPACE_MB = 512;

function nodeFlagsFor(name: string, semiSpaceMb: Partial<Record<string, number>> = {}): string[] {
  // The stack's own processes; another (the benchmark's peer gateway) runs with V8's defaults.
  if (!(name in SEMI_SPACE_MB)) return [];
  const mb = semiSpaceMb[name] ?? SEMI_SPACE_MB[name];
  return [`--max-old-space-size=${OLD_SPACE_MB}`, `--max-semi-space-size=${mb}`];
}

/**
 * The allocator of every process: glibc's malloc keeps up to eight arenas per core, each holding
 * on to what it once took. Two held a database process that had created its data at 224 MB
 * instead of several hundred; now that data is created in a short-lived process the difference is
 * within the benchmark's noise (docs/performance.md, "Round two: memory in every state"). A value
 * in the caller's environment wins, to compare.
 */
const ALLOCATOR_ENV: NodeJS.ProcessEnv = { MALLOC_ARENA_MAX: '2' };

/** Runs `script` (relative to the repository) to its end in a process of its own: a short-lived step such as creating data. */
export function runToEnd(script: string, env: NodeJS.ProcessEnv, log: (line: string) => void, args: string[] = []): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, script), ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', (line) => log(line));
    child.once('error', reject);
    child.once('exit', (code, signal) => (code === 0 ? resolveRun() : reject(new Error(`${script} ended with ${signal ?? code}`))));
  });
}

/** Whether the embedded database's data folder holds a database already. */
export const embeddedDatabaseExists = (dataDir: string) => existsSync(join(dataDir, 'pglite', 'PG_VERSION'));

/** Main-thread garbage-collection time (pauses and incremental marking steps) and collections of a process. */
export interface GcTotals { ms: number; collections: number }

/** One line of V8's `--trace-gc`: `[pid:0x…]  1234 ms: Scavenge 4.2 (5.1) -> 3.9 (6.1) MB, 0.83 / 0.00 ms  (+ 5.2 ms in 10 steps …`. */
const TRACE_GC_LINE = /^\[\d+:0x[0-9a-f]+\]\s+\d+ ms: .*? MB, ([\d.]+) \/ [\d.]+ ms(?:\s+\(\+ ([\d.]+) ms in \d+ steps)?/;

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
  /** Garbage collection so far of the processes named in `traceGc`, from V8's trace. */
  gc: Map<string, GcTotals>;
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
    /** Young generation (MB) per process name instead of the chosen sizes (the benchmark measures others). */
    semiSpaceMb?: Partial<Record<string, number>>;
    /**
     * Processes (by name) that run with `--trace-gc`, their collections counted from their output:
     * how the benchmark reads the collector's share in the processes without a /metrics endpoint.
     */
    traceGc?: string[];
  } = {},
): Promise<StackProcesses> {
  const log = options.log ?? ((line: string) => console.log(line));
  const baseEnv: NodeJS.ProcessEnv = { ...parentEnv, ...options.env };
  const dataDir = resolve(options.dataDir ?? baseEnv.DATA_DIR ?? join(REPO_ROOT, '.data'));
  const keys = await loadOrCreateDevKeys(dataDir);
  const env: NodeJS.ProcessEnv = {
    ...ALLOCATOR_ENV,
    ...baseEnv,
    DATA_DIR: dataDir,
    NODE_ENV: baseEnv.NODE_ENV ?? 'production',
    INTERNAL_AUTH_SECRET: baseEnv.INTERNAL_AUTH_SECRET ?? keys.internalSecret,
  };
  const processes: ManagedProcess[] = [];
  const gc = new Map<string, GcTotals>();
  let stopping = false;

  const launch = (name: string, script: string, extraEnv: NodeJS.ProcessEnv = {}): ChildProcess => {
    // A process group of its own: Ctrl-C reaches only the orchestrator, which stops the children
    // in order instead of all at once.
    const traced = options.traceGc?.includes(name) ?? false;
    const child = spawn(process.execPath, [...nodeFlagsFor(name, options.semiSpaceMb), ...(traced ? ['--trace-gc'] : []), join(REPO_ROOT, script)], {
      cwd: REPO_ROOT, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'], detached: true,
    });
    const prefix = `\x1b[${COLORS[processes.length % COLORS.length]}m${name.padEnd(12)}\x1b[0m|`;
    if (traced) gc.set(name, { ms: 0, collections: 0 });
    for (const stream of [child.stdout!, child.stderr!]) createInterface({ input: stream }).on('line', (line) => {
      const collection = traced ? TRACE_GC_LINE.exec(line) : null;
      if (!collection) return log(`${prefix} ${formatLogLine(line)}`);
      const totals = gc.get(name)!;
      totals.ms += Number(collection[1]) + Number(collection[2] ?? 0);
      totals.collections += 1;
    });
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
      // Created, migrated and seeded by a process of its own (`pnpm seed`), so the database process
      // never carries the memory of creating it.
      if (!embeddedDatabaseExists(dataDir)) await runToEnd('packages/stack/dist/seed.js', env, (line) => log(`setup       | ${formatLogLine(line)}`));
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
    return { env, processes, gc, gatewayUrl: `http://127.0.0.1:${env.GATEWAY_PORT}/graphql`, databaseUrl: env.DATABASE_URL!, embedded, launch, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
