import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { evidence, goal, plan, planRevision } from '../../db/schema/index.js';
import { rowFromJson, rowsOf } from '../../db/sql-helpers.js';
import { type PartKind, type PartRow, partKinds, tableOf } from './plan-parts.js';

export type PlanRow = typeof plan.$inferSelect;

export async function findPlan(db: Database, planId: string): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(plan).where(eq(plan.id, planId)).limit(1);
  return row;
}

export type RevisionRow = typeof planRevision.$inferSelect;

/**
 * Locks the plan row for the rest of the transaction (writers to one plan go one at a time) and reads its
 * newest revision in the same round trip: history needs it to decide whether an autosave merges.
 */
export async function lockPlan(
  tx: Database,
  planId: string,
): Promise<{ plan: PlanRow; last: RevisionRow | null } | undefined> {
  const [row] = await tx
    .select({ plan, last: planRevision })
    .from(plan)
    .leftJoin(planRevision, and(eq(planRevision.planId, plan.id), eq(planRevision.seq, plan.revisionSeq)))
    .where(eq(plan.id, planId))
    .for('update', { of: plan });
  return row;
}

export async function insertPlan(db: Database, values: typeof plan.$inferInsert): Promise<PlanRow> {
  const [row] = await db.insert(plan).values(values).returning();
  return row as PlanRow;
}

export async function updatePlanRow(
  db: Database,
  planId: string,
  changes: Partial<
    Pick<PlanRow, 'cycle' | 'title' | 'guidePart' | 'guideStep' | 'revisionSeq' | 'version' | 'closedAt'>
  >,
) {
  await db
    .update(plan)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(plan.id, planId));
}

/** A member's plans in one organisation, newest cycle first, with goal counts for the list page. */
export async function listPlansOfMember(db: Database, memberId: string) {
  return db
    .select({
      id: plan.id,
      organizationId: plan.organizationId,
      cycle: plan.cycle,
      title: plan.title,
      carriedFromPlanId: plan.carriedFromPlanId,
      updatedAt: plan.updatedAt,
      goalCount: count(goal.id),
      achievedCount: sql<number>`count(${goal.id}) filter (where ${goal.status} = 'achieved')`.mapWith(Number),
    })
    .from(plan)
    .leftJoin(goal, eq(goal.planId, plan.id))
    .where(eq(plan.memberId, memberId))
    .groupBy(plan.id)
    .orderBy(desc(plan.createdAt));
}

export async function listItems(db: Database, kind: PartKind, planId: string): Promise<PartRow[]> {
  const t = tableOf(kind);
  return (await db
    .select()
    .from(t)
    .where(eq(t.planId, planId))
    .orderBy(asc(t.position), asc(t.createdAt))) as unknown as PartRow[];
}

/**
 * The plan row and every part's items in one statement: a plan opened after each change (the read a learner
 * makes all day) costs one round trip instead of two, and one connection instead of four.
 */
export async function findPlanWithItems(
  db: Database,
  planId: string,
): Promise<{ row: PlanRow; items: Record<PartKind, PartRow[]> } | undefined> {
  const parts = partKinds.map((kind) => {
    const t = tableOf(kind);
    return sql`(select coalesce(jsonb_agg(to_jsonb(i) order by i.position, i.created_at), '[]'::jsonb)
      from ${t} i where i.plan_id = p.id) as ${sql.identifier(kind)}`;
  });
  const [found] = rowsOf<Record<string, unknown>>(
    await db.execute(
      sql`select to_jsonb(p) as plan, ${sql.join(parts, sql`, `)} from ${plan} p where p.id = ${planId}`,
    ),
  );
  if (!found) return undefined;
  const items = Object.fromEntries(
    partKinds.map((kind) => [
      kind,
      (found[kind] as Record<string, unknown>[]).map((json) => rowFromJson(tableOf(kind), json) as unknown as PartRow),
    ]),
  ) as Record<PartKind, PartRow[]>;
  return { row: rowFromJson(plan, found.plan as Record<string, unknown>), items };
}

/** Every part of a plan at once (in parallel where the database allows it). */
export async function listAllItems(db: Database, planId: string): Promise<Record<PartKind, PartRow[]>> {
  const lists = await Promise.all(partKinds.map((kind) => listItems(db, kind, planId)));
  return Object.fromEntries(partKinds.map((kind, i) => [kind, lists[i]])) as Record<PartKind, PartRow[]>;
}

export async function findItem(db: Database, kind: PartKind, planId: string, id: string): Promise<PartRow | undefined> {
  const t = tableOf(kind);
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.id, id), eq(t.planId, planId)))
    .limit(1);
  return row as unknown as PartRow | undefined;
}

export async function nextPosition(db: Database, kind: PartKind, planId: string): Promise<number> {
  const t = tableOf(kind);
  const [row] = await db
    .select({ max: sql<number | null>`max(${t.position})` })
    .from(t)
    .where(eq(t.planId, planId));
  return (row?.max ?? -1) + 1;
}

export async function insertItem(db: Database, kind: PartKind, values: Record<string, unknown>): Promise<PartRow> {
  const t = tableOf(kind);
  const [row] = await db
    .insert(t)
    .values(values as typeof t.$inferInsert)
    .returning();
  return row as unknown as PartRow;
}

/** Writes the changes if the item is still at `version`; undefined when someone else got there first. */
export async function updateItem(
  db: Database,
  kind: PartKind,
  id: string,
  version: number,
  changes: Record<string, unknown>,
): Promise<PartRow | undefined> {
  const t = tableOf(kind);
  const [row] = await db
    .update(t)
    .set({ ...(changes as Partial<typeof t.$inferInsert>), version: version + 1, updatedAt: new Date() })
    .where(and(eq(t.id, id), eq(t.version, version)))
    .returning();
  return row as unknown as PartRow | undefined;
}

export async function deleteItem(db: Database, kind: PartKind, id: string) {
  const t = tableOf(kind);
  await db.delete(t).where(eq(t.id, id));
}

export async function deletePlanRow(db: Database, planId: string) {
  await db.delete(plan).where(eq(plan.id, planId));
}

/** Of `goalIds`, those of goals in plans of `userId` (in any of their organisations). */
export async function goalIdsOfUser(db: Database, userId: string, goalIds: string[]): Promise<Set<string>> {
  if (goalIds.length === 0) return new Set();
  const rows = await db
    .select({ id: goal.id })
    .from(goal)
    .innerJoin(plan, eq(plan.id, goal.planId))
    .where(and(eq(plan.userId, userId), inArray(goal.id, goalIds)));
  return new Set(rows.map((r) => r.id));
}

/**
 * The stored files of a plan's evidence, to remove once the plan is deleted (its evidence rows go with it by
 * foreign key). Read here, not in the evidence feature: evidence sits above plans.
 */
export async function fileKeysOfPlan(db: Database, planId: string): Promise<string[]> {
  const rows = await db
    .select({ key: evidence.storageKey })
    .from(evidence)
    .where(and(eq(evidence.planId, planId), eq(evidence.kind, 'file')));
  return rows.map((r) => r.key).filter((k): k is string => k !== null);
}
