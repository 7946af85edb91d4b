import { randomUUID } from 'node:crypto';
import type { ZodType } from 'zod';
import type { AppContext } from '../../server/context.js';
import { conflict, notFound, validationError } from '../../server/errors.js';
import { renderMarkdown } from '../../server/markdown.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { planParts, updateItemFields } from '../plans/index.js';
import { type CommentAccess, commentAccess, type Target } from './comment-access.js';
import { notifyOfComment, notifyOfDecision } from './comment-notify.js';
import {
  type CommentWithAuthor,
  decideSuggestion,
  findComment,
  insertComment,
  listComments,
  updateComment,
} from './comments.repository.js';
import type { CommentView, CreateCommentInput } from './comments.schema.js';
import { suggestableFields } from './suggestable-fields.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function viewOf({ comment: c, authorName }: CommentWithAuthor, access: CommentAccess): CommentView {
  const deleted = c.deletedAt !== null;
  return {
    id: c.id,
    planId: c.planId,
    targetKind: c.targetKind,
    targetId: c.targetId,
    parentId: c.parentId,
    author: { name: authorName ?? 'A former member', isLearner: c.authorUserId === access.ownership.userId },
    body: deleted ? '' : c.body,
    html: deleted ? '' : renderMarkdown(c.body),
    suggestion:
      !deleted && c.suggestion && c.suggestionState
        ? { ...c.suggestion, state: c.suggestionState, decidedAt: iso(c.suggestionDecidedAt) }
        : null,
    mine: c.authorUserId === access.user.userId,
    deleted,
    createdAt: c.createdAt.toISOString(),
    editedAt: iso(c.editedAt),
  };
}

/**
 * The comments the actor may read: on one goal or reflection, or (no target) on everything of the plan
 * they can see; with the targets among those they may comment on.
 */
export async function listPlanComments(ctx: AppContext, actor: Actor, planId: string, target?: Target) {
  const access = await commentAccess(ctx, actor, planId);
  if (target) await access.requireReadable(target);
  const rows = await listComments(ctx.db, planId, target);
  const visible = rows.filter(({ comment: c }) => access.canRead({ kind: c.targetKind, id: c.targetId }));
  const asked: Target[] = target
    ? [target]
    : [
        ...access.view.goals.map((g) => ({ kind: 'goal' as const, id: g.id })),
        ...access.view.reflections.map((r) => ({ kind: 'reflection' as const, id: r.id })),
      ];
  const commentable = asked.filter((t) => access.canComment(t));
  return {
    comments: visible.map((row) => viewOf(row, access)),
    canCommentOn: {
      goal: commentable.filter((t) => t.kind === 'goal').map((t) => t.id),
      reflection: commentable.filter((t) => t.kind === 'reflection').map((t) => t.id),
    },
  };
}

/** A suggestion names a free-text field of the item and wording that field accepts, and differs from it. */
function checkSuggestion(
  access: CommentAccess,
  target: Target,
  suggestion: NonNullable<CreateCommentInput['suggestion']>,
) {
  if (access.isOwner) {
    throw validationError({
      suggestion: 'Change your own wording directly; suggestions are for the people you share with.',
    });
  }
  const fields: readonly string[] = suggestableFields[target.kind];
  if (!fields.includes(suggestion.field)) {
    throw validationError({ 'suggestion.field': `Suggest wording for one of: ${fields.join(', ')}.` });
  }
  const schema = (planParts[target.kind].fields.shape as Record<string, ZodType>)[suggestion.field] as ZodType;
  const parsed = schema.safeParse(suggestion.text);
  if (!parsed.success) {
    throw validationError({
      'suggestion.text': parsed.error.issues[0]?.message ?? 'This wording does not fit the field.',
    });
  }
  const item = (target.kind === 'goal' ? access.view.goals : access.view.reflections).find((i) => i.id === target.id);
  if ((item as Record<string, unknown> | undefined)?.[suggestion.field] === suggestion.text) {
    throw validationError({ 'suggestion.text': 'That is already the wording; suggest a change.' });
  }
}

/** A comment (or reply, or suggestion) on a goal or reflection; the people in the conversation are told. */
export async function addComment(ctx: AppContext, actor: Actor, planId: string, input: CreateCommentInput) {
  const access = await commentAccess(ctx, actor, planId);
  const target = { kind: input.targetKind, id: input.targetId };
  await access.requireCommentable(target);

  let parentId: string | null = null;
  if (input.parentId) {
    const parent = await findComment(ctx.db, planId, input.parentId);
    const sameTarget = parent?.comment.targetKind === target.kind && parent.comment.targetId === target.id;
    if (!parent || !sameTarget) throw validationError({ parentId: 'Reply to a comment on the same item.' });
    if (parent.comment.deletedAt)
      throw validationError({ parentId: 'That comment was deleted; comment anew instead.' });
    // One level of threading: a reply to a reply joins the first comment's thread.
    parentId = parent.comment.parentId ?? parent.comment.id;
  }
  if (input.suggestion) checkSuggestion(access, target, input.suggestion);

  const id = randomUUID();
  await insertComment(ctx.db, {
    id,
    planId,
    targetKind: target.kind,
    targetId: target.id,
    parentId,
    authorUserId: access.user.userId,
    body: input.body,
    suggestion: input.suggestion ?? null,
    suggestionState: input.suggestion ? 'open' : null,
  });
  const saved = (await findComment(ctx.db, planId, id)) as CommentWithAuthor;
  await notifyOfComment(ctx, access, saved);
  return viewOf(saved, access);
}

