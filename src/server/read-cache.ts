import { commitScope } from '../db/after-commit.js';
import type { ChangeFeed } from './change-feed.js';
import type { Change, ChangeKind, ChangeOf } from './changes.js';
import type { AppContext } from './context.js';
import { readsUncached } from './own-writes.js';

/**
 * A small in-process cache for data read on nearly every request and written rarely (the organisations a person
 * belongs to, for instance). Announced changes forget entries after their transaction commits (see
 * `defineReadCache` below); a reader captures `generation()` before its query and passes it to `set`, so a read
 * that overlapped a write to its key (or a wider forgetting) is never stored and cannot resurrect old data. Entries
 * also expire after `ttlMs`.
 */
export function createReadCache<K, V>(opts: { ttlMs: number; maxEntries: number }) {
  const entries = new Map<K, { value: V; storedAt: number }>();
  // Loads under way, shared by everyone who asks meanwhile: when an entry expires under load, one query runs,
  // not one per waiting request (that stampede was the slowest 1% of requests).
  const inflight = new Map<K, Promise<V>>();
  let generation = 0;
  // Per key, the generation of the write that last changed it; and of the last write that may have changed any.
  // Per key, because under load some write is always under way: a read that overlapped a write to another
  // learner's plan was never stored, so the read after a write was a rebuild every time.
  const changedAt = new Map<K, number>();
  let allChangedAt = 0;
  const changed = (key: K) => {
    generation++;
    changedAt.delete(key); // re-inserted last: the map stays in order of change
    changedAt.set(key, generation);
    // Bounded: past a few times the entries, the oldest marks go and count as a change to every key.
    if (changedAt.size > 4 * opts.maxEntries) {
      const [oldestKey, at] = changedAt.entries().next().value as [K, number];
      changedAt.delete(oldestKey);
      allChangedAt = Math.max(allChangedAt, at);
    }
  };
  const allChanged = () => {
    generation++;
    allChangedAt = generation;
    changedAt.clear();
  };

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
      if (allChangedAt > generationBefore || (changedAt.get(key) ?? 0) > generationBefore) return;
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
      changed(key);
    },

    /**
     * After a write whose effect on one entry is known without reading: the entry becomes `change(value)`, or
     * is forgotten where that answers undefined. Loads under way are not stored, as after `forget`. The entry
     * keeps its age: the TTL, a safety net against missed changes, still counts from its load.
     */
    update(key: K, change: (value: V) => V | undefined) {
      inflight.delete(key);
      changed(key);
      const entry = entries.get(key);
      if (!entry) return;
      const value = change(entry.value);
      if (value === undefined) entries.delete(key);
      else entry.value = value;
    },

    /** After a write that changed the entries whose keys pass `test` (one learner's pages, say). */
    forgetWhere(test: (key: K) => boolean) {
      for (const key of entries.keys()) if (test(key)) entries.delete(key);
      for (const key of inflight.keys()) if (test(key)) inflight.delete(key);
      allChanged();
    },

    /** After a write that changed the entries whose values pass `test` (those that show a removed post, say). */
    forgetValues(test: (value: V) => boolean) {
      for (const [key, entry] of entries) if (test(entry.value)) entries.delete(key);
      inflight.clear(); // a load under way may have read the value before the write
      allChanged();
    },

    /** After a write that may change any entry; cheap because such writes are rare. */
    clear() {
      entries.clear();
      inflight.clear();
      allChanged();
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

/**
 * A cache as a feature declares it, beside the code that reads it: how entries are keyed, how one is loaded
 * (the loader is bound to the cache, so every reader loads the same thing), and which announced changes make
 * which entries stale (changes.ts). Writers only announce what they changed; they never name a cache.
 */
export interface ReadCacheDefinition<A, V> {
  /** For logs and tests. */
  name: string;
  /** A safety net only: announced changes forget entries at once, on every instance. */
  ttlMs: number;
  maxEntries: number;
  keyOf(args: A): string;
  load(ctx: AppContext, args: A): Promise<V>;
  forgets: { [K in ChangeKind]?: (change: ChangeOf<K>, cache: ReadCache<string, V>) => void };
}

export function defineReadCache<A, V>(definition: ReadCacheDefinition<A, V>): ReadCacheDefinition<A, V> {
  return definition;
}

/** The caches of one running app, made on first use and told of every change its change feed delivers. */
export function createCacheRegistry(feed: ChangeFeed) {
  // biome-ignore lint/suspicious/noExplicitAny: one map holds caches of every value type
  const made = new Map<ReadCacheDefinition<any, any>, ReadCache<string, any>>();
  feed.onMissed(() => {
    for (const cache of made.values()) cache.clear();
  });
  return {
    of<A, V>(definition: ReadCacheDefinition<A, V>): ReadCache<string, V> {
      let cache = made.get(definition) as ReadCache<string, V> | undefined;
      if (!cache) {
        const made_ = createReadCache<string, V>({ ttlMs: definition.ttlMs, maxEntries: definition.maxEntries });
        for (const kind of Object.keys(definition.forgets) as ChangeKind[]) {
          const forget = definition.forgets[kind] as (change: Change, cache: ReadCache<string, V>) => void;
          feed.on(kind, (change) => forget(change, made_));
        }
        made.set(definition, made_);
        cache = made_;
      }
      return cache;
    },
  };
}

export type CacheRegistry = ReturnType<typeof createCacheRegistry>;

/**
 * Reads through a declared cache. It reads from the database and stores nothing while this instance may be
 * missing other instances' changes (its listening connection is down), for a request that carries a change this
 * instance has not heard of yet (own-writes.ts), and inside a transaction, whose own
 * uncommitted writes must neither be hidden by a cached copy nor be cached (it could still roll back).
 */
export function readThrough<A, V>(ctx: AppContext, definition: ReadCacheDefinition<A, V>, args: A): Promise<V> {
  if (!ctx.changes.complete() || commitScope() || readsUncached()) return definition.load(ctx, args);
  return cached(ctx.caches.of(definition), definition.keyOf(args), () => definition.load(ctx, args));
}
