import { figuresOf, MIX_ROUTES, type RouteFigures } from './mix.js';
import { MIX_LEARNERS, mixLearner } from './mix-fixture.js';

/**
 * The SQL floor of the mixed workload: the database work of one learner's visit (bench/mix.ts), written by
 * hand as few, plain statements as a lower bound — no HTTP, no access checks, no history, no JSON. Visits
 * per second of this floor and Waymark's, in the same run, give the ratio the budget is about. Runs with any
 * `query` function: a pg pool in the bench for PostgreSQL, PGlite's own client in the server process.
 */

export type Query = (text: string, params: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export interface FloorFigures {
  visits: number;
  visitsPerSecond: number;
  statementsPerVisit: number;
  visitP50Ms: number;
  visitP99Ms: number;
  /**
   * The same steps as the mix's routes, timed alone (the plan's five selects are one step, each autosave's
   * update another): what the database work of each route takes at this concurrency on this machine, with no
   * HTTP and no server in the way. A route's p99 in the mix can hardly be below its floor's.
   */
  routes: RouteFigures[];
}

type Route = (typeof MIX_ROUTES)[number];
type Times = Map<string, number[]>;

/** Runs one step of a visit and keeps how long it took under its route's name. */
async function timed<T>(times: Times, route: Route, step: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await step();
  times.get(route)?.push(performance.now() - started);
  return result;
}

const percentile = (sorted: number[], q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0;

/** A plan opened: the plan and its four parts, a select each. Answers the goals. */
async function openPlan(query: Query, planId: string) {
  await query('select * from plan where id = $1', [planId]);
  await query('select * from plan_reflection where plan_id = $1 order by position', [planId]);
  const goals = await query('select * from plan_goal where plan_id = $1 order by position', [planId]);
  await query('select * from plan_network_entry where plan_id = $1 order by position', [planId]);
  await query('select * from plan_share where plan_id = $1 order by position', [planId]);
  return goals;
}

/** An autosave of a goal's text at the version last read. */
const saveGoal = (query: Query, goalId: string, version: number, what: string) =>
  query(
    'update plan_goal set what = $1, version = version + 1, updated_at = now() where id = $2 and version = $3 returning version',
    [what, goalId, version],
  );

/** One visit's statements: open the plan (5 selects), 5 autosaves, the log page, a capture, the feed, me, notifications. */
async function visit(query: Query, times: Times, i: number, organizationId: string, round: number) {
  const { userId, memberId, planId, goalId } = mixLearner(i);
  const goals = await timed(times, 'GET /api/plans/:id', () => openPlan(query, planId));
  let version = Number(goals.rows.find((g) => g.id === goalId)?.version ?? 1);
  for (let k = 0; k < 5; k++) {
    const saved = await timed(times, 'PATCH …/goals/:id (autosave)', () =>
      saveGoal(query, goalId, version, `Typed ${round}.${k}`),
    );
    version = Number(saved.rows[0]?.version ?? version);
  }
  await timed(times, 'GET /api/log', () =>
    query('select * from log_entry where member_id = $1 order by learned_on desc, id desc limit 25', [memberId]),
  );
  await timed(times, 'POST /api/log (capture)', () =>
    query(
      `insert into log_entry (id, organization_id, member_id, user_id, learned_on, what, source)
       values ($1, $2, $3, $4, current_date, 'Pivot tables can group dates by month', 'Sam')`,
      [`floor-${i}-${round}-${Math.random().toString(36).slice(2)}`, organizationId, memberId, userId],
    ),
  );
  await timed(times, 'GET /api/feed', () =>
    query(
      `select * from post where organization_id = $1 and visibility = 'organization'
       order by created_at desc, id desc limit 20`,
      [organizationId],
    ),
  );
  await timed(times, 'GET /api/me', () =>
    query('select m.*, o.name from membership m join organization o on o.id = m.organization_id where m.user_id = $1', [
      userId,
    ]),
  );
  await timed(times, 'GET /api/notifications', () =>
    query('select * from notification where user_id = $1 order by created_at desc limit 20', [userId]),
  );
}

export const FLOOR_STATEMENTS_PER_VISIT = 15;

/**
 * Runs visits on `concurrency` workers for `durationMs`, each worker a different learner at a time (the same
 * learners the mix uses), and answers the figures.
 */
export async function runFloor(options: {
  query: Query;
  organizationId: string;
  concurrency: number;
  durationMs: number;
  /**
   * Instead of visits, the cache case "a plan read right after each write to it": each worker one learner
   * (201 and up, as the bench's case), saving their goal and then opening their plan, the opening timed.
   */
  readAfterWrite?: boolean;
}): Promise<FloorFigures> {
  // Every worker's connection opened before the clock starts: opened during the first visits, fifty backends
  // starting at once made those visits' plan step take up to a second, and the floor's p99 with it.
  await Promise.all(Array.from({ length: options.concurrency }, () => options.query('select 1', [])));
  const free = Array.from({ length: MIX_LEARNERS }, (_, k) => k + 1);
  const times: number[] = [];
  const stepTimes: Times = new Map(MIX_ROUTES.map((r) => [r, []]));
  const endAt = performance.now() + options.durationMs;
  let round = 0;
  const readAfterWrite = async (worker: number) => {
    const { planId, goalId } = mixLearner(201 + worker);
    let version = Number((await openPlan(options.query, planId)).rows.find((g) => g.id === goalId)?.version ?? 1);
    for (let k = 0; performance.now() < endAt; k++) {
      const saved = await saveGoal(options.query, goalId, version, `Read after write ${k}`);
      version = Number(saved.rows[0]?.version ?? version);
      const started = performance.now();
      await timed(stepTimes, 'GET /api/plans/:id', () => openPlan(options.query, planId));
      times.push(performance.now() - started);
    }
  };
  const worker = async (_: unknown, index: number) => {
    if (options.readAfterWrite) return readAfterWrite(index);
    while (performance.now() < endAt) {
      const learner = free.shift() as number;
      const started = performance.now();
      await visit(options.query, stepTimes, learner, options.organizationId, round++);
      times.push(performance.now() - started);
      free.push(learner);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const sorted = [...times].sort((a, b) => a - b);
  return {
    visits: times.length,
    visitsPerSecond: times.length / seconds,
    statementsPerVisit: FLOOR_STATEMENTS_PER_VISIT,
    visitP50Ms: percentile(sorted, 0.5),
    visitP99Ms: percentile(sorted, 0.99),
    routes: figuresOf(stepTimes),
  };
}
