import { ownerOnly, planOfSelf, type Row } from '../matrix-kit.js';

/** A goal's timeline is as private as the goal. */
export const rows: Row[] = [
  {
    route: 'GET /api/plans/:planId/goals/:goalId/timeline',
    request: async (c, t) => {
      const plan = await planOfSelf(c, t);
      return { method: 'GET', url: `${plan.url}/goals/${plan.ids.goals}/timeline` };
    },
    expect: ownerOnly(200),
  },
];
