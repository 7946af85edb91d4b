/**
 * `npm run bench`: three targets against a bare Fastify route, in the same run, on PGlite and PostgreSQL:
 * GET /api/me (signed in), GET /api/plans/:planId of a full plan, and autosave (PATCH of a goal, each
 * connection in its own plan). The servers run in a child process (bench/server.ts) so autocannon does not
 * take their CPU.
 *
 * First the mixed workload (bench/mix.ts: 500 learners, each reading what they just wrote, against the bare
 * route and the SQL floor of the same work; BENCH_MIX_DURATION seconds, 20; BENCH_INSTANCES=3 adds three
 * instances behind HAProxy on PostgreSQL).
 *
 * Environment: BENCH_DB=pglite|postgres|both (both), BENCH_DURATION seconds (10), BENCH_CONNECTIONS (50),
 * BENCH_WARMUP seconds (2), BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/waymark_bench),
 * BENCH_NODE_OPTIONS extra flags for the server process (e.g. "--cpu-prof --cpu-prof-dir=.tmp/prof").
 * BENCH_TARGETS=insights measures the insights dashboard on its own database (bench/insights.ts).
 *
 * Budgets (PostgreSQL) are in `budgets` below; bench/README.md explains them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { signIn } from './api.js';
import { autosaveRun } from './autosave.js';
import { benchSearches, FEED_POSTS } from './feed-fixture.js';
import { benchInsights, formatInsights } from './insights.js';
import { measure } from './load.js';
import { captureRequest, createLog } from './log-fixture.js';
import { createMatchingGoals, createMatchingOrganisation } from './matching.js';
import { checkMixBudgets } from './mix-budgets.js';
import { benchMix, formatMix, type MixReport } from './mix-run.js';
import { measureOneAtATime } from './one-at-a-time.js';
import { createAutosaveGoals, createReadPlan } from './plan-fixture.js';
import { analyzePostgres, ensurePostgresDatabase } from './postgres.js';
import { createProgressProgramme, progressUrls, thisWeekRun } from './programme-progress.js';
import { type Budget, checkBudgets, formatTable, type Measurement } from './report.js';
import { type BenchServer, startServer } from './server-process.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));

const settings = {
  db: process.env.BENCH_DB ?? 'both',
  duration: positive('BENCH_DURATION', 10),
  warmup: positive('BENCH_WARMUP', 2),
  connections: positive('BENCH_CONNECTIONS', 50),
  databaseUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/waymark_bench',
  mixDuration: positive('BENCH_MIX_DURATION', 20),
  instances: positive('BENCH_INSTANCES', 1),
};

const target = {
  me: '/api/me',
  plan: '/api/plans/:planId',
  autosave: 'PATCH /api/plans/:planId/goals/:goalId',
  logPage: 'GET /api/log (page 26 of 5,000)',
  capture: 'POST /api/log (quick capture)',
  matching: 'GET .../goals/:goalId/matches (10,000 members, 1 at a time)',
  feed: 'GET /api/feed (100,000 posts, 1,000 members)',
  search: 'GET /api/search (100,000 posts, 1 at a time)',
  progress: 'GET .../programmes/:programmeId/progress (2,000 × 23, 1 at a time)',
  thisWeek: 'GET /api/enrolments/:enrolmentId ("this week", each connection its own participant)',
} as const;

const budgets: Budget[] = [
  { db: 'postgres', target: target.me, minRatio: 0.5, maxP99Ms: 15 },
  { db: 'postgres', target: target.plan, minRatio: 0.4, maxP99Ms: 20 },
  { db: 'postgres', target: target.autosave, maxP99Ms: 30 },
  { db: 'postgres', target: target.logPage, maxP99Ms: 20 },
  { db: 'postgres', target: target.capture, maxP99Ms: 25 },
  { db: 'postgres', target: target.matching, maxP95Ms: 50 },
  { db: 'postgres', target: target.feed, maxP99Ms: 30 },
  { db: 'postgres', target: target.search, maxP95Ms: 50 },
  { db: 'postgres', target: target.progress, maxP95Ms: 100 },
  { db: 'postgres', target: target.thisWeek, maxP99Ms: 20 },
];

const standardTargets = ['mix', 'me', 'plan', 'autosave', 'log', 'matching', 'feed', 'progress'] as const;
const listedTargets = process.env.BENCH_TARGETS?.split(',').map((s) => s.trim());

/**
 * BENCH_TARGETS=me,plan,autosave,log,matching,feed,progress (all by default) picks what to measure besides the bare
 * route, e.g. to profile one ("feed" measures the feed and search). "insights" runs only when listed: it
 * needs its organisations generated first (`npm run bench:data`) and a database of its own.
 */
