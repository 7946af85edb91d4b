import { eq } from 'drizzle-orm';
import { planGrant } from '../../db/schema/index.js';
import type { ActorKind, Cast } from '../actors.js';
import type { TestApp } from '../app.js';
import { everyone, ownerOnly, planOfSelf, type Row } from '../matrix-kit.js';

type ShareState = 'none' | 'read' | 'comment' | 'revoked' | 'expired';

/**
 * A plan of `self` whose goal was shared with `otherMember` in the given state, with a comment by `self` and
 * a suggestion by `otherMember` (made while the share was to comment) on that goal.
 */
async function commentedPlan(c: Cast, t: TestApp, state: ShareState) {
  const plan = await planOfSelf(c, t);
  const goalId = plan.ids.goals;
  const as = (kind: ActorKind) => c.as(kind) as Record<string, string>;
  const call = async (kind: ActorKind, method: string, url: string, payload?: object) => {
    const res = await t.call(method, url, as(kind), payload);
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  };
  const target = { targetKind: 'goal', targetId: goalId };
  const byLearner = await call('self', 'POST', `${plan.url}/comments`, { ...target, body: 'My own note' });
  let suggestionId = '';
  if (state !== 'none') {
    const grant = await call('self', 'POST', `${plan.url}/grants`, {
      memberId: c.members.otherMember.id,
      scope: 'goal',
      goalId,
      access: 'comment',
    });
    suggestionId = (
      await call('otherMember', 'POST', `${plan.url}/comments`, {
        ...target,
        body: 'Sharper?',
        suggestion: { field: 'what', text: 'Run a two-hour workshop' },
      })
    ).id;
    if (state === 'read') {
      // The same person, now with a share to read only.
      await call('self', 'DELETE', `${plan.url}/grants/${grant.id}`);
      await call('self', 'POST', `${plan.url}/grants`, { memberId: c.members.otherMember.id, scope: 'goal', goalId });
    }
    if (state === 'revoked') await call('self', 'DELETE', `${plan.url}/grants/${grant.id}`);
    if (state === 'expired') {
      await t.db
        .update(planGrant)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(planGrant.id, grant.id));
    }
  }
  return { url: `${plan.url}/comments`, target, learnerCommentId: byLearner.id, suggestionId };
}

/** The learner, and `otherMember` answering `shared`; everyone else 404 (anonymous 401). */
const learnerAnd = (ok: number, shared: number) => ({ ...ownerOnly(ok), otherMember: shared });

const shareStates: { state: ShareState; read: number; write: number }[] = [
  { state: 'none', read: 404, write: 404 },
  { state: 'read', read: 200, write: 403 },
  { state: 'comment', read: 200, write: 201 },
  { state: 'revoked', read: 404, write: 404 },
  { state: 'expired', read: 404, write: 404 },
];

/** Comments' routes in the access matrix, in every state of a share: a supervisor or admin never sees any. */
export const rows: Row[] = [
  ...shareStates.flatMap(({ state, read, write }): Row[] => {
    // The comment share is the route's main row; the other states are named after it.
    const named = (route: string) =>
      state === 'comment' ? route : `${route} (${state === 'none' ? 'no share' : `${state} share`})`;
    return [
      {
        route: named('GET /api/plans/:planId/comments'),
        request: async (c, t) => ({ method: 'GET', url: (await commentedPlan(c, t, state)).url }),
        expect: learnerAnd(200, read),
      },
      {
        route: named('POST /api/plans/:planId/comments'),
        request: async (c, t) => {
          const { url, target } = await commentedPlan(c, t, state);
          return { method: 'POST', url, payload: { ...target, body: 'A thought' } };
        },
        expect: learnerAnd(201, write),
      },
    ];
  }),
  {
    // Only the author rewords; the grantee can see the comment (403), nobody else can (404).
    route: 'PATCH /api/plans/:planId/comments/:commentId',
    request: async (c, t) => {
      const { url, learnerCommentId } = await commentedPlan(c, t, 'comment');
      return { method: 'PATCH', url: `${url}/${learnerCommentId}`, payload: { body: 'Reworded' } };
    },
    expect: learnerAnd(200, 403),
  },
  {
    route: 'DELETE /api/plans/:planId/comments/:commentId',
    request: async (c, t) => {
      const { url, learnerCommentId } = await commentedPlan(c, t, 'comment');
      return { method: 'DELETE', url: `${url}/${learnerCommentId}` };
    },
    expect: learnerAnd(204, 403),
  },
  {
    route: 'DELETE /api/plans/:planId/comments/:commentId (the grantee’s own comment)',
    request: async (c, t) => {
      const { url, suggestionId } = await commentedPlan(c, t, 'comment');
      return { method: 'DELETE', url: `${url}/${suggestionId}` };
    },
    // Its author, and the learner on their own plan.
    expect: learnerAnd(204, 204),
  },
  ...(['accept', 'dismiss'] as const).map(
    (decision): Row => ({
      route: `POST /api/plans/:planId/comments/:commentId/${decision}`,
      request: async (c, t) => {
        const { url, suggestionId } = await commentedPlan(c, t, 'comment');
        return { method: 'POST', url: `${url}/${suggestionId}/${decision}` };
      },
      expect: learnerAnd(200, 403),
    }),
  ),
  {
    route: 'POST /api/plans/:planId/comments/:commentId/accept (share revoked since the suggestion)',
    request: async (c, t) => {
      const { url, suggestionId } = await commentedPlan(c, t, 'revoked');
      return { method: 'POST', url: `${url}/${suggestionId}/accept` };
    },
    expect: { ...everyone(404), anonymous: 401, self: 200 },
  },
];
