/**
 * A small in-process cache for data read on nearly every request and written rarely (the organisations a person
 * belongs to, for instance). Writers call `clear()` after they commit; a reader captures `generation()` before
 * its query and passes it to `set`, so a read that overlapped a write is never stored and cannot resurrect old
 * data. Entries also expire after `ttlMs`, which bounds staleness when several processes share one database.
 */
export function createReadCache<K, V>(opts: { ttlMs: number; maxEntries: number }) {
  const entries = new Map<K, { value: V; storedAt: number }>();
  // Loads under way, shared by everyone who asks meanwhile: when an entry expires under load, one query runs,
  // not one per waiting request (that stampede was the slowest 1% of requests).
  const inflight = new Map<K, Promise<V>>();
  let generation = 0;

  return {
    generation: () => generation,
    inflight,

    get(key: K, now = Date.now()): V | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (now - entry.storedAt > opts.ttlMs) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },

    set(key: K, value: V, generationBefore: number) {
      if (generationBefore !== generation) return;
      if (entries.size >= opts.maxEntries && !entries.has(key)) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(key, { value, storedAt: Date.now() });
    },

    /** After a write that changed one entry. */
    forget(key: K) {
      entries.delete(key);
      inflight.delete(key);
      generation++;
    },

    /** After a write that changed the entries whose keys pass `test` (one learner's pages, say). */
    forgetWhere(test: (key: K) => boolean) {
      for (const key of entries.keys()) if (test(key)) entries.delete(key);
      for (const key of inflight.keys()) if (test(key)) inflight.delete(key);
      generation++;
    },

    /** After a write that may change any entry; cheap because such writes are rare. */
    clear() {
      entries.clear();
      inflight.clear();
      generation++;
    },
  };
}

export type ReadCache<K, V> = ReturnType<typeof createReadCache<K, V>>;

/**
 * Loads through the cache: a hit skips `load`; concurrent misses share one load; a load is stored unless the
 * cache was cleared meanwhile (and a clear also stops later callers from joining a load that began before it).
 */
export function cached<K, V>(cache: ReadCache<K, V>, key: K, load: () => Promise<V>): Promise<V> {
  const hit = cache.get(key);
  if (hit !== undefined) return Promise.resolve(hit);
  const pending = cache.inflight.get(key);
  if (pending) return pending;
  const generation = cache.generation();
  const loading = load()
    .then((value) => {
      cache.set(key, value, generation);
      return value;
    })
    .finally(() => {
      if (cache.inflight.get(key) === loading) cache.inflight.delete(key);
    });
  cache.inflight.set(key, loading);
  return loading;
}
