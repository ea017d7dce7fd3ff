import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';

/** Children of every process, from /proc/<pid>/stat (the parent is the fourth field). */
function childrenByParent(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

/** The pids of processes and all their descendants (gateway workers). */
function withDescendants(pids: number[], children: Map<number, number[]>): number[] {
  const all: number[] = [];
  const stack = [...pids];
  while (stack.length) {
    const next = stack.pop()!;
    all.push(next);
    stack.push(...(children.get(next) ?? []));
  }
  return all;
}

/** The sum of a reading of /proc over a process and all its descendants; a process that ended while we looked counts 0. */
function sumOverTree(pid: number, children: Map<number, number[]>, read: (pid: number) => number): number {
  let sum = 0;
  for (const next of withDescendants([pid], children)) {
    try {
      sum += read(next);
    } catch {
      // The process ended while we looked.
    }
  }
  return sum;
}

/** Resident memory in MB of a process with all its descendants (gateway workers), Linux /proc. */
export function residentMb(pid: number, children = childrenByParent()): number {
  const kb = sumOverTree(pid, children, (p) => Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0));
  return Math.round(kb / 1024);
}

/** Proportional set size in MB of a process with its descendants: shared pages (Node's own binary, about 45 MB of every process's RSS) counted once over the processes that share them. */
export function proportionalMb(pid: number, children = childrenByParent()): number {
  const kb = sumOverTree(pid, children, (p) => Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${p}/smaps_rollup`, 'utf8'))?.[1] ?? 0));
  return Math.round(kb / 1024);
}

/** The proportional set sizes of processes (each with its descendants) added up, in MB. */
export function proportionalTotalMb(pids: number[], children = childrenByParent()): number {
  return pids.reduce((sum, pid) => sum + proportionalMb(pid, children), 0);
}

const PAGE_BYTES = 4096;

/**
 * The physical pages a process has resident, Linux /proc/<pid>/pagemap: each mapping with resident
 * pages (from smaps) is read entry by entry (bit 63 present, bits 0–54 the page frame). Null when
 * the frames are hidden: Linux shows them only to a process with CAP_SYS_ADMIN, to others as 0.
 */
function residentFrames(pid: number, into: Set<number>): boolean {
  const ranges: [number, number][] = [];
  let current: [number, number] | undefined;
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const range = /^([0-9a-f]+)-([0-9a-f]+) /.exec(line);
    if (range) current = [parseInt(range[1], 16), parseInt(range[2], 16)];
    else if (current && line.startsWith('Rss:') && !/^Rss:\s+0 kB/.test(line)) ranges.push(current);
  }
  const fd = openSync(`/proc/${pid}/pagemap`, 'r');
  try {
    for (const [start, end] of ranges) {
      const pages = (end - start) / PAGE_BYTES;
      const entries = Buffer.alloc(pages * 8);
      const read = readSync(fd, entries, 0, entries.length, (start / PAGE_BYTES) * 8);
      for (let offset = 0; offset + 8 <= read; offset += 8) {
        const high = entries.readUInt32LE(offset + 4);
        if (!(high & 0x80000000)) continue;
        const frame = (high & 0x7fffff) * 2 ** 32 + entries.readUInt32LE(offset);
        if (frame === 0) return false;
        into.add(frame);
      }
    }
    return true;
  } finally {
    closeSync(fd);
  }
}

/**
 * The memory a set of processes holds together, in MB, each physical page counted once: what the
 * machine gives them. Their RSS added up counts a page they share once per process (every
 * process maps Node's own binary, some 40 MB of each RSS); their PSS added up gives a shared page
 * partly to processes outside the set. Counted from the page frames when Linux shows them
 * (`pages`), else the PSS sum (`pss`).
 */
export function uniqueResidentMb(pids: number[], children = childrenByParent()): { mb: number; method: 'pages' | 'pss' } {
  const frames = new Set<number>();
  let visible = true;
  for (const pid of withDescendants(pids, children)) {
    try {
      if (!residentFrames(pid, frames)) {
        visible = false;
        break;
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EACCES' || (error as NodeJS.ErrnoException).code === 'EPERM') {
        visible = false;
        break;
      }
      // The process ended while we looked.
    }
  }
  if (visible) return { mb: Math.round((frames.size * PAGE_BYTES) / 1024 / 1024), method: 'pages' };
  return { mb: proportionalTotalMb(pids, children), method: 'pss' };
}

/** Clock ticks per second of /proc/<pid>/stat's CPU times (USER_HZ, 100 on every Linux the benchmark runs on). */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds (user and system) a process and all its descendants have used so far, Linux /proc;
 * for the processes without a /metrics endpoint (the gateway, the embedded database).
 */
export function cpuSecondsOf(pid: number, children = childrenByParent()): number {
  const ticks = sumOverTree(pid, children, (p) => {
    const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime: the 14th and 15th fields of the line, the 12th and 13th after the name.
    return Number(fields[11]) + Number(fields[12]);
  });
  return ticks / TICKS_PER_SECOND;
}

/** CPU seconds of each named process (with its descendants) at this moment. */
export function cpuSnapshot(processes: { name: string; pid: number }[]): Record<string, number> {
  const children = childrenByParent();
  return Object.fromEntries(processes.map((p) => [p.name, cpuSecondsOf(p.pid, children)]));
}

/** Samples the resident memory of processes and keeps each one's peak. */
export class MemorySampler {
  readonly peak = new Map<string, number>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly processes: { name: string; pid: number }[]) {}

  snapshot(): Record<string, number> {
    const children = childrenByParent();
    return Object.fromEntries(this.processes.map((p) => [p.name, residentMb(p.pid, children)]));
  }

  /** The memory the processes hold together, each physical page once (see `uniqueResidentMb`). */
  uniqueTotal(): { mb: number; method: 'pages' | 'pss' } {
    return uniqueResidentMb(this.processes.map((p) => p.pid));
  }

  /** The processes' proportional set sizes added up (a page shared with a process outside them counts in part). */
  proportionalTotal(): number {
    return proportionalTotalMb(this.processes.map((p) => p.pid));
  }

  start(): void {
    this.timer = setInterval(() => {
      for (const [name, mb] of Object.entries(this.snapshot())) this.peak.set(name, Math.max(this.peak.get(name) ?? 0, mb));
    }, 250);
  }

  stop(): Record<string, number> {
    clearInterval(this.timer);
    return Object.fromEntries(this.peak);
  }
}

/** SQL statements a subgraph has sent while answering requests (jobs left out), from /metrics. */
export async function sqlStatementsOf(subgraphUrl: string): Promise<number> {
  const text = await (await fetch(subgraphUrl.replace(/\/graphql$/, '/metrics'))).text();
  const match = /kommunenett_sql_request_statements_total\{[^}]*\} (\d+)/.exec(text);
  return match ? Number(match[1]) : 0;
}

/** Seconds a subgraph has spent in garbage collection and on the CPU since it started, from /metrics. */
export async function runtimeOf(subgraphUrl: string): Promise<{ gc: number; cpu: number; collections: number }> {
  const text = await (await fetch(subgraphUrl.replace(/\/graphql$/, '/metrics'))).text();
  const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? 0);
  return {
    gc: value(/kommunenett_gc_seconds_total\{service="[^"]*"\} ([\d.]+)/), cpu: value(/kommunenett_cpu_seconds_total\{[^}]*\} ([\d.]+)/),
    collections: value(/kommunenett_gc_collections_total\{[^}]*\} (\d+)/),
  };
}
