/**
 * `pnpm bench`: boots the whole stack as processes on generated data (embedded database by
 * default, PostgreSQL with DATABASE_URL), warms it, and measures a fixed mix through Apollo
 * Gateway, through Hive Gateway on the same supergraph, and directly against the subgraph where
 * one subgraph answers alone. Registrations are read beside the database's own limit (pgbench).
 * Prints a table and writes bench/results/scale-<N>.{json,md}.
 */
import { mkdirSync, writeFileSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { ANONYMOUS, DEV_TOKEN_SETTINGS, loadOrCreateDevKeys, signRequest, signToken, viewerFromClaims, type TokenClaims } from '@kommunenett/auth';
import { SUBGRAPH_NAMES } from '@kommunenett/subgraph-kit';
import { REPO_ROOT, runToEnd, startStackProcesses, waitFor, portOpen, type StackProcesses } from '@kommunenett/stack';
import { DEMO } from '@kommunenett/reference-data';
import { benchDataDir, benchFreshEnv, benchStackEnv, PORTS, updatePerformanceDoc } from './bench-stack';
import { runLoad, type LoadResult } from './load';
import { cpuSnapshot, MemorySampler, runtimeOf, sqlStatementsOf } from './metrics';
import { criticalPathOf, type CriticalPath } from './query-plan';
import { HOSTILE_REQUESTS, REGISTRATION_SCENARIOS, SCENARIOS, type Scenario, type ScenarioContext } from './scenarios';
import { pgbenchRegistrations } from './pgbench';
import { seedVolume, volumeSummary } from './volume';

const TARGETS = ['apollo', 'hive', 'direct'] as const;
type Target = (typeof TARGETS)[number];
const rotate = <T>(items: readonly T[], by: number): T[] => items.map((_, i) => items[(i + by) % items.length]);

interface ScenarioResult {
  name: string;
  description: string;
  apollo: LoadResult & { sqlPerRequest: number };
  /**
   * Per subgraph during the Apollo run: time in garbage-collection pauses (wall clock) against its
   * CPU time (%), collections per request, and CPU ms per request.
   */
  gcShare?: Record<string, number>;
  gcPerRequest?: Record<string, number>;
  cpuMsPerRequest?: Record<string, number>;
  /** CPU ms per request of every process of the stack (gateway and database included), from /proc. */
  processCpuMsPerRequest?: Record<string, number>;
  /** The gateway's query plan: fetches per level and the chain of fetches that wait for each other. */
  plan?: CriticalPath;
  hive: LoadResult;
  direct?: LoadResult;
  ratioApolloDirect?: number;
  ratioApolloHive: number;
}

const HELP = `pnpm bench [--scale N] [--duration S] [--connections N] [--scenarios a,b] [--workers W] [--semi-space MB]

Boots the stack as processes on its own ports and data (.data/bench-scale-<N>), loads volume data
of scale N, and measures the scenarios through Apollo Gateway, Hive Gateway and directly.

Resident memory of every process of the stack is measured at idle in three states: after a start
on a fresh data folder (.data/bench-fresh, emptied first: demo data only), after the volume is
loaded (by a process of its own, as pnpm seed:volume does) and the stack started on it, and
after the benchmark, once the mail its registrations queued is delivered (at most 5 minutes).
The stack's total counts each physical page once (Linux shows page frames to root only; elsewhere
the PSS sum stands in); the RSS and PSS sums are printed beside it.

Database: the embedded one by default. With DATABASE_URL=postgres://…/<db> the benchmark does
NOT use the database named there: it creates (once) and uses its own database
kommunenett_bench_s<N> on that server, and for the fresh state it drops and creates
kommunenett_bench_fresh (both with the suffix _p<offset> under BENCH_PORT_OFFSET); the database
named in the URL is used only to create them. On
PostgreSQL, pgbench (PATH or /usr/lib/postgresql/*/bin) replays the registration transaction for
the database's own limit beside the service's rate.

BENCH_PORT_OFFSET=N moves every port (gateway 4400, subgraphs 4401–4404, Hive 4410, embedded
database 54339) by N, so two benchmarks can run on one machine.

--semi-space MB, or --semi-space name=MB,name=MB (database, networks, participants, reports,
handbook, gateway): runs the subgraphs and the embedded database, or the processes named, with that young generation instead
of the chosen sizes (a run to compare; its results go to bench/results/partial/).`;

/** Registrations per network in the spread scenario: as many networks as clients, so they rarely meet. */
const SPREAD_NETWORKS = 20;
/** Registrations sent one after another to count the statements of one. */
const STATEMENT_PROBES = 20;
/** Idle means quiet for a while: V8 gives memory back some seconds after the last work. */
const IDLE_MS = 20_000;
const idle = () => new Promise((r) => setTimeout(r, IDLE_MS));
const AFTER_BENCH_IDLE_MS = 60_000;
/** How long the benchmark waits at most for the mail its registrations queued to be delivered before the last memory state. */
const DRAIN_LIMIT_MS = 300_000;
/** Processes whose garbage collection is read from `--trace-gc` (the subgraphs report theirs on /metrics). */
const TRACED_GC = ['gateway', 'database'];
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
/** The processes of our stack (the peer gateway is not part of its footprint). */
const stackProcesses = (stack: StackProcesses) => stack.processes.filter(({ name }) => name !== 'hive-gateway').map(({ name, child }) => ({ name, pid: child.pid! }));
const total = (memory: Record<string, number>) => Object.values(memory).reduce((a, b) => a + b, 0);

/** The stack's memory at one moment: each process's RSS, and the stack's own two totals besides the RSS sum. */
interface IdleMemory {
  perProcess: Record<string, number>;
  /** Each physical page once: what the machine holds for the stack (the target's measure). */
  unique: { mb: number; method: 'pages' | 'pss' };
  /** Proportional set sizes added up: a page shared with a process outside the stack counts in part. */
  pss: number;
}
const idleMemory = (sampler: MemorySampler): IdleMemory => ({ perProcess: sampler.snapshot(), unique: sampler.uniqueTotal(), pss: sampler.proportionalTotal() });
const memoryLine = (m: IdleMemory) =>
  `${Object.entries(m.perProcess).map(([k, v]) => `${k} ${v}`).join(', ')}; RSS added up ${total(m.perProcess)} MB; the stack ${m.unique.mb} MB (${m.unique.method === 'pages' ? 'each page once' : 'PSS: page frames not readable'}; PSS ${m.pss} MB)`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: {
    scale: { type: 'string', default: '1' }, duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '20' },
    scenarios: { type: 'string' }, workers: { type: 'string', default: '1' }, help: { type: 'boolean', short: 'h' }, 'semi-space': { type: 'string' },
  } });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const loadAtStart = loadavg()[0];
  const scale = Number(values.scale);
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const log = (line: string) => { if (/\| (error|fatal)\b|exited/.test(line)) console.log(line); };
  const dataDir = benchDataDir(scale);
  const env = await benchStackEnv(scale, values.workers);

  console.log(`kommunenett benchmark — scale ${scale}, ${duration} s per run, ${connections} connections, ${env.DATABASE_URL ? `PostgreSQL (its own database ${new URL(env.DATABASE_URL).pathname.slice(1)})` : 'embedded database'}`);
  const semiSpace = values['semi-space'];
  const semiSpaceMb = semiSpace === undefined ? undefined
    : /^\d+$/.test(semiSpace) ? Object.fromEntries(['database', ...SUBGRAPH_NAMES].map((n) => [n, Number(semiSpace)]))
      : Object.fromEntries(semiSpace.split(',').map((pair) => pair.split('=')).map(([n, mb]) => [n, Number(mb)]));

  // Memory state 1: the stack started on a fresh data folder, as `npm start` the first time.
  const freshDir = join(REPO_ROOT, '.data', 'bench-fresh');
  rmSync(freshDir, { recursive: true, force: true });
  const freshStarted = Date.now();
  const fresh = await startStackProcesses(process.env, { dataDir: freshDir, env: await benchFreshEnv(env), log, semiSpaceMb });
  const freshReadySeconds = (Date.now() - freshStarted) / 1000;
  let freshMemory: IdleMemory;
  try {
    await idle();
    freshMemory = idleMemory(new MemorySampler(stackProcesses(fresh)));
  } finally {
    await fresh.stop();
  }
  console.log(`  memory at idle after a start on a fresh data folder (ready in ${freshReadySeconds.toFixed(1)} s): ${memoryLine(freshMemory)}`);

  // Memory state 2: the volume loaded by a process of its own (on the embedded database, as
  // `pnpm seed:volume` does), then the stack started on it.
  const seedLog = (msg: string) => console.log(`  ${msg}`);
  if (env.DATABASE_URL) await seedVolume(env.DATABASE_URL, scale, seedLog);
  // Its summary lines, not the services' JSON log.
  else await runToEnd('packages/bench/dist/seed-volume.js', { ...process.env, ...env, DATA_DIR: dataDir }, (line) => !line.startsWith('{') && seedLog(line.trim()), ['--scale', String(scale)]);
  const bootStarted = Date.now();
  // The processes without a /metrics endpoint report their collections through V8's trace.
  const stack = await startStackProcesses(process.env, { dataDir, env, log, semiSpaceMb, traceGc: TRACED_GC });
  const readySeconds = (Date.now() - bootStarted) / 1000;
  try {
    await idle();
    const seededMemory = idleMemory(new MemorySampler(stackProcesses(stack)));
    console.log(`  memory at idle on the volume data: ${memoryLine(seededMemory)}`);
    const volume = await volumeSummary(stack.databaseUrl, scale);
    stack.launch('hive-gateway', 'packages/bench/dist/hive-gateway-main.js', { HIVE_GATEWAY_PORT: String(PORTS.hive) });
    await waitFor(() => portOpen(PORTS.hive), 'hive gateway');
    const gatewayUrl = stack.gatewayUrl;
    const hiveUrl = `http://127.0.0.1:${PORTS.hive}/graphql`;
    const subgraphUrl = (name: string) => stack.env[`${name.toUpperCase()}_SUBGRAPH_URL`]!;

    const keys = await loadOrCreateDevKeys(dataDir);
    const token = (claims: TokenClaims) => signToken(claims, keys, DEV_TOKEN_SETTINGS, '2h');
    const claims: Record<Exclude<keyof ScenarioContext['tokens'], 'anonymous'>, TokenClaims> = {
      orgAdmin: { sub: 'bench-org-admin', role: 'ORG_ADMIN', org: 'ks' },
      analyst: { sub: 'bench-analyst', role: 'ANALYST', org: 'ks' },
      partner: { sub: 'bench-partner', role: 'PARTNER', org: 'ks', scope: 'registrations:read registrations:write' },
    };
    const adminToken = await token({ sub: 'bench-admin', role: 'ADMIN' });
    const ctx: Omit<ScenarioContext, 'burstNetworkId' | 'spreadNetworkIds'> = {
      tokens: { anonymous: null, orgAdmin: await token(claims.orgAdmin), analyst: await token(claims.analyst), partner: await token(claims.partner) },
      networkIds: volume.networkIds,
      municipalityIds: volume.municipalityIds,
    };
    // Each target registers into a network of its own, so none pays for the others' registrations.
    const burstNetworks: Record<Target, string> = {
      apollo: await createBurstNetwork(gatewayUrl, adminToken), hive: await createBurstNetwork(gatewayUrl, adminToken), direct: await createBurstNetwork(gatewayUrl, adminToken),
    };
    const spreadNetworks = {} as Record<Target, string[]>;
    for (const target of TARGETS) {
      spreadNetworks[target] = [];
      for (let i = 0; i < SPREAD_NETWORKS; i++) spreadNetworks[target].push(await createBurstNetwork(gatewayUrl, adminToken));
    }
    const processes = stackProcesses(stack);
    const sampler = new MemorySampler(processes);
    sampler.start();

    const results: ScenarioResult[] = [];
    const selected = values.scenarios ? SCENARIOS.filter((s) => values.scenarios!.split(',').includes(s.name)) : SCENARIOS;
    /** Where and how a scenario's requests go for one target; null when the target does not apply. */
    const requestFor = (scenario: Scenario, target: Target): { url: string; body: () => string; headers: Record<string, string>; sign?: (body: string) => Record<string, string> } | null => {
      const body = scenario.body({ ...ctx, burstNetworkId: burstNetworks[target], spreadNetworkIds: spreadNetworks[target] });
      const headers: Record<string, string> = ctx.tokens[scenario.token] ? { authorization: `Bearer ${ctx.tokens[scenario.token]}` } : {};
      if (target === 'apollo') return { url: gatewayUrl, body, headers };
      if (target === 'hive') return { url: hiveUrl, body, headers };
      if (!scenario.singleSubgraph) return null;
      // Signed per request as the gateway would sign it: a signature is bound to one body and used once.
      const viewer = scenario.token === 'anonymous' ? ANONYMOUS : viewerFromClaims(claims[scenario.token]);
      const audience = scenario.singleSubgraph;
      const url = subgraphUrl(audience);
      const sign = (text: string) => signRequest(viewer, audience, stack.env.INTERNAL_AUTH_SECRET!, { method: 'POST', path: new URL(url).pathname, body: text });
      return { url, body, headers: {}, sign };
    };

    // Every path warm before anything is measured: JIT, plans, caches and the database's pages.
    for (const scenario of selected) {
      for (const target of TARGETS) {
        const request = requestFor(scenario, target);
        if (request) await runLoad(request.url, { body: request.body, headers: request.headers, sign: request.sign }, { connections, durationSeconds: 1 });
      }
    }

    for (const [index, scenario] of selected.entries()) {
      const runs: Partial<Record<Target, LoadResult>> = {};
      let sql = 0;
      let gcShare: Record<string, number> = {};
      let cpuMsPerRequest: Record<string, number> = {};
      let gcPerRequest: Record<string, number> = {};
      let processCpuMsPerRequest: Record<string, number> = {};
      // The order of the targets rotates from scenario to scenario, so that none is always first
      // or last; each is warmed for two more seconds right before it is measured.
      for (const target of rotate(TARGETS, index)) {
        const request = requestFor(scenario, target);
        if (!request) continue;
        const { url, body, headers, sign } = request;
        await runLoad(url, { body, headers, sign }, { connections, durationSeconds: 2 });
        const before = target === 'apollo' ? await Promise.all(SUBGRAPH_NAMES.map((n) => sqlStatementsOf(subgraphUrl(n)))) : [];
        const runtimeBefore = target === 'apollo' ? await Promise.all(SUBGRAPH_NAMES.map((n) => runtimeOf(subgraphUrl(n)))) : [];
        const processCpuBefore = cpuSnapshot(processes);
        const gcBefore = new Map([...stack.gc].map(([name, totals]) => [name, { ...totals }]));
        runs[target] = await runLoad(url, { body, headers, sign }, { connections, durationSeconds: duration });
        if (target === 'apollo') {
          const after = await Promise.all(SUBGRAPH_NAMES.map((n) => sqlStatementsOf(subgraphUrl(n))));
          sql = after.reduce((sum, n, i) => sum + n - before[i], 0);
          const runtimeAfter = await Promise.all(SUBGRAPH_NAMES.map((n) => runtimeOf(subgraphUrl(n))));
          const requests = Math.max(1, runs.apollo!.requests);
          gcShare = Object.fromEntries(SUBGRAPH_NAMES.map((n, i) => {
            const cpu = runtimeAfter[i].cpu - runtimeBefore[i].cpu;
            return [n, cpu > 0 ? Math.round(((runtimeAfter[i].gc - runtimeBefore[i].gc) / cpu) * 1000) / 10 : 0];
          }));
          gcPerRequest = Object.fromEntries(SUBGRAPH_NAMES.map((n, i) => [n, Math.round(((runtimeAfter[i].collections - runtimeBefore[i].collections) / requests) * 100) / 100]));
          cpuMsPerRequest = Object.fromEntries(SUBGRAPH_NAMES.map((n, i) => [n, Math.round(((runtimeAfter[i].cpu - runtimeBefore[i].cpu) * 1000 / requests) * 100) / 100]));
          const processCpuAfter = cpuSnapshot(processes);
          processCpuMsPerRequest = Object.fromEntries(processes.map(({ name }) => [name, round(((processCpuAfter[name] - processCpuBefore[name]) * 1000) / requests)]));
          for (const [name, after] of stack.gc) {
            const before = gcBefore.get(name) ?? { ms: 0, collections: 0 };
            const cpuMs = (processCpuAfter[name] - processCpuBefore[name]) * 1000;
            gcShare[name] = cpuMs > 0 ? round(((after.ms - before.ms) / cpuMs) * 100, 1) : 0;
            gcPerRequest[name] = round((after.collections - before.collections) / requests);
            cpuMsPerRequest[name] = processCpuMsPerRequest[name];
          }
        }
      }
      const apollo = runs.apollo!;
      const hive = runs.hive!;
      const direct = runs.direct;
      const result: ScenarioResult = {
        name: scenario.name, description: scenario.description,
        apollo: { ...apollo, sqlPerRequest: Math.round((sql / Math.max(1, apollo.requests)) * 100) / 100 },
        hive, direct, gcShare, gcPerRequest, cpuMsPerRequest, processCpuMsPerRequest, plan: planOf(scenario, ctx),
        ratioApolloDirect: direct ? Math.round((apollo.requestsPerSecond / Math.max(1, direct.requestsPerSecond)) * 100) / 100 : undefined,
        ratioApolloHive: Math.round((apollo.requestsPerSecond / Math.max(1, hive.requestsPerSecond)) * 100) / 100,
      };
      results.push(result);
      console.log(`  ${scenario.name.padEnd(18)} apollo ${apollo.requestsPerSecond} req/s p95 ${apollo.p95} ms · hive ${hive.requestsPerSecond} req/s${direct ? ` · direct ${direct.requestsPerSecond} req/s` : ''} · ${result.apollo.sqlPerRequest} SQL/req · errors ${apollo.errors + apollo.graphqlErrors}`);
    }

    // Hostile requests beside a legitimate load: each must be refused with its status.
    const catalogue = SCENARIOS[0].body({ ...ctx, burstNetworkId: burstNetworks.apollo, spreadNetworkIds: spreadNetworks.apollo });
    const [underAttack, ...hostile] = await Promise.all([
      runLoad(gatewayUrl, { body: catalogue }, { connections, durationSeconds: duration }),
      ...HOSTILE_REQUESTS.map((h) => runLoad(gatewayUrl, { body: h.body, headers: h.headers }, { connections: 1, durationSeconds: duration, expectStatus: h.expectStatus })),
    ]);
    const hostileResults = HOSTILE_REQUESTS.map((h, i) => ({ name: h.name, expectStatus: h.expectStatus, requests: hostile[i].requests, refusedAsExpected: hostile[i].requests - hostile[i].errors, statusCodes: hostile[i].statusCodes }));
    console.log(`  under attack: catalogue ${underAttack.requestsPerSecond} req/s p95 ${underAttack.p95} ms; hostile refused as expected: ${hostileResults.map((h) => `${h.name} ${h.refusedAsExpected}/${h.requests}`).join(', ')}`);
    const peakMemory = sampler.stop();

    // The database's own limit for the same registrations, with as many clients.
    const registrations: RegistrationResult[] = [];
    for (const result of results.filter((r) => REGISTRATION_SCENARIOS[r.name])) {
      const networks = REGISTRATION_SCENARIOS[result.name].networks === 'one' ? 1 : SPREAD_NETWORKS;
      // Counted one registration after another: under load, requests cut off at the end of a run
      // send statements the run does not count as requests.
      const scenario = selected.find((s) => s.name === result.name)!;
      const request = requestFor(scenario, 'apollo')!;
      const send = () => fetch(request.url, { method: 'POST', headers: { 'content-type': 'application/json', ...request.headers }, body: request.body() });
      // Warm first: the rules of a network are read once per cache lifetime, not per registration.
      for (let i = 0; i < STATEMENT_PROBES * 2; i++) await send();
      const before = await Promise.all(SUBGRAPH_NAMES.map((n) => sqlStatementsOf(subgraphUrl(n))));
      for (let i = 0; i < STATEMENT_PROBES; i++) await send();
      const after = await Promise.all(SUBGRAPH_NAMES.map((n) => sqlStatementsOf(subgraphUrl(n))));
      const statementsPerRegistration = Math.round((after.reduce((sum, n, i) => sum + n - before[i], 0) / STATEMENT_PROBES) * 100) / 100;
      const limit = env.DATABASE_URL
        ? await pgbenchRegistrations(env.DATABASE_URL, { networks, clients: connections, durationSeconds: duration })
        : { skipped: 'the embedded database serves one session at a time; pgbench measures PostgreSQL' };
      const pgbench = 'tps' in limit ? limit.tps : null;
      registrations.push({
        name: result.name, networks, apollo: result.apollo.requestsPerSecond, direct: result.direct?.requestsPerSecond ?? null,
        statementsPerRegistration, pgbench, pgbenchNote: 'skipped' in limit ? limit.skipped : undefined,
        ratio: pgbench ? Math.round((result.apollo.requestsPerSecond / pgbench) * 100) / 100 : null,
      });
      console.log(`  ${result.name}: ${result.apollo.requestsPerSecond} registrations/s through the gateway, ${statementsPerRegistration} statements each; pgbench ${pgbench ?? `skipped (${'skipped' in limit ? limit.skipped : ''})`}`);
    }

    // Memory state 3: idle again after the benchmark. Idle means the stack's own queued work done
    // too: the registrations queue two messages each, and the participants service delivers them
    // for minutes after the last request (27,540 waited 20 s after it in one run on PostgreSQL),
    // so the outbox is left to drain first (at most DRAIN_LIMIT_MS, reported). Then for longer
    // than the other states: V8 gives back a heap grown under load only when its memory reducer
    // sees the process idle (the gateway's 290 MB went to 130 between 20 and 40 s after the last
    // request in one run). How many messages wait is read beside each sample.
    const drainStarted = Date.now();
    const messagesAtLastRequest = await pendingMessages(stack.databaseUrl);
    let stillWaiting = messagesAtLastRequest;
    while (stillWaiting > 0 && Date.now() - drainStarted < DRAIN_LIMIT_MS) {
      await new Promise((r) => setTimeout(r, 5_000));
      stillWaiting = await pendingMessages(stack.databaseUrl);
    }
    const outbox = { waitingAtLastRequest: messagesAtLastRequest, drainedInSeconds: stillWaiting === 0 ? Math.round((Date.now() - drainStarted) / 1000) : null };
    console.log(`  outbox after the benchmark: ${messagesAtLastRequest} messages waited, ${outbox.drainedInSeconds === null ? `${stillWaiting} still after ${DRAIN_LIMIT_MS / 1000} s` : `delivered in ${outbox.drainedInSeconds} s`}`);
    const trajectory: number[] = [];
    const messagesWaiting: number[] = [];
    for (let waited = 0; waited < AFTER_BENCH_IDLE_MS; waited += IDLE_MS) {
      await idle();
      trajectory.push(total(sampler.snapshot()));
      messagesWaiting.push(await pendingMessages(stack.databaseUrl));
    }
    const afterMemory = idleMemory(sampler);
    console.log(`  memory at idle after the benchmark (RSS of the stack added up every ${IDLE_MS / 1000} s: ${trajectory.join(', ')} MB; messages waiting for delivery: ${messagesWaiting.join(', ')}): ${memoryLine(afterMemory)}`);

    const report: BenchReport = {
      date: new Date().toISOString(), scale, durationSeconds: duration, connections, gatewayWorkers: Number(values.workers),
      database: env.DATABASE_URL ? 'postgresql' : 'embedded', readySeconds: Math.round(readySeconds * 10) / 10,
      freshReadySeconds: Math.round(freshReadySeconds * 10) / 10, volume: volume.counts,
      scenarios: results, registrations, underAttack: { catalogue: underAttack, hostile: hostileResults },
      loadAverage: { start: Math.round(loadAtStart * 10) / 10, end: Math.round(loadavg()[0] * 10) / 10 },
      memoryMb: {
        fresh: freshMemory.perProcess, seeded: seededMemory.perProcess, afterBench: afterMemory.perProcess, peak: peakMemory,
        totals: { fresh: total(freshMemory.perProcess), seeded: total(seededMemory.perProcess), afterBench: total(afterMemory.perProcess) },
        proportionalTotals: { fresh: freshMemory.pss, seeded: seededMemory.pss, afterBench: afterMemory.pss },
        uniqueTotals: { fresh: freshMemory.unique.mb, seeded: seededMemory.unique.mb, afterBench: afterMemory.unique.mb, method: afterMemory.unique.method },
        messagesWaitingAfterBench: messagesWaiting,
        outbox,
      },
    };
    const outDir = join(REPO_ROOT, 'bench', 'results');
    // A partial run (--scenarios) goes to a folder git ignores, never over the full results.
    const partial = values.scenarios || semiSpaceMb !== undefined;
    const writeDir = partial ? join(outDir, 'partial') : outDir;
    mkdirSync(writeDir, { recursive: true });
    const database = env.DATABASE_URL ? '-postgres' : '';
    const workers = Number(values.workers) > 1 ? `-workers-${values.workers}` : '';
    const name = `scale-${scale}${database}${workers}${values.scenarios ? `-${values.scenarios.replace(/,/g, '+')}` : ''}${semiSpace !== undefined ? `-semi-space-${semiSpace.replace(/[,=]/g, '-')}` : ''}`;
    writeFileSync(join(writeDir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
    const markdown = toMarkdown(report);
    writeFileSync(join(writeDir, `${name}.md`), markdown);
    if (!partial) updatePerformanceDoc(name, markdown);
    console.log(`\n${markdown}`);
    // With full runs at scale 1 and 10 on the same database and workers: how the figures grow.
    const small = join(outDir, `scale-1${database}${workers}.json`);
    const large = join(outDir, `scale-10${database}${workers}.json`);
    if (!partial && existsSync(small) && existsSync(large)) {
      const growth = growthTable(JSON.parse(readFileSync(small, 'utf8')) as BenchReport, JSON.parse(readFileSync(large, 'utf8')) as BenchReport);
      updatePerformanceDoc(`growth${database}${workers}`, growth);
      console.log(`\n${growth}`);
    }
  } finally {
    await stack.stop();
  }
}

/** Notifications waiting for the participants service's delivery job. */
async function pendingMessages(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ n: number }>("SELECT count(*)::int AS n FROM participants.notification WHERE status = 'PENDING'")).rows[0].n;
  } finally {
    await client.end();
  }
}

