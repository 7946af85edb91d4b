import type { AppContext } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import type { Actor } from '../access/actor.js';
import { planViewer } from '../access/plan-access.js';
import { ownershipOf, readPlan } from '../plans/plans.service.js';
import { type Coverage, coverageOf } from '../sharing/shared-view.js';
import type { CommentRow } from './comments.repository.js';

export type Target = { kind: CommentRow['targetKind']; id: string };

/** Whether a set of shares covers a goal or reflection (a goal also by its own share; reflections only whole). */
export function covers(cover: Coverage, target: Target): boolean {
  if (cover.plan) return true;
  if (target.kind === 'goal') return cover.parts.includes('goals') || cover.goalIds.includes(target.id);
  return cover.parts.includes('reflections');
}

/**
 * What the actor may do with the comments of a plan: the learner reads and comments on every goal and
 * reflection; someone it was shared with reads the comments of what their active shares cover, and comments
 * where one of those shares is to comment. Anyone else: 404, as for the plan itself.
 */
export async function commentAccess(ctx: AppContext, actor: Actor, planId: string) {
  const ownership = await ownershipOf(ctx, planId);
  const { user, isOwner, grants } = await planViewer(ctx, actor, ownership);
  const { view } = await readPlan(ctx, actor, planId, isOwner ? 'plan:read' : 'plan:read-shared');
  const readCover = coverageOf(grants);
  const commentCover = coverageOf(grants.filter((g) => g.access === 'comment'));

  const exists = (t: Target) =>
    t.kind === 'goal' ? view.goals.some((g) => g.id === t.id) : view.reflections.some((r) => r.id === t.id);
  const canRead = (t: Target) => exists(t) && (isOwner || covers(readCover, t));
  const canComment = (t: Target) => exists(t) && (isOwner || covers(commentCover, t));

  return {
    user,
    isOwner,
    ownership: ownership as NonNullable<typeof ownership>,
    view,
    canRead,
    canComment,
    /** The target, readable by the actor, or 404 as if it did not exist. */
    requireReadable(t: Target) {
      if (!canRead(t)) throw notFound(t.kind === 'goal' ? 'Goal' : 'Reflection');
    },
    /** A target the actor may comment on: 404 if they cannot even read it, 403 if they may only read. */
    requireCommentable(t: Target) {
      this.requireReadable(t);
      if (!canComment(t)) throw forbidden('This was shared with you to read, not to comment on.');
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
