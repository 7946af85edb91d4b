import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { insightFact, insightSettings } from '../../db/schema/index.js';
import { rowsOf } from '../../db/sql-helpers.js';
import { formGroupOf } from './forms.js';
import { topicMapCte } from './topic-map.js';

/*
 * Insights read facts, not plans: one row per opted-in learner and thing counted (see insightFact). This file
 * builds them from plans, logs and check-ins, for a whole organisation (the hourly refresh, or when its
 * topic list changes) or for one learner (the moment they opt in). Opting out deletes a learner's rows.
 * Both run under the organisation's settings row lock, so a refresh never brings back someone who left.
 */

/** Months since year 0 of an instant (UTC), the unit of every fact's bits. */
export function monthOf(d: Date): number {
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** The CASE expression folding a form of learning onto formal / social / informal, from forms.ts. */
const formGroupCase = sql.raw(
  `case l.form::text ${Object.entries(formGroupOf)
    .map(([form, group]) => `when '${form}' then '${group}'`)
    .join(' ')} end`,
);

/**
 * The facts of the organisation's opted-in learners (or of one of them), each kind from its own table, as rows
 * of insight_fact.
 * Bits: a topic from the goal's start to its end (achieved or dropped) or now; a status while the goal had it
 * (achieved and dropped in the month they happened); a log entry or check-in in its month; a network entry or
 * sharing commitment from when it was added; a share done in its month.
 */
function factsQuery(orgId: string, anchor: number, memberId?: string) {
  const A = sql`${anchor}::integer`;
  return sql`
    with learner as materialized (
      select m.id, m.team, m.department from membership m
      where m.organization_id = ${orgId} and m.insights_consent ${memberId ? sql`and m.id = ${memberId}` : sql``}
    ),
    ${topicMapCte(orgId)},
    learner_plan as (
      select p.id as plan_id, l.id as member_id, l.team, l.department
      from learner l join plan p on p.member_id = l.id
    ),
    learner_goal as materialized (
      select g.id, g.plan_id, g.status::text as status, g.topics, g.created_at, g.updated_at,
             lp.member_id, lp.team, lp.department
      from learner_plan lp join plan_goal g on g.plan_id = lp.plan_id
    ),
    goal_topic as (
      select g.id as goal_id, g.member_id, g.team, g.department, g.status, g.created_at, g.updated_at,
             coalesce(tm.key, insight_phrase(t)) as key
      from learner_goal g cross join unnest(g.topics) t
      left join topic_map tm on tm.phrase = insight_phrase(t)
      where insight_phrase(t) <> ''
    ),
    status_event as (
      select g.id as goal_id, g.member_id, g.team, g.department, r.after->>'status' as status, r.updated_at as at
      from learner_goal g
      join plan_revision r on r.plan_id = g.plan_id and r.entity_type = 'goal' and r.entity_id = g.id
      where r.after ? 'status'
      union all
      -- Goals with no history (written before history, or by a bulk load) count from their start as they are.
      select g.id, g.member_id, g.team, g.department, g.status, g.created_at
      from learner_goal g
      where not exists (
        select 1 from plan_revision r where r.plan_id = g.plan_id and r.entity_type = 'goal' and r.entity_id = g.id
      )
    ),
    -- Each learner's log once, per form: the three kinds of facts from the log fold these (~6 rows a learner)
    -- instead of reading every entry three times.
    log_form as materialized (
      select l.member_id, lr.team, lr.department, l.form::text as form,
             bit_or(insight_mask(${A}, insight_month(l.learned_on), insight_month(l.learned_on))) as months
      -- By organisation too: other organisations' entries are then left out before the join, not hashed.
      from learner lr join log_entry l on l.member_id = lr.id and l.organization_id = ${orgId}
      group by 1, 2, 3, 4
    ),
    status_span as (
      select member_id, team, department, status, insight_month(at) as first_month,
             case when status in ('achieved', 'dropped') then insight_month(at)
                  else coalesce(insight_month(lead(at) over (partition by goal_id order by at)), ${A}) end as last_month
      from status_event
    ),
    fact as (
      select member_id, team, department, 'topic' as kind, key,
             bit_or(insight_mask(${A}, insight_month(created_at),
               case when status in ('achieved', 'dropped') then insight_month(updated_at) else ${A} end)) as months
      from goal_topic group by 1, 2, 3, 4, 5
      union all
      select member_id, team, department, 'status', status, bit_or(insight_mask(${A}, first_month, last_month))
      from status_span group by 1, 2, 3, 4, 5
      union all
      select member_id, team, department, 'form', form, months from log_form where form is not null
      union all
      select l.member_id, l.team, l.department, 'form_group', ${formGroupCase}, bit_or(l.months)
      from log_form l where l.form is not null group by 1, 2, 3, 4, 5
      union all
      select member_id, team, department, 'logged', 'any', bit_or(months) from log_form group by 1, 2, 3, 4, 5
      union all
      select lp.member_id, lp.team, lp.department, 'resource',
             coalesce(nullif(lower(regexp_replace(btrim(n.url), '/+$', '')), ''), insight_phrase(n.name)),
             bit_or(insight_mask(${A}, insight_month(n.created_at), ${A}))
      from learner_plan lp join plan_network_entry n on n.plan_id = lp.plan_id
      where n.kind = 'resource' group by 1, 2, 3, 4, 5
      union all
      select gt.member_id, gt.team, gt.department, 'mentor_demand', gt.key,
             bit_or(insight_mask(${A}, insight_month(n.created_at), ${A}))
      from learner_plan lp
      join plan_network_entry n on n.plan_id = lp.plan_id and n.relation in ('mentor', 'coach')
      -- Joined on each linked goal (a hash join): "= any(goal_ids)" compared every entry with every goal.
      cross join unnest(n.goal_ids) linked(goal_id)
      join goal_topic gt on gt.goal_id = linked.goal_id
      group by 1, 2, 3, 4, 5
      union all
      select lp.member_id, lp.team, lp.department, 'sharing', 'committed',
             bit_or(insight_mask(${A}, insight_month(s.created_at), ${A}))
      from learner_plan lp join plan_share s on s.plan_id = lp.plan_id
      group by 1, 2, 3, 4, 5
      union all
      select lp.member_id, lp.team, lp.department, 'sharing', 'shared',
             bit_or(insight_mask(${A}, insight_month((r->>'doneOn')::date), insight_month((r->>'doneOn')::date)))
      from learner_plan lp join plan_share s on s.plan_id = lp.plan_id
      cross join jsonb_array_elements(s.records) r
      group by 1, 2, 3, 4, 5
      union all
      select lp.member_id, lp.team, lp.department, 'checkin', 'checked_in',
             bit_or(insight_mask(${A}, insight_month(c.checked_on), insight_month(c.checked_on)))
      from learner_plan lp join checkin c on c.plan_id = lp.plan_id
      group by 1, 2, 3, 4, 5
    )
    select ${orgId}::text, member_id, team, department, kind, key, months from fact where months <> 0`;
}

const factColumns = sql.raw('organization_id, member_id, team, department, kind, key, months');

/** Runs a delete, update or insert and answers how many rows it wrote. */
async function writtenRows(tx: Database, statement: SQL): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await tx.execute(sql`with written as (${statement} returning 1) select count(*)::integer as n from written`),
  );
  return row?.n ?? 0;
}