/**
 * A published network open for a year with room for every registration of the burst, with a
 * contact person (a demo organiser): each registration writes the person's message and the
 * organiser's, and the notification job delivers them while the burst runs.
 */
async function createBurstNetwork(gatewayUrl: string, adminToken: string): Promise<string> {
  const call = async (query: string, variables: Record<string, unknown>) => {
    const res = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: Record<string, { network?: { id: string; version: number }; userErrors: unknown[] }>; errors?: unknown[] };
    const payload = body.data && Object.values(body.data)[0];
    if (!payload?.network || payload.userErrors.length) throw new Error(`setting up the burst network failed: ${JSON.stringify(body)}`);
    return payload.network;
  };
  const deadline = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
  const created = await call('mutation($input: CreateNetworkInput!) { createNetwork(input: $input) { network { id version } userErrors { code } } }', { input: {
    name: `Benchmark-nettverk ${new Date().toISOString()}`, theme: 'benchmark', country: 'NO', language: 'nb', hostIds: ['ks'],
    eligibleKinds: ['MUNICIPALITY'], capacity: 1_000_000, registrationDeadlineOn: deadline, contactPersonIds: [DEMO.people.tiFacilitator],
  } });
  await call('mutation($input: NetworkTransitionInput!) { publishNetwork(input: $input) { network { id version } userErrors { code } } }', { input: { networkId: created.id, expectedVersion: created.version } });
  return created.id;
}

