import { describe, expect, it } from 'vitest';
import { cached, createReadCache } from './read-cache.js';

describe('read cache', () => {
  it('serves a stored value until it expires', () => {
    const cache = createReadCache<string, number>({ ttlMs: 1_000, maxEntries: 10 });
    cache.set('a', 1, cache.generation());
    const now = Date.now();
    expect(cache.get('a', now + 500)).toBe(1);
    expect(cache.get('a', now + 1_500)).toBeUndefined();
  });

  it('never stores a read that overlapped a clear', async () => {
    const cache = createReadCache<string, string>({ ttlMs: 10_000, maxEntries: 10 });
    let release: (v: string) => void = () => {};
    const slowRead = cached(cache, 'k', () => new Promise<string>((resolve) => (release = resolve)));
    cache.clear(); // a write committed while the read was in flight
    release('old');
    expect(await slowRead).toBe('old');
    expect(cache.get('k')).toBeUndefined();
    expect(await cached(cache, 'k', async () => 'new')).toBe('new');
    expect(cache.get('k')).toBe('new');
  });

  it('stores a read that overlapped a write to another key only, and remembers a bounded number of writes', async () => {
    const cache = createReadCache<string, string>({ ttlMs: 10_000, maxEntries: 2 });
    let releaseMine: (v: string) => void = () => {};
    let releaseOther: (v: string) => void = () => {};
    const mine = cached(cache, 'mine', () => new Promise<string>((resolve) => (releaseMine = resolve)));
    const other = cached(cache, 'other', () => new Promise<string>((resolve) => (releaseOther = resolve)));
    cache.forget('other'); // someone else's write, while both reads were in flight
    releaseMine('mine as read');
    releaseOther('other before its write');
    await Promise.all([mine, other]);
    expect(cache.get('mine')).toBe('mine as read');
    expect(cache.get('other')).toBeUndefined();
    // Writes to many keys while a read is in flight: once the oldest marks are dropped, the read is refused too.
    let release: (v: string) => void = () => {};
    const slow = cached(cache, 'slow', () => new Promise<string>((resolve) => (release = resolve)));
    cache.forget('slow');
    for (let i = 0; i < 20; i++) cache.forget(`key ${i}`);
    release('slow before its write');
    await slow;
    expect(cache.get('slow')).toBeUndefined();
  });

  it('forgets only the entries a write changed', () => {
    const cache = createReadCache<string, number>({ ttlMs: 10_000, maxEntries: 10 });
    for (const key of ['ann page 1', 'ann page 2', 'bo page 1']) cache.set(key, 1, cache.generation());
    cache.forgetWhere((key) => key.startsWith('ann '));
    expect([cache.get('ann page 1'), cache.get('ann page 2'), cache.get('bo page 1')]).toEqual([
      undefined,
      undefined,
      1,
    ]);
  });

  it('updates an entry a write changed in a known way, and stores no read that overlapped the write', async () => {
    const cache = createReadCache<string, string>({ ttlMs: 10_000, maxEntries: 10 });
    let release: (v: string) => void = () => {};
    const slowRead = cached(cache, 'plan', () => new Promise<string>((resolve) => (release = resolve)));
    cache.update('plan', (value) => `${value} on`); // nothing cached yet: nothing to update
    release('read before the write');
    await slowRead;
    expect(cache.get('plan')).toBeUndefined();
    expect(await cached(cache, 'plan', async () => 'typed')).toBe('typed');
    cache.update('plan', (value) => `${value} on`);
    expect(cache.get('plan')).toBe('typed on');
    cache.update('plan', () => undefined); // the copy cannot take the change: forgotten
    expect(cache.get('plan')).toBeUndefined();
    cache.update('absent', () => 'made up');
    expect(cache.get('absent')).toBeUndefined();
  });

  it('drops the oldest entry when full', () => {
    const cache = createReadCache<number, number>({ ttlMs: 10_000, maxEntries: 2 });
    for (const n of [1, 2, 3]) cache.set(n, n, cache.generation());
    expect([cache.get(1), cache.get(2), cache.get(3)]).toEqual([undefined, 2, 3]);
  });
});

describe('read cache under load', () => {
  it('shares one load among concurrent misses, and starts afresh after a clear', async () => {
    const cache = createReadCache<string, number>({ ttlMs: 10_000, maxEntries: 10 });
    let loads = 0;
    let release: () => void = () => {};
    const slow = () =>
      new Promise<number>((resolve) => {
        loads++;
        release = () => resolve(loads);
      });
    const waiting = [cached(cache, 'k', slow), cached(cache, 'k', slow), cached(cache, 'k', slow)];
    release();
    expect(await Promise.all(waiting)).toEqual([1, 1, 1]);
    expect(loads).toBe(1);

    cache.clear();
    const before = cached(cache, 'k', slow);
    cache.clear(); // a write lands while that load is under way
    const after = cached(cache, 'k', slow);
    expect(loads).toBe(3);
    release();
    expect(await after).toBe(3);
    void before;
  });
});
