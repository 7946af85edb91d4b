import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import {
  learnerSettings,
  post,
  programmeBlogFeed,
  programmeCohort,
  programmeEnrolment,
  programmeProgress,
  programmeThing,
  user,
} from '../../db/schema/index.js';
import { visibleTo } from '../access/index.js';

/*
 * The organisers' reads, set-wise whatever the size of the programme: the participants with what "behind" needs
 * (one query), the funnel (one grouped query) and the progress rows of one page (one query by enrolment ids).
 * People who left are not shown: they withdrew, and what organisers see ends with them.
 */

/**
 * Every participant still taking part (in `cohortId` when given), with their time zone and the positions of the
 * required things they have done (tried and reflected on): one grouped pass over the programme's progress,
 * joined to the enrolments, instead of a lookup per participant and thing.
 */
export async function participantsOf(db: Database, programmeId: string, cohortId?: string) {
  const e = programmeEnrolment;
  const p = programmeProgress;
  const done = db
    .select({
      enrolmentId: p.enrolmentId,
      positions: sql<number[]>`array_agg(${programmeThing.position})`.as('positions'),
    })
    .from(p)
    .innerJoin(programmeThing, eq(programmeThing.id, p.thingId))
    .where(
      and(
        eq(programmeThing.programmeId, programmeId),
        eq(programmeThing.required, true),
        sql`${p.triedAt} is not null and ${p.reflectedAt} is not null`,
      ),
    )
    .groupBy(p.enrolmentId)
    .as('done');
  return db
    .select({
      enrolmentId: e.id,
      memberId: e.memberId,
      userId: e.userId,
      name: user.name,
      cohortId: e.cohortId,
      cohortName: programmeCohort.name,
      cohortStartsOn: programmeCohort.startsOn,
      startedOn: e.startedOn,
      status: e.status,
      enrolledAt: e.createdAt,
      completedAt: e.completedAt,
      lastNudgedAt: e.lastNudgedAt,
      timeZone: sql<string>`coalesce(${learnerSettings.timeZone}, 'UTC')`,
      requiredDone: sql<number[]>`coalesce(${done.positions}, '{}')`,
      hasBlog: sql<boolean>`${programmeBlogFeed.enrolmentId} is not null`,
    })
    .from(e)
    .innerJoin(user, eq(user.id, e.userId))
    .leftJoin(programmeCohort, eq(programmeCohort.id, e.cohortId))
    .leftJoin(learnerSettings, eq(learnerSettings.userId, e.userId))
    .leftJoin(done, eq(done.enrolmentId, e.id))
    .leftJoin(programmeBlogFeed, eq(programmeBlogFeed.enrolmentId, e.id))
    .where(and(eq(e.programmeId, programmeId), ne(e.status, 'left'), cohortId ? eq(e.cohortId, cohortId) : undefined));
}

export type ParticipantRow = Awaited<ReturnType<typeof participantsOf>>[number];

/** Per thing, how many of the participants in scope tried it and reflected on it (one grouped query). */
export async function funnelCounts(db: Database, programmeId: string, cohortId?: string) {
  const p = programmeProgress;
  const e = programmeEnrolment;
  return db
    .select({
      thingId: p.thingId,
      tried: sql<number>`count(${p.triedAt})`.mapWith(Number),
      reflected: sql<number>`count(${p.reflectedAt})`.mapWith(Number),
    })
    .from(p)
    .innerJoin(e, eq(e.id, p.enrolmentId))
    .where(and(eq(e.programmeId, programmeId), ne(e.status, 'left'), cohortId ? eq(e.cohortId, cohortId) : undefined))
    .groupBy(p.thingId);
}

/**
 * The progress rows of some enrolments, with whether the organiser (`viewerMemberId`) may see each Waymark
 * reflection: the same predicate as every read of posts, so a private reflection stays private.
 */
export async function progressOfEnrolments(
  db: Database,
  enrolmentIds: readonly string[],
  viewerMemberId: string,
  orgId: string,
) {
  if (enrolmentIds.length === 0) return [];
  const p = programmeProgress;
  return db
    .select({
      enrolmentId: p.enrolmentId,
      thingId: p.thingId,
      triedAt: p.triedAt,
      reflectedAt: p.reflectedAt,
      reflectionPostId: p.reflectionPostId,
      reflectionUrl: p.reflectionUrl,
      postVisible: sql<boolean>`coalesce(${visibleTo(viewerMemberId, orgId)}, false)`.mapWith(Boolean),
    })
    .from(p)
    .leftJoin(post, eq(post.id, p.reflectionPostId))
    .where(inArray(p.enrolmentId, [...enrolmentIds]));
}

export type ProgressRow = Awaited<ReturnType<typeof progressOfEnrolments>>[number];

/** The programme's cohorts, earliest first (for the filter). */
export async function cohortsOf(db: Database, programmeId: string) {
  return db
    .select({ id: programmeCohort.id, name: programmeCohort.name, startsOn: programmeCohort.startsOn })
    .from(programmeCohort)
    .where(eq(programmeCohort.programmeId, programmeId))
    .orderBy(asc(programmeCohort.startsOn), asc(programmeCohort.name));
}

/**
 * Marks the enrolments nudged now, except those nudged in the last day; returns the ids it marked. The check is
 * in the update itself, so of two organisers clicking at once each participant is claimed by one of them.
 */
export async function claimNudges(db: Database, enrolmentIds: readonly string[], now: Date) {
  if (enrolmentIds.length === 0) return [];
  const e = programmeEnrolment;
  const dayAgo = new Date(now.getTime() - 86_400_000);
  const rows = await db
    .update(e)
    .set({ lastNudgedAt: now })
    .where(
      and(
        inArray(e.id, [...enrolmentIds]),
        sql`(${e.lastNudgedAt} is null or ${e.lastNudgedAt} <= ${dayAgo.toISOString()}::timestamptz)`,
      ),
    )
    .returning({ id: e.id });
  return rows.map((r) => r.id);
}
