import { z } from 'zod';
import { followKinds, postSources, postVisibilities, reactionKinds } from '../../db/schema/posts.js';
import { oneLineText, pageLimit } from '../../server/schemas.js';

/*
 * Learning out loud: posts in Markdown, seen by their author only, by chosen people, by a community or by the
 * whole organisation; the organisation feed; reactions and comments.
 */

const id = z.string().min(1).max(64);
const topic = z
  .string()
  .trim()
  .min(1, { error: 'A topic cannot be empty.' })
  .max(60, { error: 'Keep a topic under 60 characters.' });

export const postParams = z.object({ postId: id });
export const reactionParams = z.object({
  postId: id,
  kind: z.enum(reactionKinds, { error: 'React with like, insightful or thanks.' }),
});
export const postCommentParams = z.object({ postId: id, commentId: id });

const postFields = {
  title: oneLineText().trim().max(200, { error: 'Keep the title under 200 characters.' }).default(''),
  body: z
    .string({ error: 'Write the post.' })
    .trim()
    .min(1, { error: 'Write the post.' })
    .max(20_000, { error: 'Keep a post under 20,000 characters.' }),
  topics: z.array(topic).max(10, { error: 'Keep to 10 topics.' }).default([]),
  // 'cohort' is not chosen here: a post for a programme cohort is written as a programme reflection.
  visibility: z.enum(['private', 'people', 'community', 'organization'], {
    error: 'Choose who sees it: only you, chosen people, a community or everyone.',
  }),
  communityId: id.optional(),
  audience: z.array(id).max(50, { error: 'Choose at most 50 people.' }).optional(),
};

export const createPostBody = z.object({
  organizationId: id,
  ...postFields,
  /** What the post was made from: a log entry, reflection, evidence or check-in of the author's. */
  source: z.object({ kind: z.enum(postSources, { error: 'Choose what the post comes from.' }), id }).optional(),
  /** A sharing commitment of the author's that this post fulfils: it is marked done, linked to the post. */
  shareCommitmentId: id.optional(),
});
export type CreatePostInput = z.infer<typeof createPostBody>;
export type CreatePostBody = z.input<typeof createPostBody>;

export const updatePostBody = z.object(postFields).partial();
export type UpdatePostInput = z.infer<typeof updatePostBody>;

const reactionCounts = z.object(
  Object.fromEntries(reactionKinds.map((k) => [k, z.number().int()])) as Record<
    (typeof reactionKinds)[number],
    z.ZodNumber
  >,
);

export const postView = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    author: z.object({ memberId: z.string(), name: z.string(), title: z.string().nullable() }),
    title: z.string(),
    body: z.string(),
    /** The body rendered from Markdown and sanitised: safe to insert as HTML. */
    html: z.string(),
    topics: z.array(z.string()),
    visibility: z.enum(postVisibilities),
    community: z.object({ id: z.string(), name: z.string() }).nullable(),
    /** The chosen people (shown to the author only). */
    audience: z.array(z.object({ memberId: z.string(), name: z.string() })).nullable(),
    /** Where it came from and the goal it was shared for (shown to the author only: the plan is theirs). */
    source: z.object({ kind: z.enum(postSources), id: z.string() }).nullable(),
    goal: z.object({ planId: z.string(), goalId: z.string() }).nullable(),
    reactions: reactionCounts,
    myReactions: z.array(z.enum(reactionKinds)),
    commentCount: z.number().int(),
    mine: z.boolean(),
    createdAt: z.iso.datetime(),
    editedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Post' });
export type PostView = z.infer<typeof postView>;

export const feedQuery = z.object({
  orgId: id,
  /** everyone: all the viewer may see; following: people and topics they follow; mine: their own. */
  view: z.enum(['everyone', 'following', 'mine'], { error: 'Choose everyone, following or mine.' }).default('everyone'),
  communityId: id.optional(),
  authorMemberId: id.optional(),
  topic: topic.optional(),
  cursor: z.string().max(200).optional(),
  limit: pageLimit(50, 20),
});
export type FeedQuery = z.infer<typeof feedQuery>;
/** The feed's filters as the web app sends them (the organisation, page size and cursor aside). */
export type FeedFilter = Pick<z.input<typeof feedQuery>, 'view' | 'communityId' | 'authorMemberId' | 'topic'>;

export const feedPage = z.object({ posts: z.array(postView), nextCursor: z.string().nullable() });
export type FeedPageView = z.infer<typeof feedPage>;

export const postCommentBody = z.object({
  body: z
    .string({ error: 'Write the comment.' })
    .trim()
    .min(1, { error: 'Write the comment.' })
    .max(5000, { error: 'Keep a comment under 5,000 characters.' }),
});

export const postCommentView = z
  .object({
    id: z.string(),
    postId: z.string(),
    author: z.object({ memberId: z.string(), name: z.string() }),
    body: z.string(),
    html: z.string(),
    mine: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'PostComment' });
export type PostCommentView = z.infer<typeof postCommentView>;
export const postCommentList = z.object({ comments: z.array(postCommentView) });
export type PostCommentList = z.infer<typeof postCommentList>;

/** An image uploaded for a post, with the Markdown that shows it. */
export const postImageUpload = z
  .object({ id: z.string(), url: z.string(), markdown: z.string() })
  .meta({ id: 'PostImageUpload' });
export type PostImageUpload = z.infer<typeof postImageUpload>;

export const followBody = z.object({
  orgId: z.string().min(1).max(64),
  kind: z.enum(followKinds, { error: 'Follow a member or a topic.' }),
  target: z
    .string({ error: 'Say whom or what to follow.' })
    .trim()
    .min(1, { error: 'Say whom or what to follow.' })
    .max(64),
});
export type FollowBody = z.input<typeof followBody>;
export const followList = z.object({
  follows: z.array(z.object({ kind: z.enum(followKinds), target: z.string(), name: z.string().nullable() })),
});
export type FollowList = z.infer<typeof followList>;
