import type pg from 'pg';

/*
 * The insights bench's yardstick: the dashboard's figures computed by the fastest SQL we could write by hand,
 * run with `pg` straight against the same tables, no server in between. It reads insight_fact (anything
 * fast has to: the figures count distinct learners over months, which the facts' month bits answer without
 * touching 5 million log entries), or insight_count, the facts counted, as the dashboard does. The ways
 * timed, the fastest being the yardstick: everything in one statement (one round trip), or split over three
 * statements on three connections at the same time (counts, statuses, people: each on a core of its own
 * when one is free); over the counts, and (three at once) over the facts.
 */

export interface Selection {
  department?: string;
  team?: string;
}

/** The numbers a dashboard shows, in one shape for both sides of the comparison. */
export interface Figures {
  population: number;
  members: number;
  /** kind → key → learners, groups of at least k only. */
  counts: Record<string, Record<string, number>>;
  /** Groups under k, for the kinds the dashboard says "and N more" of. */
  fewer: Record<string, number>;
  /** status → learners per month, oldest first, null under k. */
  status: Record<string, (number | null)[]>;
  /** Mentors offering each topic learners want a mentor for (of the groups shown). */
  mentors: Record<string, number>;
}

const fewerKinds = ['topic', 'mentor_demand', 'resource'];
const statuses = ['idea', 'active', 'achieved', 'paused', 'dropped'];

/** The facts' filter for a selection, with its values from $2 on. */
function selectionSql(selection: Selection, from = 2) {
  const parts: string[] = [];
  const values: string[] = [];
  if (selection.department !== undefined) {
    values.push(selection.department);
    parts.push(`and department = $${from + values.length - 1}`);
  }
  if (selection.team !== undefined) {
    values.push(selection.team);
    parts.push(`and team = $${from + values.length - 1}`);
  }
  return { filter: parts.join(' '), values };
}

/** The last 12 months up to the facts' anchor: bits 11..0, the months' bit numbers oldest first. */
const monthBits = Array.from({ length: 12 }, (_, i) => 11 - i);
/**
 * k, and the period's mask, each computed once (an InitPlan, whose value parallel workers receive); a CTE here
 * would keep the scan that uses it out of parallel workers.
 */
const kSql = '(select k from insight_settings where organization_id = $1)';
const maskSql =
  '(select insight_mask(anchor_month, anchor_month - 11, anchor_month) from insight_settings where organization_id = $1)';
/**
 * Where the figures are read from: the facts counted (insight_org_count for the organisation, insight_count for
 * a department or team), which the dashboard reads; or insight_fact itself, one row per learner and key, the
 * slower way and a check that the counts equal the facts.
 */
export type Source = 'counts' | 'facts';
const tableOf = (source: Source, selection: Selection) =>
  source === 'facts' ? 'insight_fact' : selection.department === undefined ? 'insight_org_count' : 'insight_count';
const learnersIn = (source: Source) => (source === 'counts' ? 'sum(learners)' : 'count(*)');

/**
 * Learners per kind and key over the period. The facts hold exactly the period kinds and 'status', and one
 * inequality costs less per row than a list of eight kinds (~80 ms over 1.9 million facts).
 */
const groupedCte = (source: Source, selection: Selection, filter: string) => `grouped as (
    select kind, key, ${learnersIn(source)}::int as learners from ${tableOf(source, selection)}
    where organization_id = $1 and kind <> 'status' ${filter} and months & ${maskSql} <> 0
    group by kind, key
  )`;
const countsSelect = `
  select kind, key, learners from grouped where learners >= ${kSql}
  union all
  select kind, null, count(*)::int from grouped where learners < ${kSql} group by kind`;
/**
 * Learners per status and month: the rows first folded to distinct month bits (265,000 facts become some
 * 12,000 rows at 100,000 learners), then twelve sums over those instead of over every row.
 */
const statusCte = (source: Source, selection: Selection, filter: string) => `status as (
    select key, array[${monthBits.map((b) => `sum(((months >> ${b}) & 1) * n)`).join(', ')}]::int[] as counts
    from (select key, months, ${learnersIn(source)} as n from ${tableOf(source, selection)}
          where organization_id = $1 and kind = 'status' ${filter} group by key, months) g
    group by key
  )`;
const countsSql = (source: Source, selection: Selection, filter: string) =>
  `with ${groupedCte(source, selection, filter)} ${countsSelect}`;
