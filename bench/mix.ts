import http from 'node:http';
import zlib from 'node:zlib';
import { MIX_LEARNERS, mixCookie, mixLearner } from './mix-fixture.js';
import { type CpuShares, startCpuCount } from './process-cpu.js';

/**
 * The mixed workload (issue 17's headline target): many learners, each reading what they just wrote. Each of
 * `concurrency` virtual users takes a learner no other user holds (of 500, each with their own session) and
 * makes one visit: open the plan, 5 autosaves of a goal with the version of the last answer, the own log page,
 * a quick capture, a feed page, /api/me, notifications; then takes the next free learner. Like a browser it
 * sends `accept-encoding` and keeps the cookies answers set (a write's read-your-writes mark).
 */

export const MIX_ROUTES = [
  'GET /api/plans/:id',
  'PATCH …/goals/:id (autosave)',
  'GET /api/log',
  'POST /api/log (capture)',
  'GET /api/feed',
  'GET /api/me',
  'GET /api/notifications',
] as const;
type Route = (typeof MIX_ROUTES)[number];

export interface RouteFigures {
  route: string;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface MixFigures {
  /** Virtual users, each with one request in flight at a time. */
  connections: number;
  /** Seconds of warm-up: at least the asked-for, and until every learner had made a first visit. */
  warmupSeconds: number;
  /** The warm-up's requests: each learner's first visit after the server started, its caches cold. */
  firstVisits: RouteFigures[];
  visits: number;
  visitsPerSecond: number;
  requestsPerSecond: number;
  routes: RouteFigures[];
  /** Answers other than the route's success status, by route and status; 409s are counted apart. */
  failures: Record<string, number>;
  conflicts: number;
  /** Reads that did not show the learner's own last write (the plan their autosaves, the log page their capture). */
  staleOwnReads: number;
  /** Where the machine's CPU went during the measured time, when asked for (`countCpu`). */
  cpu?: CpuShares;
}

const percentile = (sorted: number[], q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0;
const round1 = (ms: number) => Math.round(ms * 10) / 10;

interface Answer {
  status: number;
  body: string;
  setCookies: string[];
}

/** A keep-alive HTTP client for one base URL, decompressing answers as a browser would. */
export function httpClient(baseUrl: string, sockets: number) {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  return {
    request(method: string, path: string, cookie: string, json?: unknown): Promise<Answer> {
      const body = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
      return new Promise((resolve, reject) => {
        const req = http.request(
          {
            host: url.hostname,
            port: url.port,
            method,
            path,
            agent,
            headers: {
              cookie,
              'accept-encoding': 'gzip, deflate, br',
              ...(body ? { 'content-type': 'application/json', 'content-length': body.length } : {}),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
              const raw = Buffer.concat(chunks);
              const encoding = res.headers['content-encoding'];
              const text =
                encoding === 'br'
                  ? zlib.brotliDecompressSync(raw).toString()
                  : encoding === 'gzip'
                    ? zlib.gunzipSync(raw).toString()
                    : raw.toString();
              resolve({ status: res.statusCode ?? 0, body: text, setCookies: res.headers['set-cookie'] ?? [] });
            });
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}

/** The cookies after an answer: those it sets replace the same names. */
function cookieAfter(cookie: string, setCookies: string[]): string {
  if (setCookies.length === 0) return cookie;
  const jar = new Map(cookie.split(/;\s*/).map((c) => [c.split('=')[0] as string, c]));
  for (const set of setCookies) {
    const pair = set.split(';')[0] as string;
    jar.set(pair.split('=')[0] as string, pair);
  }
  return [...jar.values()].join('; ');
}

export function figuresOf(times: Map<string, number[]>): RouteFigures[] {
  return [...times].map(([route, values]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return {
      route,
      requests: values.length,
      p50Ms: round1(percentile(sorted, 0.5)),
      p99Ms: round1(percentile(sorted, 0.99)),
      maxMs: round1(sorted.at(-1) ?? 0),
    };
  });
}

/**
 * Runs the mix: a warm-up, then `durationMs` measured. The warm-up lasts `warmupMs` and at least until every
 * learner has made one visit: a learner's first visit after the server starts finds its caches cold (the session,
 * the memberships), and with 500 learners and a 2 s warm-up about 300 first visits fell in the measured time, in
 * bursts (measured 5 December: plan GET p99 174–215 ms with them, 50.6 ms after them). A day of an organisation is
 * mostly later visits; the first visits are reported apart (`firstVisits`). The measuring starts while the users
 * run, without stopping them all first: stopped and started together, the 50 users fell into step and sent the
 * same requests at the same time.
 */
export async function runMix(options: {
  baseUrl: string;
  secret: string;
  organizationId: string;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** Count the CPU of these server processes (and of PostgreSQL's, when set) during the measured time. */
  countCpu?: { serverPids: number[]; postgres: boolean };
}): Promise<MixFigures> {
  const client = httpClient(options.baseUrl, options.concurrency);
  const cookies = new Map<number, string>();
  const free = Array.from({ length: MIX_LEARNERS }, (_, k) => k + 1);
  const times = new Map<string, number[]>(MIX_ROUTES.map((r) => [r, []]));
  const coldTimes = new Map<string, number[]>(MIX_ROUTES.map((r) => [r, []]));
  const failures: Record<string, number> = {};
  let conflicts = 0;
  let stale = 0;
  let measuring = false;
  let visits = 0;
  let requests = 0;
  let round = 0;

  const send = async (
    learner: number,
    route: Route,
    method: string,
    path: string,
    expected: number,
    json?: unknown,
  ) => {
    const cookie = cookies.get(learner) ?? mixCookie(learner, options.secret);
    const started = performance.now();
    const answer = await client.request(method, path, cookie, json);
    const ms = performance.now() - started;
    cookies.set(learner, cookieAfter(cookie, answer.setCookies));
    if (!measuring) coldTimes.get(route)?.push(ms);
    if (measuring) {
      requests++;
      times.get(route)?.push(ms);
      if (process.env.BENCH_MIX_TRACE) trace.push([Math.round(started), route, Math.round(ms)]);
      if (answer.status === 409) conflicts++;
      else if (answer.status !== expected) {
        const key = `${route} → ${answer.status}`;
        failures[key] = (failures[key] ?? 0) + 1;
      }
    }
    return answer.status === expected ? (JSON.parse(answer.body) as Record<string, unknown>) : undefined;
  };

  // What each learner wrote last: their next visit's reads must show it, on whichever instance answers.
  const lastTyped = new Map<number, string>();
  const lastCaptured = new Map<number, string>();

  const trace: unknown[] = [];
  const visit = async (learner: number) => {
    const { planId, goalId } = mixLearner(learner);
    const org = options.organizationId;
    const n = round++;
    const plan = await send(learner, 'GET /api/plans/:id', 'GET', `/api/plans/${planId}`, 200);
    const goal = ((plan?.goals ?? []) as { id: string; version: number; what: string }[]).find((g) => g.id === goalId);
    if (measuring && plan && lastTyped.has(learner) && goal?.what !== lastTyped.get(learner)) stale++;
    let version = goal?.version ?? 1;
    for (let k = 0; k < 5; k++) {
      const typed = `Get better at SQL, visit ${n}.${k}`;
      const path = `/api/plans/${planId}/goals/${goalId}`;
      const saved = await send(learner, 'PATCH …/goals/:id (autosave)', 'PATCH', path, 200, { what: typed, version });
      if (saved) {
        version = saved.version as number;
        lastTyped.set(learner, typed);
      }
    }
    const log = await send(learner, 'GET /api/log', 'GET', `/api/log?orgId=${org}&limit=25`, 200);
    const entries = (log?.entries ?? []) as { id: string }[];
    if (measuring && log && lastCaptured.has(learner) && !entries.some((e) => e.id === lastCaptured.get(learner))) {
      stale++;
    }
    const captured = await send(learner, 'POST /api/log (capture)', 'POST', '/api/log', 201, {
      organizationId: org,
      what: `Pivot tables can group dates by month (${n})`,
      source: 'Sam at the data clinic',
    });
    if (captured) lastCaptured.set(learner, captured.id as string);
    await send(learner, 'GET /api/feed', 'GET', `/api/feed?orgId=${org}&limit=20`, 200);
    await send(learner, 'GET /api/me', 'GET', '/api/me', 200);
    await send(learner, 'GET /api/notifications', 'GET', '/api/notifications?limit=20', 200);
    if (measuring) visits++;
  };

  const visited = new Set<number>();
  const warmupEndsAt = performance.now() + options.warmupMs;
  let started = 0;
  let endAt = Number.POSITIVE_INFINITY;
  let cpuCount: ReturnType<typeof startCpuCount> | undefined;
  const startMeasuring = () => {
    measuring = true;
    if (options.countCpu) cpuCount = startCpuCount(options.countCpu.serverPids, options.countCpu.postgres);
    started = performance.now();
    endAt = started + options.durationMs;
  };
  const worker = async () => {
    while (performance.now() < endAt) {
      const learner = free.shift() as number;
      try {
        await visit(learner);
      } finally {
        free.push(learner);
      }
      if (!measuring) {
        visited.add(learner);
        if (visited.size >= MIX_LEARNERS && performance.now() >= warmupEndsAt) startMeasuring();
      }
    }
  };

  try {
    await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
    const cpu = cpuCount?.stop();
    const seconds = (performance.now() - started) / 1000;
    const warmupSeconds = (started - (warmupEndsAt - options.warmupMs)) / 1000;
    if (process.env.BENCH_MIX_TRACE)
      (await import('node:fs')).writeFileSync(process.env.BENCH_MIX_TRACE, JSON.stringify(trace));
    return {
      connections: options.concurrency,
      warmupSeconds,
      firstVisits: figuresOf(coldTimes),
      visits,
      visitsPerSecond: visits / seconds,
      requestsPerSecond: requests / seconds,
      routes: figuresOf(times),
      failures,
      conflicts,
      staleOwnReads: stale,
      cpu,
    };
  } finally {
    client.close();
  }
}

export interface CacheCaseFigures {
  case: string;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
}

/**
 * The plan read in three cache cases, side by side: one plan read by every connection (the cache's best
 * case), 500 plans read round-robin, and a plan read right after each write to it (what a learner does).
 */
export async function runCacheCases(options: {
  baseUrl: string;
  secret: string;
  concurrency: number;
  durationMs: number;
}): Promise<CacheCaseFigures[]> {
  const client = httpClient(options.baseUrl, options.concurrency);
  const cookie = (i: number) => mixCookie(i, options.secret);
  const measure = async (name: string, one: (worker: number, k: number) => Promise<{ ms: number; ok: boolean }>) => {
    const times: number[] = [];
    let failures = 0;
    const endAt = performance.now() + options.durationMs;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: options.concurrency }, async (_, worker) => {
        for (let k = 0; performance.now() < endAt; k++) {
          const { ms, ok } = await one(worker, k);
          times.push(ms);
          if (!ok) failures++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const sorted = [...times].sort((a, b) => a - b);
    return {
      case: name,
      requests: times.length,
      requestsPerSecond: times.length / seconds,
      p50Ms: round1(percentile(sorted, 0.5)),
      p99Ms: round1(percentile(sorted, 0.99)),
      failures,
    };
  };
  const timedGet = async (learner: number, path: string, cookieHeader = cookie(learner)) => {
    const started = performance.now();
    const answer = await client.request('GET', path, cookieHeader);
    return { ms: performance.now() - started, ok: answer.status === 200, answer };
  };
  try {
    const results: CacheCaseFigures[] = [];
    results.push(await measure('one plan, every connection', () => timedGet(1, `/api/plans/${mixLearner(1).planId}`)));
    let next = 0;
    results.push(
      await measure('500 plans round-robin', () => {
        const learner = 1 + (next++ % MIX_LEARNERS);
        return timedGet(learner, `/api/plans/${mixLearner(learner).planId}`);
      }),
    );
    // Each connection its own learner (201 and up: the mix above used others), typing into their goal.
    const versions = new Map<number, number>();
    const jars = new Map<number, string>();
    results.push(
      await measure('a plan read right after each write to it', async (worker, k) => {
        const learner = 201 + worker;
        const { planId, goalId } = mixLearner(learner);
        let jar = jars.get(learner) ?? cookie(learner);
        if (!versions.has(learner)) {
          const plan = JSON.parse((await client.request('GET', `/api/plans/${planId}`, jar)).body);
          versions.set(learner, plan.goals.find((g: { id: string }) => g.id === goalId).version);
        }
        const what = `Read after write ${k}`;
        const saved = await client.request('PATCH', `/api/plans/${planId}/goals/${goalId}`, jar, {
          what,
          version: versions.get(learner),
        });
        if (saved.status === 200) versions.set(learner, JSON.parse(saved.body).version);
        jar = cookieAfter(jar, saved.setCookies);
        jars.set(learner, jar);
        const read = await timedGet(learner, `/api/plans/${planId}`, jar);
        const shows = read.ok && JSON.parse(read.answer.body).goals.some((g: { what: string }) => g.what === what);
        return { ms: read.ms, ok: saved.status === 200 && shows };
      }),
    );
    return results;
  } finally {
    client.close();
  }
}
