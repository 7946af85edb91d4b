import type { Cast } from '../actors.js';
import type { TestApp } from '../app.js';
import { logEntryOfSelf, orgScoped, ownerOnly, planOfSelf, type Row } from '../matrix-kit.js';

/** A log entry of `self` for a goal that has a sharing commitment. */
async function entryForGoal(c: Cast, t: TestApp) {
  const plan = await planOfSelf(c, t);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/log',
    headers: c.as('self'),
    payload: { organizationId: c.org.id, what: 'Pivot tables group by month', goalId: plan.ids.goals },
  });
  return { url: `/api/log/${res.json().id}`, shareId: plan.ids.shares };
}

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
  {
    route: 'POST /api/log/:entryId/evidence',
    request: async (c, t) => ({ method: 'POST', url: `${(await entryForGoal(c, t)).url}/evidence`, payload: {} }),
    expect: ownerOnly(201),
  },
  {
    route: 'POST /api/log/:entryId/share',
    request: async (c, t) => {
      const entry = await entryForGoal(c, t);
      return { method: 'POST', url: `${entry.url}/share`, payload: { shareId: entry.shareId } };
    },
    expect: ownerOnly(201),
  },
];
