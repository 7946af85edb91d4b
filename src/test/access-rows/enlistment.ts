import type { ActorKind, Cast } from '../actors.js';
import type { TestApp } from '../app.js';
import { everyone, orgScoped, ownerOnly, type Request, type Row } from '../matrix-kit.js';

/** A plan of `self` with a goal and a network entry naming `otherMember`, linked to it. */
async function entryNamingColleague(c: Cast, t: TestApp) {
  const call = async (kind: ActorKind, method: Request['method'], url: string, payload?: object) =>
    (await t.callOk(method, url, c.as(kind) as Record<string, string>, payload)) as { id: string };
  const plan = await call('self', 'POST', '/api/plans', { organizationId: c.org.id, cycle: '2027' });
  const url = `/api/plans/${plan.id}`;
  const goal = await call('self', 'POST', `${url}/goals`, { what: 'Run a workshop' });
  const entry = await call('self', 'POST', `${url}/network`, {
    kind: 'person',
    name: 'Cleo',
    memberId: c.members.otherMember.id,
    goalIds: [goal.id],
  });
  return { call, planId: plan.id, enlistUrl: `${url}/network/${entry.id}/enlist` };
}

/** A request from `self` to `otherMember`: pending, accepted, or accepted and then ended. */
async function requestIn(c: Cast, t: TestApp, state: 'pending' | 'accepted' | 'ended') {
  const { call, planId, enlistUrl } = await entryNamingColleague(c, t);
  const { id } = await call('self', 'POST', enlistUrl, { message: 'Would you mentor me?' });
  if (state !== 'pending') await call('otherMember', 'POST', `/api/enlistments/${id}/accept`, {});
  if (state === 'ended') await call('self', 'POST', `/api/enlistments/${id}/end`);
  return { id, planId };
}

const step = (name: string, state: 'pending' | 'accepted') => async (c: Cast, t: TestApp) => ({
  method: 'POST' as const,
  url: `/api/enlistments/${(await requestIn(c, t, state)).id}/${name}`,
  ...(name === 'accept' || name === 'decline' ? { payload: { response: 'Happy to help.' } } : {}),
});

/** Only the two people of a request see it; the other one of them may not take this step (403). */
const parties = (learner: number, mentor: number) => ({
  ...everyone(404),
  anonymous: 401,
  self: learner,
  otherMember: mentor,
});

/** Enlistment's routes in the access matrix (access-matrix.test.ts), and the shares an enlistment makes. */
export const rows: Row[] = [
  {
    route: 'POST /api/plans/:planId/network/:entryId/enlist',
    request: async (c, t) => ({
      method: 'POST',
      url: (await entryNamingColleague(c, t)).enlistUrl,
      payload: { message: 'Would you mentor me?' },
    }),
    expect: ownerOnly(201),
  },
  {
    route: 'GET /api/enlistments',
    request: (c) => ({ method: 'GET', url: `/api/enlistments?orgId=${c.org.id}` }),
    expect: orgScoped(200),
  },
  { route: 'POST /api/enlistments/:id/accept', request: step('accept', 'pending'), expect: parties(403, 200) },
  { route: 'POST /api/enlistments/:id/decline', request: step('decline', 'pending'), expect: parties(403, 200) },
  { route: 'POST /api/enlistments/:id/withdraw', request: step('withdraw', 'pending'), expect: parties(200, 403) },
  { route: 'POST /api/enlistments/:id/end', request: step('end', 'accepted'), expect: parties(200, 200) },
  {
    // The mentor reads the goals the request was about; nobody else, the learner included, reads them this way.
    route: 'GET /api/shared/plans/:planId (enlistment accepted)',
    request: async (c, t) => ({
      method: 'GET',
      url: `/api/shared/plans/${(await requestIn(c, t, 'accepted')).planId}`,
    }),
    expect: { ...everyone(404), anonymous: 401, otherMember: 200 },
  },
  {
    route: 'GET /api/shared/plans/:planId (enlistment ended)',
    request: async (c, t) => ({ method: 'GET', url: `/api/shared/plans/${(await requestIn(c, t, 'ended')).planId}` }),
    expect: { ...everyone(404), anonymous: 401 },
  },
];
