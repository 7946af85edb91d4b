import { orgScoped, ownerOnly, planOfSelf, type Row } from '../matrix-kit.js';

/**
 * Home answers each member about themself (what it shows of others is cut inside: home.test.ts); another
 * organisation's member finds nothing, anonymous must sign in (access-matrix.test.ts).
 */
export const rows: Row[] = [
  {
    route: 'GET /api/orgs/:orgId/home',
    request: (c) => ({ method: 'GET', url: `/api/orgs/${c.org.id}/home` }),
    expect: orgScoped(200),
  },
  {
    // The steps after the guide for the owner's own plan, as home gives them: nobody else's to know.
    route: 'GET /api/plans/:planId/next-steps',
    request: async (c, t) => ({ method: 'GET', url: `${(await planOfSelf(c, t)).url}/next-steps` }),
    expect: ownerOnly(200),
  },
];
