import { and, asc, eq, inArray, max, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import {
  checkin,
  goal,
  learnerSettings,
  membership,
  organization,
  plan,
  programme,
  programmeCohort,
  programmeEnrolment,
  programmeWeek,
  user,
} from '../../db/schema/index.js';

/** The learner a feed token belongs to, with the settings the feed follows. */
export async function findFeedOwner(db: Database, tokenHash: string) {
  const [row] = await db
    .select({
      userId: learnerSettings.userId,
      name: user.name,
      timeZone: learnerSettings.timeZone,
      cadence: learnerSettings.checkinCadence,
      settingsUpdatedAt: learnerSettings.updatedAt,
    })
    .from(learnerSettings)
    .innerJoin(user, eq(user.id, learnerSettings.userId))
    .where(eq(learnerSettings.calendarTokenHash, tokenHash))
    .limit(1);
  return row;
}
export type FeedOwner = NonNullable<Awaited<ReturnType<typeof findFeedOwner>>>;

/**
 * Everything a learner's feed shows, in one query: one row per goal of each of their plans (a plan without
 * goals still gives one row, for its check-ins), with the plan's latest check-in. Only plans whose
 * membership still exists count, so an organisation the learner left shows nothing, and only the columns
 * the feed prints are read (never a goal's why/how or anyone else's data).
 */
export async function listFeedRows(db: Database, userId: string) {
  const lastCheckin = db
    .select({
      planId: checkin.planId,
      lastCheckedOn: max(checkin.checkedOn).as('last_checked_on'),
      lastCheckinAt: max(checkin.createdAt).as('last_checkin_at'),
    })
    .from(checkin)
    .where(eq(checkin.userId, userId))
    .groupBy(checkin.planId)
    .as('last_checkin');
  return db
    .select({
      planId: plan.id,
      organizationId: plan.organizationId,
      organizationName: organization.name,
      cycle: plan.cycle,
      title: plan.title,
      planCreatedAt: plan.createdAt,
      lastCheckedOn: lastCheckin.lastCheckedOn,
      lastCheckinAt: lastCheckin.lastCheckinAt,
      goal: {
        id: goal.id,
        what: goal.what,
        status: goal.status,
        progress: goal.progress,
        targetDate: goal.targetDate,
        milestones: goal.milestones,
        version: goal.version,
        updatedAt: goal.updatedAt,
      },
    })
    .from(plan)
    .innerJoin(membership, and(eq(membership.id, plan.memberId), eq(membership.userId, plan.userId)))
    .innerJoin(organization, eq(organization.id, plan.organizationId))
    .leftJoin(goal, eq(goal.planId, plan.id))
    .leftJoin(lastCheckin, eq(lastCheckin.planId, plan.id))
    .where(eq(plan.userId, userId))
    .orderBy(asc(plan.cycle), asc(plan.id), asc(goal.position), asc(goal.id));
}
export type FeedRow = Awaited<ReturnType<typeof listFeedRows>>[number];

/**
 * The programmes a learner takes part in (not left, published, of organisations they still belong to), with
 * what their release dates need: the start, the pacing and the weeks (catch-up weeks release nothing).
 */
export async function listProgrammeReleases(db: Database, userId: string) {
  const enrolments = await db
    .select({
      enrolmentId: programmeEnrolment.id,
      programmeId: programme.id,
      organizationId: programme.organizationId,
      title: programme.title,
      selfPaced: programme.selfPaced,
      cohortId: programmeEnrolment.cohortId,
      startsOn: sql<string>`coalesce(${programmeCohort.startsOn}, ${programmeEnrolment.startedOn})`,
      revisedAt: sql<Date>`greatest(${programme.updatedAt}, ${programmeEnrolment.updatedAt})`.mapWith(
        (v) => new Date(v),
      ),
    })
    .from(programmeEnrolment)
    .innerJoin(programme, and(eq(programme.id, programmeEnrolment.programmeId), eq(programme.status, 'published')))
    .innerJoin(
      membership,
      and(eq(membership.id, programmeEnrolment.memberId), eq(membership.userId, programmeEnrolment.userId)),
    )
    .leftJoin(programmeCohort, eq(programmeCohort.id, programmeEnrolment.cohortId))
    .where(and(eq(programmeEnrolment.userId, userId), ne(programmeEnrolment.status, 'left')));
  if (enrolments.length === 0) return [];
  const weeks = await db
    .select({
      programmeId: programmeWeek.programmeId,
      position: programmeWeek.position,
      catchUp: programmeWeek.catchUp,
    })
    .from(programmeWeek)
    .where(
      inArray(
        programmeWeek.programmeId,
        enrolments.map((e) => e.programmeId),
      ),
    )
    .orderBy(asc(programmeWeek.position));
  return enrolments.map((e) => ({ ...e, weeks: weeks.filter((w) => w.programmeId === e.programmeId) }));
}
export type ProgrammeReleaseRow = Awaited<ReturnType<typeof listProgrammeReleases>>[number];
