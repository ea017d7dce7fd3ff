import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEphemeralKeys, DEV_TOKEN_SETTINGS, signToken, type DevKeys, type Role, type TokenClaims } from '@kommunenett/auth';
import { createTestDatabase, removeEntriesOfEndedProcesses, sqlStatementTotals, type TestDatabaseTemplate } from '@kommunenett/db';
import {
  createLogger, DEFAULT_SUBGRAPH_PORTS, startSubgraph, subgraphConfigFromEnv, type RunningSubgraph, type SubgraphDefinition, type SubgraphName,
} from '@kommunenett/subgraph-kit';
import { gatewayConfigFromEnv, startGateway, type GatewayConfig, type RunningGateway } from '@kommunenett/gateway';
import { stackConfigFromEnv } from './config';
import { composeSubgraphSdls } from './compose';
import { SUBGRAPHS } from './definitions';
import { prepareServiceSchemas } from './prepare';

export * from './fixtures';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: { data?: T; errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [k: string]: unknown } }[] };
}

export interface TestStack {
  gatewayUrl: string;
  /** Base URL (no path) of the gateway. */
  baseUrl: string;
  subgraphs: Record<string, RunningSubgraph>;
  keys: DevKeys;
  databaseUrl: string;
  /** A token for a role, with the defaults of `pnpm token` filled in by the caller's claims. */
  token(role: Role, claims?: Partial<TokenClaims>, expiresIn?: string | number): Promise<string>;
  /** Sends a GraphQL operation through the gateway over HTTP. */
  graphql<T = Record<string, unknown>>(query: string, options?: { variables?: Record<string, unknown>; token?: string; headers?: Record<string, string> }): Promise<GraphQLResponse<T>>;
  /** The data of an operation that must succeed: any GraphQL error fails the test, naming the errors. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers in tests are loosely typed JSON
  ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  /** The error codes (`extensions.code`) of an operation that must fail, and its partial data. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers in tests are loosely typed JSON
  refused<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<{ codes: (string | undefined)[]; data: T }>;
  /**
   * The payload of a mutation `name(input: $input)` that must succeed: a GraphQL error or any
   * `userErrors` fails the test, naming them. `select` is what to read besides `userErrors`; the
   * input type is `<Name>Input` unless `inputType` says otherwise.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers in tests are loosely typed JSON
  mutate<T = Record<string, any>>(name: string, input: Record<string, unknown>, token?: string, options?: { select?: string; inputType?: string }): Promise<T>;
  /** SQL statements sent so far, per service (take the difference around a request). */
  sqlStatements(): Record<string, number>;
  stop(): Promise<void>;
}

/**
 * How long one part of the test stack may take to start before the boot fails naming it. Generous:
 * a busy two-core machine running several test files may take minutes; jest's own timeout
 * (jest.config.js) is longer still, so the error that names the slow part is the one reported.
 */
export const STACK_BOOT_TIMEOUT_MS = 240_000;

/**
 * `work`, or an error naming what did not start in time (what starts late anyway is stopped).
 * How long each part took goes to the test log (TEST_LOG_LEVEL=info shows where a boot spends its time).
 */
