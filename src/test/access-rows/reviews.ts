import type { Cast } from '../actors.js';
import type { TestApp } from '../app.js';
import { everyone, orgScoped, ownerOnly, planOfSelf, type Row } from '../matrix-kit.js';

/** A review of `self`'s plan asked of their supervisor, sharing one goal; optionally signed by the supervisor. */
async function reviewOfSelf(c: Cast, t: TestApp, signedBy?: 'supervisor') {
  const plan = await planOfSelf(c, t);
  const res = await t.app.inject({
    method: 'POST',
    url: `${plan.url}/reviews`,
    headers: c.as('self'),
    payload: { kind: 'agreement', share: [{ scope: 'goal', goalId: plan.ids.goals }] },
  });
  if (res.statusCode !== 201) throw new Error(`review: ${res.statusCode} ${res.body}`);
  const review = res.json() as { id: string; version: number };
  if (signedBy) {
    await t.app.inject({ method: 'POST', url: `/api/reviews/${review.id}/sign`, headers: c.as(signedBy), payload: {} });
  }
  return { plan, url: `/api/reviews/${review.id}`, version: review.version };
}

/** The review's learner (`self`) and the supervisor named on it; everyone else 404, anonymous 401. */
const bothSides = (learner: number, supervisor = learner) => ({
  ...everyone(404),
  anonymous: 401,
  self: learner,
  supervisor,
});

/** Supervisor reviews in the access matrix (access-matrix.test.ts). */
export const rows: Row[] = [
  {
    route: 'POST /api/plans/:planId/reviews',
    request: async (c, t) => ({
      method: 'POST',
      url: `${(await planOfSelf(c, t)).url}/reviews`,
      payload: { kind: 'agreement' },
    }),
    expect: ownerOnly(201),
  },
  {
    route: 'GET /api/plans/:planId/reviews',
    request: async (c, t) => ({ method: 'GET', url: `${(await reviewOfSelf(c, t)).plan.url}/reviews` }),
    expect: ownerOnly(200),
  },
  {
    // Every member may ask for their own list; each sees only what was asked of them (review-guards.test.ts).
    route: 'GET /api/reviews',
    request: async (c, t) => {
      await reviewOfSelf(c, t);
      return { method: 'GET', url: `/api/reviews?orgId=${c.org.id}` };
    },
    expect: orgScoped(200),
  },
  {
    route: 'GET /api/reviews/:reviewId',
    request: async (c, t) => ({ method: 'GET', url: (await reviewOfSelf(c, t)).url }),
    expect: bothSides(200),
  },
  {
    route: 'PATCH /api/reviews/:reviewId',
    request: async (c, t) => {
      const review = await reviewOfSelf(c, t);
      return { method: 'PATCH', url: review.url, payload: { learnerNote: 'My year', version: review.version } };
    },
    // The supervisor may edit the review, but not the learner's note: the field is refused by name.
    expect: bothSides(200, 400),
  },
  {
    route: 'PATCH /api/reviews/:reviewId (supervisor’s note)',
    request: async (c, t) => {
      const review = await reviewOfSelf(c, t);
      return { method: 'PATCH', url: review.url, payload: { supervisorNote: 'Agreed', version: review.version } };
    },
    expect: bothSides(400, 200),
  },
  {
    route: 'POST /api/reviews/:reviewId/sign',
    request: async (c, t) => ({ method: 'POST', url: `${(await reviewOfSelf(c, t)).url}/sign`, payload: {} }),
    expect: bothSides(200),
  },
  {
    // The second signature agrees it; signing again is a conflict for the side that signed first.
    route: 'POST /api/reviews/:reviewId/sign (signed by the supervisor)',
    request: async (c, t) => ({
      method: 'POST',
      url: `${(await reviewOfSelf(c, t, 'supervisor')).url}/sign`,
      payload: {},
    }),
    expect: bothSides(200, 409),
  },
  {
    route: 'POST /api/reviews/:reviewId/withdraw',
    request: async (c, t) => ({ method: 'POST', url: `${(await reviewOfSelf(c, t)).url}/withdraw` }),
    expect: bothSides(200, 403),
  },
];
