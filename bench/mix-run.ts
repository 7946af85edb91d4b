import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startHaproxy } from '../src/test/haproxy.js';
import { signIn } from './api.js';
import { measure } from './load.js';
import { type CacheCaseFigures, httpClient, type MixFigures, runCacheCases, runMix } from './mix.js';
import { READ_AFTER_WRITE } from './mix-budgets.js';
import { BENCH_SECRET, MIX_GOALS_EACH, MIX_LEARNERS, mixCookie, mixLearner } from './mix-fixture.js';
import { type FloorFigures, runFloor } from './mix-floor.js';
import { analyzePostgres, ensurePostgresDatabase } from './postgres.js';
import type { CpuShares } from './process-cpu.js';
import { type BenchServer, startServer } from './server-process.js';

/**
 * The mixed workload on one database (bench/mix.ts): fixture, bare route, Waymark's mix, the SQL floor of the
 * same work and the three cache cases, all in one run; on PostgreSQL also on three instances behind HAProxy
 * (deploy/haproxy.cfg) on the same data.
 */

export interface MixReport {
  db: 'pglite' | 'postgres';
  instances: number;
  bareRequestsPerSecond: number;
  barep99Ms: number;
  mix: MixFigures;
  floor: FloorFigures;
  cacheCases: CacheCaseFigures[];
  /** The SQL floor of the read right after a write: its five selects timed right after its update. */
  floorReadAfterWrite: FloorFigures;
  /** The event loop's delay in each Waymark process during the mix. */
  loopDelay: { p99Ms: number; maxMs: number }[];
}

