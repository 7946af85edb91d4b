import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { user } from './auth.js';
import { tsvector } from './columns.js';
import { membership, organization } from './orgs.js';

/*
 * Learning out loud ("Learning out loud" in PRODUCT.md): posts, the organisation feed, communities of
 * practice, reactions, comments and follows.
 */

/** A community of practice around a topic; L&D admins may feature it. */
export const community = pgTable(
  'community',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    topic: text('topic').notNull(),
    description: text('description').notNull().default(''),
    featured: boolean('featured').notNull().default(false),
    createdByMemberId: text('created_by_member_id').references(() => membership.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('community_org_name_uq').on(t.organizationId, sql`lower(${t.name})`)],
);

export const communityMember = pgTable(
  'community_member',
  {
    communityId: text('community_id')
      .notNull()
      .references(() => community.id, { onDelete: 'cascade' }),
    memberId: text('member_id')
      .notNull()
      .references(() => membership.id, { onDelete: 'cascade' }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.memberId] }), index('community_member_member_idx').on(t.memberId)],
);

export const postVisibilities = ['private', 'people', 'community', 'organization', 'cohort'] as const;
export const postVisibility = pgEnum('post_visibility', postVisibilities);
export const postSources = ['log', 'reflection', 'evidence', 'checkin'] as const;
export const postSource = pgEnum('post_source', postSources);

/**
 * A learning post: Markdown (rendered and sanitised on the way out), seen by its author only, by chosen people
 * (`post_audience`), by a community's members or by the whole organisation. It may come from a log entry,
 * reflection, evidence or check-in, and may be made for a sharing commitment (marking that share as done and
 * linking back to the goal).
 */
export const post = pgTable(
  'post',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    authorMemberId: text('author_member_id')
      .notNull()
      .references(() => membership.id, { onDelete: 'cascade' }),
    authorUserId: text('author_user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    title: text('title').notNull().default(''),
    body: text('body').notNull(),
    /** The body rendered from Markdown and sanitised when written, so reading a feed renders nothing. */
    html: text('html').notNull(),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    visibility: postVisibility('visibility').notNull(),
    communityId: text('community_id').references(() => community.id, { onDelete: 'cascade' }),
    /**
     * A programme cohort's participants, for visibility 'cohort' (a programme reflection shared with the
     * cohort). No foreign key: programmes depend on posts, not the other way round; a post whose cohort is
     * gone is seen by its author only.
     */
    cohortId: text('cohort_id'),
    sourceKind: postSource('source_kind'),
    sourceId: text('source_id'),
    planId: text('plan_id'),
    goalId: text('goal_id'),
    shareCommitmentId: text('share_commitment_id'),
    search: tsvector('search').generatedAlwaysAs(
      (): ReturnType<typeof sql> =>
        sql`setweight(to_tsvector('english', coalesce(${post.title}, '')), 'A') || setweight(to_tsvector('english', ${post.body}), 'B')`,
    ),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
  },
  (t) => [
    // The feed: an organisation's posts newest first, read in index order by keyset.
    index('post_feed_idx').on(t.organizationId, t.createdAt.desc(), t.id.desc()),
    index('post_author_idx').on(t.authorMemberId, t.createdAt.desc()),
    index('post_community_idx').on(t.communityId, t.createdAt.desc()).where(sql`${t.communityId} is not null`),
    index('post_cohort_idx').on(t.cohortId, t.createdAt.desc()).where(sql`${t.cohortId} is not null`),
    index('post_search_idx').using('gin', t.search),
  ],
);

/** The chosen people of a post with visibility 'people'. */
export const postAudience = pgTable(
  'post_audience',
  {
    postId: text('post_id')
      .notNull()
      .references(() => post.id, { onDelete: 'cascade' }),
    memberId: text('member_id')
      .notNull()
      .references(() => membership.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.postId, t.memberId] }), index('post_audience_member_idx').on(t.memberId)],
);

export const reactionKinds = ['like', 'insightful', 'thanks'] as const;
export const reactionKind = pgEnum('reaction_kind', reactionKinds);

export const postReaction = pgTable(
  'post_reaction',
  {
    postId: text('post_id')
      .notNull()
      .references(() => post.id, { onDelete: 'cascade' }),
    memberId: text('member_id')
      .notNull()
      .references(() => membership.id, { onDelete: 'cascade' }),
    kind: reactionKind('kind').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.memberId, t.kind] })],
);

export const postComment = pgTable(
  'post_comment',
  {
    id: text('id').primaryKey(),
    postId: text('post_id')
      .notNull()
      .references(() => post.id, { onDelete: 'cascade' }),
    authorMemberId: text('author_member_id')
      .notNull()
      .references(() => membership.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    html: text('html').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
  },
  (t) => [index('post_comment_post_idx').on(t.postId, t.createdAt)],
);

export const followKinds = ['member', 'topic'] as const;
export const followKind = pgEnum('follow_kind', followKinds);

/** Someone following a person (their member id) or a topic (lower-cased) in an organisation. */
export const follow = pgTable(
  'follow',
  {
    followerMemberId: text('follower_member_id')
      .notNull()
      .references(() => membership.id, { onDelete: 'cascade' }),
    kind: followKind('kind').notNull(),
    target: text('target').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.followerMemberId, t.kind, t.target] })],
);

/**
 * The words people wrote in an organisation's posts, for forgiving search: a misspelt query word is matched
 * to the nearest real words here (trigram index), and full-text search then runs with them. Far fewer rows
 * than posts, so a typo costs an index lookup, not a similarity computed for every post.
 */
export const searchWord = pgTable(
  'search_word',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    word: text('word').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.word] }),
    index('search_word_trgm_idx').using('gin', sql`${t.word} gin_trgm_ops`),
  ],
);

/**
 * An image uploaded for a post (kept by the FileStore under `storageKey`). Until a post uses it only its
 * uploader sees it; once the author's post shows it (`postId`), whoever may see that post may see it.
 */
export const postImage = pgTable(
  'post_image',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    uploaderMemberId: text('uploader_member_id')
      .notNull()
      .references(() => membership.id, { onDelete: 'cascade' }),
    postId: text('post_id').references(() => post.id, { onDelete: 'set null' }),
    storageKey: text('storage_key').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('post_image_post_idx').on(t.postId)],
);
