import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import {
  learnerSettings,
  post,
  programme,
  programmeCohort,
  programmeEnrolment,
  programmeProgress,
  programmeThing,
  programmeWeek,
} from '../db/schema/index.js';

/*
 * Programmes, cohorts, enrolments and progress for the organisers' tests and the benchmark, written straight
 * into the tables set-wise (one insert per table), not through the authoring or learner APIs (other slices).
 */

type ProgrammeInsert = typeof programme.$inferInsert;

export interface FixtureProgramme {
  programme: typeof programme.$inferSelect;
  weeks: (typeof programmeWeek.$inferSelect)[];
  /** In programme order. */
  things: (typeof programmeThing.$inferSelect)[];
}

/**
 * A published programme with `weeks` weeks; each entry is how many things the week has (0 with `catchUp`).
 * Things are required unless listed in `optional` (1-based numbers).
 */
export async function createProgramme(
  db: Database,
  orgId: string,
  options: {
    weeks?: readonly number[];
    catchUpWeeks?: readonly number[];
    optional?: readonly number[];
  } & Partial<Omit<ProgrammeInsert, 'id' | 'organizationId'>> = {},
): Promise<FixtureProgramme> {
  const { weeks: shape = [2, 2, 2], catchUpWeeks = [], optional = [], ...fields } = options;
  const [row] = await db
    .insert(programme)
    .values({
      id: randomUUID(),
      organizationId: orgId,
      title: 'Twenty-three things',
      status: 'published',
      publishedAt: new Date(),
      ...fields,
    })
    .returning();
  const p = row as FixtureProgramme['programme'];
  const weekRows = shape.map((_, position) => ({
    id: randomUUID(),
    programmeId: p.id,
    position,
    title: `Week ${position + 1}`,
    catchUp: catchUpWeeks.includes(position),
  }));
  const weeks = await db.insert(programmeWeek).values(weekRows).returning();
  let n = 0;
  const thingRows = shape.flatMap((count, w) =>
    Array.from({ length: count }, () => {
      n += 1;
      return {
        id: randomUUID(),
        programmeId: p.id,
        weekId: weekRows[w]?.id as string,
        // 0-based, as authoring stores it (programme-content.service.ts); titles count from 1 as people do.
        position: n - 1,
        title: `Thing ${n}`,
        required: !optional.includes(n),
      };
    }),
  );
  const things = thingRows.length ? await db.insert(programmeThing).values(thingRows).returning() : [];
  return {
    programme: p,
    weeks: weeks.sort((a, b) => a.position - b.position),
    things: things.sort((a, b) => a.position - b.position),
  };
}

export async function createCohort(db: Database, programmeId: string, startsOn: string, name = 'Spring cohort') {
  const [row] = await db.insert(programmeCohort).values({ id: randomUUID(), programmeId, name, startsOn }).returning();
  return row as typeof programmeCohort.$inferSelect;
}

export interface Participant {
  memberId: string;
  userId: string;
}

/** Enrols people in one insert; `startedOn` is a self-paced participant's start (cohort members' is the cohort's). */
export async function enrolAll(
  db: Database,
  p: FixtureProgramme['programme'],
  people: readonly Participant[],
  options: { cohortId?: string | null; startedOn: string; status?: 'active' | 'completed' | 'left' },
) {
  if (people.length === 0) return [];
  return db
    .insert(programmeEnrolment)
    .values(
      people.map((person) => ({
        id: randomUUID(),
        programmeId: p.id,
        organizationId: p.organizationId,
        memberId: person.memberId,
        userId: person.userId,
        cohortId: options.cohortId ?? null,
        startedOn: options.startedOn,
        status: options.status ?? 'active',
        completedAt: options.status === 'completed' ? new Date() : null,
      })),
    )
    .returning();
}

export type ProgressInsert = typeof programmeProgress.$inferInsert;

/** Progress rows in one insert (in chunks, so the benchmark's 46,000 stay within the bind-parameter limit). */
export async function recordProgress(db: Database, rows: readonly ProgressInsert[]) {
  for (let i = 0; i < rows.length; i += 5000) await db.insert(programmeProgress).values(rows.slice(i, i + 5000));
}

/** A reflection written in Waymark: a post by the participant, private or shared with their cohort. */
export async function reflectionPost(
  db: Database,
  orgId: string,
  author: Participant,
  options: { visibility: 'private' | 'cohort' | 'organization'; cohortId?: string; body?: string },
) {
  const body = options.body ?? 'What I learnt this week.';
  const [row] = await db
    .insert(post)
    .values({
      id: randomUUID(),
      organizationId: orgId,
      authorMemberId: author.memberId,
      authorUserId: author.userId,
      body,
      html: `<p>${body}</p>`,
      visibility: options.visibility,
      cohortId: options.cohortId ?? null,
    })
    .returning();
  return row as typeof post.$inferSelect;
}

/** Sets people's time zones (their settings rows), set-wise. */
export async function setTimeZones(db: Database, people: readonly { userId: string; timeZone: string }[]) {
  if (people.length === 0) return;
  await db
    .insert(learnerSettings)
    .values(people.map((p) => ({ userId: p.userId, timeZone: p.timeZone })))
    .onConflictDoUpdate({ target: learnerSettings.userId, set: { timeZone: sql`excluded.time_zone` } });
}
