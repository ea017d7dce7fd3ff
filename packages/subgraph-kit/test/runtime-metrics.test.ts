import { PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { runtimeMetricLines, startRuntimeMetrics } from '../src/runtime-metrics';

/** A full garbage collection, also in a process started without --expose-gc. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** The observers `work` registers for garbage collections, held weakly. */
function observersRegisteredBy(work: () => void): WeakRef<PerformanceObserver>[] {
  const observe = jest.spyOn(PerformanceObserver.prototype, 'observe');
  try {
    work();
    return observe.mock.contexts.map((observer) => new WeakRef(observer as PerformanceObserver));
  } finally {
    observe.mockRestore();
  }
}

describe('runtime metrics', () => {
  it('observe garbage collections while anyone counts, and leave nothing registered after the last one stops', async () => {
    let endFirst!: () => void;
    let endSecond!: () => void;
    const observers = observersRegisteredBy(() => {
      endFirst = startRuntimeMetrics();
      endSecond = startRuntimeMetrics();
    });
    // One observer for the process, however many subgraphs count.
    expect(observers).toHaveLength(1);
    expect(runtimeMetricLines('reports')).toContain('# TYPE kommunenett_gc_collections_total counter');

    endFirst();
    endFirst(); // a second call changes nothing
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(observers[0].deref()).toBeDefined();

    endSecond();
    // A registered observer stays reachable from Node's own list (with the module that made it);
    // once disconnected, nothing holds it. A WeakRef keeps its target until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(observers[0].deref()).toBeUndefined();

    // A subgraph started later counts again, with an observer of its own.
    const again = observersRegisteredBy(() => { endFirst = startRuntimeMetrics(); });
    expect(again).toHaveLength(1);
    endFirst();
  });
});
