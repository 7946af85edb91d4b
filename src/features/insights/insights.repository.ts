import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { rowsOf } from '../../db/sql-helpers.js';
import type { PopulationCell, Selection } from './selection-guard.js';
import { topicMapCte } from './topic-map.js';

/*
 * The dashboard's SQL, over the facts (see facts.ts) counted per kind, key and months: for the whole
 * organisation in insight_org_count, per department and team in insight_count (schema/insights.ts). A learner
 * has one fact per kind and key and sits in one team, so summing the counts of the months a period overlaps
 * gives a number of distinct learners, for the organisation or any department or team. Groups under k are
 * not returned, only how many of them there were.
 */

/** The bits of the months first..last, as insight_mask computes them in SQL. */
export function periodMask(anchor: number, first: number, last: number): bigint {
  const lo = Math.max(first, anchor - 61);
  const hi = Math.min(last, anchor);
  if (lo > hi) return 0n;
  return ((1n << BigInt(hi - lo + 1)) - 1n) << BigInt(anchor - hi);
}

/** The counts a selection reads: the organisation's own, or its teams' (a range of them), and the filter. */
function countsOf(selection: Selection): { table: SQL; filter: SQL } {
  if (selection.department === undefined) return { table: sql.raw('insight_org_count'), filter: sql`` };
  return {
    table: sql.raw('insight_count'),
    filter: sql`and department = ${selection.department}
      ${selection.team !== undefined ? sql`and team = ${selection.team}` : sql``}`,
  };
}

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
  const counts = countsOf(selection);
  const result = await db.execute(sql`
    with grouped as (
      select kind, key, sum(learners)::integer as learners from ${counts.table}
      where organization_id = ${orgId} ${counts.filter}
        and kind in ${sql.raw(`(${kinds.map((k) => `'${k}'`).join(', ')})`)} and months & ${mask.toString()}::bigint <> 0
      group by kind, key
    )
    select kind, key, learners from grouped where learners >= ${k}
    union all
    select kind, null, count(*)::integer from grouped where learners < ${k} group by kind`);
  return rowsOf<CountRow>(result);
}

/**
 * Learners with a goal in each status, month by month: one pass summing each month's bit (times the learners
 * with those months). `bits` are the bit numbers of the months, oldest first.
 */
export async function statusByMonth(
  db: Database,
  orgId: string,
  bits: number[],
  selection: Selection,
): Promise<{ key: string; counts: number[] }[]> {
  const sums = sql.join(
    bits.map((bit) => sql.raw(`sum(((months >> ${bit}) & 1) * learners)::integer`)),
    sql`, `,
  );
  const counts = countsOf(selection);
  const result = await db.execute(sql`
    select key, array[${sums}] as counts from ${counts.table}
    where organization_id = ${orgId} ${counts.filter} and kind = 'status'
    group by key`);
  return rowsOf<{ key: string; counts: number[] }>(result);
}

/**
 * Members offering to mentor each topic (folded like learners' topics): public in the organisation already.
 * Each distinct wording is folded once (a regular expression), not once per mentor: 5,000 mentors offer
 * 15,000 topics in a few hundred wordings (materialised, or the planner folds every row again).
 */
export async function mentorsPerTopic(db: Database, orgId: string): Promise<Map<string, number>> {
  const result = await db.execute(sql`
    with ${topicMapCte(orgId)},
    offered as (
      select m.id, t from membership m cross join unnest(m.mentoring_topics) t
      where m.organization_id = ${orgId} and m.offers_mentoring
    ),
    wording as materialized (select t, insight_phrase(t) as phrase from (select distinct t from offered) d)
    select coalesce(tm.key, w.phrase) as key, count(distinct o.id)::integer as mentors
    from offered o join wording w on w.t = o.t
    left join topic_map tm on tm.phrase = w.phrase
    group by 1`);
  return new Map(rowsOf<{ key: string; mentors: number }>(result).map((r) => [r.key, r.mentors]));
}
