import { and, asc, desc, eq, getTableColumns, gt, isNull, or } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { evidence, goal, membership, organization, plan, portfolioLink, user } from '../../db/schema/index.js';

export type PortfolioLinkRow = typeof portfolioLink.$inferSelect;

/** Whose portfolio a membership is: the learner's name and the organisation's, nothing else about them. */
export async function ownerOfPortfolio(db: Database, memberId: string) {
  const [row] = await db
    .select({ learnerName: user.name, organizationName: organization.name })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .innerJoin(organization, eq(organization.id, membership.organizationId))
    .where(eq(membership.id, memberId));
  return row;
}

/** The learner's achieved goals in one organisation (a membership), newest cycle first, in plan order. */
export async function achievedGoalsOf(db: Database, memberId: string) {
  return db
    .select({
      id: goal.id,
      planId: goal.planId,
      cycle: plan.cycle,
      what: goal.what,
      why: goal.why,
      howYouKnew: goal.evidence,
      targetDate: goal.targetDate,
      topics: goal.topics,
    })
    .from(goal)
    .innerJoin(plan, eq(plan.id, goal.planId))
    .where(and(eq(plan.memberId, memberId), eq(goal.status, 'achieved')))
    .orderBy(desc(plan.cycle), desc(plan.createdAt), asc(goal.position), asc(goal.id));
}

export async function insertPortfolioLink(db: Database, values: typeof portfolioLink.$inferInsert) {
  const [row] = await db.insert(portfolioLink).values(values).returning();
  return row as PortfolioLinkRow;
}

/** A member's links, newest first. */
export async function linksOfMember(db: Database, memberId: string) {
  return db
    .select()
    .from(portfolioLink)
    .where(eq(portfolioLink.memberId, memberId))
    .orderBy(desc(portfolioLink.createdAt), desc(portfolioLink.id));
}

export async function findPortfolioLink(db: Database, linkId: string) {
  const [row] = await db.select().from(portfolioLink).where(eq(portfolioLink.id, linkId));
  return row;
}

/** Revokes a link; a link revoked before keeps its first revocation time. */
export async function revokePortfolioLink(db: Database, linkId: string, at: Date) {
  await db
    .update(portfolioLink)
    .set({ revokedAt: at })
    .where(and(eq(portfolioLink.id, linkId), isNull(portfolioLink.revokedAt)));
}

export async function setLinkShowsBadges(db: Database, linkId: string, showBadges: boolean) {
  const [row] = await db.update(portfolioLink).set({ showBadges }).where(eq(portfolioLink.id, linkId)).returning();
  return row as PortfolioLinkRow;
}

/**
 * The link behind a token's fingerprint, only while it works: not revoked, not expired, and its learner
 * still a member of the organisation it was made in (the membership join; removing a member also deletes
 * their links, this holds even if that ever changes).
 */
export async function findWorkingLink(db: Database, tokenHash: string, now: Date) {
  const [row] = await db
    .select(getTableColumns(portfolioLink))
    .from(portfolioLink)
    .innerJoin(
      membership,
      and(
        eq(membership.id, portfolioLink.memberId),
        eq(membership.userId, portfolioLink.userId),
        eq(membership.organizationId, portfolioLink.organizationId),
      ),
    )
    .where(
      and(
        eq(portfolioLink.tokenHash, tokenHash),
        isNull(portfolioLink.revokedAt),
        or(isNull(portfolioLink.expiresAt), gt(portfolioLink.expiresAt, now)),
      ),
    );
  return row;
}

export async function markLinkOpened(db: Database, linkId: string, at: Date) {
  await db.update(portfolioLink).set({ lastOpenedAt: at }).where(eq(portfolioLink.id, linkId));
}

/**
 * One piece of evidence, only if it belongs to an achieved goal of this member's plans: what a secret link
 * may download. The goal must be in the evidence's own plan, so evidence cannot borrow another goal's status.
 */
export async function evidenceOfAchievedGoal(db: Database, memberId: string, evidenceId: string) {
  const [row] = await db
    .select(getTableColumns(evidence))
    .from(evidence)
    .innerJoin(plan, eq(plan.id, evidence.planId))
    .innerJoin(goal, and(eq(goal.id, evidence.goalId), eq(goal.planId, evidence.planId)))
    .where(and(eq(evidence.id, evidenceId), eq(plan.memberId, memberId), eq(goal.status, 'achieved')));
  return row;
}