/** A registration scenario beside the database's own limit for its transaction. */
interface RegistrationResult {
  name: string; networks: number; apollo: number; direct: number | null; statementsPerRegistration: number;
  pgbench: number | null; pgbenchNote?: string; ratio: number | null;
}

/** The plan of a scenario's query when it takes more than one fetch (the one-subgraph queries have one). */
function planOf(scenario: Scenario, ctx: Omit<ScenarioContext, 'burstNetworkId' | 'spreadNetworkIds'>): CriticalPath | undefined {
  if (scenario.singleSubgraph) return undefined;
  const { query } = JSON.parse(scenario.body({ ...ctx, burstNetworkId: '', spreadNetworkIds: [''] })()) as { query: string };
  const plan = criticalPathOf(query);
  return plan.fetches > 1 ? plan : undefined;
}

interface BenchReport {
  date: string; scale: number; database: string; durationSeconds: number; connections: number; gatewayWorkers: number; readySeconds: number; freshReadySeconds?: number;
  volume: Record<string, number>; scenarios: ScenarioResult[]; registrations?: RegistrationResult[]; loadAverage?: { start: number; end: number };
  underAttack: { catalogue: LoadResult; hostile: { name: string; expectStatus: number; requests: number; refusedAsExpected: number }[] };
  memoryMb: {
    fresh: Record<string, number>; seeded: Record<string, number>; afterBench: Record<string, number>; peak: Record<string, number>;
    totals: { fresh: number; seeded: number; afterBench: number };
    /** Proportional set sizes added up (shared pages once): what the stack takes from the machine. */
    proportionalTotals?: { fresh: number; seeded: number; afterBench: number };
    /** The stack's resident memory with each physical page once (`pages`), or the PSS sum where page frames are not readable (`pss`): the target's measure. */
    uniqueTotals?: { fresh: number; seeded: number; afterBench: number; method: 'pages' | 'pss' };
    /** Notifications still waiting for the delivery job at each sample after the benchmark (the participants service is busy until none wait). */
    messagesWaitingAfterBench?: number[];
    /** Messages waiting for delivery when the benchmark's requests ended, and how long the outbox took to drain (null: not within the limit). */
    outbox?: { waitingAtLastRequest: number; drainedInSeconds: number | null };
  };
}

