/** The plans the bench reads and autosaves, made through the API before measuring. */
import { type BenchSession, call } from './api.js';
import { goalBody, networkBodies, reflectionBodies, shareBodies } from './plan-content.js';

interface Item {
  id: string;
  version: number;
}
interface Plan {
  id: string;
  reflections: Item[];
  goals: Item[];
  network: Item[];
  shares: Item[];
}

/** The plan GET /api/plans/:planId is measured on: a full plan, as a learner has it by mid-cycle. */
export const readPlanCounts = { reflections: 8, goals: 12, network: 30, shares: 12 } as const;

/** One goal in its own plan, with the version the next autosave must send. */
export interface AutosaveGoal {
  planId: string;
  goalId: string;
  version: number;
}

async function addAll(session: BenchSession, path: string, bodies: object[]): Promise<string[]> {
  const ids: string[] = [];
  for (const body of bodies) ids.push((await call<Item>(session, 'POST', path, body)).id);
  return ids;
}

/** Creates the full plan and checks that one GET answers it whole; returns its id. */
export async function createReadPlan(session: BenchSession): Promise<string> {
  const plan = await call<Plan>(session, 'POST', '/api/plans', {
    organizationId: session.organizationId,
    cycle: '2027',
    title: 'Growing into a tech lead role',
  });
  const base = `/api/plans/${plan.id}`;
  const reflectionIds = await addAll(session, `${base}/reflections`, reflectionBodies());
  const goals = Array.from({ length: readPlanCounts.goals }, (_, i) => goalBody(i, reflectionIds));
  const goalIds = await addAll(session, `${base}/goals`, goals);
  await addAll(session, `${base}/network`, networkBodies(goalIds));
  await addAll(session, `${base}/shares`, shareBodies(goalIds));

  const read = await call<Plan>(session, 'GET', base);
  const counts = {
    reflections: read.reflections.length,
    goals: read.goals.length,
    network: read.network.length,
    shares: read.shares.length,
  };
  if (JSON.stringify(counts) !== JSON.stringify(readPlanCounts)) {
    throw new Error(`GET ${base} answered ${JSON.stringify(counts)}, not ${JSON.stringify(readPlanCounts)}`);
  }
  return plan.id;
}

/** One plan with one goal per autocannon connection, all owned by the signed-in person. */
export async function createAutosaveGoals(session: BenchSession, count: number): Promise<AutosaveGoal[]> {
  const goals: AutosaveGoal[] = [];
  for (let i = 0; i < count; i++) {
    const plan = await call<Plan>(session, 'POST', '/api/plans', {
      organizationId: session.organizationId,
      cycle: '2027',
      title: `Autosave plan ${i + 1}`,
    });
    const goal = await call<Item>(session, 'POST', `/api/plans/${plan.id}/goals`, goalBody(i));
    goals.push({ planId: plan.id, goalId: goal.id, version: goal.version });
  }
  return goals;
}

async function readVersions(session: BenchSession, goals: AutosaveGoal[]): Promise<number[]> {
  return Promise.all(
    goals.map(async ({ planId, goalId }) => {
      const plan = await call<Plan>(session, 'GET', `/api/plans/${planId}`);
      const goal = plan.goals.find((g) => g.id === goalId);
      if (!goal) throw new Error(`goal ${goalId} is missing from plan ${planId}`);
      return goal.version;
    }),
  );
}

/**
 * Sets each goal's version to the server's. autocannon ends a run with requests in flight whose answers it never
 * reads, yet the server may still save them: read until two reads 200 ms apart agree.
 */
export async function syncVersions(session: BenchSession, goals: AutosaveGoal[]): Promise<void> {
  let versions = await readVersions(session, goals);
  for (let attempt = 0; attempt < 20; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = await readVersions(session, goals);
    const settled = again.every((v, i) => v === versions[i]);
    versions = again;
    if (settled) break;
  }
  goals.forEach((goal, i) => {
    goal.version = versions[i] as number;
  });
}
