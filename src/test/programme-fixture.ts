import { randomUUID } from 'node:crypto';
import type { Database } from '../db/client.js';
import { learnerSettings, programme, programmeCohort, programmeThing, programmeWeek } from '../db/schema/index.js';
import type { Actor } from '../features/access/index.js';
import type { MemberRow, OrgRow, UserRow } from './factories.js';

/*
 * Programmes for the learner side's tests, inserted straight into their tables (the authoring API is another
 * slice's): a programme with weeks of things, and cohorts. Whatever is not given gets a plain default.
 */

export interface WeekSpec {
  /** How many things the week has (none for a catch-up week). */
  things?: number;
  catchUp?: boolean;
  title?: string;
  /** Optional things among them (by index in the week). */
  optional?: number[];
  minWords?: number;
}

export async function createProgramme(
  db: Database,
  org: OrgRow,
  overrides: Partial<typeof programme.$inferInsert> & { weeks?: WeekSpec[] } = {},
) {
  const { weeks: spec = [{ things: 2 }, { things: 2 }], ...fields } = overrides;
  const [row] = await db
    .insert(programme)
    .values({
      id: randomUUID(),
      organizationId: org.id,
      title: `23 Things ${randomUUID().slice(0, 6)}`,
      summary: 'Try one small tool or practice at a time, and reflect on it.',
      status: 'published',
      publishedAt: new Date(),
      ...fields,
    })
    .returning();
  if (!row) throw new Error('programme not inserted');
  const weeks: (typeof programmeWeek.$inferSelect)[] = [];
  const things: (typeof programmeThing.$inferSelect)[] = [];
  for (const [position, w] of spec.entries()) {
    const [week] = await db
      .insert(programmeWeek)
      .values({
        id: randomUUID(),
        programmeId: row.id,
        position,
        title: w.title ?? `Week ${position + 1}`,
        catchUp: Boolean(w.catchUp),
      })
      .returning();
    if (!week) throw new Error('week not inserted');
    weeks.push(week);
    for (let i = 0; i < (w.things ?? 0); i++) {
      const [thing] = await db
        .insert(programmeThing)
        .values({
          id: randomUUID(),
          programmeId: row.id,
          weekId: week.id,
          position: things.length,
          title: `Thing ${things.length + 1}`,
          body: `# Thing ${things.length + 1}\n\nTry it <script>alert(1)</script> and **reflect**.`,
          task: 'Try it for ten minutes.',
          prompt: 'What surprised you?',
          links: [{ title: 'More', url: 'https://example.org/more' }],
          minutes: 20,
          required: !(w.optional ?? []).includes(i),
          minWords: w.minWords ?? 0,
        })
        .returning();
      if (!thing) throw new Error('thing not inserted');
      things.push(thing);
    }
  }
  return { programme: row, weeks, things };
}

export async function createCohort(
  db: Database,
  programmeId: string,
  overrides: Partial<typeof programmeCohort.$inferInsert> = {},
) {
  const [row] = await db
    .insert(programmeCohort)
    .values({ id: randomUUID(), programmeId, name: 'Spring cohort', startsOn: '2027-03-01', ...overrides })
    .returning();
  if (!row) throw new Error('cohort not inserted');
  return row;
}

/** The person's time zone, as their settings would hold it. */
export async function setTimeZone(db: Database, userId: string, timeZone: string) {
  await db
    .insert(learnerSettings)
    .values({ userId, timeZone })
    .onConflictDoUpdate({ target: learnerSettings.userId, set: { timeZone } });
}

/** The member as the actor of a service call. */
export const actorOf = (member: MemberRow & { user: UserRow }): Actor => ({
  kind: 'user',
  userId: member.user.id,
  email: member.user.email,
  name: member.user.name,
  sessionId: `test-${member.id}`,
});