/** Scale 1 beside scale 10: SQL statements per request must stay flat; latency may grow. */
function growthTable(small: BenchReport, large: BenchReport): string {
  const rows = small.scenarios.flatMap((a) => {
    const b = large.scenarios.find((s) => s.name === a.name);
    if (!b) return [];
    const ratio = (x: number, y: number) => (x > 0 ? `${Math.round((y / x) * 100) / 100}×` : '—');
    return [`| ${a.name} | ${a.apollo.sqlPerRequest} → ${b.apollo.sqlPerRequest} | ${a.apollo.p50} → ${b.apollo.p50} (${ratio(a.apollo.p50, b.apollo.p50)}) | ${a.apollo.p95} → ${b.apollo.p95} (${ratio(a.apollo.p95, b.apollo.p95)}) | ${a.apollo.requestsPerSecond} → ${b.apollo.requestsPerSecond} |`];
  });
  return [
    `Scale 1 (${small.date.slice(0, 10)}) against scale 10 (${large.date.slice(0, 10)}), ${large.database} database, through Apollo Gateway; ${large.volume['participants.registration']?.toLocaleString('en') ?? '?'} registrations and ${large.volume['reports.indicator_value']?.toLocaleString('en') ?? '?'} indicator values at scale 10.`,
    '',
    '| scenario | SQL/req | p50 ms | p95 ms | req/s |',
    '|---|---:|---:|---:|---:|',
    ...rows,
    '',
  ].join('\n');
}

