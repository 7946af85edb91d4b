import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../server/context.js';
import { notFound, validationError } from '../../server/errors.js';
import { decodeCursor, isInstant } from '../../server/keyset-cursor.js';
import { renderMarkdown } from '../../server/markdown.js';
import { readThrough } from '../../server/read-cache.js';
import { cutText } from '../../server/text.js';
import { inTransaction } from '../../server/transaction.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import { isCommunityMember } from '../communities/index.js';
import { listSharesOfMember } from '../log/index.js';
import { recordShareDone } from '../plans/index.js';
import { learnWords } from '../search/index.js';
import { feedPageCache } from './feed-cache.js';
import { claimImages } from './post-images.service.js';
import { ownSource } from './post-sources.js';
import { postViewOf } from './post-view.js';
import { audienceOf, deletePost, findVisiblePost, insertPost, membersAmong, updatePost } from './posts.repository.js';
import type { CreatePostInput, FeedPageView, FeedQuery, PostView, UpdatePostInput } from './posts.schema.js';

/** Who a post is for must make sense: a community the author belongs to, people of the organisation. */
async function checkAudience(
  ctx: AppContext,
  orgId: string,
  memberId: string,
  input: Pick<CreatePostInput, 'visibility' | 'communityId' | 'audience'>,
) {
  const fields: Record<string, string> = {};
  let audience: string[] = [];
  if (input.visibility === 'community') {
    if (!input.communityId) fields.communityId = 'Choose the community to post to.';
    else if (!(await isCommunityMember(ctx.db, input.communityId, memberId))) {
      fields.communityId = 'Post to a community you have joined.';
    }
  } else if (input.communityId) fields.communityId = 'A community is only chosen when posting to one.';
  if (input.visibility === 'people') {
    const asked = [...new Set(input.audience ?? [])].filter((id) => id !== memberId);
    audience = await membersAmong(ctx.db, orgId, asked);
    if (asked.length === 0) fields.audience = 'Choose the people to share it with.';
    else if (audience.length !== asked.length) fields.audience = 'Choose people of this organisation.';
  } else if (input.audience?.length) fields.audience = 'People are only chosen when sharing with chosen people.';
  if (Object.keys(fields).length > 0) throw validationError(fields);
  return audience;
}

/**
 * Publishes a post. Made from one of the author's log entries, reflections, evidence or check-ins, it keeps
 * the link; made for one of their sharing commitments, that share is recorded as done, pointing at the post.
 */
export async function createPost(ctx: AppContext, actor: Actor, input: CreatePostInput): Promise<PostView> {
  const { user, memberId } = await requireAccess(ctx, actor, 'post:create', { org: input.organizationId });
  const audience = await checkAudience(ctx, input.organizationId, memberId, input);
  let planId: string | null = null;
  let goalId: string | null = null;
  if (input.source) {
    const source = await ownSource(ctx.db, memberId, input.source);
    if (!source) throw validationError({ 'source.id': 'Make a post from something of your own.' });
    ({ planId, goalId } = source);
  }
  const share = input.shareCommitmentId
    ? (await listSharesOfMember(ctx.db, memberId)).find((s) => s.id === input.shareCommitmentId)
    : undefined;
  if (input.shareCommitmentId && !share) {
    throw validationError({ shareCommitmentId: 'Choose one of your sharing commitments.' });
  }
  if (share) ({ planId, goalId } = { planId: share.planId, goalId: share.goalId });

  const id = randomUUID();
  // One transaction for the post and the commitment it completes: both, or neither.
  await inTransaction(ctx, async (txCtx) => {
    const tx = txCtx.db;
    await insertPost(
      tx,
      {
        id,
        organizationId: input.organizationId,
        authorMemberId: memberId,
        authorUserId: user.userId,
        title: input.title,
        body: input.body,
        html: renderMarkdown(input.body, { images: true }),
        topics: input.topics,
        visibility: input.visibility,
        communityId: input.visibility === 'community' ? (input.communityId ?? null) : null,
        sourceKind: input.source?.kind ?? null,
        sourceId: input.source?.id ?? null,
        planId,
        goalId,
        shareCommitmentId: share?.id ?? null,
      },
      audience,
    );
    await claimImages(tx, { id, authorMemberId: memberId, body: input.body });
    await ctx.changes.announce({ kind: 'feed', orgId: input.organizationId });
    if (share) {
      await recordShareDone(txCtx, actor, share.planId, share.id, {
        link: `${ctx.config.baseUrl}/orgs/${input.organizationId}/posts/${id}`,
        note: input.title || cutText(input.body, 200, ''),
      });
    }
  });
  return getPost(ctx, actor, id);
}

export async function getPost(ctx: AppContext, actor: Actor, postId: string): Promise<PostView> {
  const { memberId, post } = await requireAccess(ctx, actor, 'post:read', { post: postId });
  const listed = await findVisiblePost(ctx.db, postId, { memberId, orgId: post.organizationId });
  if (!listed) throw notFound('Post');
  const mine = post.authorMemberId === memberId;
  return postViewOf(listed, memberId, mine && post.visibility === 'people' ? await audienceOf(ctx.db, postId) : null);
}

