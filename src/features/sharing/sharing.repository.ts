import { and, desc, eq, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.js';
import { goal, membership, plan, planAccessLog, planGrant, user } from '../../db/schema/index.js';
import { exactInstant } from '../../server/keyset-cursor.js';
import { isActive } from '../access/index.js';

/** Every share of a plan, newest first, with the grantee's name and the goal it covers (if any). */
export async function listGrantsOfPlan(db: Database, planId: string) {
  return db
    .select({ grant: planGrant, memberName: user.name, goalWhat: goal.what })
    .from(planGrant)
    .innerJoin(membership, eq(membership.id, planGrant.granteeMemberId))
    .innerJoin(user, eq(user.id, membership.userId))
    .leftJoin(goal, and(eq(goal.id, planGrant.goalId), eq(goal.planId, planGrant.planId)))
    .where(eq(planGrant.planId, planId))
    .orderBy(desc(planGrant.createdAt), desc(planGrant.id));
}

export async function findGrant(db: Database, planId: string, grantId: string) {
  const [row] = await db
    .select({ grant: planGrant, memberName: user.name, goalWhat: goal.what })
    .from(planGrant)
    .innerJoin(membership, eq(membership.id, planGrant.granteeMemberId))
    .innerJoin(user, eq(user.id, membership.userId))
    .leftJoin(goal, and(eq(goal.id, planGrant.goalId), eq(goal.planId, planGrant.planId)))
    .where(and(eq(planGrant.planId, planId), eq(planGrant.id, grantId)))
    .limit(1);
  return row;
}

export type GrantWithNames = NonNullable<Awaited<ReturnType<typeof findGrant>>>;

export async function insertGrant(
  db: Database,
  values: typeof planGrant.$inferInsert | (typeof planGrant.$inferInsert)[],
) {
  await db.insert(planGrant).values(Array.isArray(values) ? values : [values]);
}

/** Revokes at once; a share already revoked keeps its first revocation time. */
export async function revokeGrant(db: Database, grantId: string, at: Date) {
  await db
    .update(planGrant)
    .set({ revokedAt: at })
    .where(and(eq(planGrant.id, grantId), isNull(planGrant.revokedAt)));
}

/** The shares a review or an enlistment made (`source_id`), with the goal each covers; oldest first. */
export async function listGrantsFrom(db: Database, sourceId: string) {
  return db
    .select({ grant: planGrant, goalWhat: goal.what })
    .from(planGrant)
    .leftJoin(goal, and(eq(goal.id, planGrant.goalId), eq(goal.planId, planGrant.planId)))
    .where(eq(planGrant.sourceId, sourceId))
    .orderBy(planGrant.createdAt, planGrant.id);
}

/** Ends every share a review or an enlistment made, at once (those already revoked keep their time). */
export async function revokeGrantsFrom(db: Database, sourceId: string, at: Date) {
  await db
    .update(planGrant)
    .set({ revokedAt: at })
    .where(and(eq(planGrant.sourceId, sourceId), isNull(planGrant.revokedAt)));
}

type SameShare = {
  planId: string;
  memberId: string;
  scope: (typeof planGrant.$inferSelect)['scope'];
  part: string | null;
  goalId: string | null;
};

const coversSame = (g: SameShare) =>
  and(
    eq(planGrant.planId, g.planId),
    eq(planGrant.granteeMemberId, g.memberId),
    eq(planGrant.scope, g.scope),
    g.part ? eq(planGrant.part, g.part) : isNull(planGrant.part),
    g.goalId ? eq(planGrant.goalId, g.goalId) : isNull(planGrant.goalId),
  );

/**
 * Ends the learner's expired shares of the same thing at their expiry, so the one-share-at-a-time index
 * (plan_grant_share_uq) makes room for a new one; they still read as expired.
 */
export async function endExpiredShares(db: Database, g: SameShare, now: Date) {
  await db
    .update(planGrant)
    .set({ revokedAt: sql`${planGrant.expiresAt}` })
    .where(
      and(coversSame(g), eq(planGrant.reason, 'share'), isNull(planGrant.revokedAt), lte(planGrant.expiresAt, now)),
    );
}

/** An active share covering the same thing for the same member, if there is one. */
export async function findSameActiveGrant(db: Database, g: SameShare, now: Date) {
  const [row] = await db
    .select({ id: planGrant.id })
    .from(planGrant)
    .where(and(coversSame(g), isActive(now)))
    .limit(1);
  return row;
}

export async function findMemberInOrg(db: Database, orgId: string, memberId: string) {
  const [row] = await db
    .select({ id: membership.id, userId: membership.userId })
    .from(membership)
    .where(and(eq(membership.id, memberId), eq(membership.organizationId, orgId)))
    .limit(1);
  return row;
}

export async function goalInPlan(db: Database, planId: string, goalId: string) {
  const [row] = await db
    .select({ id: goal.id })
    .from(goal)
    .where(and(eq(goal.id, goalId), eq(goal.planId, planId)))
    .limit(1);
  return row;
}

export async function insertAccessLog(db: Database, values: typeof planAccessLog.$inferInsert) {
  await db.insert(planAccessLog).values(values);
}

/** A page of the plan's access log, newest first, after the cursor (keyset on the index's order). */
export async function listAccessLog(
  db: Database,
  planId: string,
  after: { at: string; id: string } | undefined,
  limit: number,
) {
  return db
    .select({ entry: planAccessLog, viewerName: user.name, position: exactInstant(planAccessLog.at) })
    .from(planAccessLog)
    .innerJoin(user, eq(user.id, planAccessLog.viewerUserId))
    .where(
      and(
        eq(planAccessLog.planId, planId),
        after ? sql`(${planAccessLog.at}, ${planAccessLog.id}) < (${after.at}::timestamptz, ${after.id})` : undefined,
      ),
    )
    .orderBy(desc(planAccessLog.at), desc(planAccessLog.id))
    .limit(limit + 1);
}

const owner = alias(user, 'plan_owner');

/** What others shared with this member and is still active, newest first. */
export async function listSharedWithMember(db: Database, memberId: string, now: Date) {
  return (
    db
      .select({
        grant: planGrant,
        cycle: plan.cycle,
        title: plan.title,
        ownerName: owner.name,
        goalWhat: goal.what,
      })
      .from(planGrant)
      .innerJoin(plan, eq(plan.id, planGrant.planId))
      .innerJoin(owner, eq(owner.id, plan.userId))
      .leftJoin(goal, and(eq(goal.id, planGrant.goalId), eq(goal.planId, planGrant.planId)))
      // A share of a goal since deleted shows nothing, so it is not offered.
      .where(
        and(
          eq(planGrant.granteeMemberId, memberId),
          isActive(now),
          or(ne(planGrant.scope, 'goal'), isNotNull(goal.id)),
        ),
      )
      .orderBy(desc(planGrant.createdAt), desc(planGrant.id))
  );
}

export async function userName(db: Database, userId: string) {
  const [row] = await db.select({ name: user.name }).from(user).where(eq(user.id, userId)).limit(1);
  return row?.name ?? '';
}
