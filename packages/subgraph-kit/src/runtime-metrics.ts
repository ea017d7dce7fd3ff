import { PerformanceObserver, constants } from 'node:perf_hooks';
import { sharedWhileHeld } from './shared-hold';

/**
 * Garbage collection and CPU time of this process, for `/metrics`: the benchmark reads both around
 * a run and reports the collector's share of the busy time per process (how `--max-semi-space-size`
 * is chosen, docs/performance.md).
 */
let gcMilliseconds = 0;
let minorGcMilliseconds = 0;
let collections = 0;
/** Observes the collections while anyone in this process counts them (see startRuntimeMetrics). */
let observer: PerformanceObserver | undefined;

/** Prometheus lines: seconds spent in garbage collection (all, and the young generation's) and on the CPU. */
export function runtimeMetricLines(service: string): string[] {
  const cpu = process.cpuUsage();
  return [
    '# TYPE kommunenett_gc_seconds_total counter',
    `kommunenett_gc_seconds_total{service="${service}"} ${(gcMilliseconds / 1000).toFixed(4)}`,
    `kommunenett_gc_seconds_total{service="${service}",generation="young"} ${(minorGcMilliseconds / 1000).toFixed(4)}`,
    // Pauses are wall-clock time: on a loaded machine a pause also counts the time spent waiting for
    // a core. The number of collections is a count, the same however busy the machine is.
    '# TYPE kommunenett_gc_collections_total counter',
    `kommunenett_gc_collections_total{service="${service}"} ${collections}`,
    '# TYPE kommunenett_cpu_seconds_total counter',
    `kommunenett_cpu_seconds_total{service="${service}"} ${((cpu.user + cpu.system) / 1e6).toFixed(4)}`,
  ];
}

/**
 * Starts counting at start-up, so the first reading covers everything after it; returns the
 * function that ends this caller's count. The collections are observed while anyone counts: a
 * process that stops its last subgraph (the test stack stops four in one process) registers
 * nothing with the runtime any more, since an observer left registered would keep the module that
 * made it, and everything that module reaches, alive until the process ends.
 */
export const startRuntimeMetrics = sharedWhileHeld(() => {
  observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcMilliseconds += entry.duration;
      collections += 1;
      const kind = (entry as unknown as { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR) minorGcMilliseconds += entry.duration;
    }
  });
  observer.observe({ entryTypes: ['gc'] });
}, () => {
  observer?.disconnect();
  observer = undefined;
});
