import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.js';
import { enlistmentRequest, goal, membership, networkEntry, plan, planGrant, user } from '../../db/schema/index.js';
import { openRequestStates } from './request-states.js';

export type RequestRow = typeof enlistmentRequest.$inferSelect;

const learnerMember = alias(membership, 'learner_member');
const learnerUser = alias(user, 'learner_user');
const mentorMember = alias(membership, 'mentor_member');
const mentorUser = alias(user, 'mentor_user');

/** Requests with what either side is shown of them: both people, the plan's organisation and the entry. */
function requestsWithPeople(db: Database, where: SQL | undefined) {
  return db
    .select({
      request: enlistmentRequest,
      organizationId: plan.organizationId,
      learnerUserId: learnerMember.userId,
      learnerName: learnerUser.name,
      mentorUserId: mentorMember.userId,
      mentorName: mentorUser.name,
      entryName: networkEntry.name,
    })
    .from(enlistmentRequest)
    .innerJoin(plan, eq(plan.id, enlistmentRequest.planId))
    .innerJoin(networkEntry, eq(networkEntry.id, enlistmentRequest.networkEntryId))
    .innerJoin(learnerMember, eq(learnerMember.id, enlistmentRequest.learnerMemberId))
    .innerJoin(learnerUser, eq(learnerUser.id, learnerMember.userId))
    .innerJoin(mentorMember, eq(mentorMember.id, enlistmentRequest.mentorMemberId))
    .innerJoin(mentorUser, eq(mentorUser.id, mentorMember.userId))
    .where(where)
    .orderBy(desc(enlistmentRequest.createdAt), desc(enlistmentRequest.id));
}

export type RequestWithPeople = Awaited<ReturnType<typeof requestsWithPeople>>[number];

export async function findRequestWithPeople(db: Database, id: string): Promise<RequestWithPeople | undefined> {
  const [row] = await requestsWithPeople(db, eq(enlistmentRequest.id, id)).limit(1);
  return row;
}

/** Requests asking this member to mentor (`mentor`) or sent by them (`learner`), newest first. */
export function listRequestsOfMember(db: Database, memberId: string, side: 'learner' | 'mentor') {
  const column = side === 'mentor' ? enlistmentRequest.mentorMemberId : enlistmentRequest.learnerMemberId;
  return requestsWithPeople(db, eq(column, memberId));
}

/** The request as it is now, inside a transaction holding the plan's lock (which every change takes). */
export async function findRequest(db: Database, id: string): Promise<RequestRow | undefined> {
  const [row] = await db.select().from(enlistmentRequest).where(eq(enlistmentRequest.id, id)).limit(1);
  return row;
}

export async function findOpenRequestOfEntry(db: Database, entryId: string): Promise<RequestRow | undefined> {
  const [row] = await db
    .select()
    .from(enlistmentRequest)
    .where(and(eq(enlistmentRequest.networkEntryId, entryId), inArray(enlistmentRequest.state, [...openRequestStates])))
    .limit(1);
  return row;
}

export async function insertRequest(db: Database, values: typeof enlistmentRequest.$inferInsert) {
  await db.insert(enlistmentRequest).values(values);
}

export async function updateRequest(
  db: Database,
  id: string,
  changes: Partial<Pick<RequestRow, 'state' | 'response' | 'respondedAt' | 'endedAt'>>,
) {
  await db.update(enlistmentRequest).set(changes).where(eq(enlistmentRequest.id, id));
}

/** A member of the organisation with their account, or undefined for anyone else. */
export async function findMemberOfOrg(db: Database, orgId: string, memberId: string) {
  const [row] = await db
    .select({ id: membership.id, userId: membership.userId, name: user.name })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(and(eq(membership.id, memberId), eq(membership.organizationId, orgId)))
    .limit(1);
  return row;
}

/** The goals among `goalIds` that the plan still has, with their wording. */
export async function goalsOfPlan(db: Database, planId: string, goalIds: string[]) {
  if (goalIds.length === 0) return [];
  return db
    .select({ id: goal.id, what: goal.what })
    .from(goal)
    .where(and(eq(goal.planId, planId), inArray(goal.id, goalIds)));
}

/** The wording of goals across several plans (for a list of requests), each keyed by plan and id. */
export async function goalWordings(db: Database, goalIds: string[]) {
  if (goalIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: goal.id, planId: goal.planId, what: goal.what })
    .from(goal)
    .where(inArray(goal.id, [...new Set(goalIds)]));
  return new Map(rows.map((g) => [`${g.planId} ${g.id}`, g.what]));
}

export async function insertGrants(db: Database, rows: (typeof planGrant.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(planGrant).values(rows);
}
