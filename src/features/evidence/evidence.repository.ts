import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { evidence } from '../../db/schema/index.js';

export type EvidenceRow = typeof evidence.$inferSelect;

export async function insertEvidence(db: Database, values: typeof evidence.$inferInsert): Promise<EvidenceRow> {
  const [row] = await db.insert(evidence).values(values).returning();
  return row as EvidenceRow;
}

export async function findEvidence(db: Database, planId: string, evidenceId: string) {
  const [row] = await db
    .select()
    .from(evidence)
    .where(and(eq(evidence.id, evidenceId), eq(evidence.planId, planId)));
  return row;
}

/** A goal's evidence, newest first. */
export async function evidenceOfGoal(db: Database, planId: string, goalId: string) {
  return db
    .select()
    .from(evidence)
    .where(and(eq(evidence.planId, planId), eq(evidence.goalId, goalId)))
    .orderBy(desc(evidence.occurredOn), desc(evidence.createdAt));
}

/** The evidence of several goals at once (the portfolio), oldest first within each goal. */
export async function evidenceOfGoals(db: Database, goalIds: string[]) {
  if (goalIds.length === 0) return [];
  return db
    .select()
    .from(evidence)
    .where(inArray(evidence.goalId, goalIds))
    .orderBy(asc(evidence.occurredOn), asc(evidence.createdAt));
}

/** Where the files of a plan's evidence are stored, to remove them with the plan. */
export async function updateEvidenceRow(
  db: Database,
  id: string,
  version: number,
  changes: Partial<typeof evidence.$inferInsert>,
) {
  const [row] = await db
    .update(evidence)
    .set({ ...changes, version: version + 1, updatedAt: new Date() })
    .where(and(eq(evidence.id, id), eq(evidence.version, version)))
    .returning();
  return row;
}

export async function deleteEvidenceRow(db: Database, id: string) {
  await db.delete(evidence).where(eq(evidence.id, id));
}
