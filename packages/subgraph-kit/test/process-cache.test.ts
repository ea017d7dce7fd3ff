import type { DataSource } from 'typeorm';
import { perService, ProcessCache } from '../src';

/**
 * The caches a service keeps of other services' facts: one per running service, entries kept for
 * their lifetime, a value being loaded shared, unknown ids and failed loads not kept.
 */
const dataSource = () => ({}) as DataSource;

describe('perService', () => {
  it('gives each running service (data source) its own state, the same on every call', () => {
    const cacheOf = perService(() => new ProcessCache<string>());
    const a = { ds: dataSource() };
    const b = { ds: dataSource() };
    expect(cacheOf(a)).toBe(cacheOf(a));
    expect(cacheOf(a)).not.toBe(cacheOf(b));
  });

  it('keeps what one service loaded from the other: a second stack in the process reads its own database', async () => {
    const cacheOf = perService(() => new ProcessCache<string>());
    const first = { ds: dataSource() };
    const second = { ds: dataSource() };
    expect(await cacheOf(first).get('network-1', 60_000, async () => 'capacity 20')).toBe('capacity 20');
    expect(await cacheOf(second).get('network-1', 60_000, async () => 'capacity 12')).toBe('capacity 12');
    expect(await cacheOf(first).get('network-1', 60_000, async () => 'not asked')).toBe('capacity 20');
  });
});

describe('ProcessCache', () => {
  it('loads a key once while it is being loaded and while it lives, and again after its lifetime', async () => {
    const cache = new ProcessCache<number>();
    let loads = 0;
    const load = async () => { loads += 1; return loads; };
    const [one, two] = await Promise.all([cache.get('k', 60_000, load), cache.get('k', 60_000, load)]);
    expect([one, two, loads]).toEqual([1, 1, 1]);
    expect(await cache.get('expired', 0, load)).toBe(2);
    expect(await cache.get('expired', 0, load)).toBe(3);
  });

  it('does not keep what `keep` refuses (an unknown id) nor a failed load', async () => {
    const cache = new ProcessCache<string | null>();
    expect(await cache.get('unknown', 60_000, async () => null, (v) => v !== null)).toBeNull();
    expect(await cache.get('unknown', 60_000, async () => 'created since', (v) => v !== null)).toBe('created since');
    await expect(cache.get('failing', 60_000, async () => { throw new Error('networks unreachable'); })).rejects.toThrow('networks unreachable');
    expect(await cache.get('failing', 60_000, async () => 'answered')).toBe('answered');
  });
});
