import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { programme, programmeThing, programmeWeek } from '../../db/schema/index.js';

/*
 * A programme's outline: the programme row, its weeks and its things in order. Every side of programmes reads it
 * (authoring, the learner's "this week", organisers' progress, blog feeds matching posts to things), so it lives
 * here once. Three selects by index, whatever the size.
 */

export type ProgrammeRow = typeof programme.$inferSelect;
export type ProgrammeWeekRow = typeof programmeWeek.$inferSelect;
export type ProgrammeThingRow = typeof programmeThing.$inferSelect;

export interface ProgrammeOutline {
  programme: ProgrammeRow;
  weeks: ProgrammeWeekRow[];
  /** In programme order: `things[i]` is thing number i + 1. */
  things: ProgrammeThingRow[];
}

/** The outline of one programme, or undefined when there is none with that id. No access check: callers gate. */
export async function loadProgrammeOutline(db: Database, programmeId: string): Promise<ProgrammeOutline | undefined> {
  const [row] = await db.select().from(programme).where(eq(programme.id, programmeId)).limit(1);
  if (!row) return undefined;
  const [weeks, things] = await Promise.all([
    db
      .select()
      .from(programmeWeek)
      .where(eq(programmeWeek.programmeId, programmeId))
      .orderBy(asc(programmeWeek.position)),
    db
      .select()
      .from(programmeThing)
      .where(eq(programmeThing.programmeId, programmeId))
      .orderBy(asc(programmeThing.position)),
  ]);
  return { programme: row, weeks, things };
}

/** Whether a thing is done for completion: tried, and reflected on. */
export function thingDone(progress: { triedAt: Date | null; reflectedAt: Date | null } | undefined): boolean {
  return Boolean(progress?.triedAt && progress.reflectedAt);
}

/**
 * The author's completion rule: every required thing done and at least `minOptional` optional ones.
 * `done` holds the ids of the things done.
 */
export function meetsCompletionRule(outline: ProgrammeOutline, done: ReadonlySet<string>): boolean {
  const required = outline.things.filter((t) => t.required);
  const optionalDone = outline.things.filter((t) => !t.required && done.has(t.id)).length;
  return required.every((t) => done.has(t.id)) && optionalDone >= outline.programme.minOptional;
}
