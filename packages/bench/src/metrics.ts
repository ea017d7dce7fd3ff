import { readFileSync } from 'node:fs';

/** Resident memory of a process in MB (Linux /proc). */
export function residentMb(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Math.round(Number(line.split(/\s+/)[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/** Samples the resident memory of processes and keeps each one's peak. */
export class MemorySampler {
  readonly peak = new Map<string, number>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly processes: { name: string; pid: number }[]) {}

  snapshot(): Record<string, number> {
    return Object.fromEntries(this.processes.map((p) => [p.name, residentMb(p.pid)]));
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
