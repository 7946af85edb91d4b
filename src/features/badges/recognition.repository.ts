import { and, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.js';
import {
  achievement,
  badgeAward,
  evidence,
  goal,
  membership,
  recognitionRequest,
  user,
} from '../../db/schema/index.js';

export type RecognitionRow = typeof recognitionRequest.$inferSelect;

const learner = alias(membership, 'learner');
const learnerUser = alias(user, 'learner_user');
const decider = alias(membership, 'decider');
const deciderUser = alias(user, 'decider_user');

function requestsQuery(db: Database) {
  return db
    .select({
      request: recognitionRequest,
      learnerName: learnerUser.name,
      learnerUserId: learnerUser.id,
      goalTitle: goal.what,
      achievementName: achievement.name,
      achievementImage: achievement.image,
      decidedByName: deciderUser.name,
    })
    .from(recognitionRequest)
    .innerJoin(learner, eq(learner.id, recognitionRequest.learnerMemberId))
    .innerJoin(learnerUser, eq(learnerUser.id, learner.userId))
    .innerJoin(goal, eq(goal.id, recognitionRequest.goalId))
    .innerJoin(achievement, eq(achievement.id, recognitionRequest.achievementId))
    .leftJoin(decider, eq(decider.id, recognitionRequest.decidedByMemberId))
    .leftJoin(deciderUser, eq(deciderUser.id, decider.userId));
}

export type RecognitionListed = Awaited<ReturnType<typeof requestsQuery>>[number];

export async function findRequest(db: Database, requestId: string): Promise<RecognitionListed | undefined> {
  const [row] = await requestsQuery(db).where(eq(recognitionRequest.id, requestId)).limit(1);
  return row;
}

/** The learner's own requests in an organisation, newest first. */
export async function requestsOfLearner(db: Database, memberId: string) {
  return requestsQuery(db)
    .where(eq(recognitionRequest.learnerMemberId, memberId))
    .orderBy(desc(recognitionRequest.createdAt));
}

/**
 * Open requests `approver` decides on: those of the people they supervise, and every one (but their own) when
 * they are an L&D admin or owner. Oldest first: the longest waiting come first.
 */
export async function openRequestsFor(db: Database, orgId: string, approver: { id: string; admin: boolean }) {
  return requestsQuery(db)
    .where(
      and(
        eq(recognitionRequest.organizationId, orgId),
        eq(recognitionRequest.state, 'open'),
        ne(recognitionRequest.learnerMemberId, approver.id),
        approver.admin ? undefined : eq(learner.supervisorId, approver.id),
      ),
    )
    .orderBy(recognitionRequest.createdAt);
}

export async function openRequestFor(db: Database, goalId: string, achievementId: string) {
  const [row] = await db
    .select({ id: recognitionRequest.id })
    .from(recognitionRequest)
    .where(
      and(
        eq(recognitionRequest.goalId, goalId),
        eq(recognitionRequest.achievementId, achievementId),
        eq(recognitionRequest.state, 'open'),
      ),
    )
    .limit(1);
  return row;
}

export async function insertRequest(db: Database, values: typeof recognitionRequest.$inferInsert) {
  await db.insert(recognitionRequest).values(values);
}

/**
 * Decides an open request: only one decision lands (a second, made at the same time, waits on the row and
 * then finds it decided). Answers whether this one did.
 */
export async function decideRequest(
  db: Database,
  requestId: string,
  values: { state: 'approved' | 'declined'; decidedByMemberId: string; declineReason?: string },
) {
  const rows = await db
    .update(recognitionRequest)
    .set({ ...values, decidedAt: new Date() })
    .where(and(eq(recognitionRequest.id, requestId), eq(recognitionRequest.state, 'open')))
    .returning({ id: recognitionRequest.id });
  return rows.length > 0;
}

export async function setRequestAward(db: Database, requestId: string, awardId: string) {
  await db.update(recognitionRequest).set({ awardId }).where(eq(recognitionRequest.id, requestId));
}

/** The organisation's achievements open to requests, by name. */
export async function requestableAchievements(db: Database, orgId: string) {
  return db
    .select()
    .from(achievement)
    .where(and(eq(achievement.organizationId, orgId), eq(achievement.openToRequests, true)))
    .orderBy(sql`lower(${achievement.name})`);
}

/** The member's award of the achievement that is not revoked, if any. */
export async function heldAward(db: Database, memberId: string, achievementId: string) {
  const [row] = await db
    .select({ id: badgeAward.id })
    .from(badgeAward)
    .where(
      and(
        eq(badgeAward.recipientMemberId, memberId),
        eq(badgeAward.achievementId, achievementId),
        isNull(badgeAward.revokedAt),
      ),
    )
    .limit(1);
  return row;
}

/** The evidence a request names that still exists, of its goal only. */
export async function evidenceOfRequest(db: Database, request: RecognitionRow) {
  if (request.evidenceIds.length === 0) return [];
  return db
    .select()
    .from(evidence)
    .where(
      and(
        inArray(evidence.id, request.evidenceIds),
        eq(evidence.goalId, request.goalId),
        eq(evidence.planId, request.planId),
      ),
    )
    .orderBy(evidence.occurredOn);
}

/** Who is told of a new request: the learner's supervisor, or, if they have none, the admins and owners. */
export async function approversToTell(db: Database, orgId: string, learnerMemberId: string) {
  const [me] = await db
    .select({ supervisorId: membership.supervisorId })
    .from(membership)
    .where(eq(membership.id, learnerMemberId));
  return db
    .select({ userId: membership.userId })
    .from(membership)
    .where(
      and(
        eq(membership.organizationId, orgId),
        ne(membership.id, learnerMemberId),
        me?.supervisorId
          ? eq(membership.id, me.supervisorId)
          : or(eq(membership.role, 'admin'), eq(membership.role, 'owner')),
      ),
    );
}