function toMarkdown(report: BenchReport): string {
  const lines = [
    `Scale ${report.scale} on the ${report.database} database, ${report.date.slice(0, 10)}: ${report.connections} connections, ${report.durationSeconds} s per run, ${report.gatewayWorkers} gateway worker(s). Data: ${Object.entries(report.volume).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ')}. Ready ${report.readySeconds} s after start.`,
    '',
    '| scenario | Apollo req/s | p50 / p95 / p99 ms | errors | SQL/req | Hive req/s | Hive p95 ms | direct req/s | Apollo/direct | Apollo/Hive |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...report.scenarios.map((s) => `| ${s.name} | ${s.apollo.requestsPerSecond} | ${s.apollo.p50} / ${s.apollo.p95} / ${s.apollo.p99} | ${s.apollo.errors + s.apollo.graphqlErrors} | ${s.apollo.sqlPerRequest} | ${s.hive.requestsPerSecond} | ${s.hive.p95} | ${s.direct?.requestsPerSecond ?? '—'} | ${s.ratioApolloDirect ?? '—'} | ${s.ratioApolloHive} |`),
    '',
    ...runtimeLines(report),
    ...registrationLines(report),
    `Under attack (catalogue with hostile requests beside it): ${report.underAttack.catalogue.requestsPerSecond} req/s, p95 ${report.underAttack.catalogue.p95} ms. ` +
      report.underAttack.hostile.map((h) => `${h.name} → ${h.expectStatus}: ${h.refusedAsExpected} of ${h.requests}`).join('; ') + '.',
    '',
    ...memoryLines(report),
    ...planLines(report),
  ];
  return lines.join('\n');
}

