import { ownerOnly, planOfSelf, type Row } from '../matrix-kit.js';

/** Suggestions for a goal are as private as the goal: only its owner asks for them. */
export const rows: Row[] = [
  {
    route: 'GET /api/plans/:planId/goals/:goalId/matches',
    request: async (c, t) => {
      const plan = await planOfSelf(c, t);
      return { method: 'GET', url: `${plan.url}/goals/${plan.ids.goals}/matches` };
    },
    expect: ownerOnly(200),
  },
];