async function withDeadline<T>(what: string, work: Promise<T>, stopLate?: (late: T) => Promise<unknown>, log?: ReturnType<typeof createLogger>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const started = Date.now();
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`Test stack: ${what} did not start within ${STACK_BOOT_TIMEOUT_MS / 1000} s. The machine may be overloaded, or that part hangs (run with TEST_LOG_LEVEL=debug to see its log).`));
      void work.then((late) => stopLate?.(late)).catch(() => undefined);
    }, STACK_BOOT_TIMEOUT_MS);
  });
  try {
    const done = await Promise.race([work, deadline]);
    log?.info({ seconds: Math.round((Date.now() - started) / 100) / 10 }, `test stack: ${what} ready`);
    return done;
  } catch (error) {
    if (Date.now() - started < STACK_BOOT_TIMEOUT_MS && error instanceof Error) error.message = `Test stack: ${what} failed to start: ${error.message}`;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** The hash of the sources a demo template's content comes from (read once per process). */
let demoSourcesHash: string | undefined;

/**
 * The key of the template holding the migrated demo data: it changes with the services' sources
 * (migrations, entities, seeds), the reference data, the database and kit code the seeds run on,
 * and the day (the open round's dates are counted from the day of loading), so that no test runs on
 * demo data older than its code or from another day.
 */
function demoTemplateKey(): string {
  if (!demoSourcesHash) {
    const root = join(__dirname, '..', '..', '..');
    const services = readdirSync(join(root, 'services')).map((name) => join('services', name, 'src'));
    const hash = createHash('sha1');
    for (const dir of [...services, 'packages/reference-data/src', 'packages/reference-data/data', 'packages/db/src', 'packages/subgraph-kit/src']) {
      const files = (readdirSync(join(root, dir), { recursive: true }) as string[]).filter((f) => !f.endsWith('.test.ts')).sort();
      for (const file of files) {
        const path = join(root, dir, file);
        if (!statSync(path).isFile()) continue;
        hash.update(`${dir}/${file}\0`).update(readFileSync(path)).update('\0');
      }
    }
    demoSourcesHash = hash.digest('hex').slice(0, 12);
  }
  return `demo${new Date().toISOString().slice(0, 10).replaceAll('-', '')}${demoSourcesHash}`;
}

/** Where the test runs keep the supergraphs they composed. */
const SUPERGRAPH_ROOT = join(tmpdir(), 'kommunenett-test-supergraph');

/**
 * The supergraph of the schemas the subgraphs built as they started (in the order of the
 * definitions), composed once per test run for each set of schemas: composing takes about a second
 * of CPU, for every file alike. The files of runs that have ended are removed.
 */
function composedSupergraph(subgraphSdls: Record<string, string>): string {
  const key = createHash('sha256').update(JSON.stringify(subgraphSdls)).digest('hex').slice(0, 16);
  const file = join(SUPERGRAPH_ROOT, `run-${process.ppid}-${key}.graphql`);
  if (existsSync(file)) return readFileSync(file, 'utf8');
  const { supergraphSdl } = composeSubgraphSdls(subgraphSdls);
  mkdirSync(SUPERGRAPH_ROOT, { recursive: true });
  removeEntriesOfEndedProcesses(SUPERGRAPH_ROOT, /^run-(\d+)-/);
  // Written whole under another name first: a file that reads it meanwhile sees all of it or nothing.
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, supergraphSdl);
  renameSync(partial, file);
  return supergraphSdl;
}

export interface TestStackOptions {
  definitions?: SubgraphDefinition[];
  seedDemo?: boolean;
  /**
   * Variables of the subgraphs, as a deployment sets them (parsed like at start, so a malformed one
   * fails the boot), e.g. `{ PARTICIPANTS_WEBHOOK_ALLOW_HTTP: 'true', METRICS_TOKEN: '…' }`. The test
   * process's own environment does not reach the services.
   */
  env?: Record<string, string>;
  /** The gateway's configuration over its defaults. */
  gateway?: Partial<GatewayConfig>;
}