/** Its author edits a post: wording, topics, who sees it. */
export async function editPost(ctx: AppContext, actor: Actor, postId: string, input: UpdatePostInput) {
  const { memberId, post } = await requireAccess(ctx, actor, 'post:edit', { post: postId });
  const visibility = input.visibility ?? post.visibility;
  const audienceChanges =
    input.visibility !== undefined || input.audience !== undefined || input.communityId !== undefined;
  // A programme reflection shared with its cohort keeps its cohort while only its words change.
  const audience =
    audienceChanges && visibility !== 'cohort'
      ? await checkAudience(ctx, post.organizationId, memberId, {
          visibility,
          communityId: input.communityId ?? (visibility === 'community' ? (post.communityId ?? undefined) : undefined),
          audience:
            input.audience ??
            (visibility === 'people' ? (await audienceOf(ctx.db, postId)).map((a) => a.memberId) : undefined),
        })
      : undefined;
  await ctx.db.transaction(async (tx) => {
    await updatePost(
      tx,
      postId,
      {
        ...(input.title !== undefined && { title: input.title }),
        ...(input.body !== undefined && { body: input.body, html: renderMarkdown(input.body, { images: true }) }),
        ...(input.topics !== undefined && { topics: input.topics }),
        ...(audienceChanges && {
          visibility,
          communityId: visibility === 'community' ? (input.communityId ?? post.communityId) : null,
          cohortId: visibility === 'cohort' ? post.cohortId : null,
        }),
        editedAt: new Date(),
      },
      audienceChanges ? audience : undefined,
    );
    if (input.body !== undefined) await claimImages(tx, { id: postId, authorMemberId: memberId, body: input.body });
    if (input.title !== undefined || input.body !== undefined) {
      await learnWords(tx, post.organizationId, `${input.title ?? ''} ${input.body ?? ''}`);
    }
    await ctx.changes.announce({ kind: 'feed', orgId: post.organizationId });
  });
  return getPost(ctx, actor, postId);
}

export async function removePost(ctx: AppContext, actor: Actor, postId: string) {
  const { post } = await requireAccess(ctx, actor, 'post:delete', { post: postId });
  await deletePost(ctx.db, postId);
  await ctx.changes.announce({ kind: 'feed', orgId: post.organizationId, removedPostId: postId });
}

/** The organisation feed: what the viewer may see, newest first, a page at a time. */
export async function readFeed(ctx: AppContext, actor: Actor, query: FeedQuery): Promise<FeedPageView> {
  const { memberId } = await requireAccess(ctx, actor, 'post:read-feed', { org: query.orgId });
  const cursor = query.cursor ? decodeCursor(query.cursor, isInstant) : undefined;
  const { orgId, view, communityId, authorMemberId, topic, limit } = query;
  // Cached briefly per viewer and page (feed-cache.ts): a feed is read far more often than written.
  return readThrough(ctx, feedPageCache, {
    orgId,
    viewerId: memberId,
    view,
    communityId,
    authorMemberId,
    topic,
    cursor: query.cursor,
    after: cursor && { createdAt: cursor.position, id: cursor.id },
    limit,
  });
}

export { postViewOf } from './post-view.js';

/** A programme reflection written as a post: who sees it, and the cohort it is shared with (for 'cohort'). */
export interface ReflectionPostInput {
  organizationId: string;
  title: string;
  body: string;
  visibility: 'private' | 'people' | 'organization' | 'cohort';
  /** The writer's cohort, for visibility 'cohort' (the caller checked they take part in it). */
  cohortId?: string | null;
  audience?: string[];
}

/**
 * Publishes a programme participant's reflection as a post, so comments, reactions and the feed work on it as
 * on any post. Unlike the composer's `createPost` it can share with a cohort: the programmes feature checked
 * that the writer takes part in it. Runs in the caller's transaction (`ctx.db`); returns the new post's id.
 */
export async function createReflectionPost(ctx: AppContext, actor: Actor, input: ReflectionPostInput): Promise<string> {
  const { user, memberId } = await requireAccess(ctx, actor, 'post:create', { org: input.organizationId });
  const audience =
    input.visibility === 'cohort'
      ? []
      : await checkAudience(ctx, input.organizationId, memberId, {
          visibility: input.visibility,
          audience: input.audience,
        });
  if (input.visibility === 'cohort' && !input.cohortId) {
    throw validationError({ visibility: 'Share with a cohort only when you take part in one.' });
  }
  const id = randomUUID();
  await insertPost(
    ctx.db,
    {
      id,
      organizationId: input.organizationId,
      authorMemberId: memberId,
      authorUserId: user.userId,
      title: input.title,
      body: input.body,
      html: renderMarkdown(input.body, { images: true }),
      topics: [],
      visibility: input.visibility,
      cohortId: input.visibility === 'cohort' ? (input.cohortId ?? null) : null,
    },
    audience,
  );
  await claimImages(ctx.db, { id, authorMemberId: memberId, body: input.body });
  await ctx.changes.announce({ kind: 'feed', orgId: input.organizationId });
  return id;
}
