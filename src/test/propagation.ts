import { performance } from 'node:perf_hooks';
import type { Instance } from './instances.js';

/*
 * How long a write on one instance takes to show on the others. Each trial first reads on every other
 * instance (the state before the write shows, and is cached there if anything caches it), then writes on
 * one instance, then polls the others every few milliseconds from the moment the write's answer arrived
 * until each shows the change. A trial's time is its slowest reader's.
 */

export interface Trial {
  /** One read on `reader` that must show the state before the write (it throws otherwise). */
  before(reader: Instance): Promise<void>;
  /** The write on `writer`, resolved when its answer arrived (it throws unless it succeeded). */
  write(writer: Instance): Promise<void>;
  /** One read on `reader`: whether it shows the write. */
  shows(reader: Instance): Promise<boolean>;
}

export interface Figures {
  trials: number;
  p50: number;
  p99: number;
  max: number;
  /** Trials in which some other instance's first read after the write did not show it yet. */
  staleNextReads: number;
  /** Trials in which some other instance still did not show it after `giveUpMs`. */
  unseen: number;
  /**
   * How long one read took, answer included (median and 99th percentile of every read after a write): when a
   * trial's time is close to it, the time went into answering at all (a busy machine), not into the change
   * reaching the other instance.
   */
  readP50: number;
  readP99: number;
}

const POLL_MS = 2;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (ms: number) => Math.round(ms * 10) / 10;

/** Nearest-rank percentile of sorted values. */
export const percentile = (sorted: number[], q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0;

const sortedCopy = (values: number[]) => [...values].sort((a, b) => a - b);

export function figuresOf(times: number[], staleNextReads: number, unseen: number, reads: number[] = []): Figures {
  const sorted = sortedCopy(times);
  const readsSorted = sortedCopy(reads);
  return {
    trials: times.length,
    p50: round(percentile(sorted, 0.5)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted.at(-1) ?? 0),
    staleNextReads,
    unseen,
    readP50: round(percentile(readsSorted, 0.5)),
    readP99: round(percentile(readsSorted, 0.99)),
  };
}

/** Milliseconds from `since` until `reader` shows the write (at least `giveUpMs` if it never did), and whether its first read did. */
async function timeUntilShown(trial: Trial, reader: Instance, since: number, giveUpMs: number, readMs: number[]) {
  let reads = 0;
  for (;;) {
    const sentAt = performance.now();
    const shown = await trial.shows(reader);
    reads++;
    const elapsed = performance.now() - since;
    readMs.push(performance.now() - sentAt);
    if (shown) return { ms: elapsed, firstRead: reads === 1, seen: true };
    if (elapsed >= giveUpMs) return { ms: elapsed, firstRead: false, seen: false };
    await sleep(POLL_MS);
  }
}

/**
 * Runs `count` trials; trial i writes on `writerOf(i)` (by turns by default) and is read on every other
 * instance. `beforeWrite` runs after the reads before, just before the write (to kill a connection, say).
 * A run that is already failing stops after `stopAfterUnseen` unseen trials rather than wait on all of them.
 */
export async function measurePropagation(options: {
  instances: Instance[];
  count: number;
  trial: (i: number) => Trial;
  writerOf?: (i: number) => number;
  beforeWrite?: (i: number) => Promise<void>;
  giveUpMs?: number;
  stopAfterUnseen?: number;
}): Promise<Figures> {
  const giveUpMs = options.giveUpMs ?? 2_000;
  const times: number[] = [];
  const readMs: number[] = [];
  let stale = 0;
  let unseen = 0;
  for (let i = 0; i < options.count && unseen < (options.stopAfterUnseen ?? 5); i++) {
    const trial = options.trial(i);
    const writer = options.writerOf?.(i) ?? i % options.instances.length;
    const readers = options.instances.filter((_, at) => at !== writer);
    for (const reader of readers) await trial.before(reader);
    await options.beforeWrite?.(i);
    await trial.write(options.instances[writer] as Instance);
    const answeredAt = performance.now();
    const results = await Promise.all(readers.map((r) => timeUntilShown(trial, r, answeredAt, giveUpMs, readMs)));
    times.push(Math.max(...results.map((r) => r.ms)));
    if (results.some((r) => !r.firstRead)) stale++;
    if (results.some((r) => !r.seen)) unseen++;
  }
  return figuresOf(times, stale, unseen, readMs);
}
