import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { makeTestDataFolder } from '@kommunenett/db';

/**
 * `npm start` stopped with Ctrl-C, as a terminal does it: SIGINT to the whole foreground process
 * group (npm, its shell, the bootstrap, the stack) once the stack is ready. It must end with exit
 * code 0 and no "Command failed" from npm or pnpm.
 */
const ROOT = join(__dirname, '../../..');

const canListen = (port: number) => new Promise<boolean>((resolve) => {
  const server = createServer().listen(port, '127.0.0.1', () => server.close(() => resolve(true))).on('error', () => resolve(false));
});

/**
 * Free ports for the stack, below the ephemeral ranges (Linux 32768–60999, macOS and Windows from
 * 49152): a port the system hands out could be taken by any connection another process opens
 * before the stack listens, which on a busy machine happened within the seconds that install,
 * build and seed take.
 */
async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (!ports.has(port) && await canListen(port)) ports.add(port);
  }
  return [...ports];
}

/** How the stack is told to stop once it is ready: the terminal's whole group, or one process alone. */
type Stop = (child: ReturnType<typeof spawn>) => void;
const ctrlC: Stop = (child) => process.kill(-child.pid!, 'SIGINT');

/**
 * One data folder for both starts: the first creates and seeds the embedded database, the second
 * starts on it, as a developer's second `npm start` does (seeding it again would test nothing more).
 * It is where the test databases go (in memory where it can be), which took the first start from
 * about 20 s to 12 s.
 */
let dataDir: string;
beforeAll(() => { dataDir = makeTestDataFolder(); });
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function startAndInterrupt(command: string[], stop: Stop = ctrlC): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string; gatewayPort: number }> {
  const [gateway, networks, participants, reports, handbook, database] = await freePorts(6);
  const env = {
    ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, GATEWAY_PORT: String(gateway), NETWORKS_PORT: String(networks), PARTICIPANTS_PORT: String(participants),
    REPORTS_PORT: String(reports), HANDBOOK_PORT: String(handbook), EMBEDDED_DB_PORT: String(database),
  };
  // Its own process group, like a terminal's foreground job.
  const child = spawn(command[0], command.slice(1), { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve) => {
    const read = (chunk: Buffer) => {
      const before = output.includes('kommunenett is ready');
      output += chunk.toString();
      if (!before && output.includes('kommunenett is ready')) stop(child);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code, signal) => resolve({ code, signal, output, gatewayPort: gateway }));
  });
}

it('ends `npm start` with exit code 0 and no "Command failed" on Ctrl-C', async () => {
  const { code, signal, output } = await startAndInterrupt(['npm', 'start']);
  expect(output).toContain('kommunenett is ready');
  expect({ code, signal }).toEqual({ code: 0, signal: null });
  expect(output).not.toMatch(/ELIFECYCLE|Command failed|npm error/);
}, 600_000);

it('stops the whole stack when only the start command is sent SIGTERM, as `kill` or a process manager does', async () => {
  const { code, signal, output, gatewayPort } = await startAndInterrupt([process.execPath, 'scripts/bootstrap.mjs', 'start'], (child) => child.kill('SIGTERM'));
  expect(output).toContain('kommunenett is ready');
  expect({ code, signal }).toEqual({ code: 0, signal: null });
  // Nothing is left answering on the gateway's port.
  const answer = await fetch(`http://127.0.0.1:${gatewayPort}/healthz`).then((r) => r.status, (e: Error) => e.name);
  expect(answer).toBe('TypeError');
}, 600_000);
