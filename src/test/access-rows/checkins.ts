import type { Cast } from '../actors.js';
import type { TestApp } from '../app.js';
import { ownerOnly, planOfSelf, type Row } from '../matrix-kit.js';

/** Check-ins are as private as the plan they belong to: the owner only (access-matrix.test.ts). */

const aCheckin = (goalId: string) => ({
  answers: { learned: 'Facilitation needs a plan B' },
  progress: [{ goalId, progress: 40 }],
});

/** A check-in on a plan of `self`; returns its URL. */
async function checkinOfSelf(c: Cast, t: TestApp) {
  const plan = await planOfSelf(c, t);
  const res = await t.app.inject({
    method: 'POST',
    url: `${plan.url}/checkins`,
    headers: c.as('self'),
    payload: aCheckin(plan.ids.goals),
  });
  if (res.statusCode !== 201) throw new Error(`check-in: ${res.statusCode} ${res.body}`);
  return `${plan.url}/checkins/${(res.json() as { id: string }).id}`;
}

export const rows: Row[] = [
  {
    route: 'GET /api/plans/:planId/checkins',
    request: async (c, t) => ({ method: 'GET', url: `${(await planOfSelf(c, t)).url}/checkins` }),
    expect: ownerOnly(200),
  },
  {
    route: 'POST /api/plans/:planId/checkins',
    request: async (c, t) => {
      const plan = await planOfSelf(c, t);
      return { method: 'POST', url: `${plan.url}/checkins`, payload: aCheckin(plan.ids.goals) };
    },
    expect: ownerOnly(201),
  },
  {
    route: 'GET /api/plans/:planId/checkins/:checkinId',
    request: async (c, t) => ({ method: 'GET', url: await checkinOfSelf(c, t) }),
    expect: ownerOnly(200),
  },
  {
    route: 'DELETE /api/plans/:planId/checkins/:checkinId',
    request: async (c, t) => ({ method: 'DELETE', url: await checkinOfSelf(c, t) }),
    expect: ownerOnly(204),
  },
];
