import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import {
  membership,
  programme,
  programmeCohort,
  programmeEnrolment,
  programmeProgress,
  programmeThing,
  programmeThingRevision,
  programmeWeek,
  user,
} from '../../db/schema/index.js';
import type { AppContext } from '../../server/context.js';

/*
 * The authoring side's queries. Counting subqueries name the outer row's table outright: drizzle writes a
 * column of the only table selected from without its table, and `id` would then mean the subquery's own.
 * Every write that reorders takes the programme's row lock first
 * (`lockProgramme`), so two editors moving things at once take turns instead of numbering over each other.
 * Every write to a programme, its weeks, things or cohorts locks, touches or updates its row first: those three
 * also announce the change (participation-cache.ts), so no write can forget to.
 */

/** Where a programme write runs: its transaction's database and the change feed it announces on. */
type Writer = Pick<AppContext, 'db' | 'changes'>;

const changed = (writer: Writer, programmeId: string) => writer.changes.announce({ kind: 'programme', programmeId });

export type ProgrammeInsert = typeof programme.$inferInsert;
export type ThingInsert = typeof programmeThing.$inferInsert;

/** The organisation's programmes (drafts too) with their counts, newest change first. */
export async function listAuthoredProgrammes(db: Database, orgId: string) {
  return db
    .select({
      id: programme.id,
      title: programme.title,
      status: programme.status,
      updatedAt: programme.updatedAt,
      weeks: sql<number>`(select count(*)::int from ${programmeWeek} w where w.programme_id = "programme"."id")`,
      things: sql<number>`(select count(*)::int from ${programmeThing} t where t.programme_id = "programme"."id")`,
      cohorts: sql<number>`(select count(*)::int from ${programmeCohort} c where c.programme_id = "programme"."id")`,
      participants: sql<number>`(select count(*)::int from ${programmeEnrolment} e where e.programme_id = "programme"."id" and e.status <> 'left')`,
    })
    .from(programme)
    .where(eq(programme.organizationId, orgId))
    .orderBy(desc(programme.updatedAt), asc(programme.title));
}

/** Holds the programme's row until the transaction ends (writes to one programme take turns). */
export async function lockProgramme(writer: Writer, programmeId: string) {
  const [row] = await writer.db.select().from(programme).where(eq(programme.id, programmeId)).for('update');
  await changed(writer, programmeId);
  return row;
}

export async function insertProgramme(db: Database, values: ProgrammeInsert) {
  await db.insert(programme).values(values);
}

/** Changes a programme if it is still at `version`; answers whether it was. */
export async function updateProgrammeAt(
  writer: Writer,
  programmeId: string,
  version: number,
  values: Partial<ProgrammeInsert>,
): Promise<boolean> {
  const rows = await writer.db
    .update(programme)
    .set({ ...values, version: sql`${programme.version} + 1`, updatedAt: new Date() })
    .where(and(eq(programme.id, programmeId), eq(programme.version, version)))
    .returning({ id: programme.id });
  if (rows.length > 0) await changed(writer, programmeId);
  return rows.length > 0;
}

/** Marks the programme changed (its outline changed): lists show it first. */
export async function touchProgramme(writer: Writer, programmeId: string, values: Partial<ProgrammeInsert> = {}) {
  await writer.db
    .update(programme)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(programme.id, programmeId));
  await changed(writer, programmeId);
}

export async function findWeek(db: Database, weekId: string) {
  const [row] = await db.select().from(programmeWeek).where(eq(programmeWeek.id, weekId)).limit(1);
  return row;
}

export async function findThing(db: Database, thingId: string) {
  const [row] = await db.select().from(programmeThing).where(eq(programmeThing.id, thingId)).limit(1);
  return row;
}

