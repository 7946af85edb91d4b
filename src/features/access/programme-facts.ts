import { and, eq, ne } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { programme, programmeCohort, programmeEnrolment } from '../../db/schema/index.js';

/*
 * What the gate reads about programmes, cohorts and enrolments. Organisers of a programme are its
 * organisation's L&D admins and owners; participants are members enrolled in it (not those who left).
 */

export type ProgrammeRecord = typeof programme.$inferSelect;
export type CohortRecord = typeof programmeCohort.$inferSelect;
export type EnrolmentRecord = typeof programmeEnrolment.$inferSelect;

export async function findProgramme(db: Database, programmeId: string): Promise<ProgrammeRecord | undefined> {
  const [row] = await db.select().from(programme).where(eq(programme.id, programmeId)).limit(1);
  return row;
}

export async function findCohortWithProgramme(db: Database, cohortId: string) {
  const [row] = await db
    .select({ cohort: programmeCohort, programme })
    .from(programmeCohort)
    .innerJoin(programme, eq(programme.id, programmeCohort.programmeId))
    .where(eq(programmeCohort.id, cohortId))
    .limit(1);
  return row;
}

export async function findEnrolment(db: Database, enrolmentId: string): Promise<EnrolmentRecord | undefined> {
  const [row] = await db.select().from(programmeEnrolment).where(eq(programmeEnrolment.id, enrolmentId)).limit(1);
  return row;
}

/** Whether the member takes part in the cohort (enrolled in it and not left). */
export async function participatesInCohort(db: Database, cohortId: string, memberId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: programmeEnrolment.id })
    .from(programmeEnrolment)
    .where(
      and(
        eq(programmeEnrolment.cohortId, cohortId),
        eq(programmeEnrolment.memberId, memberId),
        ne(programmeEnrolment.status, 'left'),
      ),
    )
    .limit(1);
  return Boolean(row);
}
