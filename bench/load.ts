import autocannon from 'autocannon';

export interface Measurement {
  db: 'pglite' | 'postgres';
  target: string;
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

interface LoadOptions {
  db: 'pglite' | 'postgres';
  target: string;
  url: string;
  cookie?: string;
  connections: number;
  warmup: number;
  duration: number;
  /** The one status every answer must have (200 unless given). */
  expectStatus?: number;
  /** More autocannon options (e.g. each connection's own requests), made afresh before each run. */
  perRun?: () => Promise<Partial<autocannon.Options>>;
}

async function run(opts: LoadOptions, duration: number) {
  return autocannon({
    url: opts.url,
    connections: opts.connections,
    duration,
    // As a browser sends them: the signed-in cookie, and the compressions it accepts.
    headers: { 'accept-encoding': 'gzip, deflate, br', ...(opts.cookie ? { cookie: opts.cookie } : {}) },
    ...(await opts.perRun?.()),
  });
}

/** Warms the target up (JIT, pools, caches), then measures it for the given duration. */
export async function measure(opts: LoadOptions): Promise<Measurement> {
  process.stdout.write(`[${opts.db}] ${opts.target}: warm-up ${opts.warmup} s, then ${opts.duration} s… `);
  const warm = await run(opts, opts.warmup);
  if (warm.non2xx > 0 || warm.errors > 0) {
    const codes = JSON.stringify(warm.statusCodeStats);
    throw new Error(`${opts.target} failed during warm-up: ${warm.non2xx} non-2xx (${codes}), ${warm.errors} errors`);
  }
  const r = await run(opts, opts.duration);
  const statusCodes = Object.fromEntries(
    Object.entries(r.statusCodeStats ?? {}).map(([code, stat]) => [code, (stat as { count: number }).count]),
  );
  // A 2xx other than the expected one would still be a wrong answer (200 for reads and autosaves, 201 for capture).
  const expected = String(opts.expectStatus ?? 200);
  const not200 = Object.entries(statusCodes)
    .filter(([code]) => code !== expected)
    .reduce((sum, [, count]) => sum + count, 0);
  const m: Measurement = {
    db: opts.db,
    target: opts.target,
    connections: opts.connections,
    durationSeconds: opts.duration,
    requests: r.requests.total,
    requestsPerSecond: r.requests.average,
    p50Ms: r.latency.p50,
    p90Ms: r.latency.p90,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    non2xx: Math.max(r.non2xx, not200),
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes,
  };
  process.stdout.write(`${Math.round(m.requestsPerSecond)} req/s, p99 ${m.p99Ms} ms\n`);
  return m;
}