/** Locks the organisation's insight settings (creating them on first use) and returns them. */
export async function lockSettings(tx: Database, orgId: string) {
  await tx.insert(insightSettings).values({ organizationId: orgId }).onConflictDoNothing();
  const [row] = await tx.select().from(insightSettings).where(eq(insightSettings.organizationId, orgId)).for('update');
  if (!row) throw new Error(`insight settings of ${orgId} vanished`);
  return row;
}

/**
 * Rebuilds every fact of the organisation, anchored on the current month. Only what changed is written: within
 * a month an hourly refresh changes the facts of the few learners who did something, and rewriting all of
 * them (two million rows at 100,000 learners) left as many dead rows behind each hour and every count to be
 * counted again (see insight_count). A new month changes every fact's bits, and then all are rewritten.
 */
export async function refreshFacts(db: Database, orgId: string, now = new Date()): Promise<void> {
  const anchor = monthOf(now);
  await db.transaction(async (tx) => {
    await lockSettings(tx, orgId);
    await tx.execute(sql`create temp table fresh_fact (like insight_fact) on commit drop`);
    await tx.execute(sql`insert into fresh_fact (${factColumns}) ${factsQuery(orgId, anchor)}`);
    await tx.execute(sql`analyze fresh_fact`);
    const deleted = await writtenRows(
      tx,
      sql`delete from insight_fact f where f.organization_id = ${orgId} and not exists (
        select 1 from fresh_fact n where n.member_id = f.member_id and n.kind = f.kind and n.key = f.key)`,
    );
    // Changed facts, then new ones (an upsert would also lock, and so write, every unchanged row). Each reads
    // only this organisation's facts: a small organisation's refresh must not read a large one's.
    const updated = await writtenRows(
      tx,
      sql`update insight_fact f set team = n.team, department = n.department, months = n.months
      from fresh_fact n where f.organization_id = ${orgId}
        and f.member_id = n.member_id and f.kind = n.kind and f.key = n.key
        and (f.team, f.department, f.months) is distinct from (n.team, n.department, n.months)`,
    );
    // New facts: those the unique index does not hold yet. Not "where not exists (select … from insight_fact)":
    // when insight_fact's statistics say it is empty (a new installation), PostgreSQL answers that with a scan
    // of insight_fact per new row while this very statement fills it: minutes for a first build of 10,000
    // learners.
    const inserted = await writtenRows(
      tx,
      sql`insert into insight_fact (${factColumns}) select ${factColumns} from fresh_fact
      on conflict (member_id, kind, key) do nothing`,
    );
    // After many changes (a first build, a new month), statistics that know them: the next refresh's joins
    // are planned from them, and planned for an empty table they scan it once per row (PGlite has no
    // autovacuum to do this later; PostgreSQL's might not have yet).
    if (deleted + updated + inserted > 1000) await tx.execute(sql`analyze insight_fact`);
    await tx.execute(sql`drop table fresh_fact`);
    await tx
      .update(insightSettings)
      .set({ anchorMonth: anchor, refreshedAt: now, updatedAt: now })
      .where(eq(insightSettings.organizationId, orgId));
  });
}

/**
 * Brings one learner's facts in line with their consent, inside the transaction that changed it (which holds
 * the settings lock): their rows go when they leave, and are built when they join, on the facts' anchor.
 */
export async function syncLearnerFacts(tx: Database, orgId: string, memberId: string, anchor: number | null) {
  await tx.delete(insightFact).where(and(eq(insightFact.organizationId, orgId), eq(insightFact.memberId, memberId)));
  if (anchor !== null)
    await tx.execute(sql`insert into insight_fact (${factColumns}) ${factsQuery(orgId, anchor, memberId)}`);
}

/** A learner moved team or department: their facts follow (inside the transaction that moved them). */
export async function moveLearnerFacts(tx: Database, memberId: string) {
  await tx.execute(sql`
    update insight_fact f set team = m.team, department = m.department
    from membership m where m.id = f.member_id and f.member_id = ${memberId}`);
}
