/**
 * The insights bench target (`BENCH_TARGETS=insights npm run bench`, PostgreSQL only): for each generated
 * organisation (bench/insights-data.ts), the full dashboard through the real route, signed in as its L&D
 * admin, one request at a time; and in the same run the same figures by hand-written SQL (bench/insights-sql.ts),
 * timed the same way, the requests of both taken in turn so a busy machine slows both alike. The figures of
 * both are compared first: a yardstick that computed something else would measure nothing.
 */

import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import type { DashboardView } from '../src/features/insights/index.js';
import { type BenchSession, call, signInAs } from './api.js';
import { ADMIN_PASSWORD, INSIGHTS_DATABASE_URL, insightsOrg } from './insights-org.js';
import { type Figures, figuresInOneStatement, figuresInParallel, type Selection } from './insights-sql.js';
import { latencyMeasurement } from './one-at-a-time.js';
import type { BudgetCheck, Measurement } from './report.js';
import { startServer } from './server-process.js';

/**
 * Issue 7's budget, for its organisation of 100,000 learners: p50 ≤ 300 ms, and ≤ 1.5× the best hand-written
 * SQL. Smaller organisations are held to the 300 ms; their ratio is printed without a budget: at 10,000
 * learners the SQL takes ~18 ms, and the ~10 ms every request costs besides (HTTP, access, settings, four
 * small queries beside the counts, the 120 KB answer) is most of the difference (bench/README.md).
 */
export const INSIGHTS_BUDGET = { maxP50Ms: 300, maxRatio: 1.5, ratioFromLearners: 100_000 };

/** Which organisations (BENCH_INSIGHTS_LEARNERS, default 10000,100000) and how many requests of each kind. */
const sizes = (process.env.BENCH_INSIGHTS_LEARNERS ?? '10000,100000').split(',').map((s) => Number(s.trim()));
const requests = Number(process.env.BENCH_INSIGHTS_REQUESTS ?? 40);
const warmup = Number(process.env.BENCH_INSIGHTS_WARMUP ?? 5);

export interface InsightsRow {
  org: string;
  learners: number;
  selection: string;
  dashboard: Measurement & { p95Ms: number };
  countsOne: Measurement & { p95Ms: number };
  countsParallel: Measurement & { p95Ms: number };
  factsParallel: Measurement & { p95Ms: number };
  /** Dashboard p50 over the fastest hand-written way's p50. */
  ratio: number;
  refreshMs: number;
  firstRequestMs: number;
  factRows: number;
}

/** The dashboard's numbers in the hand-written SQL's shape (see Figures). */
function figuresOfView(v: DashboardView): Figures {
  const counts: Figures['counts'] = {};
  const put = (kind: string, key: string, n: number | null) => {
    if (n === null) return;
    counts[kind] ??= {};
    counts[kind][key] = n;
  };
  for (const r of v.topics.rows) put('topic', r.key, r.learners);
  for (const r of v.forms.rows) put('form', r.form, r.learners);
  for (const r of v.forms.groups) put('form_group', r.group, r.learners);
  for (const r of v.mentorDemand.rows) put('mentor_demand', r.key, r.learners);
  for (const r of v.resources.rows) put('resource', r.key, r.learners);
  put('logged', 'any', v.participation.logged);
  put('sharing', 'committed', v.participation.committedToShare);
  put('sharing', 'shared', v.participation.shared);
  put('checkin', 'checked_in', v.participation.checkedIn);
  const fewer: Figures['fewer'] = {};
  if (v.topics.fewer) fewer.topic = v.topics.fewer;
  if (v.mentorDemand.fewer) fewer.mentor_demand = v.mentorDemand.fewer;
  if (v.resources.fewer) fewer.resource = v.resources.fewer;
  return {
    population: v.population,
    members: v.members,
    counts,
    fewer,
    status: Object.fromEntries(v.statusOverTime.rows.map((r) => [r.status, r.counts])),
    mentors: Object.fromEntries(v.mentorDemand.rows.map((r) => [r.key, r.mentors])),
  };
}

