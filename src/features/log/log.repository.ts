import { and, desc, eq, getTableColumns, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { Database } from '../../db/client.js';
import { queryPrepared } from '../../db/prepared.js';
import { goal, logEntry, plan, shareCommitment } from '../../db/schema/index.js';

export type LogRow = typeof logEntry.$inferSelect;

/** Entries with the goal they name (if it still exists), as the list and the API show them. */
const { search: _search, ...entryColumns } = getTableColumns(logEntry);
const withGoal = {
  // Not the search vector: only PostgreSQL needs it, and reading it back cost more than the rest of the row.
  entry: entryColumns,
  goal: { id: goal.id, what: goal.what, planId: plan.id, cycle: plan.cycle },
};

type NewEntry = typeof logEntry.$inferInsert & { learnedOn: string; what: string; source: string };

/**
 * Stores a quick capture, committed durably before the 201 (docs/decisions/2026-12-01-durable-writes-and-outages.md).
 * On PostgreSQL one prepared statement. Answers undefined when an entry with this id exists already (a capture
 * sent twice with its key: its id is made from the key).
 */
export async function insertLogEntry(db: Database, values: NewEntry) {
  // biome-ignore lint/suspicious/noExplicitAny: Drizzle keeps its driver client unexported
  if (!((db as any).$client instanceof pg.Pool)) {
    const [row] = await db.insert(logEntry).values(values).onConflictDoNothing().returning(entryColumns);
    return row as Omit<LogRow, 'search'> | undefined;
  }
  const [row] = await queryPrepared<Omit<LogRow, 'search'>>(
    db,
    sql`insert into ${logEntry} (id, organization_id, member_id, user_id, learned_on, what, form, source, goal_id)
      values (${values.id}, ${values.organizationId}, ${values.memberId}, ${values.userId}, ${values.learnedOn}::date,
        ${values.what}, ${values.form ?? null}::learning_form, ${values.source}, ${values.goalId ?? null})
      on conflict (id) do nothing
      returning id, organization_id as "organizationId", member_id as "memberId", user_id as "userId",
        learned_on::text as "learnedOn", what, form, source, goal_id as "goalId", version,
        created_at as "createdAt", updated_at as "updatedAt"`,
  );
  return row as Omit<LogRow, 'search'> | undefined;
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

type PageRow = { entries: string; more: boolean; last_learned_on: string | null; last_id: string | null };
const iso = (column: SQL | AnyPgColumn) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * One page of a learner's log, newest first, by keyset (as fast on page 200 as on page 1), answered as the
 * finished JSON of its entries: PostgreSQL builds it in the shape of `LogEntryView`, so the server neither
 * parses 26 rows value by value nor serialises them again. Also answers where the next page starts.
 */
export async function listLogPage(db: Database, f: LogFilter) {
  const where = and(
    eq(logEntry.memberId, f.memberId),
    f.goalId ? eq(logEntry.goalId, f.goalId) : undefined,
    f.form ? eq(logEntry.form, f.form) : undefined,
    f.from ? gte(logEntry.learnedOn, f.from) : undefined,
    f.to ? lte(logEntry.learnedOn, f.to) : undefined,
    f.q ? sql`${logEntry.search} @@ websearch_to_tsquery('simple', ${f.q})` : undefined,
    // A row comparison the index answers directly: the page starts right after the cursor.
    f.after
      ? sql`(${logEntry.learnedOn}, ${logEntry.id}) < (${f.after.learnedOn}::date, ${f.after.id}::text)`
      : undefined,
  );
  const [row] = await queryPrepared<PageRow>(
    db,
    sql`
    with page as (
      select ${logEntry.id} as id, ${logEntry.learnedOn} as learned_on, row_number() over (order by ${logEntry.learnedOn} desc nulls last, ${logEntry.id} desc nulls last) as n,
        json_build_object(
          'id', ${logEntry.id}, 'organizationId', ${logEntry.organizationId}, 'learnedOn', ${logEntry.learnedOn},
          'what', ${logEntry.what}, 'form', ${logEntry.form}, 'source', ${logEntry.source},
          'goal', case when ${goal.id} is null then null else json_build_object(
            'id', ${goal.id}, 'what', ${goal.what}, 'planId', ${plan.id}, 'cycle', ${plan.cycle}) end,
          'version', ${logEntry.version}, 'createdAt', ${iso(logEntry.createdAt)}, 'updatedAt', ${iso(logEntry.updatedAt)}
        ) as entry
      from ${logEntry}
      left join ${goal} on ${goal.id} = ${logEntry.goalId}
      left join ${plan} on ${plan.id} = ${goal.planId}
      where ${where}
      -- "nulls last" as in the index (log_entry_member_page_idx), so PostgreSQL reads it in order and stops early.
      order by ${logEntry.learnedOn} desc nulls last, ${logEntry.id} desc nulls last
      limit ${f.limit + 1}
    )
    select coalesce(json_agg(entry order by n) filter (where n <= ${f.limit}), '[]')::text as entries,
      count(*) > ${f.limit} as more,
      max(learned_on::text) filter (where n = ${f.limit}) as last_learned_on,
      max(id) filter (where n = ${f.limit}) as last_id
    from page
  `,
  );
  const last =
    row?.more && row.last_learned_on && row.last_id ? { learnedOn: row.last_learned_on, id: row.last_id } : null;
  return { entriesJson: row?.entries ?? '[]', next: last };
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

/** The sharing commitments of a learner's goals, across their plans. */
export async function listSharesOfMember(db: Database, memberId: string) {
  return db
    .select({
      id: shareCommitment.id,
      goalId: shareCommitment.goalId,
      planId: shareCommitment.planId,
      how: shareCommitment.how,
      audience: shareCommitment.audience,
      cadence: shareCommitment.cadence,
    })
    .from(shareCommitment)
    .innerJoin(plan, eq(plan.id, shareCommitment.planId))
    .where(eq(plan.memberId, memberId))
    .orderBy(shareCommitment.position);
}

/** Everything a learner logged for one goal (the goal's timeline), newest first. */
export async function logEntriesOfGoal(db: Database, memberId: string, goalId: string) {
  return db
    .select(entryColumns)
    .from(logEntry)
    .where(and(eq(logEntry.memberId, memberId), eq(logEntry.goalId, goalId)))
    .orderBy(desc(logEntry.learnedOn), desc(logEntry.id));
}
