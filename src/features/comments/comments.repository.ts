import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { membership, planComment, user } from '../../db/schema/index.js';

export type CommentRow = typeof planComment.$inferSelect;
export type CommentWithAuthor = { comment: CommentRow; authorName: string | null };

const withAuthor = { comment: planComment, authorName: user.name };

/** A plan's comments, oldest first, on one target or on all. */
export async function listComments(
  db: Database,
  planId: string,
  target?: { kind: CommentRow['targetKind']; id: string },
): Promise<CommentWithAuthor[]> {
  const where: SQL | undefined = and(
    eq(planComment.planId, planId),
    target ? eq(planComment.targetKind, target.kind) : undefined,
    target ? eq(planComment.targetId, target.id) : undefined,
  );
  return db
    .select(withAuthor)
    .from(planComment)
    .leftJoin(user, eq(user.id, planComment.authorUserId))
    .where(where)
    .orderBy(asc(planComment.createdAt), asc(planComment.id));
}

export async function findComment(db: Database, planId: string, commentId: string) {
  const [row] = await db
    .select(withAuthor)
    .from(planComment)
    .leftJoin(user, eq(user.id, planComment.authorUserId))
    .where(and(eq(planComment.planId, planId), eq(planComment.id, commentId)))
    .limit(1);
  return row;
}

export async function insertComment(db: Database, values: typeof planComment.$inferInsert) {
  await db.insert(planComment).values(values);
}

export async function updateComment(db: Database, commentId: string, changes: Partial<CommentRow>) {
  await db.update(planComment).set(changes).where(eq(planComment.id, commentId));
}

/** Decides an open suggestion; answers false when it was decided meanwhile (by another tab). */
export async function decideSuggestion(
  db: Database,
  commentId: string,
  state: 'accepted' | 'dismissed',
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(planComment)
    .set({ suggestionState: state, suggestionDecidedAt: at })
    .where(and(eq(planComment.id, commentId), eq(planComment.suggestionState, 'open')))
    .returning({ id: planComment.id });
  return rows.length > 0;
}

/** Someone's membership of an organisation (to check a past commenter's shares before notifying them). */
export async function memberIdOf(db: Database, userId: string, orgId: string) {
  const [row] = await db
    .select({ id: membership.id })
    .from(membership)
    .where(and(eq(membership.userId, userId), eq(membership.organizationId, orgId)))
    .limit(1);
  return row?.id;
}