function wanted(name: (typeof standardTargets)[number]): boolean {
  return !listedTargets || listedTargets.includes(name);
}

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${raw}"`);
  return value;
}

async function benchDatabase(kind: 'pglite' | 'postgres'): Promise<Measurement[]> {
  let server: BenchServer | undefined;
  try {
    if (kind === 'postgres') await ensurePostgresDatabase(settings.databaseUrl);
    process.stdout.write(`\n[${kind}] starting the server process…\n`);
    server = await startServer({
      kind,
      databaseUrl: settings.databaseUrl,
      nodeOptions: process.env.BENCH_NODE_OPTIONS,
    });
    const session = await signIn(server.appUrl);
    const planId = await createReadPlan(session);
    const goals = await createAutosaveGoals(session, settings.connections);
    const deepCursor = wanted('log') ? await createLog(session) : '';
    // The 10,000 members are written straight into PostgreSQL; PGlite lives inside the server process.
    const matching = wanted('matching') && kind === 'postgres';
    if (matching) await createMatchingOrganisation(settings.databaseUrl, session.organizationId);
    const matchUrls = matching ? await createMatchingGoals(session) : [];
    // Likewise the 2,000 participants of the organisers' progress bench (PostgreSQL only).
    const progress = wanted('progress') && kind === 'postgres';
    const progressProgramme = progress
      ? await createProgressProgramme(settings.databaseUrl, session.organizationId)
      : undefined;
    if (wanted('feed')) {
      process.stdout.write(`[${kind}] writing ${FEED_POSTS.toLocaleString('en')} posts…\n`);
      await server.seed('feed', { organizationId: session.organizationId, memberId: session.memberId });
    }
    // Autovacuum analyses a table within a minute of such a load; the bench measures seconds later, so it asks now.
    if (kind === 'postgres') await analyzePostgres(settings.databaseUrl);

    const { appUrl } = server;
    const load = { connections: settings.connections, warmup: settings.warmup, duration: settings.duration };
    const signedIn = { ...load, db: kind, cookie: session.cookie };
    const results = [await measure({ ...load, db: kind, target: 'bare', url: `${server.bareUrl}/bare` })];
    if (wanted('me')) results.push(await measure({ ...signedIn, target: target.me, url: `${appUrl}/api/me` }));
    if (wanted('plan')) {
      results.push(await measure({ ...signedIn, target: target.plan, url: `${appUrl}/api/plans/${planId}` }));
    }
    if (wanted('log')) {
      const url = `${appUrl}/api/log?orgId=${session.organizationId}&limit=25&cursor=${deepCursor}`;
      results.push(await measure({ ...signedIn, target: target.logPage, url }));
    }
    if (wanted('autosave')) {
      // Each connection sends its own requests (see bench/autosave.ts); the URL only names the server.
      const perRun = () => autosaveRun(session, goals);
      results.push(await measure({ ...signedIn, target: target.autosave, url: appUrl, perRun }));
    }
    if (wanted('log')) {
      const perRun = async () => captureRequest(session);
      results.push(
        await measure({ ...signedIn, target: target.capture, url: `${appUrl}/api/log`, perRun, expectStatus: 201 }),
      );
    }
    if (wanted('feed')) {
      const url = `${appUrl}/api/feed?orgId=${session.organizationId}&limit=20`;
      results.push(await measure({ ...signedIn, target: target.feed, url }));
      const urls = benchSearches.map((q) => `/api/search?orgId=${session.organizationId}&q=${encodeURIComponent(q)}`);
      results.push(await measureOneAtATime({ ...load, db: kind, target: target.search, session, urls }));
    }
    if (matching) {
      results.push(await measureOneAtATime({ ...load, db: kind, target: target.matching, session, urls: matchUrls }));
    } else if (wanted('matching')) {
      process.stdout.write(`[${kind}] ${target.matching}: measured on PostgreSQL only\n`);
    }
    if (progressProgramme) {
      const urls = await progressUrls(session, progressProgramme);
      results.push(await measureOneAtATime({ ...load, db: kind, target: target.progress, session, urls }));
      const perRun = async () => thisWeekRun(load.connections);
      results.push(await measure({ ...load, db: kind, target: target.thisWeek, url: appUrl, perRun }));
    } else if (wanted('progress')) {
      process.stdout.write(`[${kind}] ${target.progress}: measured on PostgreSQL only\n`);
    }
    return results;
  } finally {
    await server?.stop();
  }
}