/** Resident memory per process at idle in the three states, and the peak under load (target: the stack ≤ 700 MB at idle in each state). */
function memoryLines(report: BenchReport): string[] {
  const m = report.memoryMb;
  return [
    `Resident memory (MB, RSS) at idle: ${IDLE_MS / 1000} s after a start on a fresh data folder (demo data, ready in ${report.freshReadySeconds ?? '?'} s), ${IDLE_MS / 1000} s after a start on the volume data loaded by a process of its own, and ${AFTER_BENCH_IDLE_MS / 1000} s after the benchmark's last request (and its outbox drained); the peak under load beside them. Target: the stack ≤ 700 MB at idle in every state, read on the row "the stack, each page once": the physical pages the stack's processes hold, a page two processes share counted once (Node's own binary is some 40 MB of every process's RSS, the same pages in all six); the RSS added up counts such a page once per process, and the PSS added up gives part of it to processes outside the stack. Load average ${report.loadAverage?.start ?? '?'} at the start, ${report.loadAverage?.end ?? '?'} at the end.${m.outbox ? ` After the benchmark ${m.outbox.waitingAtLastRequest} messages the registrations queued waited for delivery; ${m.outbox.drainedInSeconds === null ? `the outbox did not drain within ${DRAIN_LIMIT_MS / 1000} s` : `the outbox drained in ${m.outbox.drainedInSeconds} s`}, and the third state was read ${AFTER_BENCH_IDLE_MS / 1000} s after that` : ''}${m.messagesWaitingAfterBench ? ` (messages waiting at each sample: ${m.messagesWaitingAfterBench.join(', ')}).` : ''}`,
    '',
    '| process | fresh start | volume loaded | after the benchmark | peak |',
    '|---|---:|---:|---:|---:|',
    ...Object.keys(m.seeded).map((k) => `| ${k} | ${m.fresh[k] ?? '—'} | ${m.seeded[k]} | ${m.afterBench[k] ?? '—'} | ${m.peak[k] ?? '—'} |`),
    `| RSS added up | ${m.totals.fresh} | ${m.totals.seeded} | ${m.totals.afterBench} | — |`,
    ...(m.proportionalTotals ? [`| PSS added up | ${m.proportionalTotals.fresh} | ${m.proportionalTotals.seeded} | ${m.proportionalTotals.afterBench} | — |`] : []),
    ...(m.uniqueTotals ? [`| **the stack, each page once**${m.uniqueTotals.method === 'pss' ? ' (page frames not readable here: PSS)' : ''} | **${m.uniqueTotals.fresh}** | **${m.uniqueTotals.seeded}** | **${m.uniqueTotals.afterBench}** | — |`] : []),
    '',
  ];
}