const statusSql = (source: Source, selection: Selection, filter: string) =>
  `with ${statusCte(source, selection, filter)} select key, counts from status`;

/** Topics as the organisation's list folds them (as in topic-map.ts). */
const topicMapSql = `topic_map as (
    select distinct on (phrase) phrase, key from (
      select insight_phrase(name) as phrase, insight_phrase(name) as key, 0 as rank
      from org_topic where organization_id = $1
      union all
      select insight_phrase(s), insight_phrase(t.name), 1 from org_topic t cross join unnest(t.synonyms) s
      where t.organization_id = $1
    ) x order by phrase, rank, key
  )`;

/** Everything but the facts: k, who opted in where, how many members, mentors per topic. */
const peopleColumns = `
  (select k from insight_settings where organization_id = $1) as k,
  (select json_agg(c) from (select department, team, count(*)::int as learners from membership
                            where organization_id = $1 and insights_consent group by 1, 2) c) as cells,
  (select count(*)::int from membership where organization_id = $1) as members,
  (select json_object_agg(key, mentors) from (
     select coalesce(tm.key, insight_phrase(t)) as key, count(distinct m.id)::int as mentors
     from membership m cross join unnest(m.mentoring_topics) t left join topic_map tm on tm.phrase = insight_phrase(t)
     where m.organization_id = $1 and m.offers_mentoring group by 1) x) as mentors`;
const peopleSql = `with ${topicMapSql} select ${peopleColumns}`;

/** All of it in one statement: one round trip, each part planned with the others. */
const oneStatementSql = (source: Source, selection: Selection, filter: string) => `
  with ${topicMapSql}, ${groupedCte(source, selection, filter)}, ${statusCte(source, selection, filter)}
  select ${peopleColumns},
    (select json_agg(json_build_array(kind, key, learners)) from (${countsSelect}) c) as counts,
    (select json_agg(json_build_array(key, counts)) from status) as status`;

interface PeopleRow {
  k: number;
  cells: { department: string | null; team: string | null; learners: number }[] | null;
  members: number;
  mentors: Record<string, number> | null;
}

function figuresOf(
  people: PeopleRow,
  counts: [string, string | null, number][],
  status: [string, number[]][],
  selection: Selection,
): Figures {
  const f: Figures = { population: 0, members: people.members, counts: {}, fewer: {}, status: {}, mentors: {} };
  for (const c of people.cells ?? []) {
    const inDepartment = selection.department === undefined || c.department === selection.department;
    if (inDepartment && (selection.team === undefined || c.team === selection.team)) f.population += c.learners;
  }
  for (const [kind, key, learners] of counts) {
    if (key === null) {
      if (fewerKinds.includes(kind)) f.fewer[kind] = learners;
    } else {
      f.counts[kind] ??= {};
      f.counts[kind][key] = learners;
      if (kind === 'mentor_demand') f.mentors[key] = people.mentors?.[key] ?? 0;
    }
  }
  const byStatus = new Map(status);
  for (const s of statuses) f.status[s] = monthBits.map((_, i) => atLeast(byStatus.get(s)?.[i], people.k));
  return f;
}

const atLeast = (n: number | undefined, k: number) => (n !== undefined && n >= k ? n : null);

/** The figures in one statement. */
export async function figuresInOneStatement(
  client: pg.ClientBase,
  orgId: string,
  selection: Selection,
  source: Source,
) {
  const { filter, values } = selectionSql(selection);
  const { rows } = await client.query(oneStatementSql(source, selection, filter), [orgId, ...values]);
  const row = rows[0] as PeopleRow & { counts: [string, string | null, number][]; status: [string, number[]][] };
  return figuresOf(row, row.counts ?? [], row.status ?? [], selection);
}

/** The figures from three statements run at once on three connections of `pool`. */
export async function figuresInParallel(pool: pg.Pool, orgId: string, selection: Selection, source: Source) {
  const { filter, values } = selectionSql(selection);
  const [counts, status, people] = await Promise.all([
    pool.query({ text: countsSql(source, selection, filter), values: [orgId, ...values], rowMode: 'array' }),
    pool.query({ text: statusSql(source, selection, filter), values: [orgId, ...values], rowMode: 'array' }),
    pool.query(peopleSql, [orgId]),
  ]);
  return figuresOf(
    people.rows[0] as PeopleRow,
    counts.rows as [string, string | null, number][],
    status.rows as [string, number[]][],
    selection,
  );
}
