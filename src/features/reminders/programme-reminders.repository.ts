import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import {
  learnerSettings,
  membership,
  programme,
  programmeCohort,
  programmeEnrolment,
  programmeProgress,
  programmeThing,
  programmeWeek,
} from '../../db/schema/index.js';

/**
 * Everyone taking part in a published programme of an organisation they still belong to, with their time zone,
 * their start and the week of the oldest required thing they have not done (null: none left).
 */
export async function activeParticipants(db: Database) {
  const e = programmeEnrolment;
  const oldestUndoneWeek = sql<number | null>`(
    select min(${programmeWeek.position}) from ${programmeThing}
    join ${programmeWeek} on ${programmeWeek.id} = ${programmeThing.weekId}
    where ${programmeThing.programmeId} = ${e.programmeId} and ${programmeThing.required}
      and not exists (select 1 from ${programmeProgress}
        where ${programmeProgress.enrolmentId} = ${e.id} and ${programmeProgress.thingId} = ${programmeThing.id}
          and ${programmeProgress.triedAt} is not null and ${programmeProgress.reflectedAt} is not null))`;
  return db
    .select({
      enrolmentId: e.id,
      userId: e.userId,
      programmeId: e.programmeId,
      organizationId: e.organizationId,
      cohortId: e.cohortId,
      startsOn: sql<string>`coalesce(${programmeCohort.startsOn}, ${e.startedOn})`,
      timeZone: sql<string>`coalesce(${learnerSettings.timeZone}, 'UTC')`,
      oldestUndoneWeek: oldestUndoneWeek.mapWith((v) => (v === null ? null : Number(v))),
    })
    .from(e)
    .innerJoin(programme, and(eq(programme.id, e.programmeId), eq(programme.status, 'published')))
    .innerJoin(membership, eq(membership.id, e.memberId))
    .leftJoin(programmeCohort, eq(programmeCohort.id, e.cohortId))
    .leftJoin(learnerSettings, eq(learnerSettings.userId, e.userId))
    .where(eq(e.status, 'active'));
}

export type ActiveParticipant = Awaited<ReturnType<typeof activeParticipants>>[number];
