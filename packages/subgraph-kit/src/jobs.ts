import type { ServiceDeps } from './context';
import type { ScheduledJob } from './definition';

function jobLockKey(name: string): number {
  let h = 7;
  for (const ch of `kommunenett:job:${name}`) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

/**
 * Runs each job on its interval. A PostgreSQL advisory lock taken with try-lock makes sure that
 * when several instances of a service run, one of them does each round's work.
 */
export function scheduleJobs(jobs: ScheduledJob[], deps: ServiceDeps): () => void {
  const { ds, log } = deps;
  const timers = jobs.map((job) => {
    let running = false;
    const tick = async () => {
      if (running || !ds.isInitialized) return;
      running = true;
      const runner = ds.createQueryRunner();
      try {
        await runner.connect();
        const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [jobLockKey(job.name)])) as { locked: boolean }[];
        if (!locked) return;
        try {
          await job.run({ ...deps, log: log.child({ job: job.name }) });
        } finally {
          await runner.query('SELECT pg_advisory_unlock($1)', [jobLockKey(job.name)]);
        }
      } catch (error) {
        log.error({ err: error, job: job.name }, 'scheduled job failed');
      } finally {
        await runner.release();
        running = false;
      }
    };
    const timer = setInterval(() => void tick(), job.intervalMs);
    timer.unref();
    return timer;
  });
  return () => timers.forEach((t) => clearInterval(t));
}
