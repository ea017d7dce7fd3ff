import { Client } from 'pg';
import { createHash, randomBytes } from 'node:crypto';
import { accessSync, constants, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, statfsSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startEmbeddedPostgres } from './embedded-server';

/** A database of one's own (one per test file), and how to remove it. */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * What a test database starts as: a copy of a template that `build` filled once per test run,
 * starting from an empty database (which is what a test database without a template is). `key`
 * names the content (1–24 lower-case letters and digits, `empty` taken): two templates with one key
 * must hold the same data, so it changes with whatever `build` depends on.
 */
export interface TestDatabaseTemplate {
  key: string;
  build?: (url: string) => Promise<void>;
}

const EMPTY: TestDatabaseTemplate = { key: 'empty' };

/**
 * A template belongs to the run that made it: jest's process, the parent of its workers (or the
 * process that ran the tests in band). Templates of runs that have ended are removed by the next
 * run that builds one; the host's name is in a PostgreSQL template's name, since a server may serve
 * several machines and a process id means something only on its own.
 */
const RUN = process.ppid;
const HOST = createHash('sha1').update(hostname()).digest('hex').slice(0, 6);

/** Whether a process of this machine runs (the owner of a test run's templates, or of a lock). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the entries of `root` that belong to processes no longer running: those whose name
 * `owner` matches with the owner's process id as its first group (files of test runs that ended).
 */
export function removeEntriesOfEndedProcesses(root: string, owner: RegExp): void {
  for (const entry of readdirSync(root)) {
    const pid = Number(owner.exec(entry)?.[1]);
    if (pid && !processAlive(pid)) rmSync(join(root, entry), { recursive: true, force: true });
  }
}

function checkTemplate(template: TestDatabaseTemplate): void {
  if (!/^[a-z0-9]{1,24}$/.test(template.key)) throw new Error(`A test database template's key is 1–24 lower-case letters and digits, not "${template.key}".`);
  if (template.build && template.key === EMPTY.key) throw new Error(`The test database template "${EMPTY.key}" is the empty database: give one that is built another key.`);
}

/**
 * A database of its own for one test file: on the PostgreSQL server of `baseUrl` when given
 * (`CREATE DATABASE … TEMPLATE`), else an embedded database in a folder of its own (a copy of the
 * template's folder). Either way a copy: creating and filling a database (PGlite's initdb,
 * migrations, demo data) takes seconds, copying it a fraction of one. The first file of a run that
 * asks for a template builds it while the others wait for it (a lock: a file for the embedded
 * database, an advisory lock on the server), so it is built once.
 */
export async function createTestDatabase(baseUrl: string | undefined, template: TestDatabaseTemplate = EMPTY): Promise<TestDatabase> {
  checkTemplate(template);
  return baseUrl ? createServerTestDatabase(baseUrl, template) : createEmbeddedTestDatabase(template);
}

/**
 * Creates a fresh, uniquely named database on the server of `baseUrl` (a copy of `template` when
 * given) and returns its URL, so that each test run against a real PostgreSQL starts on its own
 * database and runs beside the others.
 */
export async function createFreshDatabase(baseUrl: string, options: { prefix?: string; template?: string } = {}): Promise<TestDatabase> {
  const name = `${options.prefix ?? 'kommunenett_test'}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await withClient(baseUrl, (admin) => admin.query(`CREATE DATABASE "${name}"${options.template ? ` TEMPLATE "${options.template}"` : ''}`));
  return {
    url: databaseUrl(baseUrl, name),
    drop: () => withClient(baseUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

function databaseUrl(baseUrl: string, name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const TEMPLATE_PREFIX = `kommunenett_tpl_${HOST}_`;

async function createServerTestDatabase(baseUrl: string, template: TestDatabaseTemplate): Promise<TestDatabase> {
  if (!template.build) return createFreshDatabase(baseUrl);
  const name = `${TEMPLATE_PREFIX}${RUN}_${template.key}`;
  await withClient(baseUrl, async (admin) => {
    // Session-level: released when this connection ends, also when the process building dies.
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    if ((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount) return;
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${TEMPLATE_PREFIX}%`]);
    for (const { datname } of rows) {
      const pid = Number(datname.slice(TEMPLATE_PREFIX.length).split('_')[0]);
      if (!pid || processAlive(pid)) continue;
      await admin.query(`ALTER DATABASE "${datname}" WITH IS_TEMPLATE false`).catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
    }
    // Built under another name and renamed when complete, so a template is never seen half-built.
    const building = `${name}_b`;
    await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${building}"`);
    try {
      await template.build!(databaseUrl(baseUrl, building));
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    } catch (error) {
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`).catch(() => undefined);
      throw error;
    }
    // No connection may reach a template: CREATE DATABASE … TEMPLATE refuses one that has any.
    await admin.query(`ALTER DATABASE "${name}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
  });
  return createFreshDatabase(baseUrl, { template: name });
}

