import { randomUUID } from 'node:crypto';
import type { followKinds, reactionKinds } from '../../db/schema/posts.js';
import type { AppContext } from '../../server/context.js';
import { validationError } from '../../server/errors.js';
import { renderMarkdown } from '../../server/markdown.js';
import { cutText } from '../../server/text.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { notify } from '../notifications/index.js';
import {
  addFollow,
  addReaction,
  deletePostComment,
  findPostComment,
  insertPostComment,
  listFollows,
  listPostComments,
  removeFollow,
  removeReaction,
  userIdOfMember,
} from './post-interactions.repository.js';
import { membersAmong } from './posts.repository.js';
import { getPost } from './posts.service.js';

/*
 * Reactions, comments and follows. Reacting to or commenting on a post needs seeing it: the same check as
 * reading it, so nobody reaches a post's conversation around its visibility.
 */

type ReactionKind = (typeof reactionKinds)[number];

export async function react(ctx: AppContext, actor: Actor, postId: string, kind: ReactionKind, on: boolean) {
  const { memberId, post } = await requireAccess(ctx, actor, 'post:react', { post: postId });
  await (on ? addReaction : removeReaction)(ctx.db, postId, memberId, kind);
  await ctx.changes.announce({ kind: 'feed', orgId: post.organizationId });
  return getPost(ctx, actor, postId);
}

export async function commentsOfPost(ctx: AppContext, actor: Actor, postId: string) {
  const { memberId } = await requireAccess(ctx, actor, 'post:read', { post: postId });
  const rows = await listPostComments(ctx.db, postId);
  return rows.map(({ comment: c, authorName }) => ({
    id: c.id,
    postId: c.postId,
    author: { memberId: c.authorMemberId, name: authorName },
    body: c.body,
    html: c.html,
    mine: c.authorMemberId === memberId,
    createdAt: c.createdAt.toISOString(),
  }));
}

/** A comment on a post; its author hears of it. */
export async function commentOnPost(ctx: AppContext, actor: Actor, postId: string, body: string) {
  const { user, memberId, post } = await requireAccess(ctx, actor, 'post:comment', { post: postId });
  const id = randomUUID();
  await insertPostComment(ctx.db, { id, postId, authorMemberId: memberId, body, html: renderMarkdown(body) });
  await ctx.changes.announce({ kind: 'feed', orgId: post.organizationId });
  if (post.authorMemberId !== memberId) {
    const author = await userIdOfMember(ctx.db, post.authorMemberId);
    if (author) {
      await notify(ctx, {
        userId: author,
        organizationId: post.organizationId,
        kind: 'post_comment',
        title: `${user.name ?? 'Someone'} commented on your post${post.title ? ` “${post.title}”` : ''}`,
        body: cutText(body, 200),
        link: `/orgs/${post.organizationId}/posts/${postId}#comment-${id}`,
        dedupeKey: `post_comment:${id}`,
      });
    }
  }
  const comments = await commentsOfPost(ctx, actor, postId);
  return comments.find((c) => c.id === id) as (typeof comments)[number];
}

/** Its author, or the post's author, removes a comment. */
export async function deleteCommentOnPost(ctx: AppContext, actor: Actor, postId: string, commentId: string) {
  const { post } = await requireAccess(ctx, actor, 'post:delete-comment', {
    post: postId,
    comment: await findPostComment(ctx.db, postId, commentId),
  });
  await deletePostComment(ctx.db, commentId);
  await ctx.changes.announce({ kind: 'feed', orgId: post.organizationId });
}

type FollowKind = (typeof followKinds)[number];

export async function myFollows(ctx: AppContext, actor: Actor, orgId: string) {
  const { memberId } = await requireAccess(ctx, actor, 'post:follow', { org: orgId });
  return (await listFollows(ctx.db, memberId)).map((f) => ({ kind: f.kind, target: f.target, name: f.name }));
}

/** Follows a person of the organisation (by member id) or a topic (kept lower-cased). */
export async function setFollow(
  ctx: AppContext,
  actor: Actor,
  input: { orgId: string; kind: FollowKind; target: string },
  on: boolean,
) {
  const { memberId } = await requireAccess(ctx, actor, 'post:follow', { org: input.orgId });
  const target = input.kind === 'topic' ? input.target.trim().toLowerCase() : input.target;
  if (on && input.kind === 'member') {
    if (target === memberId) throw validationError({ target: 'Your own posts are always in your feed.' });
    if ((await membersAmong(ctx.db, input.orgId, [target])).length === 0) {
      throw validationError({ target: 'Follow someone of this organisation.' });
    }
  }
  await (on ? addFollow : removeFollow)(ctx.db, memberId, input.kind, target);
  await ctx.changes.announce({ kind: 'feed', orgId: input.orgId });
  return myFollows(ctx, actor, input.orgId);
}
