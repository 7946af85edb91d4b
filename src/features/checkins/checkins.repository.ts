import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { checkin } from '../../db/schema/index.js';

export type CheckinRow = typeof checkin.$inferSelect;

/**
 * A plan's check-ins, newest first (by the learner's date, then by when they were made). Also read by the
 * goal timeline, which picks the progress changes of one goal out of them.
 */
export async function checkinsOfPlan(db: Database, planId: string): Promise<CheckinRow[]> {
  return db
    .select()
    .from(checkin)
    .where(eq(checkin.planId, planId))
    .orderBy(desc(checkin.checkedOn), desc(checkin.createdAt), desc(checkin.id));
}

export async function findCheckin(db: Database, planId: string, checkinId: string): Promise<CheckinRow | undefined> {
  const [row] = await db
    .select()
    .from(checkin)
    .where(and(eq(checkin.id, checkinId), eq(checkin.planId, planId)))
    .limit(1);
  return row;
}

export async function insertCheckin(db: Database, values: typeof checkin.$inferInsert): Promise<CheckinRow> {
  const [row] = await db.insert(checkin).values(values).returning();
  return row as CheckinRow;
}

/** Deletes one check-in of a plan; answers whether there was one. */
export async function deleteCheckin(db: Database, planId: string, checkinId: string): Promise<boolean> {
  const gone = await db
    .delete(checkin)
    .where(and(eq(checkin.id, checkinId), eq(checkin.planId, planId)))
    .returning({ id: checkin.id });
  return gone.length > 0;
}
