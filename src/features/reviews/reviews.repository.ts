import { and, asc, desc, eq, gt, lt, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.js';
import { membership, planReview, planRevision } from '../../db/schema/index.js';
import { selectReviewsWithParties } from '../access/index.js';

export type ReviewRow = typeof planReview.$inferSelect;

/** A plan's reviews, newest first. */
export async function listReviewsOfPlan(db: Database, planId: string) {
  return selectReviewsWithParties(db)
    .where(eq(planReview.planId, planId))
    .orderBy(desc(planReview.createdAt), desc(planReview.id));
}

/** The reviews a member was asked to do as supervisor, newest first. */
export async function listReviewsOfSupervisor(db: Database, memberId: string) {
  return selectReviewsWithParties(db)
    .where(eq(planReview.supervisorMemberId, memberId))
    .orderBy(desc(planReview.createdAt), desc(planReview.id));
}

/** The review of this kind still waiting for signatures, if there is one. */
export async function findOpenReview(db: Database, planId: string, kind: ReviewRow['kind']) {
  const [row] = await db
    .select({ id: planReview.id })
    .from(planReview)
    .where(and(eq(planReview.planId, planId), eq(planReview.kind, kind), eq(planReview.state, 'requested')))
    .limit(1);
  return row;
}

/** A member's supervisor in the same organisation, with their user (for notifications). */
export async function findSupervisorOf(db: Database, memberId: string) {
  const supervisor = alias(membership, 'supervisor');
  const [row] = await db
    .select({ memberId: supervisor.id, userId: supervisor.userId })
    .from(membership)
    .innerJoin(
      supervisor,
      and(eq(supervisor.id, membership.supervisorId), eq(supervisor.organizationId, membership.organizationId)),
    )
    .where(eq(membership.id, memberId))
    .limit(1);
  return row;
}

export async function insertReview(db: Database, values: typeof planReview.$inferInsert) {
  await db.insert(planReview).values(values);
}

/** The review row locked for the rest of the transaction: signatures and note edits go one at a time. */
export async function lockReview(db: Database, reviewId: string) {
  const [row] = await db.select().from(planReview).where(eq(planReview.id, reviewId)).for('update');
  return row;
}

export async function updateReview(db: Database, reviewId: string, changes: Partial<typeof planReview.$inferInsert>) {
  await db
    .update(planReview)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(planReview.id, reviewId));
}

/** Revisions that changed the plan's content (signatures are not changes) after revision `seq`. */
const contentAfter = (planId: string, seq: number) =>
  and(eq(planRevision.planId, planId), gt(planRevision.seq, seq), ne(planRevision.action, 'sign'));

/** The content changes after revision `seq`, in the order they were made. */
export async function listChangesAfter(db: Database, planId: string, seq: number) {
  return db
    .select({
      entityType: planRevision.entityType,
      entityId: planRevision.entityId,
      before: planRevision.before,
      after: planRevision.after,
      updatedAt: planRevision.updatedAt,
    })
    .from(planRevision)
    .where(contentAfter(planId, seq))
    .orderBy(asc(planRevision.seq));
}

/** Whether the plan's content changed between two revisions (both excluded). */
export async function changedBetween(db: Database, planId: string, afterSeq: number, beforeSeq: number) {
  const [row] = await db
    .select({ id: planRevision.id })
    .from(planRevision)
    .where(and(contentAfter(planId, afterSeq), lt(planRevision.seq, beforeSeq)))
    .limit(1);
  return row !== undefined;
}
