import { orgScoped, type Row } from '../matrix-kit.js';

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
];