interface MixSettings {
  connections: number;
  warmup: number;
  duration: number;
  databaseUrl: string;
  /** Also run the mix on three instances (PostgreSQL only). */
  threeInstances: boolean;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/** Checks through the API that the fixture is what the mix expects, as learner 1 sees it. */
async function checkFixture(appUrl: string, organizationId: string) {
  const client = httpClient(appUrl, 1);
  try {
    const cookie = mixCookie(1, BENCH_SECRET);
    const plan = await client.request('GET', `/api/plans/${mixLearner(1).planId}`, cookie);
    const log = await client.request('GET', `/api/log?orgId=${organizationId}&limit=25`, cookie);
    const feed = await client.request('GET', `/api/feed?orgId=${organizationId}&limit=20`, cookie);
    const other = await client.request('GET', `/api/plans/${mixLearner(2).planId}`, cookie);
    const goals = plan.status === 200 ? JSON.parse(plan.body).goals.length : -1;
    const entries = log.status === 200 ? JSON.parse(log.body).entries.length : -1;
    const posts = feed.status === 200 ? JSON.parse(feed.body).posts.length : -1;
    if (goals !== MIX_GOALS_EACH || entries !== 25 || posts !== 20 || other.status !== 404) {
      throw new Error(
        `the mix fixture is not as expected: plan ${plan.status} with ${goals} goals, log ${entries} entries, ` +
          `feed ${posts} posts, another learner's plan ${other.status} (want 404)`,
      );
    }
  } finally {
    client.close();
  }
}

/** The floor on PostgreSQL: a pool of the mix's size in this process, as the server's pool would be. */
async function postgresFloor(
  url: string,
  organizationId: string,
  connections: number,
  durationMs: number,
  readAfterWrite = false,
) {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  // Named statements, as Waymark's pool sends (src/db/pg-prepared.ts): each parsed and planned once per
  // connection. Unnamed, PostgreSQL planned every one of the floor's statements on every call.
  const names = new Map<string, string>();
  const nameOf = (text: string) => names.get(text) ?? names.set(text, `floor${names.size + 1}`).get(text);
  try {
    return await runFloor({
      query: (text, values) =>
        values.length > 0 ? pool.query({ name: nameOf(text), text, values }) : pool.query(text, values),
      organizationId,
      concurrency: connections,
      durationMs,
      readAfterWrite,
    });
  } finally {
    await pool.end();
  }
}

async function mixOn(
  kind: 'pglite' | 'postgres',
  servers: BenchServer[],
  baseUrl: string,
  organizationId: string,
  settings: MixSettings,
): Promise<{ mix: MixFigures; loopDelay: { p99Ms: number; maxMs: number }[] }> {
  await Promise.all(servers.map((s) => s.resetLoopDelay()));
  const mix = await runMix({
    baseUrl,
    secret: BENCH_SECRET,
    organizationId,
    concurrency: settings.connections,
    warmupMs: settings.warmup * 1000,
    durationMs: settings.duration * 1000,
    countCpu: { serverPids: servers.map((s) => s.pid), postgres: kind === 'postgres' },
  });
  const loopDelay = await Promise.all(servers.map((s) => s.loopDelay()));
  return { mix, loopDelay };
}

export async function benchMix(kind: 'pglite' | 'postgres', settings: MixSettings): Promise<MixReport[]> {
  const servers: BenchServer[] = [];
  let haproxy: Awaited<ReturnType<typeof startHaproxy>> | undefined;
  const say = (line: string) => process.stdout.write(`[${kind}] mix: ${line}\n`);
  try {
    if (kind === 'postgres') await ensurePostgresDatabase(settings.databaseUrl);
    const first = await startServer({
      kind,
      databaseUrl: settings.databaseUrl,
      nodeOptions: process.env.BENCH_NODE_OPTIONS,
    });
    servers.push(first);
    const { organizationId } = await signIn(first.appUrl);
    const seededAt = Date.now();
    await first.seed('mix', { organizationId });
    say(`${MIX_LEARNERS} learners, their plans, logs and posts written in ${Date.now() - seededAt} ms`);
    await checkFixture(first.appUrl, organizationId);
    if (kind === 'postgres') await analyzePostgres(settings.databaseUrl);

    const load = { connections: settings.connections, warmup: settings.warmup, duration: settings.duration };
    const bare = await measure({ ...load, db: kind, target: 'bare (mix run)', url: `${first.bareUrl}/bare` });
    say('the mix…');
    const one = await mixOn(kind, [first], first.appUrl, organizationId, settings);
    say(`${one.mix.visitsPerSecond.toFixed(1)} visits/s; the SQL floor…`);
    const durationMs = settings.duration * 1000;
    const floor =
      kind === 'postgres'
        ? await postgresFloor(settings.databaseUrl, organizationId, settings.connections, durationMs)
        : await first.floor({ organizationId, concurrency: settings.connections, durationMs });
    say(`floor ${floor.visitsPerSecond.toFixed(1)} visits/s; the cache cases…`);
    const cacheCases = await runCacheCases({
      baseUrl: first.appUrl,
      secret: BENCH_SECRET,
      concurrency: settings.connections,
      durationMs,
    });
    // After Waymark's cache cases: its updates go behind the caches' back (they would serve the version before
    // them until their TTL), and the cache case writes to the same learners' goals.
    const floorReadAfterWrite =
      kind === 'postgres'
        ? await postgresFloor(settings.databaseUrl, organizationId, settings.connections, durationMs, true)
        : await first.floor({ organizationId, concurrency: settings.connections, durationMs, readAfterWrite: true });
    const reports: MixReport[] = [
      {
        db: kind,
        instances: 1,
        bareRequestsPerSecond: bare.requestsPerSecond,
        barep99Ms: bare.p99Ms,
        ...one,
        floor,
        cacheCases,
        floorReadAfterWrite,
      },
    ];

    if (kind === 'postgres' && settings.threeInstances) {
      say('two more instances and HAProxy…');
      for (let i = 0; i < 2; i++) {
        servers.push(await startServer({ kind, databaseUrl: settings.databaseUrl }));
      }
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-bench-haproxy-'));
      haproxy = await startHaproxy({
        listen: await freePort(),
        instances: servers.map((s) => Number(new URL(s.appUrl).port)),
        dir,
      });
      const three = await mixOn(kind, servers, haproxy.url, organizationId, settings);
      say(`${three.mix.visitsPerSecond.toFixed(1)} visits/s on three instances; the cache cases…`);
      const threeCases = await runCacheCases({
        baseUrl: haproxy.url,
        secret: BENCH_SECRET,
        concurrency: settings.connections,
        durationMs,
      });
      reports.push({
        db: kind,
        instances: 3,
        bareRequestsPerSecond: bare.requestsPerSecond,
        barep99Ms: bare.p99Ms,
        ...three,
        floor,
        cacheCases: threeCases,
        floorReadAfterWrite,
      });
    }
    return reports;
  } finally {
    await haproxy?.stop();
    await Promise.all(servers.map((s) => s.stop()));
  }
}

const pad = (s: string, n: number) => s.padEnd(n);
const num = (n: number, digits = 0) => n.toFixed(digits).padStart(8);

/**
 * What the closed loop itself sets (Little's law): each connection sends its next request when the last one
 * is answered, so the mean time in the server is connections ÷ requests per second, whatever the server does
 * with it; and the floor's visits, spread over their statements, say what one statement took at this
 * concurrency on this machine. A route's p99 cannot be far below either.
 */
function closedLoop(r: MixReport): string {
  const connections = r.mix.connections;
  const meanMs = (1000 * connections) / r.mix.requestsPerSecond;
  const floorStatementMs = r.floor.visitP50Ms / r.floor.statementsPerVisit;
  const needed = (1000 * connections) / 50;
  return (
    `closed loop at ${connections} connections: mean answer ${meanMs.toFixed(1)} ms (connections ÷ requests/s); ` +
    `a mean of 50 ms needs ${needed.toFixed(0)} requests/s; the floor's statement took ${floorStatementMs.toFixed(1)} ms (p50 visit ÷ statements)`
  );
}

/**
 * Where the machine's cores went during the mix, and what a visit cost all of them together: on a machine whose
 * cores are all busy, that cost, not any one process, sets how many visits a second it can give.
 */
function cpuLine(cpu: CpuShares, visitsPerSecond: number): string {
  const perVisit = (cores: number) => (visitsPerSecond > 0 ? (1000 * cores) / visitsPerSecond : 0);
  const all = cpu.server + cpu.postgres + cpu.bench + cpu.other;
  const postgres = cpu.postgres > 0 ? `, PostgreSQL ${cpu.postgres.toFixed(2)}` : '';
  return (
    `CPU during the mix (${cpu.cores} cores, ${(100 * cpu.machineBusy).toFixed(0)} % busy), in cores: server ` +
    `${cpu.server.toFixed(2)}${postgres}, the bench's client ${cpu.bench.toFixed(2)}, other ${cpu.other.toFixed(2)}; ` +
    `a visit took ${perVisit(all).toFixed(1)} ms of CPU in all (server ${perVisit(cpu.server).toFixed(1)}` +
    `${cpu.postgres > 0 ? `, PostgreSQL ${perVisit(cpu.postgres).toFixed(1)}` : ''}, client ${perVisit(cpu.bench).toFixed(1)})`
  );
}

/** "PATCH …/goals/:id (autosave)" → "autosave", "GET /api/plans/:id" → "plans": for a line of figures. */
const shortName = (route: string) =>
  route.match(/\((.+)\)/)?.[1] ??
  route
    .replace(/\/:id$/, '')
    .split('/')
    .at(-1) ??
  route;

/** The mix's figures as a table: per route, the visit rates against the floor, and the cache cases. */
export function formatMix(reports: MixReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    const where = `${r.db}, ${r.instances} instance${r.instances > 1 ? 's' : ''}`;
    lines.push(`Mixed workload (${where}): ${MIX_LEARNERS} learners, each reading what they just wrote`);
    lines.push(
      `  visits/s ${r.mix.visitsPerSecond.toFixed(1)}  (SQL floor ${r.floor.visitsPerSecond.toFixed(1)}: ratio ` +
        `${(r.mix.visitsPerSecond / r.floor.visitsPerSecond).toFixed(3)})   requests/s ${r.mix.requestsPerSecond.toFixed(0)}` +
        `  (bare ${r.bareRequestsPerSecond.toFixed(0)}: ratio ${(r.mix.requestsPerSecond / r.bareRequestsPerSecond).toFixed(3)})`,
    );
    lines.push(
      `  errors ${JSON.stringify(r.mix.failures)}  409s ${r.mix.conflicts}  stale own reads ${r.mix.staleOwnReads}` +
        `  event loop delay p99/max ${r.loopDelay.map((d) => `${d.p99Ms.toFixed(0)}/${d.maxMs.toFixed(0)} ms`).join(', ')}`,
    );
    lines.push(`  ${pad('route', 32)} requests   p50 ms   p99 ms   max ms   SQL floor: p50 ms   p99 ms`);
    for (const route of r.mix.routes) {
      const floor = r.floor.routes?.find((f) => f.route === route.route);
      const floorColumns = floor ? `          ${num(floor.p50Ms, 1)} ${num(floor.p99Ms, 1)}` : '';
      lines.push(
        `  ${pad(route.route, 32)}${num(route.requests)} ${num(route.p50Ms, 1)} ${num(route.p99Ms, 1)} ${num(route.maxMs, 1)}${floorColumns}`,
      );
    }
    lines.push(
      `  warm-up ${r.mix.warmupSeconds.toFixed(1)} s, until every learner had visited once; in it, each learner's first visit ` +
        `(caches cold), p99 ms: ${r.mix.firstVisits.map((f) => `${shortName(f.route)} ${f.p99Ms.toFixed(0)}`).join(', ')}`,
    );
    lines.push(`  ${pad('plan read, cache cases', 44)} req/s   p50 ms   p99 ms  wrong   SQL floor: p50 ms   p99 ms`);
    const floorAfterWrite = r.floorReadAfterWrite?.routes.find((f) => f.requests > 0);
    for (const c of r.cacheCases) {
      const floor =
        c.case === READ_AFTER_WRITE && floorAfterWrite
          ? `          ${num(floorAfterWrite.p50Ms, 1)} ${num(floorAfterWrite.p99Ms, 1)}`
          : '';
      lines.push(
        `  ${pad(c.case, 44)}${num(c.requestsPerSecond)} ${num(c.p50Ms, 1)} ${num(c.p99Ms, 1)} ${num(c.failures)}${floor}`,
      );
    }
    lines.push(
      `  SQL floor: ${r.floor.statementsPerVisit} statements a visit, visit p50 ${r.floor.visitP50Ms.toFixed(1)} ms, p99 ${r.floor.visitP99Ms.toFixed(1)} ms`,
    );
    lines.push(`  ${closedLoop(r)}`);
    if (r.mix.cpu) lines.push(`  ${cpuLine(r.mix.cpu, r.mix.visitsPerSecond)}`);
    lines.push('');
  }
  return lines.join('\n');
}
