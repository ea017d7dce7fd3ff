import type { ServiceDeps } from './context';

/**
 * State that belongs to one running service, such as a cache of what its database holds: one per
 * data source, made on first use. Two instances of a service in one process (each on its own
 * database, as the test files of a jest worker run them one after another) never share it.
 */
export function perService<T>(create: () => T): (deps: Pick<ServiceDeps, 'ds'>) => T {
  const byDataSource = new WeakMap<object, T>();
  return ({ ds }) => {
    let state = byDataSource.get(ds);
    if (state === undefined) {
      state = create();
      byDataSource.set(ds, state);
    }
    return state;
  };
}

/**
 * Values another service owns that change rarely (a network's rules, the municipalities), kept by
 * the running service (`perService`) for a while (`ttlMs`) so that a hot path does not ask for
 * them on every request. A value being loaded is shared by every caller that asks meanwhile; a
 * value `keep` refuses (an unknown id, so that it is found as soon as it exists) and a failed load
 * are not kept.
 */
export class ProcessCache<V> {
  private readonly entries = new Map<string, { value: Promise<V>; until: number }>();

  constructor(private readonly max = 10_000) {}

  get(key: string, ttlMs: number, load: () => Promise<V>, keep: (value: V) => boolean = () => true): Promise<V> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    if (this.entries.size >= this.max) this.entries.clear();
    const value = load();
    const entry = { value, until: now + ttlMs };
    this.entries.set(key, entry);
    value.then((v) => { if (!keep(v)) this.forget(key, entry); }, () => this.forget(key, entry));
    return value;
  }

  /** Drops a key, so that the next `get` loads it again. */
  delete(key: string): void {
    this.entries.delete(key);
  }

  private forget(key: string, entry: { value: Promise<V>; until: number }): void {
    if (this.entries.get(key) === entry) this.entries.delete(key);
  }
}
