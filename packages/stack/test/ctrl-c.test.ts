import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm start` stopped with Ctrl-C, as a terminal does it: SIGINT to the whole foreground process
 * group (npm, its shell, the bootstrap, the stack) once the stack is ready. It must end with exit
 * code 0 and no "Command failed" from npm or pnpm.
 */
const ROOT = join(__dirname, '../../..');

const freePort = () => new Promise<number>((resolve, reject) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    server.close(() => resolve(port));
  }).on('error', reject);
});

async function startAndInterrupt(command: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kommunenett-ctrl-c-'));
  const [gateway, networks, participants, reports, handbook, database] = await Promise.all(Array.from({ length: 6 }, freePort));
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
      if (!before && output.includes('kommunenett is ready')) process.kill(-child.pid!, 'SIGINT');
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code, signal) => {
      rmSync(dataDir, { recursive: true, force: true });
      resolve({ code, signal, output });
    });
  });
}

it('ends `npm start` with exit code 0 and no "Command failed" on Ctrl-C', async () => {
  const { code, signal, output } = await startAndInterrupt(['npm', 'start']);
  expect(output).toContain('kommunenett is ready');
  expect({ code, signal }).toEqual({ code: 0, signal: null });
  expect(output).not.toMatch(/ELIFECYCLE|Command failed|npm error/);
}, 600_000);
