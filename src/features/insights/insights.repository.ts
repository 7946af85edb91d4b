import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { rowsOf } from '../../db/sql-helpers.js';
import type { PopulationCell, Selection } from './selection-guard.js';
import { topicMapCte } from './topic-map.js';

/*
 * The dashboard's SQL, over insight_fact (see facts.ts). Every query counts rows, and a learner has one row
 * per kind and key, so a count is a number of distinct learners. Groups under k are not returned, only how
 * many of them there were.
 */

/** The bits of the months first..last, as insight_mask computes them in SQL. */
export function periodMask(anchor: number, first: number, last: number): bigint {
  const lo = Math.max(first, anchor - 61);
  const hi = Math.min(last, anchor);
  if (lo > hi) return 0n;
  return ((1n << BigInt(hi - lo + 1)) - 1n) << BigInt(anchor - hi);
}

const selectionFilter = (selection: Selection): SQL =>
  sql`${selection.department !== undefined ? sql`and department = ${selection.department}` : sql``}
      ${selection.team !== undefined ? sql`and team = ${selection.team}` : sql``}`;

/** Opted-in learners per department and team: what the selection guard decides from. */
export async function populationCells(db: Database, orgId: string): Promise<PopulationCell[]> {
  const result = await db.execute(sql`
    select department, team, count(*)::integer as learners from membership
    where organization_id = ${orgId} and insights_consent
    group by department, team`);
  return rowsOf<PopulationCell>(result);
}

export interface CountRow {
  kind: string;
  /** Null on the row that says how many groups were under k. */
  key: string | null;
  learners: number;
}

/** Learners per kind and key over the period: groups of at least k, and per kind the number of smaller ones. */
export async function periodCounts(
  db: Database,
  orgId: string,
  kinds: readonly string[],
  mask: bigint,
  selection: Selection,
  k: number,
): Promise<CountRow[]> {
  const result = await db.execute(sql`
    with grouped as (
      select kind, key, count(*)::integer as learners from insight_fact
      where organization_id = ${orgId} and kind in ${sql.raw(`(${kinds.map((k) => `'${k}'`).join(', ')})`)}
        and months & ${mask.toString()}::bigint <> 0 ${selectionFilter(selection)}
      group by kind, key
    )
    select kind, key, learners from grouped where learners >= ${k}
    union all
    select kind, null, count(*)::integer from grouped where learners < ${k} group by kind`);
  return rowsOf<CountRow>(result);
}

/**
 * Learners with a goal in each status, month by month: one pass summing each month's bit. `bits` are the bit
 * numbers of the months, oldest first.
 */
export async function statusByMonth(
  db: Database,
  orgId: string,
  bits: number[],
  selection: Selection,
): Promise<{ key: string; counts: number[] }[]> {
  const sums = sql.join(
    bits.map((bit) => sql.raw(`sum(((months >> ${bit}) & 1))::integer`)),
    sql`, `,
  );
  const result = await db.execute(sql`
    select key, array[${sums}] as counts from insight_fact
    where organization_id = ${orgId} and kind = 'status' ${selectionFilter(selection)}
    group by key`);
  return rowsOf<{ key: string; counts: number[] }>(result);
}

/** Members offering to mentor each topic (folded like learners' topics): public in the organisation already. */
export async function mentorsPerTopic(db: Database, orgId: string): Promise<Map<string, number>> {
  const result = await db.execute(sql`
    with ${topicMapCte(orgId)}
    select coalesce(tm.key, insight_phrase(t)) as key, count(distinct m.id)::integer as mentors
    from membership m cross join unnest(m.mentoring_topics) t
    left join topic_map tm on tm.phrase = insight_phrase(t)
    where m.organization_id = ${orgId} and m.offers_mentoring
    group by 1`);
  return new Map(rowsOf<{ key: string; mentors: number }>(result).map((r) => [r.key, r.mentors]));
}
