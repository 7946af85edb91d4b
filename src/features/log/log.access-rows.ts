import { logEntryOfSelf, orgScoped, ownerOnly, type Row } from '../access/matrix-kit.js';

/** The learning log's routes in the access matrix (access-matrix.test.ts). */
export const rows: Row[] = [
  {
    route: 'POST /api/log',
    request: (c) => ({ method: 'POST', url: '/api/log', payload: { organizationId: c.org.id, what: 'Learned X' } }),
    expect: orgScoped(201),
  },
  {
    // Everyone in the organisation may ask; each sees only their own entries (log.test.ts checks the contents).
    route: 'GET /api/log',
    request: (c) => ({ method: 'GET', url: `/api/log?orgId=${c.org.id}` }),
    expect: orgScoped(200),
  },
  {
    route: 'GET /api/log/:entryId',
    request: async (c, t) => ({ method: 'GET', url: await logEntryOfSelf(c, t) }),
    expect: ownerOnly(200),
  },
  {
    route: 'PATCH /api/log/:entryId',
    request: async (c, t) => ({ method: 'PATCH', url: await logEntryOfSelf(c, t), payload: { what: 'Changed' } }),
    expect: ownerOnly(200),
  },
  {
    route: 'DELETE /api/log/:entryId',
    request: async (c, t) => ({ method: 'DELETE', url: await logEntryOfSelf(c, t) }),
    expect: ownerOnly(204),
  },
  {
    route: 'GET /api/goals',
    request: (c) => ({ method: 'GET', url: `/api/goals?orgId=${c.org.id}` }),
    expect: orgScoped(200),
  },
];
