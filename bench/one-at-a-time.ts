import { performance } from 'node:perf_hooks';
import type { BenchSession } from './api.js';
import type { Measurement } from './load.js';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;

/**
 * Asks for the URLs one request at a time for `duration` seconds (after `warmup` seconds), cycling through
 * them, and reports the latencies one person sees (no queueing behind other connections). Any answer but 200
 * counts as a failure.
 */
export async function measureOneAtATime(opts: {
  db: Measurement['db'];
  target: string;
  session: BenchSession;
  urls: string[];
  warmup: number;
  duration: number;
}): Promise<Measurement & { p95Ms: number }> {
  process.stdout.write(`[${opts.db}] ${opts.target}: warm-up ${opts.warmup} s, then ${opts.duration} s… `);
  const headers = { cookie: opts.session.cookie, 'accept-encoding': 'gzip, deflate, br' };
  const statusCodes: Record<string, number> = {};
  const run = async (seconds: number, record: boolean) => {
    const times: number[] = [];
    const end = performance.now() + seconds * 1000;
    for (let i = 0; performance.now() < end; i++) {
      const started = performance.now();
      const res = await fetch(`${opts.session.appUrl}${opts.urls[i % opts.urls.length]}`, { headers });
      await res.arrayBuffer();
      const took = performance.now() - started;
      if (record) {
        times.push(took);
        statusCodes[res.status] = (statusCodes[res.status] ?? 0) + 1;
      } else if (res.status !== 200) {
        throw new Error(`${opts.target} answered ${res.status} during warm-up: ${await res.text()}`);
      }
    }
    return times;
  };
  await run(opts.warmup, false);
  const started = performance.now();
  const times = await run(opts.duration, true);
  const seconds = (performance.now() - started) / 1000;
  const m = latencyMeasurement({ ...opts, latencies: times, seconds, durationSeconds: opts.duration, statusCodes });
  process.stdout.write(`${Math.round(m.requestsPerSecond)} req/s, p95 ${m.p95Ms} ms, p99 ${m.p99Ms} ms\n`);
  return m;
}

/** The measurement of requests made one after another: their latencies (ms, any order) over `seconds`. */
export function latencyMeasurement(opts: {
  db: Measurement['db'];
  target: string;
  latencies: number[];
  seconds: number;
  durationSeconds: number;
  statusCodes: Record<string, number>;
}): Measurement & { p95Ms: number } {
  const times = [...opts.latencies].sort((a, b) => a - b);
  const ms = (v: number) => Math.round(v * 10) / 10;
  return {
    db: opts.db,
    target: opts.target,
    connections: 1,
    durationSeconds: opts.durationSeconds,
    requests: times.length,
    requestsPerSecond: times.length / opts.seconds,
    p50Ms: ms(percentile(times, 50)),
    p90Ms: ms(percentile(times, 90)),
    p95Ms: ms(percentile(times, 95)),
    p99Ms: ms(percentile(times, 99)),
    maxMs: ms(times.at(-1) ?? 0),
    non2xx: times.length - (opts.statusCodes['200'] ?? 0),
    errors: 0,
    timeouts: 0,
    statusCodes: opts.statusCodes,
  };
}