/** A comment the actor may see, or 404. */
async function visibleComment(ctx: AppContext, access: CommentAccess, planId: string, commentId: string) {
  const found = await findComment(ctx.db, planId, commentId);
  if (!found || !access.canRead({ kind: found.comment.targetKind, id: found.comment.targetId })) {
    throw notFound('Comment');
  }
  return found;
}

/** Its author rewords a comment (while they may still comment there). */
export async function editComment(ctx: AppContext, actor: Actor, planId: string, commentId: string, body: string) {
  const access = await commentAccess(ctx, actor, planId);
  const found = await visibleComment(ctx, access, planId, commentId);
  const { comment } = found;
  await requireAccess(ctx, actor, 'comment:edit', { plan: access.ownership, comment });
  await access.requireCommentable({ kind: comment.targetKind, id: comment.targetId });
  if (comment.deletedAt) throw notFound('Comment');
  const editedAt = new Date();
  await updateComment(ctx.db, commentId, { body, editedAt });
  return viewOf({ ...found, comment: { ...comment, body, editedAt } }, access);
}

/**
 * Its author, or the learner whose plan it is, deletes a comment. The row stays so replies keep their place;
 * its words go.
 */
export async function deleteComment(ctx: AppContext, actor: Actor, planId: string, commentId: string) {
  const access = await commentAccess(ctx, actor, planId);
  const { comment } = await visibleComment(ctx, access, planId, commentId);
  await requireAccess(ctx, actor, 'comment:delete', { plan: access.ownership, comment });
  if (!comment.deletedAt) await updateComment(ctx.db, commentId, { deletedAt: new Date(), body: '', suggestion: null });
}

/**
 * The learner takes a suggestion: the item's field gets the suggested wording through the plan's normal
 * write path (versioned, in the history, named as the learner's change), and the suggestion is marked accepted.
 */
export async function acceptSuggestion(ctx: AppContext, actor: Actor, planId: string, commentId: string) {
  const { access, found } = await openSuggestion(ctx, actor, planId, commentId);
  const { comment } = found;
  const suggestion = comment.suggestion as { field: string; text: string };
  const now = new Date();
  // Claimed first, so two tabs accepting at once change the item once.
  if (!(await decideSuggestion(ctx.db, commentId, 'accepted', now))) throw alreadyDecided();
  const items = comment.targetKind === 'goal' ? access.view.goals : access.view.reflections;
  const item = items.find((i) => i.id === comment.targetId);
  try {
    if (!item) throw notFound(comment.targetKind === 'goal' ? 'Goal' : 'Reflection');
    await updateItemFields(ctx, actor, planId, comment.targetKind, comment.targetId, {
      [suggestion.field]: suggestion.text,
      version: item.version,
    });
  } catch (err) {
    await updateComment(ctx.db, commentId, { suggestionState: 'open', suggestionDecidedAt: null });
    throw err;
  }
  const decided = { ...found, comment: { ...comment, suggestionState: 'accepted' as const, suggestionDecidedAt: now } };
  await notifyOfDecision(ctx, access, decided);
  return viewOf(decided, access);
}

/** The learner sets a suggestion aside; the item stays as it is. */
export async function dismissSuggestion(ctx: AppContext, actor: Actor, planId: string, commentId: string) {
  const { access, found } = await openSuggestion(ctx, actor, planId, commentId);
  const now = new Date();
  if (!(await decideSuggestion(ctx.db, commentId, 'dismissed', now))) throw alreadyDecided();
  const decided = {
    ...found,
    comment: { ...found.comment, suggestionState: 'dismissed' as const, suggestionDecidedAt: now },
  };
  await notifyOfDecision(ctx, access, decided);
  return viewOf(decided, access);
}

const alreadyDecided = () => conflict('This suggestion was already accepted or dismissed.');

/** An open suggestion on the actor's own plan. */
async function openSuggestion(ctx: AppContext, actor: Actor, planId: string, commentId: string) {
  const access = await commentAccess(ctx, actor, planId);
  const found = await visibleComment(ctx, access, planId, commentId);
  await requireAccess(ctx, actor, 'suggestion:decide', { plan: access.ownership });
  if (!found.comment.suggestion || found.comment.deletedAt) throw notFound('Suggestion');
  if (found.comment.suggestionState !== 'open') throw alreadyDecided();
  return { access, found };
}
