import { spawn, type ChildProcess } from 'node:child_process';
import { residentMb, uniqueResidentMb } from '../src/metrics';

/**
 * The stack's memory as the benchmark counts it, against real processes: two idle Node processes
 * that each hold 48 MB written by themselves, and share Node's own binary.
 */
const HELD_MB = 48;
const holders: ChildProcess[] = [];

function startHolder(): Promise<number> {
  const child = spawn(process.execPath, ['-e', `const held = Buffer.alloc(${HELD_MB} * 1024 * 1024, 1); console.log('ready'); setInterval(() => { held[0]++; }, 60_000);`], { stdio: ['ignore', 'pipe', 'inherit'] });
  holders.push(child);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout!.once('data', () => resolve(child.pid!));
  });
}

let a: number;
let b: number;
beforeAll(async () => {
  [a, b] = await Promise.all([startHolder(), startHolder()]);
});
afterAll(() => {
  for (const child of holders) child.kill();
});

it('counts a page two processes share once, and each process’s own pages', () => {
  const rssA = residentMb(a);
  const rssB = residentMb(b);
  const both = uniqueResidentMb([a, b]);
  // Node's binary is mapped by both: the RSS added up counts its resident pages twice.
  expect(both.mb).toBeLessThanOrEqual(rssA + rssB - 15);
  // Each holds its own 48 MB.
  expect(both.mb).toBeGreaterThanOrEqual(2 * HELD_MB);
  if (both.method === 'pages') {
    expect(both.mb).toBeGreaterThanOrEqual(Math.max(rssA, rssB) + HELD_MB - 4);
  }
});

it('counts one process’s pages as its RSS where page frames are readable (as root), else falls back to PSS', () => {
  const one = uniqueResidentMb([a]);
  const rss = residentMb(a);
  if (process.getuid?.() === 0) {
    expect(one.method).toBe('pages');
    expect(Math.abs(one.mb - rss)).toBeLessThanOrEqual(3);
  } else {
    expect(one.method).toBe('pss');
    expect(one.mb).toBeLessThanOrEqual(rss);
    expect(one.mb).toBeGreaterThanOrEqual(HELD_MB);
  }
});
