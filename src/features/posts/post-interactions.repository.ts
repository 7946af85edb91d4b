import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { follow, membership, postComment, postReaction, user } from '../../db/schema/index.js';
import type { followKinds, reactionKinds } from '../../db/schema/posts.js';

type ReactionKind = (typeof reactionKinds)[number];
type FollowKind = (typeof followKinds)[number];

export async function addReaction(db: Database, postId: string, memberId: string, kind: ReactionKind) {
  await db.insert(postReaction).values({ postId, memberId, kind }).onConflictDoNothing();
}

export async function removeReaction(db: Database, postId: string, memberId: string, kind: ReactionKind) {
  await db
    .delete(postReaction)
    .where(and(eq(postReaction.postId, postId), eq(postReaction.memberId, memberId), eq(postReaction.kind, kind)));
}

export async function listPostComments(db: Database, postId: string) {
  return db
    .select({ comment: postComment, authorName: user.name })
    .from(postComment)
    .innerJoin(membership, eq(membership.id, postComment.authorMemberId))
    .innerJoin(user, eq(user.id, membership.userId))
    .where(eq(postComment.postId, postId))
    .orderBy(asc(postComment.createdAt), asc(postComment.id));
}

export async function insertPostComment(db: Database, values: typeof postComment.$inferInsert) {
  await db.insert(postComment).values(values);
}

export async function findPostComment(db: Database, postId: string, commentId: string) {
  const [row] = await db
    .select()
    .from(postComment)
    .where(and(eq(postComment.postId, postId), eq(postComment.id, commentId)))
    .limit(1);
  return row;
}

export async function deletePostComment(db: Database, commentId: string) {
  await db.delete(postComment).where(eq(postComment.id, commentId));
}

export async function listFollows(db: Database, memberId: string) {
  return db
    .select({ kind: follow.kind, target: follow.target, name: user.name })
    .from(follow)
    .leftJoin(membership, and(eq(follow.kind, 'member'), eq(membership.id, follow.target)))
    .leftJoin(user, eq(user.id, membership.userId))
    .where(eq(follow.followerMemberId, memberId))
    .orderBy(asc(follow.kind), asc(follow.target));
}

export async function addFollow(db: Database, memberId: string, kind: FollowKind, target: string) {
  await db.insert(follow).values({ followerMemberId: memberId, kind, target }).onConflictDoNothing();
}

export async function removeFollow(db: Database, memberId: string, kind: FollowKind, target: string) {
  await db
    .delete(follow)
    .where(and(eq(follow.followerMemberId, memberId), eq(follow.kind, kind), eq(follow.target, target)));
}

export async function userIdOfMember(db: Database, memberId: string) {
  const [row] = await db.select({ userId: membership.userId }).from(membership).where(eq(membership.id, memberId));
  return row?.userId;
}
