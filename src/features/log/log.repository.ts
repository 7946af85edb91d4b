import { and, desc, eq, getTableColumns, gte, lte, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { goal, logEntry, plan } from '../../db/schema/index.js';

export type LogRow = typeof logEntry.$inferSelect;

/** Entries with the goal they name (if it still exists), as the list and the API show them. */
const { search: _search, ...entryColumns } = getTableColumns(logEntry);
const withGoal = {
  // Not the search vector: only PostgreSQL needs it, and reading it back cost more than the rest of the row.
  entry: entryColumns,
  goal: { id: goal.id, what: goal.what, planId: plan.id, cycle: plan.cycle },
};

export async function insertLogEntry(db: Database, values: typeof logEntry.$inferInsert) {
  const [row] = await db.insert(logEntry).values(values).returning(entryColumns);
  return row as Omit<LogRow, 'search'>;
}

export async function findLogEntry(db: Database, entryId: string) {
  const [row] = await db
    .select(withGoal)
    .from(logEntry)
    .leftJoin(goal, eq(goal.id, logEntry.goalId))
    .leftJoin(plan, eq(plan.id, goal.planId))
    .where(eq(logEntry.id, entryId))
    .limit(1);
  return row;
}

export interface LogFilter {
  memberId: string;
  goalId?: string;
  form?: LogRow['form'];
  from?: string;
  to?: string;
  q?: string;
  /** Entries strictly after this one in the order (newest learnedOn first, then id). */
  after?: { learnedOn: string; id: string };
  limit: number;
}

/** One page of a learner's log, newest first, by keyset: as fast on page 200 as on page 1. */
export async function listLogEntries(db: Database, f: LogFilter) {
  return (
    db
      .select(withGoal)
      .from(logEntry)
      .leftJoin(goal, eq(goal.id, logEntry.goalId))
      .leftJoin(plan, eq(plan.id, goal.planId))
      .where(
        and(
          eq(logEntry.memberId, f.memberId),
          f.goalId ? eq(logEntry.goalId, f.goalId) : undefined,
          f.form ? eq(logEntry.form, f.form) : undefined,
          f.from ? gte(logEntry.learnedOn, f.from) : undefined,
          f.to ? lte(logEntry.learnedOn, f.to) : undefined,
          f.q ? sql`${logEntry.search} @@ websearch_to_tsquery('simple', ${f.q})` : undefined,
          // A row comparison the index answers directly: the page starts right after the cursor.
          f.after
            ? sql`(${logEntry.learnedOn}, ${logEntry.id}) < (${f.after.learnedOn}::date, ${f.after.id})`
            : undefined,
        ),
      )
      // "nulls last" as in the index (log_entry_member_page_idx), so PostgreSQL reads it in order and stops early.
      .orderBy(sql`${logEntry.learnedOn} desc nulls last`, sql`${logEntry.id} desc nulls last`)
      .limit(f.limit)
  );
}

/** The learner's goals in an organisation, across their plans (for naming one in the log). */
export async function listGoalsOfMember(db: Database, memberId: string) {
  return db
    .select({ id: goal.id, what: goal.what, status: goal.status, planId: plan.id, cycle: plan.cycle })
    .from(goal)
    .innerJoin(plan, eq(plan.id, goal.planId))
    .where(eq(plan.memberId, memberId))
    .orderBy(desc(plan.createdAt), goal.position);
}

export async function goalOfMember(db: Database, memberId: string, goalId: string) {
  const [row] = await db
    .select({ id: goal.id, what: goal.what, planId: plan.id, cycle: plan.cycle })
    .from(goal)
    .innerJoin(plan, eq(plan.id, goal.planId))
    .where(and(eq(goal.id, goalId), eq(plan.memberId, memberId)))
    .limit(1);
  return row;
}
