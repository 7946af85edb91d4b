import { signIn } from './api.js';
import { httpClient } from './mix.js';
import { BENCH_SECRET, MIX_GOALS_EACH, mixCookie, mixLearner } from './mix-fixture.js';
import { ensurePostgresDatabase } from './postgres.js';
import { cpuOf, postgresCpuMs } from './process-cpu.js';
import { startServer } from './server-process.js';

/**
 * CPU per request of each route of the mix (`npm run bench:cpu`), on an otherwise idle server: the server
 * process's CPU time (and PostgreSQL's, summed over its processes) over a few hundred requests of one kind,
 * four learners at a time so nothing queues. Under the mix the server is the limit, so its CPU per request
 * is what a change to a route buys; the mix's figures move with whatever else the machine runs, these far
 * less. BENCH_DB=pglite|postgres (postgres), BENCH_NODE_OPTIONS as for the bench.
 */

const SAVES = 5;
/** BENCH_REPEAT=n measures each step n times over (for a profile of one step: BENCH_STEP). */
const REPEAT = Number(process.env.BENCH_REPEAT ?? 1);

async function main() {
  const kind = process.env.BENCH_DB === 'pglite' ? 'pglite' : 'postgres';
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/waymark_bench';
  if (kind === 'postgres') await ensurePostgresDatabase(databaseUrl);
  const server = await startServer({ kind, databaseUrl, nodeOptions: process.env.BENCH_NODE_OPTIONS });
  try {
    const { organizationId: org } = await signIn(server.appUrl);
    await server.seed('mix', { organizationId: org });
    const client = httpClient(server.appUrl, 8);
    const cookies = new Map<number, string>();
    const versions = new Map<number, number>();
    const as = (i: number) => cookies.get(i) ?? mixCookie(i, BENCH_SECRET);
    const send = async (i: number, method: string, path: string, json?: unknown) => {
      const answer = await client.request(method, path, as(i), json);
      if (answer.status >= 300) throw new Error(`${method} ${path} answered ${answer.status}: ${answer.body}`);
      const set = answer.setCookies.map((c) => c.split(';')[0]).join('; ');
      if (set) cookies.set(i, `${mixCookie(i, BENCH_SECRET)}; ${set}`);
      return JSON.parse(answer.body) as Record<string, unknown>;
    };
    const openPlan = async (i: number) => {
      const plan = await send(i, 'GET', `/api/plans/${mixLearner(i).planId}`);
      const goal = (plan.goals as { id: string; version: number }[]).find((g) => g.id === mixLearner(i).goalId);
      versions.set(i, goal?.version ?? 1);
    };
    let typed = 0;
    const autosave = async (i: number) => {
      const { planId, goalId } = mixLearner(i);
      const saved = await send(i, 'PATCH', `/api/plans/${planId}/goals/${goalId}`, {
        what: `Typed ${typed++}`,
        version: versions.get(i),
      });
      versions.set(i, saved.version as number);
    };
    const goalVersions = new Map<string, number>();
    const nextGoal = new Map<number, number>();
    const saveNextGoal = async (i: number) => {
      const g = 2 + ((nextGoal.get(i) ?? 0) % (MIX_GOALS_EACH - 1));
      nextGoal.set(i, g - 1);
      const { planId } = mixLearner(i);
      const goalId = `mix-goal-${i}-${g}`;
      const saved = await send(i, 'PATCH', `/api/plans/${planId}/goals/${goalId}`, {
        why: `Moved on ${typed++}`,
        version: goalVersions.get(goalId) ?? 1,
      });
      goalVersions.set(goalId, saved.version as number);
    };
    const steps: [string, (i: number) => Promise<unknown>][] = [
      ['GET /api/me', (i) => send(i, 'GET', '/api/me')],
      ['GET /api/plans/:id (cached)', openPlan],
      // As in a visit: five saves in a row (the first opens a revision, the others fold into it).
      [
        'PATCH autosave (per save)',
        async (i) => {
          for (let k = 0; k < SAVES; k++) await autosave(i);
        },
      ],
      // A learner moving from goal to goal: each save the first into its item since another change, so each
      // opens a revision of its own (the goal after the typed one, from the plan as read).
      [
        'PATCH goal to goal (per save)',
        async (i) => {
          for (let k = 0; k < SAVES; k++) await saveNextGoal(i);
        },
      ],
      ['GET /api/plans/:id after a write', async (i) => openPlan(i)],
      ['GET /api/log', (i) => send(i, 'GET', `/api/log?orgId=${org}&limit=25`)],
      [
        'POST /api/log',
        (i) => send(i, 'POST', '/api/log', { organizationId: org, what: 'Pivot tables group dates', source: 'Sam' }),
      ],
      ['GET /api/feed', (i) => send(i, 'GET', `/api/feed?orgId=${org}&limit=20`)],
      ['GET /api/notifications', (i) => send(i, 'GET', '/api/notifications?limit=20')],
    ];
    const learners = Array.from({ length: 400 }, (_, k) => k + 1);
    // Warm: every learner's session, memberships and plan known, the code hot.
    for (let round = 0; round < 2; round++) {
      for (const [, step] of steps) await runAll(learners.slice(0, 100), step);
    }
    await runAll(learners, openPlan);
    const rows: string[] = [];
    const only = process.env.BENCH_STEP;
    for (const [name, step] of steps) {
      if (only && !name.includes(only)) continue;
      const ids = learners.slice(100, 400);
      // "after a write": the plan's cache was just emptied by an autosave, as in the mix.
      if (name.includes('after a write')) await runAll(ids, autosave);
      const server0 = cpuOf(server.pid);
      const pg0 = kind === 'postgres' ? postgresCpuMs() : 0;
      const started = performance.now();
      for (let r = 0; r < REPEAT; r++) await runAll(ids, step);
      const wall = performance.now() - started;
      const n = REPEAT * ids.length * (name.startsWith('PATCH') ? SAVES : 1);
      const server1 = cpuOf(server.pid);
      const serverMs = (server1.total - server0.total) / n;
      const kernelMs = (server1.kernel - server0.kernel) / n;
      const pgMs = kind === 'postgres' ? (postgresCpuMs() - pg0) / n : 0;
      rows.push(
        `  ${name.padEnd(36)} ${serverMs.toFixed(2).padStart(8)} ${kernelMs.toFixed(2).padStart(8)} ${pgMs.toFixed(2).padStart(8)} ${(wall / n).toFixed(2).padStart(8)}`,
      );
    }
    process.stdout.write(`\nCPU per request (${kind}), 300 requests each, 4 at a time\n`);
    process.stdout.write(
      `  ${'route'.padEnd(36)} ${'server'.padStart(8)} ${'(kernel)'.padStart(8)} ${'database'.padStart(8)} ${'wall/n'.padStart(8)}  (ms)\n`,
    );
    process.stdout.write(`${rows.join('\n')}\n`);
    client.close();
  } finally {
    await server.stop();
  }
}

/** Runs `step` for every learner, four at a time. */
async function runAll(ids: number[], step: (i: number) => Promise<unknown>) {
  const queue = [...ids];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) await step(i);
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
