import { eq } from 'drizzle-orm';
import { planGrant } from '../../db/schema/index.js';
import type { Cast } from '../actors.js';
import type { TestApp } from '../app.js';
import { everyone, orgScoped, ownerOnly, planOfSelf, type Row } from '../matrix-kit.js';

/** A plan of `self` with one goal shared with `otherMember` (to read, or to comment). */
async function sharedPlan(c: Cast, t: TestApp, payload: object = { scope: 'goal' }) {
  const plan = await planOfSelf(c, t);
  const res = await t.app.inject({
    method: 'POST',
    url: `${plan.url}/grants`,
    headers: c.as('self'),
    payload: { memberId: c.members.otherMember.id, goalId: plan.ids.goals, ...payload },
  });
  if (res.statusCode !== 201) throw new Error(`share: ${res.statusCode} ${res.body}`);
  return { plan, planId: plan.url.split('/').pop() as string, grantId: (res.json() as { id: string }).id };
}

/** Only `otherMember`, who holds the share, reads it; the owner of the plan included, everyone else 404. */
const granteeOnly = (ok: number) => ({ ...everyone(404), anonymous: 401, otherMember: ok });
/** A share that no longer holds: nobody sees anything. */
const nobody = { ...everyone(404), anonymous: 401 };

/** Granular sharing's routes in the access matrix (access-matrix.test.ts), with each state of a share. */
export const rows: Row[] = [
  {
    route: 'GET /api/plans/:planId/grants',
    request: async (c, t) => ({ method: 'GET', url: `${(await sharedPlan(c, t)).plan.url}/grants` }),
    expect: ownerOnly(200),
  },
  {
    route: 'POST /api/plans/:planId/grants',
    request: async (c, t) => {
      const plan = await planOfSelf(c, t);
      return {
        method: 'POST',
        url: `${plan.url}/grants`,
        payload: { memberId: c.members.supervisor.id, scope: 'part', part: 'goals', access: 'comment' },
      };
    },
    expect: ownerOnly(201),
  },
  {
    route: 'DELETE /api/plans/:planId/grants/:grantId',
    request: async (c, t) => {
      const { plan, grantId } = await sharedPlan(c, t);
      return { method: 'DELETE', url: `${plan.url}/grants/${grantId}` };
    },
    expect: ownerOnly(200),
  },
  {
    route: 'GET /api/plans/:planId/access-log',
    request: async (c, t) => ({ method: 'GET', url: `${(await sharedPlan(c, t)).plan.url}/access-log` }),
    expect: ownerOnly(200),
  },
  {
    // Everyone in the organisation may ask; each sees only what was shared with them (sharing.test.ts).
    route: 'GET /api/shared-with-me',
    request: (c) => ({ method: 'GET', url: `/api/shared-with-me?orgId=${c.org.id}` }),
    expect: orgScoped(200),
  },
  {
    route: 'GET /api/shared/plans/:planId',
    request: async (c, t) => ({ method: 'GET', url: `/api/shared/plans/${(await sharedPlan(c, t)).planId}` }),
    expect: granteeOnly(200),
  },
  {
    route: 'GET /api/shared/plans/:planId (comment share of the whole plan)',
    request: async (c, t) => ({
      method: 'GET',
      url: `/api/shared/plans/${(await sharedPlan(c, t, { scope: 'plan', goalId: undefined, access: 'comment' })).planId}`,
    }),
    expect: granteeOnly(200),
  },
  {
    route: 'GET /api/shared/plans/:planId (no share)',
    request: async (c, t) => ({
      method: 'GET',
      url: `/api/shared/plans/${(await planOfSelf(c, t)).url.split('/').pop()}`,
    }),
    expect: nobody,
  },
  {
    route: 'GET /api/shared/plans/:planId (revoked)',
    request: async (c, t) => {
      const { plan, planId, grantId } = await sharedPlan(c, t);
      await t.app.inject({ method: 'DELETE', url: `${plan.url}/grants/${grantId}`, headers: c.as('self') });
      return { method: 'GET', url: `/api/shared/plans/${planId}` };
    },
    expect: nobody,
  },
  {
    route: 'GET /api/shared/plans/:planId (expired)',
    request: async (c, t) => {
      const { planId, grantId } = await sharedPlan(c, t);
      // A share cannot be made already expired; time passing is what ends it.
      await t.db
        .update(planGrant)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(planGrant.id, grantId));
      return { method: 'GET', url: `/api/shared/plans/${planId}` };
    },
    expect: nobody,
  },
];