/** Free space a memory-backed folder must have to hold a run's embedded databases (templates, a copy per running file). */
const MEMORY_FOLDER_MIN_FREE_BYTES = 1024 ** 3;

/**
 * Where embedded test databases go: the system's shared-memory folder (`/dev/shm`, a tmpfs on
 * Linux) when it has room, else the temporary folder. A test database is thrown away after its
 * file, and on a disk each file's copy of the template (about 70 MB) and every write of its tests
 * wait on the disk: on this project's two-core machines copying and removing the folders took about
 * a quarter of a stack's start ("Round five: the suite" in docs/performance.md). Docker gives a
 * container 64 MB of /dev/shm unless told otherwise, hence the check.
 */
function testDatabaseFolder(): string {
  try {
    const shm = statfsSync('/dev/shm');
    accessSync('/dev/shm', constants.W_OK);
    if (shm.bavail * shm.bsize >= MEMORY_FOLDER_MIN_FREE_BYTES) return '/dev/shm';
  } catch {
    // No /dev/shm, or not ours to write: the temporary folder.
  }
  return tmpdir();
}

/**
 * A new, empty folder for a test's own data folder (DATA_DIR) that will hold an embedded database,
 * beside the test databases (in memory where it can be). The test removes it; one left by a test
 * process that was killed goes with the next run's clean-up, as its test databases do.
 */
export function makeTestDataFolder(): string {
  return mkdtempSync(join(embeddedRoot(), `data-${process.pid}-`));
}

let embeddedRootFolder: string | undefined;

/** Where the test runs keep their embedded databases (templates, and one copy per test file), chosen and made on first use. */
function embeddedRoot(): string {
  if (!embeddedRootFolder) {
    embeddedRootFolder = join(testDatabaseFolder(), 'kommunenett-test-pglite');
    mkdirSync(embeddedRootFolder, { recursive: true });
  }
  return embeddedRootFolder;
}

/** The folder of a template of this run, built unless it is there: an empty one by PGlite's initdb, any other from a copy of that. */
async function embeddedTemplate(template: TestDatabaseTemplate): Promise<string> {
  const dir = join(embeddedRoot(), `run-${RUN}-${template.key}`);
  const empty = template.build ? await embeddedTemplate(EMPTY) : undefined;
  await buildOnce(dir, async (into) => {
    if (empty) cpSync(empty, into, { recursive: true });
    const embedded = await startEmbeddedPostgres({ dataDir: into });
    try {
      await template.build?.(embedded.url);
    } finally {
      await embedded.stop();
    }
  });
  return dir;
}

async function createEmbeddedTestDatabase(template: TestDatabaseTemplate): Promise<TestDatabase> {
  const templateDir = await embeddedTemplate(template);
  const copy = mkdtempSync(join(embeddedRoot(), `file-${process.pid}-`));
  cpSync(templateDir, copy, { recursive: true });
  const embedded = await startEmbeddedPostgres({ dataDir: copy });
  return {
    url: embedded.url,
    async drop() {
      await embedded.stop();
      rmSync(copy, { recursive: true, force: true });
    },
  };
}

/**
 * Builds the template folder `dir` unless it exists, one process at a time: the builder holds a
 * lock file naming its process; the others wait, and take over from a builder that died.
 */
async function buildOnce(dir: string, build: (into: string) => Promise<void>): Promise<void> {
  const lock = `${dir}.lock`;
  while (!existsSync(join(dir, 'PG_VERSION'))) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
    } catch {
      let holder: number;
      try {
        holder = Number(readFileSync(lock, 'utf8'));
      } catch {
        continue; // released meanwhile
      }
      // An empty lock is one being written, unless it stays empty.
      const abandoned = holder ? !processAlive(holder) : Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 10_000;
      if (abandoned) rmSync(lock, { force: true });
      else await sleep(200);
      continue;
    }
    try {
      removeEntriesOfEndedProcesses(embeddedRoot(), /^(?:run|file|building|data)-(\d+)/);
      const building = mkdtempSync(join(embeddedRoot(), `building-${process.pid}-`));
      try {
        await build(building);
        renameSync(building, dir);
      } catch (error) {
        rmSync(building, { recursive: true, force: true });
        throw error;
      }
    } finally {
      rmSync(lock, { force: true });
    }
  }
}