export async function insertWeeks(db: Database, rows: (typeof programmeWeek.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(programmeWeek).values(rows);
}

export async function insertThings(db: Database, rows: ThingInsert[]) {
  if (rows.length > 0) await db.insert(programmeThing).values(rows);
}

export async function updateWeek(db: Database, weekId: string, values: Partial<typeof programmeWeek.$inferInsert>) {
  await db.update(programmeWeek).set(values).where(eq(programmeWeek.id, weekId));
}

export async function deleteWeek(db: Database, weekId: string) {
  await db.delete(programmeWeek).where(eq(programmeWeek.id, weekId));
}

/** Changes a thing if it is still at `version`; answers whether it was. */
export async function updateThingAt(db: Database, thingId: string, version: number, values: Partial<ThingInsert>) {
  const rows = await db
    .update(programmeThing)
    .set({ ...values, version: sql`${programmeThing.version} + 1`, updatedAt: new Date() })
    .where(and(eq(programmeThing.id, thingId), eq(programmeThing.version, version)))
    .returning({ id: programmeThing.id });
  return rows.length > 0;
}

export async function setThingPlace(db: Database, thingId: string, weekId: string, position: number) {
  await db.update(programmeThing).set({ weekId, position }).where(eq(programmeThing.id, thingId));
}

export async function setWeekPosition(db: Database, weekId: string, position: number) {
  await db.update(programmeWeek).set({ position }).where(eq(programmeWeek.id, weekId));
}

export async function deleteThing(db: Database, thingId: string) {
  await db.delete(programmeThing).where(eq(programmeThing.id, thingId));
}

/** Whether any participant has started the thing (then it is not deleted: their progress would go with it). */
export async function thingHasProgress(db: Database, thingId: string): Promise<boolean> {
  const [row] = await db
    .select({ thingId: programmeProgress.thingId })
    .from(programmeProgress)
    .where(eq(programmeProgress.thingId, thingId))
    .limit(1);
  return Boolean(row);
}

export async function insertRevision(db: Database, values: typeof programmeThingRevision.$inferInsert) {
  await db.insert(programmeThingRevision).values(values);
}

/** A thing's earlier states, newest first, with who made the change that replaced each. */
export async function listRevisions(db: Database, thingId: string) {
  return db
    .select({
      id: programmeThingRevision.id,
      version: programmeThingRevision.version,
      snapshot: programmeThingRevision.snapshot,
      participantsTold: programmeThingRevision.participantsTold,
      createdAt: programmeThingRevision.createdAt,
      editedBy: user.name,
    })
    .from(programmeThingRevision)
    .leftJoin(membership, eq(membership.id, programmeThingRevision.editedByMemberId))
    .leftJoin(user, eq(user.id, membership.userId))
    .where(eq(programmeThingRevision.thingId, thingId))
    .orderBy(desc(programmeThingRevision.version));
}

/** The people taking part now (not those who left or finished). */
export async function activeParticipants(db: Database, programmeId: string) {
  return db
    .select({ userId: programmeEnrolment.userId })
    .from(programmeEnrolment)
    .where(and(eq(programmeEnrolment.programmeId, programmeId), eq(programmeEnrolment.status, 'active')));
}

const cohortParticipants = sql<number>`(select count(*)::int from ${programmeEnrolment} e where e.cohort_id = "programme_cohort"."id" and e.status <> 'left')`;

export async function listCohorts(db: Database, programmeId: string) {
  return db
    .select({ cohort: programmeCohort, participants: cohortParticipants })
    .from(programmeCohort)
    .where(eq(programmeCohort.programmeId, programmeId))
    .orderBy(asc(programmeCohort.startsOn), asc(programmeCohort.name));
}

export async function findCohortCounted(db: Database, cohortId: string) {
  const [row] = await db
    .select({ cohort: programmeCohort, participants: cohortParticipants })
    .from(programmeCohort)
    .where(eq(programmeCohort.id, cohortId))
    .limit(1);
  return row;
}

/** Anyone ever enrolled in the cohort who has not left: a cohort with people in it is not deleted. */
export async function cohortHasParticipants(db: Database, cohortId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: programmeEnrolment.id })
    .from(programmeEnrolment)
    .where(and(eq(programmeEnrolment.cohortId, cohortId), ne(programmeEnrolment.status, 'left')))
    .limit(1);
  return Boolean(row);
}

export async function insertCohort(db: Database, values: typeof programmeCohort.$inferInsert) {
  await db.insert(programmeCohort).values(values);
}

export async function updateCohort(
  db: Database,
  cohortId: string,
  values: Partial<typeof programmeCohort.$inferInsert>,
) {
  await db
    .update(programmeCohort)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(programmeCohort.id, cohortId));
}

/** Deletes the cohort; answers whether there was one to delete. */
export async function deleteCohort(db: Database, cohortId: string): Promise<boolean> {
  const rows = await db
    .delete(programmeCohort)
    .where(eq(programmeCohort.id, cohortId))
    .returning({ id: programmeCohort.id });
  return rows.length > 0;
}
