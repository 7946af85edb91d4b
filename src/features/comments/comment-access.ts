import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import type { Actor } from '../access/index.js';
import { commentsOnItem, readsItem, requireAccess } from '../access/index.js';
import { readPlan } from '../plans/index.js';
import type { CommentRow } from './comments.repository.js';

export type Target = { kind: CommentRow['targetKind']; id: string };

/**
 * What the actor may do with the comments of a plan, as the access gate answers it (rules `comment:*`): the
 * learner reads and comments on every goal and reflection; someone it was shared with reads the comments of
 * what their active shares cover, and comments where one of those shares is to comment. Anyone else: 404, as
 * for the plan itself. Lists are cut with the same rules; single targets go through the gate.
 */
export async function commentAccess(ctx: AppContext, actor: Actor, planId: string) {
  const viewer = await requireAccess(ctx, actor, 'comment:read', { plan: planId });
  const { user, isOwner, plan: ownership } = viewer;
  const { view } = await readPlan(ctx, actor, planId, isOwner ? 'plan:read' : 'plan:read-shared');

  const exists = (t: Target) =>
    t.kind === 'goal' ? view.goals.some((g) => g.id === t.id) : view.reflections.some((r) => r.id === t.id);
  const requireExisting = (t: Target) => {
    if (!exists(t)) throw notFound(t.kind === 'goal' ? 'Goal' : 'Reflection');
  };

  return {
    user,
    isOwner,
    ownership,
    view,
    canRead: (t: Target) => exists(t) && readsItem(viewer, t),
    canComment: (t: Target) => exists(t) && commentsOnItem(viewer, t),
    /** The target, readable by the actor, or 404 as if it did not exist. */
    async requireReadable(t: Target) {
      requireExisting(t);
      await requireAccess(ctx, actor, 'comment:read', { plan: ownership, item: t });
    },
    /** A target the actor may comment on: 404 if they cannot even read it, 403 if they may only read. */
    async requireCommentable(t: Target) {
      requireExisting(t);
      await requireAccess(ctx, actor, 'comment:write', { plan: ownership, item: t });
    },
    /** What the target says now, for naming it in notifications. */
    titleOf(t: Target) {
      const item =
        t.kind === 'goal' ? view.goals.find((g) => g.id === t.id) : view.reflections.find((r) => r.id === t.id);
      return item?.what || (t.kind === 'goal' ? 'an untitled goal' : 'an untitled reflection');
    },
  };
}

export type CommentAccess = Awaited<ReturnType<typeof commentAccess>>;
