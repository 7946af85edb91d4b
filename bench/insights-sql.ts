import type pg from 'pg';

/*
 * The insights bench's yardstick: the dashboard's figures computed by the fastest SQL we could write by hand,
 * run with `pg` straight against the same tables, no server in between. Like the dashboard it reads
 * insight_fact (anything fast has to: the figures count distinct learners over months, which the facts'
 * month bits answer without touching 5 million log entries). Two ways are timed and the faster one is the
 * yardstick: everything in one statement (one round trip, the facts read once), and the figures split over
 * three statements on three connections at the same time (the facts read twice, in parallel).
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

const periodKinds = ['topic', 'form', 'form_group', 'resource', 'mentor_demand', 'sharing', 'checkin', 'logged'];
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
const settingsSql = `select k, anchor_month as anchor from insight_settings where organization_id = $1`;
const statusSums = monthBits.map((b) => `sum((months >> ${b}) & 1)`).join(', ');

const countsSql = (filter: string) => `
  with s as (${settingsSql}),
  grouped as (
    select kind, key, count(*)::int as learners from insight_fact
    where organization_id = $1 and kind = any('{${periodKinds.join(',')}}'::text[]) ${filter}
      and months & insight_mask((select anchor from s), (select anchor from s) - 11, (select anchor from s)) <> 0
    group by kind, key
  )
  select kind, key, learners from grouped where learners >= (select k from s)
  union all
  select kind, null, count(*)::int from grouped where learners < (select k from s) group by kind`;

const statusSql = (filter: string) => `
  select key, array[${statusSums}]::int[] as counts from insight_fact
  where organization_id = $1 and kind = 'status' ${filter} group by key`;

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

/** All of it in one statement: the facts read once, the status months summed for status rows only. */
const oneStatementSql = (filter: string) => `
  with s as (${settingsSql}),
  ${topicMapSql},
  grouped as materialized (
    select kind, key,
      count(*) filter (where months & insight_mask((select anchor from s), (select anchor from s) - 11,
                                                   (select anchor from s)) <> 0)::int as learners,
      case when kind = 'status' then array[${monthBits
        .map((b) => `sum((months >> ${b}) & 1) filter (where kind = 'status')`)
        .join(', ')}]::int[] end as counts
    from insight_fact where organization_id = $1 ${filter}
    group by kind, key
  )
  select ${peopleColumns},
    (select json_agg(json_build_array(kind, key, learners)) from (
       select kind, key, learners from grouped
       where kind = any('{${periodKinds.join(',')}}'::text[]) and learners >= (select k from s)
       union all
       select kind, null, count(*)::int from grouped
       where kind = any('{${periodKinds.join(',')}}'::text[]) and learners > 0 and learners < (select k from s)
       group by kind) c) as counts,
    (select json_agg(json_build_array(key, counts)) from grouped where kind = 'status') as status`;

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
      f.counts[kind] = { ...f.counts[kind], [key]: learners };
      if (kind === 'mentor_demand') f.mentors[key] = people.mentors?.[key] ?? 0;
    }
  }
  const byStatus = new Map(status);
  for (const s of statuses) f.status[s] = monthBits.map((_, i) => atLeast(byStatus.get(s)?.[i], people.k));
  return f;
}

const atLeast = (n: number | undefined, k: number) => (n !== undefined && n >= k ? n : null);

/** The figures in one statement. */
export async function figuresInOneStatement(client: pg.ClientBase, orgId: string, selection: Selection) {
  const { filter, values } = selectionSql(selection);
  const { rows } = await client.query(oneStatementSql(filter), [orgId, ...values]);
  const row = rows[0] as PeopleRow & { counts: [string, string | null, number][]; status: [string, number[]][] };
  return figuresOf(row, row.counts ?? [], row.status ?? [], selection);
}

/** The figures from three statements run at once on three connections of `pool`. */
export async function figuresInParallel(pool: pg.Pool, orgId: string, selection: Selection) {
  const { filter, values } = selectionSql(selection);
  const [counts, status, people] = await Promise.all([
    pool.query({ text: countsSql(filter), values: [orgId, ...values], rowMode: 'array' }),
    pool.query({ text: statusSql(filter), values: [orgId, ...values], rowMode: 'array' }),
    pool.query(peopleSql, [orgId]),
  ]);
  return figuresOf(
    people.rows[0] as PeopleRow,
    counts.rows as [string, string | null, number][],
    status.rows as [string, number[]][],
    selection,
  );
}