/** Latencies of calls made one after another (all succeeded: a failure throws). */
function measurementOf(target: string, times: number[]): Measurement & { p95Ms: number } {
  const seconds = times.reduce((a, b) => a + b, 0) / 1000;
  const statusCodes = { 200: times.length };
  return latencyMeasurement({
    db: 'postgres',
    target,
    latencies: times,
    seconds,
    durationSeconds: seconds,
    statusCodes,
  });
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** The organisations' ids, or an error saying how to generate the missing ones. */
async function findOrganisations(client: pg.Client) {
  const orgs = sizes.map(insightsOrg);
  const { rows } = await client.query<{ id: string }>('select id from organization where id = any($1)', [
    orgs.map((o) => o.id),
  ]);
  const missing = orgs.filter((o) => !rows.some((r) => r.id === o.id));
  if (missing.length > 0) {
    const commands = missing.map((o) => `  npm run bench:data -- --learners ${o.learners}`).join('\n');
    throw new Error(
      `The insights bench needs ${missing.map((o) => `"${o.name}"`).join(' and ')} in ${INSIGHTS_DATABASE_URL}. ` +
        `Generate ${missing.length > 1 ? 'them' : 'it'} first (a few minutes at 100,000 learners):\n${commands}`,
    );
  }
  return orgs;
}

async function benchSelection(
  session: BenchSession,
  client: pg.Client,
  pool: pg.Pool,
  label: string,
  selection: Selection,
) {
  const query = new URLSearchParams(selection as Record<string, string>).toString();
  const path = `/api/orgs/${session.organizationId}/insights${query ? `?${query}` : ''}`;
  const headers = { cookie: session.cookie, 'accept-encoding': 'gzip, deflate, br' };
  const dashboard = async () => {
    const res = await fetch(`${session.appUrl}${path}`, { headers });
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as DashboardView;
  };
  const orgId = session.organizationId;
  const ways = {
    dashboard,
    countsOne: () => figuresInOneStatement(client, orgId, selection, 'counts'),
    countsParallel: () => figuresInParallel(pool, orgId, selection, 'counts'),
    factsParallel: () => figuresInParallel(pool, orgId, selection, 'facts'),
  };
  // The same numbers every way, the counts equal to the facts they count.
  const expected = figuresOfView(await dashboard());
  for (const [name, way] of Object.entries(ways).slice(1)) {
    const got = await way();
    if (!isDeepStrictEqual(got, expected)) {
      throw new Error(
        `The hand-written SQL (${name}) disagrees with the dashboard for ${label}:\n` +
          `dashboard: ${JSON.stringify(expected).slice(0, 2000)}\nSQL: ${JSON.stringify(got).slice(0, 2000)}`,
      );
    }
  }
  const times = Object.fromEntries(Object.keys(ways).map((name) => [name, [] as number[]]));
  for (let i = 0; i < warmup + requests; i++) {
    for (const [name, way] of Object.entries(ways)) {
      const took = await timed(way);
      if (i >= warmup) times[name]?.push(took);
    }
  }
  return {
    dashboard: measurementOf(`insights dashboard, ${label}`, times.dashboard ?? []),
    countsOne: measurementOf(`hand-written SQL on counts, one statement, ${label}`, times.countsOne ?? []),
    countsParallel: measurementOf(`hand-written SQL on counts, 3 at once, ${label}`, times.countsParallel ?? []),
    factsParallel: measurementOf(`hand-written SQL on facts, 3 at once, ${label}`, times.factsParallel ?? []),
  };
}

/** Measures every organisation; returns the rows of the insights table and the budget checks. */
export async function benchInsights(): Promise<{ rows: InsightsRow[]; checks: BudgetCheck[] }> {
  // The yardstick's connections compile no plan to machine code: JIT costs 200+ ms per query here, more than
  // it saves on a few hundred thousand rows (PostgreSQL switches it on by estimated cost alone).
  const yardstick = { connectionString: INSIGHTS_DATABASE_URL, options: '-c jit=off' };
  const client = new pg.Client(yardstick);
  await client.connect();
  const pool = new pg.Pool({ ...yardstick, max: 3 });
  const server = await startServer({
    kind: 'postgres',
    databaseUrl: INSIGHTS_DATABASE_URL,
    nodeOptions: process.env.BENCH_NODE_OPTIONS,
  });
  const rows: InsightsRow[] = [];
  try {
    for (const org of await findOrganisations(client)) {
      const session = await signInAs(server.appUrl, org.adminEmail, ADMIN_PASSWORD, org.id);
      process.stdout.write(`[insights] ${org.name}: refreshing the facts through the API… `);
      const refreshMs = await timed(() =>
        call(session, 'POST', `/api/orgs/${org.id}/insights/refresh`, undefined, 200),
      );
      const firstRequestMs = await timed(() => call(session, 'GET', `/api/orgs/${org.id}/insights`));
      // Then as autovacuum leaves the tables within a minute of a refresh: statistics current, dead rows gone.
      await client.query('vacuum analyze insight_fact, insight_count, insight_org_count');
      const factRows = (
        await client.query('select count(*)::int as n from insight_fact where organization_id = $1', [org.id])
      ).rows[0].n as number;
      process.stdout.write(`${(refreshMs / 1000).toFixed(1)} s, ${factRows.toLocaleString('en')} fact rows\n`);
      for (const [label, selection] of [
        ['whole organisation', {}],
        ['one department', { department: 'Technology' }],
      ] as const) {
        process.stdout.write(`[insights] ${org.name}, ${label}: ${warmup} + ${requests} requests of each… `);
        const m = await benchSelection(session, client, pool, `${org.label}, ${label}`, selection);
        const ratio = m.dashboard.p50Ms / Math.min(m.countsOne.p50Ms, m.countsParallel.p50Ms, m.factsParallel.p50Ms);
        rows.push({
          org: org.name,
          learners: org.learners,
          selection: label,
          ...m,
          ratio,
          refreshMs,
          firstRequestMs,
          factRows,
        });
        process.stdout.write(`dashboard p50 ${m.dashboard.p50Ms} ms, ratio ${ratio.toFixed(2)}\n`);
      }
    }
  } finally {
    await server.stop();
    await pool.end();
    await client.end();
  }
  const checks = rows.flatMap((r) => [
    {
      line: `insights dashboard p50, ${r.org}, ${r.selection} ≤ ${INSIGHTS_BUDGET.maxP50Ms} ms`,
      value: r.dashboard.p50Ms,
      limit: INSIGHTS_BUDGET.maxP50Ms,
      pass: r.dashboard.p50Ms <= INSIGHTS_BUDGET.maxP50Ms,
    },
    ...(r.learners >= INSIGHTS_BUDGET.ratioFromLearners
      ? [
          {
            line: `insights dashboard p50 / hand-written SQL p50, ${r.org}, ${r.selection} ≤ ${INSIGHTS_BUDGET.maxRatio}`,
            value: r.ratio,
            limit: INSIGHTS_BUDGET.maxRatio,
            pass: r.ratio <= INSIGHTS_BUDGET.maxRatio,
          },
        ]
      : []),
  ]);
  return { rows, checks };
}

/** The insights table: p50 / p95 of each way, the ratio, and the refresh, per organisation and selection. */
export function formatInsights(rows: InsightsRow[]): string {
  const header = ['organisation', 'selection', 'dashboard', 'SQL counts 1', 'SQL counts 3', 'SQL facts 3'];
  header.push('ratio', 'refresh', 'first', 'fact rows');
  const p = (m: Measurement & { p95Ms: number }) => `${m.p50Ms} / ${m.p95Ms}`;
  const cells = rows.map((r) => [
    r.org,
    r.selection,
    p(r.dashboard),
    p(r.countsOne),
    p(r.countsParallel),
    p(r.factsParallel),
    r.ratio.toFixed(2),
    `${(r.refreshMs / 1000).toFixed(1)} s`,
    `${Math.round(r.firstRequestMs)} ms`,
    r.factRows.toLocaleString('en'),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const line = (c: string[]) =>
    c.map((v, i) => (i < 2 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0))).join('  ');
  const note =
    'p50 / p95 in ms; SQL counts 1: one statement on the counts, counts 3: three at once on the counts, ' +
    'facts 3: three at once on insight_fact;\nratio: dashboard p50 / fastest SQL p50; first: the first dashboard ' +
    'after the refresh.';
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line), note].join('\n');
}