/** The query plan of each multi-subgraph scenario, its critical path, and the CPU each process spent per request. */
function planLines(report: BenchReport): string[] {
  return report.scenarios.filter((s) => s.plan).flatMap((s) => {
    const plan = s.plan!;
    const cpu = s.processCpuMsPerRequest ?? {};
    const cpuTotal = Math.round(Object.values(cpu).reduce((a, b) => a + b, 0) * 10) / 10;
    return [
      `Query plan of ${s.name}: ${plan.fetches} fetches in ${plan.levels.length} levels (${plan.levels.map((level, i) => `${i + 1}: ${level.map((f) => f.subgraph).join(' + ')}`).join('; ')}); critical path ${plan.critical.map((f) => f.subgraph).join(' → ')} (${plan.critical.length} hops), p95 ${s.apollo.p95} ms at ${report.connections} clients. ` +
        `CPU per request: ${Object.entries(cpu).map(([k, v]) => `${k} ${v} ms`).join(', ')}; ${cpuTotal} ms in all.`,
      '',
    ];
  });
}

/** Per scenario and subgraph: garbage collection's share of the CPU time and CPU per request, during the Apollo run. */
function runtimeLines(report: BenchReport): string[] {
  const withRuntime = report.scenarios.filter((s) => s.gcShare && s.cpuMsPerRequest);
  if (!withRuntime.length) return [];
  const names = [...SUBGRAPH_NAMES, ...TRACED_GC].filter((n) => withRuntime.some((s) => s.gcShare![n] !== undefined));
  return [
    'Every process during the Apollo run: garbage-collection time (wall clock) against CPU time, collections per request, CPU ms per request (subgraphs from their /metrics, the gateway and the embedded database from V8\'s --trace-gc and /proc; on a loaded machine pauses include waiting for a core; the count does not):',
    '',
    `| scenario | ${names.join(' | ')} |`,
    `|---|${names.map(() => '---:').join('|')}|`,
    ...withRuntime.map((s) => `| ${s.name} | ${names.map((n) => (s.gcShare![n] === undefined ? '—' : `${s.gcShare![n]} % · ${s.gcPerRequest?.[n] ?? '?'} · ${s.cpuMsPerRequest![n]} ms`)).join(' | ')} |`),
    '',
  ];
}

/** Registrations beside the database's own limit (pgbench, the same transaction and clients). */
function registrationLines(report: BenchReport): string[] {
  if (!report.registrations?.length) return [];
  const note = report.registrations.find((r) => r.pgbenchNote)?.pgbenchNote;
  return [
    `Registrations (load average ${report.loadAverage?.start ?? '?'} at the start, ${report.loadAverage?.end ?? '?'} at the end)${note ? `; pgbench: ${note}` : ''}:`,
    '',
    '| scenario | networks | statements / registration | Apollo reg/s | direct reg/s | pgbench tx/s | Apollo / pgbench |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...report.registrations.map((r) => `| ${r.name} | ${r.networks} | ${r.statementsPerRegistration} | ${r.apollo} | ${r.direct ?? '—'} | ${r.pgbench ?? '—'} | ${r.ratio ?? '—'} |`),
    '',
  ];
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