/**
 * Boots the whole graph inside the test process on free ports: the embedded database (or a fresh
 * database on the PostgreSQL of `DATABASE_URL`), the four subgraphs with their demo data, and the
 * gateway over a supergraph composed from the code under test. Each service gets its configuration
 * as options; a test that changes a setting while the stack runs changes the running service's
 * configuration object (`stack.subgraphs.<name>.config`), never `process.env`.
 */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const stackConfig = stackConfigFromEnv();
  const log = createLogger('test', stackConfig.testLogLevel);
  const keys = await createEphemeralKeys();
  const cleanups: (() => Promise<void>)[] = [];
  const definitions = options.definitions ?? SUBGRAPHS;
  // The whole demo graph starts on a copy of a database that holds it already; any other stack on an
  // empty one, where its subgraphs migrate (and seed) as they start.
  const template: TestDatabaseTemplate | undefined = definitions === SUBGRAPHS && (options.seedDemo ?? true)
    ? { key: demoTemplateKey(), build: (url) => prepareServiceSchemas(SUBGRAPHS, () => url, { seedDemo: true, log }) }
    : undefined;
  const database = await withDeadline(stackConfig.databaseUrl ? 'the test database on DATABASE_URL' : 'the embedded database',
    createTestDatabase(stackConfig.databaseUrl, template), (late) => late.drop(), log);
  const databaseUrl = database.url;
  cleanups.push(() => database.drop());
  const subgraphs: Record<string, RunningSubgraph> = {};
  // One map for all: filled with the real addresses once every subgraph listens on its free port.
  const subgraphUrls = Object.fromEntries(Object.keys(DEFAULT_SUBGRAPH_PORTS).map((n) => [n, ''])) as Record<SubgraphName, string>;
  try {
    // The subgraphs boot side by side (each migrates and seeds its own schema, or finds it done on a copy of the demo template).
    await Promise.all(definitions.map(async (def) => {
      const config = subgraphConfigFromEnv(def.name, def.settings, {
        // Tests read their own writes: statistics count the registrations as of each query unless a test says otherwise.
        PARTICIPANTS_STATISTICS_MAX_STALENESS_MS: '0',
        ...options.env, [`${def.name.toUpperCase()}_PORT`]: '0', DATABASE_URL: databaseUrl, INTERNAL_AUTH_SECRET: keys.internalSecret,
      });
      Object.assign(config, { subgraphUrls, seedDemo: options.seedDemo ?? true, runJobs: false });
      const running = await withDeadline(`the ${def.name} subgraph (migrations, demo data, schema)`, startSubgraph(def, config, {
        log: log.child({ service: def.name }),
      }), (late) => late.stop(), log);
      subgraphs[def.name] = running;
      cleanups.unshift(() => running.stop());
    }));
    for (const [name, running] of Object.entries(subgraphs)) subgraphUrls[name as SubgraphName] = running.url;
    const supergraphSdl = await withDeadline('composing the supergraph', Promise.resolve().then(() =>
      composedSupergraph(Object.fromEntries(definitions.map((def) => [def.name, subgraphs[def.name].sdl])))), undefined, log);
    const gateway: RunningGateway = await withDeadline('the gateway', startGateway({
      ...gatewayConfigFromEnv({}),
      port: 0,
      supergraphSdl,
      subgraphUrls,
      jwks: { keys: [keys.publicJwk] },
      devTokenKeys: keys,
      internalSecret: keys.internalSecret,
      introspection: true,
      ...options.gateway,
    }, log.child({ service: 'gateway' })), (late) => late.stop(), log);
    cleanups.unshift(() => gateway.stop());
    const baseUrl = gateway.url.replace(/\/graphql$/, '');
    const graphql: TestStack['graphql'] = async (query, { variables, token, headers = {} } = {}) => {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }), ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      let body;
      try {
        body = JSON.parse(text);
      } catch {
        body = { errors: [{ message: text }] };
      }
      return { status: response.status, headers: response.headers, body };
    };
    return {
      gatewayUrl: gateway.url,
      baseUrl,
      subgraphs,
      keys,
      databaseUrl,
      token: (role, claims = {}, expiresIn = '1h') => signToken({ sub: `test-${role.toLowerCase()}`, role, ...claims } as TokenClaims, keys, DEV_TOKEN_SETTINGS, expiresIn),
      graphql,
      async ok(query, variables = {}, token) {
        const res = await graphql(query, { variables, token });
        if (res.body.errors?.length || !res.body.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.body.errors)}`);
        return res.body.data as never;
      },
      async refused(query, variables = {}, token) {
        const res = await graphql(query, { variables, token });
        return { codes: (res.body.errors ?? []).map((e) => e.extensions?.code), data: res.body.data as never };
      },
      async mutate(name, input, token, { select = '', inputType = `${name[0].toUpperCase()}${name.slice(1)}Input` } = {}) {
        const res = await graphql<Record<string, { userErrors: unknown[] }>>(
          `mutation($input: ${inputType}!) { ${name}(input: $input) { ${select} userErrors { field code message } } }`, { variables: { input }, token });
        if (res.body.errors?.length || !res.body.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.body.errors)}`);
        const payload = res.body.data[name];
        if (payload.userErrors.length) throw new Error(`${name} refused: ${JSON.stringify(payload.userErrors)}`);
        return payload as never;
      },
      sqlStatements: () => Object.fromEntries(sqlStatementTotals),
      async stop() {
        for (const cleanup of cleanups) await cleanup();
      },
    };
  } catch (error) {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    throw error;
  }
}

/** The difference of two `sqlStatements()` snapshots, per service and in total. */
export function sqlDelta(before: Record<string, number>, after: Record<string, number>): Record<string, number> & { total: number } {
  const delta: Record<string, number> = {};
  let total = 0;
  for (const [service, n] of Object.entries(after)) {
    delta[service] = n - (before[service] ?? 0);
    total += delta[service];
  }
  return Object.assign(delta, { total });
}