/** The insights target, when listed: on PostgreSQL, in its own database (see bench/insights.ts). */
async function maybeBenchInsights(kinds: ('pglite' | 'postgres')[]) {
  if (!listedTargets?.includes('insights')) return undefined;
  if (!kinds.includes('postgres')) {
    process.stdout.write('insights: measured on PostgreSQL only\n');
    return undefined;
  }
  // The other targets drop and re-create BENCH_DATABASE_URL: it must not be the insights data's database.
  if (standardTargets.some(wanted) && process.env.BENCH_DATABASE_URL) {
    throw new Error('With BENCH_DATABASE_URL set, run BENCH_TARGETS=insights on its own (the others would drop it).');
  }
  return benchInsights();
}

async function main() {
  const kinds: ('pglite' | 'postgres')[] =
    settings.db === 'both' ? ['pglite', 'postgres'] : settings.db === 'pglite' ? ['pglite'] : ['postgres'];
  if (!['both', 'pglite', 'postgres'].includes(settings.db)) {
    throw new Error(`BENCH_DB must be pglite, postgres or both, not "${settings.db}"`);
  }
  process.stdout.write(
    `Waymark bench: ${settings.connections} connections, ${settings.warmup} s warm-up + ${settings.duration} s per target\n`,
  );

  const mixes: MixReport[] = [];
  if (wanted('mix')) {
    for (const kind of kinds) {
      mixes.push(
        ...(await benchMix(kind, {
          ...settings,
          duration: settings.mixDuration,
          threeInstances: settings.instances === 3,
        })),
      );
    }
  }
  const results: Measurement[] = [];
  const others = standardTargets.filter((t) => t !== 'mix');
  if (others.some(wanted)) for (const kind of kinds) results.push(...(await benchDatabase(kind)));
  const insights = await maybeBenchInsights(kinds);

  const checks = [...checkMixBudgets(mixes), ...checkBudgets(results, budgets), ...(insights?.checks ?? [])];
  if (insights) process.stdout.write(`\nInsights (one request at a time):\n${formatInsights(insights.rows)}\n`);
  if (mixes.length > 0) process.stdout.write(`\n${formatMix(mixes)}\n`);
  process.stdout.write(`\n${formatTable(results, checks)}\n`);

  const out = path.join(benchDir, 'results', 'latest.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    settings: { ...settings, databaseUrl: kinds.includes('postgres') ? settings.databaseUrl : undefined },
    budgets,
    mixes,
    results,
    insights: insights?.rows,
    checks,
  };
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\nResults written to ${path.relative(process.cwd(), out)}\n`);

  const mixErrors = mixes.filter(
    (m) => Object.keys(m.mix.failures).length > 0 || m.mix.conflicts > 0 || m.mix.staleOwnReads > 0,
  );
  if (mixErrors.length > 0) {
    process.stdout.write(
      `FAIL: wrong answers in the mix on ${mixErrors.map((m) => `${m.db} × ${m.instances}`).join(', ')}\n`,
    );
    process.exitCode = 1;
  }
  const errors = results.filter((r) => r.non2xx > 0 || r.errors > 0);
  if (errors.length > 0) {
    process.stdout.write(`FAIL: failed responses in ${errors.map((r) => `${r.db} ${r.target}`).join(', ')}\n`);
    process.exitCode = 1;
  }
  if (checks.some((c) => !c.pass)) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
