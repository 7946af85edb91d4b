import type { AppContext } from '../../server/context.js';
import { cutText, oneLine } from '../../server/text.js';
import { activeGrantsFor, readsItem } from '../access/index.js';
import { notify } from '../notifications/index.js';
import type { CommentAccess, Target } from './comment-access.js';
import { type CommentWithAuthor, listComments, memberIdOf } from './comments.repository.js';

const EXCERPT = 200;
const excerptOf = (markdown: string) => cutText(oneLine(markdown), EXCERPT);

/** Where a person opens the comment: the learner on their own plan, others on the plan as shared with them. */
function linkFor(access: CommentAccess, userId: string, target: Target, commentId: string) {
  const { organizationId, id: planId } = access.ownership;
  if (userId === access.ownership.userId) {
    const page = target.kind === 'goal' ? `goals/${target.id}` : 'reflections';
    return `/orgs/${organizationId}/plans/${planId}/${page}#comment-${commentId}`;
  }
  return `/orgs/${organizationId}/shared/${planId}#comment-${commentId}`;
}

/** Whether someone other than the learner can still read the target (their shares may have ended). */
async function stillSees(ctx: AppContext, access: CommentAccess, userId: string, target: Target) {
  const memberId = await memberIdOf(ctx.db, userId, access.ownership.organizationId);
  if (!memberId) return false;
  const grants = await activeGrantsFor(ctx.db, access.ownership.id, memberId, new Date());
  return readsItem({ isOwner: false, grants }, target);
}

/**
 * A new comment tells the learner (unless they wrote it) and everyone who commented on the same item before
 * and can still see it. In-app and by e-mail, once per comment and person.
 */
export async function notifyOfComment(ctx: AppContext, access: CommentAccess, saved: CommentWithAuthor) {
  const { comment, authorName } = saved;
  const target = { kind: comment.targetKind, id: comment.targetId };
  const earlier = await listComments(ctx.db, comment.planId, target);
  const people = new Set([access.ownership.userId, ...earlier.map((c) => c.comment.authorUserId)]);
  people.delete(comment.authorUserId);
  const what = access.titleOf(target);
  const verb = comment.suggestion ? 'suggested a change to' : comment.parentId ? 'replied about' : 'commented on';
  for (const userId of people) {
    if (!userId) continue;
    if (userId !== access.ownership.userId && !(await stillSees(ctx, access, userId, target))) continue;
    await notify(ctx, {
      userId,
      organizationId: access.ownership.organizationId,
      kind: 'comment',
      title: `${authorName ?? 'Someone'} ${verb} “${what}”`,
      body: excerptOf(comment.body),
      link: linkFor(access, userId, target, comment.id),
      dedupeKey: `comment:${comment.id}`,
    });
  }
}

/** The person who suggested a change hears whether the learner took it. */
export async function notifyOfDecision(ctx: AppContext, access: CommentAccess, decided: CommentWithAuthor) {
  const { comment } = decided;
  const target = { kind: comment.targetKind, id: comment.targetId };
  const to = comment.authorUserId;
  if (!to || !(await stillSees(ctx, access, to, target))) return;
  const accepted = comment.suggestionState === 'accepted';
  await notify(ctx, {
    userId: to,
    organizationId: access.ownership.organizationId,
    kind: 'comment',
    title: `Your suggestion on “${access.titleOf(target)}” was ${accepted ? 'accepted' : 'set aside'}`,
    body: accepted ? 'The learner took your wording into their plan.' : 'The learner kept their own wording for now.',
    link: linkFor(access, to, target, comment.id),
    dedupeKey: `suggestion:${comment.id}`,
  });
}
