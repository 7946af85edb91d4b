import { and, asc, count, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import {
  membership,
  organization,
  post,
  programme,
  programmeCohort,
  programmeEnrolment,
  programmeProgress,
  programmeThing,
  programmeWeek,
  user,
} from '../../db/schema/index.js';
import type { AppContext } from '../../server/context.js';

/*
 * What taking part reads and writes: published programmes with their sizes, cohorts with their places taken,
 * enrolments and progress rows. Every function takes the database or the transaction it runs in.
 */

export type EnrolmentRow = typeof programmeEnrolment.$inferSelect;
export type CohortRow = typeof programmeCohort.$inferSelect;
export type ProgressRow = typeof programmeProgress.$inferSelect;

/** Published programmes of an organisation with their number of weeks, things and minutes. */
export async function listPublishedProgrammes(db: Database, orgId: string) {
  const rows = await db
    .select()
    .from(programme)
    .where(and(eq(programme.organizationId, orgId), eq(programme.status, 'published')))
    .orderBy(asc(programme.title), asc(programme.id));
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const [weeks, things] = await Promise.all([
    db
      .select({ programmeId: programmeWeek.programmeId, n: count() })
      .from(programmeWeek)
      .where(inArray(programmeWeek.programmeId, ids))
      .groupBy(programmeWeek.programmeId),
    db
      .select({
        programmeId: programmeThing.programmeId,
        n: count(),
        minutes: sql<number>`coalesce(sum(${programmeThing.minutes}), 0)`.mapWith(Number),
      })
      .from(programmeThing)
      .where(inArray(programmeThing.programmeId, ids))
      .groupBy(programmeThing.programmeId),
  ]);
  return rows.map((p) => {
    const t = things.find((x) => x.programmeId === p.id);
    return {
      programme: p,
      weeks: weeks.find((x) => x.programmeId === p.id)?.n ?? 0,
      things: t?.n ?? 0,
      minutes: t?.minutes ?? 0,
    };
  });
}

/** The cohorts of some programmes, each with how many people take part (not counting those who left). */
export async function cohortsWithTaken(db: Database, programmeIds: string[]) {
  if (programmeIds.length === 0) return [];
  const [cohorts, taken] = await Promise.all([
    db
      .select()
      .from(programmeCohort)
      .where(inArray(programmeCohort.programmeId, programmeIds))
      .orderBy(asc(programmeCohort.startsOn), asc(programmeCohort.id)),
    db
      .select({ cohortId: programmeEnrolment.cohortId, n: count() })
      .from(programmeEnrolment)
      .where(
        and(
          inArray(programmeEnrolment.programmeId, programmeIds),
          isNotNull(programmeEnrolment.cohortId),
          ne(programmeEnrolment.status, 'left'),
        ),
      )
      .groupBy(programmeEnrolment.cohortId),
  ]);
  return cohorts.map((cohort) => ({ cohort, taken: taken.find((x) => x.cohortId === cohort.id)?.n ?? 0 }));
}

/** A member's enrolments in some programmes. */
export async function enrolmentsOfMember(db: Database, memberId: string, programmeIds: string[]) {
  if (programmeIds.length === 0) return [];
  return db
    .select()
    .from(programmeEnrolment)
    .where(and(eq(programmeEnrolment.memberId, memberId), inArray(programmeEnrolment.programmeId, programmeIds)));
}

export async function enrolmentOf(db: Database, programmeId: string, memberId: string) {
  const [row] = await db
    .select()
    .from(programmeEnrolment)
    .where(and(eq(programmeEnrolment.programmeId, programmeId), eq(programmeEnrolment.memberId, memberId)))
    .limit(1);
  return row;
}

/**
 * The cohort's row, locked until the transaction ends, and how many take part in it now: two people enrolling
 * at once into its last place take turns here, and the second counts the first.
 */
export async function lockCohort(db: Database, programmeId: string, cohortId: string) {
  const [row] = await db
    .select()
    .from(programmeCohort)
    .where(and(eq(programmeCohort.id, cohortId), eq(programmeCohort.programmeId, programmeId)))
    .for('update');
  if (!row) return undefined;
  const [taken] = await db
    .select({ n: count() })
    .from(programmeEnrolment)
    .where(and(eq(programmeEnrolment.cohortId, cohortId), ne(programmeEnrolment.status, 'left')));
  return { cohort: row, taken: taken?.n ?? 0 };
}

export async function insertEnrolment(db: Database, values: typeof programmeEnrolment.$inferInsert) {
  await db.insert(programmeEnrolment).values(values);
}

/** Changes an enrolment and announces it (the gate and "this week" cache enrolments: participation-cache.ts). */
export async function updateEnrolment(
  writer: Pick<AppContext, 'db' | 'changes'>,
  enrolmentId: string,
  changes: Partial<typeof programmeEnrolment.$inferInsert>,
) {
  const [row] = await writer.db
    .update(programmeEnrolment)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(programmeEnrolment.id, enrolmentId))
    .returning();
  if (row) await writer.changes.announce({ kind: 'enrolment', enrolmentId, userId: row.userId });
  return row;
}

