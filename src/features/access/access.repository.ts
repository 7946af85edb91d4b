import { and, asc, eq, gt, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.js';
import {
  enlistmentRequest,
  insightAction,
  insightActionRecipient,
  membership,
  organization,
  plan,
  planGrant,
  planReview,
  post,
  postImage,
  user,
} from '../../db/schema/index.js';
import { visibleTo } from './post-visibility.js';

/*
 * What the access gate reads to decide: who the actor is to a resource. Memberships, who owns a plan, the shares
 * of a plan, the two parties of a review or a mentoring request, who may see a post. Features read their own
 * records; the gate reads only what it decides on (and hands it back, so nothing is read twice).
 */

export type MembershipRow = typeof membership.$inferSelect;
export type GrantRow = typeof planGrant.$inferSelect;

export async function findMembership(db: Database, orgId: string, userId: string): Promise<MembershipRow | undefined> {
  const [row] = await db
    .select()
    .from(membership)
    .where(and(eq(membership.organizationId, orgId), eq(membership.userId, userId), isNull(membership.suspendedAt)))
    .limit(1);
  return row;
}

/** A member of the organisation by id; someone of another organisation is not found. */
export async function findMemberOfOrg(db: Database, orgId: string, memberId: string) {
  const [row] = await db
    .select()
    .from(membership)
    .where(and(eq(membership.id, memberId), eq(membership.organizationId, orgId)))
    .limit(1);
  return row;
}

/** What the access rules need to know about a plan, or any record one learner owns (a log entry). */
export interface PlanOwnership {
  id: string;
  organizationId: string;
  memberId: string;
  userId: string;
}

/** Not revoked and not past its expiry at `now`. */
export const isActive = (now: Date): SQL =>
  and(isNull(planGrant.revokedAt), or(isNull(planGrant.expiresAt), gt(planGrant.expiresAt, now))) as SQL;

/** The active shares of one plan with one member. */
export async function activeGrantsFor(db: Database, planId: string, memberId: string, now: Date) {
  return db
    .select()
    .from(planGrant)
    .where(and(eq(planGrant.planId, planId), eq(planGrant.granteeMemberId, memberId), isActive(now)));
}

const learnerUser = alias(user, 'learner_user');
const supervisorMember = alias(membership, 'supervisor_member');
const supervisorUser = alias(user, 'supervisor_user');

/** A review with its two parties (the plan's learner, the supervisor named on it) and what their views show. */
const reviewWithParties = {
  review: planReview,
  plan: {
    id: plan.id,
    organizationId: plan.organizationId,
    memberId: plan.memberId,
    userId: plan.userId,
    cycle: plan.cycle,
    title: plan.title,
    closedAt: plan.closedAt,
  },
  learnerName: learnerUser.name,
  supervisorUserId: supervisorMember.userId,
  supervisorName: supervisorUser.name,
};

/** Reviews with their parties; the reviews feature lists them with its own conditions. */
export function selectReviewsWithParties(db: Database) {
  return db
    .select(reviewWithParties)
    .from(planReview)
    .innerJoin(plan, eq(plan.id, planReview.planId))
    .innerJoin(learnerUser, eq(learnerUser.id, plan.userId))
    .innerJoin(supervisorMember, eq(supervisorMember.id, planReview.supervisorMemberId))
    .innerJoin(supervisorUser, eq(supervisorUser.id, supervisorMember.userId));
}

export async function findReviewWithParties(db: Database, reviewId: string) {
  const [row] = await selectReviewsWithParties(db).where(eq(planReview.id, reviewId)).limit(1);
  return row;
}
export type ReviewRecord = NonNullable<Awaited<ReturnType<typeof findReviewWithParties>>>;

/** A mentoring request's two parties (the learner who asked, the member asked) and the plan it is about. */
export async function findEnlistmentParties(db: Database, requestId: string) {
  const [row] = await db
    .select({
      id: enlistmentRequest.id,
      planId: enlistmentRequest.planId,
      organizationId: plan.organizationId,
      learnerMemberId: enlistmentRequest.learnerMemberId,
      mentorMemberId: enlistmentRequest.mentorMemberId,
    })
    .from(enlistmentRequest)
    .innerJoin(plan, eq(plan.id, enlistmentRequest.planId))
    .where(eq(enlistmentRequest.id, requestId))
    .limit(1);
  return row;
}
export type EnlistmentParties = NonNullable<Awaited<ReturnType<typeof findEnlistmentParties>>>;

/** The signed-in person's membership of an organisation, joined to what is asked about (null: not a member). */
const viewer = alias(membership, 'viewer');
const viewerOf = (orgId: typeof post.organizationId | typeof postImage.organizationId, userId: string) =>
  and(eq(viewer.organizationId, orgId), eq(viewer.userId, userId), isNull(viewer.suspendedAt));

/**
 * A post, with the person's membership of its organisation and whether they may see it (post-visibility.ts),
 * in one query.
 */
export async function findPostForViewer(db: Database, postId: string, userId: string) {
  const [row] = await db
    .select({
      post: {
        id: post.id,
        organizationId: post.organizationId,
        authorMemberId: post.authorMemberId,
        title: post.title,
        visibility: post.visibility,
        communityId: post.communityId,
        cohortId: post.cohortId,
      },
      viewerMemberId: viewer.id,
      visible: sql<boolean>`coalesce(${visibleTo(viewer.id, post.organizationId)}, false)`,
    })
    .from(post)
    .leftJoin(viewer, viewerOf(post.organizationId, userId))
    .where(eq(post.id, postId))
    .limit(1);
  return row;
}
export type PostFacts = NonNullable<Awaited<ReturnType<typeof findPostForViewer>>>['post'];

/** An image of a post, with the person's membership of its organisation and whether they may see its post. */
export async function findPostImageForViewer(db: Database, imageId: string, userId: string) {
  const [row] = await db
    .select({
      image: postImage,
      viewerMemberId: viewer.id,
      postVisible: sql<boolean>`coalesce(exists (select 1 from ${post} where ${post.id} = ${postImage.postId}
        and ${visibleTo(viewer.id, postImage.organizationId)}), false)`,
    })
    .from(postImage)
    .leftJoin(viewer, viewerOf(postImage.organizationId, userId))
    .where(eq(postImage.id, imageId))
    .limit(1);
  return row;
}

/** An insight action with the person's membership of its organisation; nothing for someone outside it. */
export async function findInsightActionForViewer(db: Database, actionId: string, userId: string) {
  const [row] = await db
    .select({ action: insightAction, me: membership })
    .from(insightAction)
    .innerJoin(
      membership,
      and(
        eq(membership.organizationId, insightAction.organizationId),
        eq(membership.userId, userId),
        isNull(membership.suspendedAt),
      ),
    )
    .where(eq(insightAction.id, actionId));
  return row;
}

/** Whether the member was among the people an insight action was sent to. */
export async function wasTold(db: Database, actionId: string, memberId: string) {
  const [row] = await db
    .select()
    .from(insightActionRecipient)
    .where(and(eq(insightActionRecipient.actionId, actionId), eq(insightActionRecipient.memberId, memberId)));
  return row !== undefined;
}

/*
 * Who belongs where: each person's organisations, read through the memberships cache (memberships-cache.ts) on
 * nearly every signed-in request.
 */

function prepareListMyMemberships(db: Database) {
  return db
    .select({
      organizationId: organization.id,
      organizationName: organization.name,
      memberId: membership.id,
      role: membership.role,
      /** Set while the organisation's directory suspends it: the gate counts it only for the learner's export. */
      suspendedAt: membership.suspendedAt,
      suspendedBy: membership.suspendedBy,
    })
    .from(membership)
    .innerJoin(organization, eq(organization.id, membership.organizationId))
    .where(eq(membership.userId, sql.placeholder('userId')))
    .orderBy(asc(organization.name))
    .prepare('list_my_memberships');
}

// Prepared once per database (every signed-in page load asks): Drizzle skips building the SQL each time,
// and PostgreSQL skips parsing and planning it on each pooled connection after the first.
const preparedListMyMemberships = new WeakMap<Database, ReturnType<typeof prepareListMyMemberships>>();

export type MyMembership = Awaited<ReturnType<ReturnType<typeof prepareListMyMemberships>['execute']>>[number];

export async function listMyMemberships(db: Database, userId: string): Promise<MyMembership[]> {
  let query = preparedListMyMemberships.get(db);
  if (!query) {
    query = prepareListMyMemberships(db);
    preparedListMyMemberships.set(db, query);
  }
  return query.execute({ userId });
}

/** Who owns a plan (read through the plan owners cache, plan-owners-cache.ts). */
export async function findPlanOwnership(db: Database, planId: string): Promise<PlanOwnership | undefined> {
  const [row] = await db
    .select({ id: plan.id, organizationId: plan.organizationId, memberId: plan.memberId, userId: plan.userId })
    .from(plan)
    .where(eq(plan.id, planId))
    .limit(1);
  return row;
}

/**
 * Revokes the grants of every request sent from a network entry that is being deleted: the requests go with
 * the entry (foreign key), and access must not outlive the relation it came from.
 * Grants are the gate's data, and plans (which deletes entries) sits below enlistment: so the query is here.
 */
export async function revokeGrantsOfEntry(db: Database, entryId: string, at: Date) {
  const requests = db
    .select({ id: enlistmentRequest.id })
    .from(enlistmentRequest)
    .where(eq(enlistmentRequest.networkEntryId, entryId));
  await db
    .update(planGrant)
    .set({ revokedAt: at })
    .where(and(inArray(planGrant.sourceId, requests), eq(planGrant.reason, 'enlistment'), isNull(planGrant.revokedAt)));
}
