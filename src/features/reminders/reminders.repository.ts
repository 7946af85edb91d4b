import { and, desc, eq, inArray, isNotNull, max, notInArray, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import {
  checkin,
  goal,
  learnerSettings,
  membership,
  notification,
  plan,
  shareCommitment,
} from '../../db/schema/index.js';

/*
 * What the reminder scan reads. Everything goes through `currentPlan`: plans whose membership still
 * exists, so a person who left an organisation is never reminded about its plans.
 */

const currentPlan = and(eq(membership.id, plan.memberId), eq(membership.userId, plan.userId));

/** Everyone with a plan in an organisation they belong to, with their reminder settings (or the defaults). */
export async function learnersWithPlans(db: Database) {
  return db
    .selectDistinctOn([plan.userId], {
      userId: plan.userId,
      timeZone: sql<string>`coalesce(${learnerSettings.timeZone}, 'UTC')`,
      cadence: sql<
        (typeof learnerSettings.$inferSelect)['checkinCadence']
      >`coalesce(${learnerSettings.checkinCadence}, 'none')`,
      settingsChangedAt: learnerSettings.updatedAt,
      // The plan a check-in reminder links to: the one most recently worked on.
      latestPlanId: plan.id,
      latestPlanOrgId: plan.organizationId,
    })
    .from(plan)
    .innerJoin(membership, currentPlan)
    .leftJoin(learnerSettings, eq(learnerSettings.userId, plan.userId))
    .orderBy(plan.userId, desc(plan.updatedAt));
}

/** Each learner's latest check-in date, over the plans of organisations they still belong to. */
export async function lastCheckins(db: Database, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ userId: checkin.userId, last: max(checkin.checkedOn) })
    .from(checkin)
    .innerJoin(plan, eq(plan.id, checkin.planId))
    .innerJoin(membership, currentPlan)
    .where(inArray(checkin.userId, userIds))
    .groupBy(checkin.userId);
  return new Map(rows.flatMap((r) => (r.last ? [[r.userId, r.last] as const] : [])));
}

/**
 * Open goals (not achieved or dropped) whose target date, or a milestone not done, falls between `from` and
 * `to` (YYYY-MM-DD). The scan passes a range a day wider on each side than any learner's week ahead, then
 * checks each learner's own dates.
 */
export async function goalsWithDatesBetween(db: Database, from: string, to: string) {
  const milestoneBetween = sql`exists (
    select 1 from jsonb_array_elements(${goal.milestones}) m
    where coalesce((m->>'done')::boolean, false) = false and m->>'dueDate' between ${from} and ${to})`;
  return db
    .select({
      userId: plan.userId,
      organizationId: plan.organizationId,
      planId: plan.id,
      goalId: goal.id,
      what: goal.what,
      targetDate: goal.targetDate,
      milestones: goal.milestones,
    })
    .from(goal)
    .innerJoin(plan, eq(plan.id, goal.planId))
    .innerJoin(membership, currentPlan)
    .where(
      and(
        notInArray(goal.status, ['achieved', 'dropped']),
        or(and(isNotNull(goal.targetDate), sql`${goal.targetDate} between ${from} and ${to}`), milestoneBetween),
      ),
    );
}

/** Every sharing commitment in current plans, with what the scan needs to tell whether it is behind. */
export async function sharingCommitments(db: Database) {
  return db
    .select({
      userId: plan.userId,
      organizationId: plan.organizationId,
      planId: plan.id,
      planCreatedAt: plan.createdAt,
      planCycle: plan.cycle,
      shareId: shareCommitment.id,
      how: shareCommitment.how,
      cadence: shareCommitment.cadence,
      startsOn: shareCommitment.startsOn,
      records: shareCommitment.records,
      goalWhat: goal.what,
    })
    .from(shareCommitment)
    .innerJoin(plan, eq(plan.id, shareCommitment.planId))
    .innerJoin(membership, currentPlan)
    .leftJoin(goal, and(eq(goal.id, shareCommitment.goalId), eq(goal.planId, plan.id)));
}

/** The (person, dedupe key) pairs among `keys` that were notified already. */
export async function notifiedAlready(db: Database, userIds: string[], keys: string[]) {
  if (keys.length === 0) return new Set<string>();
  const rows = await db
    .select({ userId: notification.userId, dedupeKey: notification.dedupeKey })
    .from(notification)
    .where(and(inArray(notification.userId, userIds), inArray(notification.dedupeKey, keys)));
  return new Set(rows.map((r) => `${r.userId} ${r.dedupeKey}`));
}