export async function findCohort(db: Database, cohortId: string) {
  const [row] = await db.select().from(programmeCohort).where(eq(programmeCohort.id, cohortId)).limit(1);
  return row;
}

export async function progressOf(db: Database, enrolmentId: string) {
  return db.select().from(programmeProgress).where(eq(programmeProgress.enrolmentId, enrolmentId));
}

/**
 * The reflections on one thing by the cohort's participants (not those who left) that are posts shared with
 * the cohort or the organisation, newest first; and links to their own blogs.
 */
export async function cohortReflectionsOn(db: Database, cohortId: string, thingId: string) {
  const rows = await db
    .select({
      postId: programmeProgress.reflectionPostId,
      postVisibility: post.visibility,
      url: programmeProgress.reflectionUrl,
      title: programmeProgress.reflectionTitle,
      at: programmeProgress.reflectedAt,
      name: user.name,
    })
    .from(programmeProgress)
    .innerJoin(programmeEnrolment, eq(programmeEnrolment.id, programmeProgress.enrolmentId))
    .innerJoin(user, eq(user.id, programmeEnrolment.userId))
    .leftJoin(post, eq(post.id, programmeProgress.reflectionPostId))
    .where(
      and(
        eq(programmeEnrolment.cohortId, cohortId),
        ne(programmeEnrolment.status, 'left'),
        eq(programmeProgress.thingId, thingId),
        isNotNull(programmeProgress.reflectedAt),
      ),
    )
    .orderBy(sql`${programmeProgress.reflectedAt} desc`);
  return rows;
}

/** The cohort's participants (not those who left) with how many things each has done (tried and reflected on). */
export async function cohortParticipantsWithCounts(db: Database, cohortId: string) {
  return db
    .select({
      memberId: programmeEnrolment.memberId,
      name: user.name,
      status: programmeEnrolment.status,
      doneCount: sql<number>`count(${programmeProgress.thingId}) filter (where ${programmeProgress.triedAt} is not null
        and ${programmeProgress.reflectedAt} is not null)`.mapWith(Number),
    })
    .from(programmeEnrolment)
    .innerJoin(membership, eq(membership.id, programmeEnrolment.memberId))
    .innerJoin(user, eq(user.id, programmeEnrolment.userId))
    .leftJoin(programmeProgress, eq(programmeProgress.enrolmentId, programmeEnrolment.id))
    .where(and(eq(programmeEnrolment.cohortId, cohortId), ne(programmeEnrolment.status, 'left')))
    .groupBy(programmeEnrolment.id, programmeEnrolment.memberId, user.name, programmeEnrolment.status)
    .orderBy(asc(user.name), asc(programmeEnrolment.memberId));
}

/** The organisation's name and the participant's, for the certificate. */
export async function certificateNames(db: Database, enrolmentId: string) {
  const [row] = await db
    .select({ name: user.name, organisation: organization.name })
    .from(programmeEnrolment)
    .innerJoin(user, eq(user.id, programmeEnrolment.userId))
    .innerJoin(organization, eq(organization.id, programmeEnrolment.organizationId))
    .where(eq(programmeEnrolment.id, enrolmentId))
    .limit(1);
  return row;
}

/** A member's active enrolments in an organisation, oldest first. */
export async function activeEnrolmentsOf(db: Database, memberId: string, orgId: string) {
  return db
    .select()
    .from(programmeEnrolment)
    .where(
      and(
        eq(programmeEnrolment.memberId, memberId),
        eq(programmeEnrolment.organizationId, orgId),
        eq(programmeEnrolment.status, 'active'),
      ),
    )
    .orderBy(asc(programmeEnrolment.createdAt), asc(programmeEnrolment.id));
}
