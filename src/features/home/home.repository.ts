import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import {
  insightSettings,
  membership,
  notification,
  plan,
  planComment,
  planGrant,
  planReview,
} from '../../db/schema/index.js';

/*
 * The home page's own reads: what no other feature reads already, each one statement however much there is.
 * The rest (the plan, check-ins, reviews to do, mentoring requests, the feed) comes from the features that
 * own them, through their faces.
 */

/** The member's current plan here: the newest one whose cycle is not closed (of two made together, the later cycle). */
export async function currentPlanOf(db: Database, memberId: string) {
  const [row] = await db
    .select({ id: plan.id })
    .from(plan)
    .where(and(eq(plan.memberId, memberId), isNull(plan.closedAt)))
    .orderBy(desc(plan.createdAt), desc(plan.cycle), desc(plan.id))
    .limit(1);
  return row;
}

/**
 * What the steps after the guide depend on, for one plan: whether the learner shares it with anyone (a share
 * they made that is still active) and whether they asked for a learning agreement (asked or agreed); and how
 * many suggestions of others on it wait for the learner's answer.
 */
export async function planFollowUp(db: Database, planId: string, now: Date) {
  const [row] = await db
    .select({
      shared: sql<boolean>`exists (select 1 from ${planGrant} where ${planGrant.planId} = ${planId}
        and ${planGrant.reason} = 'share' and ${planGrant.revokedAt} is null
        and (${planGrant.expiresAt} is null or ${planGrant.expiresAt} > ${now.toISOString()}::timestamptz))`,
      reviewAsked: sql<boolean>`exists (select 1 from ${planReview} where ${planReview.planId} = ${planId}
        and ${planReview.kind} = 'agreement' and ${planReview.state} in ('requested', 'agreed'))`,
      openSuggestions: sql<number>`(select count(*)::int from ${planComment} where ${planComment.planId} = ${planId}
        and ${planComment.suggestionState} = 'open' and ${planComment.deletedAt} is null)`,
    })
    .from(plan)
    .where(eq(plan.id, planId));
  return row ?? { shared: false, reviewAsked: false, openSuggestions: 0 };
}

/** Comments the person was told about in this organisation and has not opened yet, newest first. */
export async function unseenComments(db: Database, userId: string, orgId: string, limit: number) {
  return db
    .select({ title: notification.title, link: notification.link, createdAt: notification.createdAt })
    .from(notification)
    .where(
      and(
        eq(notification.userId, userId),
        eq(notification.organizationId, orgId),
        eq(notification.kind, 'comment'),
        isNull(notification.readAt),
      ),
    )
    .orderBy(desc(notification.createdAt))
    .limit(limit);
}

/**
 * The organisation's counts for its admins, in one statement: members, those who joined since `since`,
 * members with a plan here, members who opted in to insights, and the insights' smallest group (k).
 */
export async function organisationCounts(db: Database, orgId: string, since: Date) {
  const [row] = await db
    .select({
      members: count(),
      joined:
        sql<number>`count(*) filter (where ${membership.joinedAt} >= ${since.toISOString()}::timestamptz)`.mapWith(
          Number,
        ),
      // Spelled out: inside a subquery an unqualified "id" would be the plan's own.
      withPlan:
        sql<number>`count(*) filter (where exists (select 1 from plan p where p.member_id = membership.id))`.mapWith(
          Number,
        ),
      optedIn: sql<number>`count(*) filter (where ${membership.insightsConsent})`.mapWith(Number),
      k: sql<number | null>`(select ${insightSettings.k} from ${insightSettings}
        where ${insightSettings.organizationId} = ${orgId})`,
    })
    .from(membership)
    .where(eq(membership.organizationId, orgId));
  return row;
}
