import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import {
  community,
  follow,
  membership,
  post,
  postAudience,
  postComment,
  postReaction,
  user,
} from '../../db/schema/index.js';
import { limitInText } from '../../db/sql-helpers.js';
import { exactInstant } from '../../server/keyset-cursor.js';
import { visibleTo } from '../access/index.js';
import { learnWords } from '../search/index.js';

export type PostRow = typeof post.$inferSelect;

/** A post as lists show it: with its author, community, counts and the viewer's own reactions. */
const listed = (viewerId: string) => ({
  post: {
    id: post.id,
    organizationId: post.organizationId,
    authorMemberId: post.authorMemberId,
    title: post.title,
    body: post.body,
    html: post.html,
    topics: post.topics,
    visibility: post.visibility,
    communityId: post.communityId,
    sourceKind: post.sourceKind,
    sourceId: post.sourceId,
    planId: post.planId,
    goalId: post.goalId,
    createdAt: post.createdAt,
    editedAt: post.editedAt,
  },
  /** Where the row stands in the feed's order, exactly: for the next page's cursor. */
  position: exactInstant(post.createdAt),
  authorName: user.name,
  authorTitle: membership.title,
  communityName: community.name,
  reactions: sql<Record<string, number> | null>`(select jsonb_object_agg(r.kind, r.n) from (
      select ${postReaction.kind} as kind, count(*)::int as n from ${postReaction}
      where ${postReaction.postId} = ${post.id} group by ${postReaction.kind}) r)`,
  myReactions: sql<string[]>`array(select ${postReaction.kind}::text from ${postReaction}
      where ${postReaction.postId} = ${post.id} and ${postReaction.memberId} = ${viewerId})`,
  commentCount: sql<number>`(select count(*)::int from ${postComment} where ${postComment.postId} = ${post.id})`,
});

export type ListedPost = {
  post: Omit<PostRow, 'search' | 'authorUserId' | 'shareCommitmentId'>;
  position: string;
  authorName: string;
  authorTitle: string | null;
  communityName: string | null;
  reactions: Record<string, number> | null;
  myReactions: string[];
  commentCount: number;
};

function selectListed(db: Database, viewerId: string) {
  return db
    .select(listed(viewerId))
    .from(post)
    .innerJoin(membership, eq(membership.id, post.authorMemberId))
    .innerJoin(user, eq(user.id, membership.userId))
    .leftJoin(community, eq(community.id, post.communityId));
}

/** One post, if the viewer may see it. */
export async function findVisiblePost(db: Database, postId: string, viewer: { memberId: string; orgId: string }) {
  const [row] = await selectListed(db, viewer.memberId)
    .where(and(eq(post.id, postId), visibleTo(viewer.memberId, viewer.orgId)))
    .limit(1);
  return row as ListedPost | undefined;
}

export interface FeedFilter {
  viewerId: string;
  orgId: string;
  view: 'everyone' | 'following' | 'mine';
  communityId?: string;
  authorMemberId?: string;
  topic?: string;
  after?: { createdAt: string; id: string };
  limit: number;
}

/** The people and topics the viewer follows, as a condition on posts. */
function followed(viewerId: string): SQL {
  return sql`(${post.authorMemberId} in (select ${follow.target} from ${follow}
      where ${follow.followerMemberId} = ${viewerId} and ${follow.kind} = 'member')
    or exists (select 1 from ${follow} f where f.follower_member_id = ${viewerId} and f.kind = 'topic'
      and f.target = any(array(select lower(t) from unnest(${post.topics}) t))))`;
}

/** A page of the feed, newest first, by keyset on (created_at, id) as the feed index orders it. */
export async function listFeed(db: Database, f: FeedFilter) {
  const rows = await selectListed(db, f.viewerId)
    .where(
      and(
        visibleTo(f.viewerId, f.orgId),
        f.view === 'mine' ? eq(post.authorMemberId, f.viewerId) : undefined,
        f.view === 'following' ? followed(f.viewerId) : undefined,
        f.communityId ? eq(post.communityId, f.communityId) : undefined,
        f.authorMemberId ? eq(post.authorMemberId, f.authorMemberId) : undefined,
        f.topic ? sql`lower(${f.topic}) = any(array(select lower(t) from unnest(${post.topics}) t))` : undefined,
        f.after
          ? sql`(${post.createdAt}, ${post.id}) < (${f.after.createdAt}::timestamptz, ${f.after.id}::text)`
          : undefined,
      ),
    )
    // "nulls last" as in post_feed_idx (Drizzle's desc() index), so PostgreSQL reads the index in order.
    .orderBy(sql`${post.createdAt} desc nulls last`, sql`${post.id} desc nulls last`)
    .limit(limitInText(f.limit + 1));
  return rows as ListedPost[];
}

export async function insertPost(db: Database, values: typeof post.$inferInsert, audience: string[]) {
  await db.insert(post).values(values);
  await learnWords(db, values.organizationId, `${values.title ?? ''} ${values.body}`);
  if (audience.length > 0)
    await db.insert(postAudience).values(audience.map((memberId) => ({ postId: values.id, memberId })));
}

export async function updatePost(
  db: Database,
  postId: string,
  changes: Partial<typeof post.$inferInsert>,
  audience?: string[],
) {
  await db.update(post).set(changes).where(eq(post.id, postId));
  if (audience) {
    await db.delete(postAudience).where(eq(postAudience.postId, postId));
    if (audience.length > 0) await db.insert(postAudience).values(audience.map((memberId) => ({ postId, memberId })));
  }
}

export async function deletePost(db: Database, postId: string) {
  await db.delete(post).where(eq(post.id, postId));
}

export async function audienceOf(db: Database, postId: string) {
  return db
    .select({ memberId: membership.id, name: user.name })
    .from(postAudience)
    .innerJoin(membership, eq(membership.id, postAudience.memberId))
    .innerJoin(user, eq(user.id, membership.userId))
    .where(eq(postAudience.postId, postId))
    .orderBy(asc(user.name));
}

/** Which of these member ids belong to the organisation. */
export async function membersAmong(db: Database, orgId: string, memberIds: string[]) {
  if (memberIds.length === 0) return [];
  const rows = await db
    .select({ id: membership.id })
    .from(membership)
    .where(and(eq(membership.organizationId, orgId), inArray(membership.id, memberIds)));
  return rows.map((r) => r.id);
}
