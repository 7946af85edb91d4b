import type { Cast } from '../actors.js';
import type { TestApp } from '../app.js';
import { everyone, orgScoped, ownerOnly, type Row } from '../matrix-kit.js';

type Headers = Record<string, string>;

/** An achievement open to requests and an achieved goal of `self`'s: what a request for recognition needs. */
async function achievedGoalOfSelf(c: Cast, t: TestApp) {
  const achievement = await t.callOk('POST', `/api/orgs/${c.org.id}/achievements`, c.as('admin') as Headers, {
    name: `Workshop host ${Math.random().toString(36).slice(2, 8)}`,
    description: 'Ran a workshop.',
    criteria: 'Hosted a workshop.',
    openToRequests: true,
  });
  const self = c.as('self') as Headers;
  const plan = await t.callOk('POST', '/api/plans', self, { organizationId: c.org.id, cycle: '2027' });
  const goal = await t.callOk('POST', `/api/plans/${plan.id}/goals`, self, { what: 'Run a workshop' });
  await t.callOk('PATCH', `/api/plans/${plan.id}/goals/${goal.id}`, self, { status: 'achieved', version: 1 });
  return {
    achievementId: achievement.id as string,
    url: `/api/plans/${plan.id}/goals/${goal.id}/recognition-requests`,
  };
}

/** An open request of `self`'s. */
async function requestOfSelf(c: Cast, t: TestApp) {
  const { achievementId, url } = await achievedGoalOfSelf(c, t);
  const made = await t.callOk('POST', url, c.as('self') as Headers, { achievementId, message: 'I ran it.' });
  return made.id as string;
}

/** Its learner and its approvers (their supervisor, L&D admins, owners) know it; anyone else gets 404. */
const partiesOnly = (ok: number) => ({
  ...everyone(404),
  anonymous: 401,
  self: ok,
  supervisor: ok,
  admin: ok,
  owner: ok,
});
/** Approvers decide; the learner sees it but may not (403). */
const approversOnly = (ok: number) => ({ ...partiesOnly(ok), self: 403 });

/**
 * Recognition on request: the goal's learner asks, any member sees what may be asked for and their own requests
 * and what is theirs to decide; a request is known to its learner and approvers only.
 */
export const rows: Row[] = [
  {
    route: 'GET /api/orgs/:orgId/recognition/achievements',
    request: (c) => ({ method: 'GET', url: `/api/orgs/${c.org.id}/recognition/achievements` }),
    expect: orgScoped(200),
  },
  {
    route: 'POST /api/plans/:planId/goals/:goalId/recognition-requests',
    request: async (c, t) => {
      const { achievementId, url } = await achievedGoalOfSelf(c, t);
      return { method: 'POST', url, payload: { achievementId, message: 'I ran it.' } };
    },
    expect: ownerOnly(201),
  },
  {
    route: 'GET /api/orgs/:orgId/recognition-requests/mine',
    request: (c) => ({ method: 'GET', url: `/api/orgs/${c.org.id}/recognition-requests/mine` }),
    expect: orgScoped(200),
  },
  {
    route: 'GET /api/orgs/:orgId/recognition-requests/to-decide',
    request: (c) => ({ method: 'GET', url: `/api/orgs/${c.org.id}/recognition-requests/to-decide` }),
    expect: orgScoped(200),
  },
  {
    route: 'GET /api/recognition-requests/:requestId',
    request: async (c, t) => ({ method: 'GET', url: `/api/recognition-requests/${await requestOfSelf(c, t)}` }),
    expect: partiesOnly(200),
  },
  {
    route: 'POST /api/recognition-requests/:requestId/approve',
    request: async (c, t) => ({
      method: 'POST',
      url: `/api/recognition-requests/${await requestOfSelf(c, t)}/approve`,
    }),
    expect: approversOnly(200),
  },
  {
    route: 'POST /api/recognition-requests/:requestId/decline',
    request: async (c, t) => ({
      method: 'POST',
      url: `/api/recognition-requests/${await requestOfSelf(c, t)}/decline`,
      payload: { reason: 'Not yet.' },
    }),
    expect: approversOnly(200),
  },
  {
    route: 'GET /api/achievements/:achievementId/public',
    request: async (c, t) => ({
      method: 'GET',
      url: `/api/achievements/${(await achievedGoalOfSelf(c, t)).achievementId}/public`,
    }),
    // Public by design: a credential names its achievement by this page.
    expect: everyone(200),
  },
];
