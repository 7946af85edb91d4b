import type { InsightsOrg } from './insights-org.js';
import {
  departments,
  departmentWeights,
  formsByPopularity,
  listedTopics,
  resources,
  SPELLINGS,
  slots,
  spellingWeights,
  teamWeights,
  topicSpellings,
  topicsByPopularity,
} from './insights-vocabulary.js';

/*
 * The generator's SQL: set-based inserts (`insert … select … from generate_series`), one statement per table.
 * Every random choice is a hash of the row's numbers and a salt (hashint8extended), so a run is repeatable
 * and a statement can find again what an earlier one chose (a goal's id is md5 of its learner and number).
 * Learner i has keys i (per learner) and i × 64 + n (their n-th goal, log entry, resource…).
 */

/** A uniform draw in [0, 1) from `key`; another salt gives an independent draw. */
const u = (key: string, salt: number) =>
  `((hashint8extended((${key})::bigint, ${salt}) & 2147483647)::float8 / 2147483648.0)`;
/**
 * A rank in 1..n drawn Zipf-like from a uniform draw: rank r about in proportion to 1 / (r + q). The offset q
 * flattens the head (q = 0 would give the top topic to over half the learners; surveys of workplace learning
 * find the most common topics in a fifth to a third of plans).
 */
const zipf = (draw: string, n: string | number, q = 8) =>
  `least(${n}, 1 + floor(power(${n} + ${q}, ${draw}) * power(${q}, 1 - ${draw}) - ${q})::int)`;
/** A topic as a learner writes it: a popular one more often, now and then in title case, spaced or misspelt. */
const spelling = (key: string, salt: number) =>
  `(@spellings::text[])[(${zipf(u(key, salt), '@topicCount::int')} - 1) * ${SPELLINGS}
     + (@spellingSlots::int[])[1 + floor(${u(key, salt + 1)} * 100)::int]]`;
const goalId = (learner: string, goal: string) => `md5(@tag || ':g:' || ${learner} || ':' || ${goal})::uuid::text`;
const daysAgo = (draw: string, days = 730) => `(@now::timestamptz - ${draw} * interval '${days} days')`;

export interface Statement {
  /** Printed with the row count when set. */
  label?: string;
  sql: string;
  params: unknown[];
}

/** Turns `@name` placeholders into $1, $2… with only the values the statement uses (pg refuses unused ones). */
function bind(label: string | undefined, text: string, values: Record<string, unknown>): Statement {
  const names: string[] = [];
  const sql = text.replace(/@(\w+)/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`no value for @${name}`);
    if (!names.includes(name)) names.push(name);
    return `$${names.indexOf(name) + 1}`;
  });
  return { label, sql, params: names.map((n) => values[n]) };
}

export function generatorStatements(org: InsightsOrg, passwordHash: string, now: Date): Statement[] {
  const values = {
    org: org.id,
    orgName: org.name,
    n: org.learners,
    now: now.toISOString(),
    tag: org.id,
    domain: org.emailDomain,
    adminEmail: org.adminEmail,
    passwordHash,
    topics: topicsByPopularity,
    topicCount: topicsByPopularity.length,
    spellings: topicSpellings,
    spellingSlots: slots(spellingWeights),
    departmentNames: departments.map((d) => d.name),
    teamNames: departments.flatMap((d) => d.teams),
    departmentSlots: slots(departmentWeights),
    teamSlots: slots(teamWeights),
    forms: formsByPopularity,
    resourceNames: resources.map((r) => r.name),
    resourceRelations: resources.map((r) => r.relation),
    resourceUrls: resources.map((r) => r.url),
    resourceCount: resources.length,
    listed: JSON.stringify(listedTopics),
  };
  const s = (label: string | undefined, text: string) => bind(label, text, values);
  const mentorTopic = (salt: number) => `(@topics::text[])[${zipf(u('i', salt), '@topicCount::int')}]`;

  return [
    // Learner i's ids and the choices later statements need: department, team, consent, mentoring, forms.
    s(
      undefined,
      `create temp table bench_m on commit drop as
       select i, md5(@tag || ':u:' || i)::uuid::text as user_id, md5(@tag || ':m:' || i)::uuid::text as member_id,
              md5(@tag || ':p:' || i)::uuid::text as plan_id,
              (@departmentSlots::int[])[1 + floor(${u('i', 1)} * 100)::int] as d,
              (@teamSlots::int[])[1 + floor(${u('i', 2)} * 100)::int] as t,
              ${u('i', 3)} < 0.02 as no_team, ${u('i', 4)} < 0.8 as consent, ${u('i', 5)} < 0.05 as mentor,
              ${zipf(u('i', 10), 11, 1)} as fav_form, ${zipf(u('i', 11), 11, 1)} as second_form
       from generate_series(1, @n::int) i`,
    ),
    s(undefined, 'analyze bench_m'),
    s('organization', `insert into organization (id, name) values (@org, @orgName)`),
    s(
      'user',
      `insert into "user" (id, name, email, email_verified, created_at, updated_at)
       select user_id, 'Learner ' || i, 'learner-' || i || '@' || @domain, true,
              @now::timestamptz - interval '3 years', @now::timestamptz
       from bench_m`,
    ),
    s(
      'membership',
      `insert into membership (id, organization_id, user_id, role, team, department, insights_consent,
                               insights_consent_at, offers_mentoring, mentoring_topics, mentoring_capacity,
                               joined_at, updated_at)
       select member_id, @org, user_id, 'member',
              case when no_team then null else (@teamNames::text[])[(d - 1) * 8 + t] end,
              (@departmentNames::text[])[d], consent, case when consent then ${daysAgo(u('i', 6), 300)} end,
              mentor,
              case when mentor then (array[${mentorTopic(7)}, ${mentorTopic(8)}, ${mentorTopic(9)}, ${mentorTopic(12)}])
                                    [1:2 + floor(${u('i', 13)} * 3)::int]
                   else '{}' end,
              case when mentor then 2 else 0 end, @now::timestamptz - interval '3 years', @now::timestamptz
       from bench_m`,
    ),
    s(
      'plan',
      `insert into plan (id, organization_id, member_id, user_id, cycle, title, revision_seq, created_at, updated_at)
       select plan_id, @org, member_id, user_id, '2026', 'My learning plan', 10,
              @now::timestamptz - interval '25 months', @now::timestamptz
       from bench_m`,
    ),
    // Goals: created over 24 months, 1–2 topics; achieved, paused and dropped ones (and half the active ones,
    // started as ideas) changed status once, at `changed_at`.
    s(
      undefined,
      `create temp table bench_g on commit drop as
       select *, case when has_change then created_at + ${u('k', 23)} * (@now::timestamptz - created_at)
                      else created_at end as changed_at,
              case when status = 'idea' or (status = 'active' and has_change) then 'idea' else 'active' end as initial
       from (
         select *, status not in ('idea', 'active') or (status = 'active' and ${u('k', 22)} < 0.5) as has_change
         from (
           select m.i, j, m.i * 64 + j as k, m.plan_id, m.user_id, ${goalId('m.i', 'j')} as goal_id,
                  ${daysAgo(u('m.i * 64 + j', 20))} as created_at,
                  case when ${u('m.i * 64 + j', 21)} < 0.15 then 'idea' when ${u('m.i * 64 + j', 21)} < 0.60 then 'active'
                       when ${u('m.i * 64 + j', 21)} < 0.85 then 'achieved' when ${u('m.i * 64 + j', 21)} < 0.93 then 'paused'
                       else 'dropped' end as status,
                  case when ${u('m.i * 64 + j', 24)} < 0.4
                       then array[${spelling('m.i * 64 + j', 25)}, ${spelling('m.i * 64 + j', 27)}]
                       else array[${spelling('m.i * 64 + j', 25)}] end as topics
           from bench_m m cross join generate_series(1, 5) j
         ) g
       ) h`,
    ),
    s(
      'plan_goal',
      `insert into plan_goal (id, plan_id, position, what, status, progress, topics, created_at, updated_at)
       select goal_id, plan_id, j - 1, 'Get better at ' || btrim(topics[1]), status::goal_status,
              case status when 'achieved' then 100 when 'idea' then 0 else (k % 9) * 10 end, topics,
              created_at, changed_at
       from bench_g`,
    ),
    s(
      'plan_revision',
      `insert into plan_revision (id, plan_id, seq, actor_user_id, entity_type, entity_id, action, before, after,
                                  created_at, updated_at)
       select gen_random_uuid()::text, plan_id, 2 * j - 1, user_id, 'goal', goal_id, 'create', null,
              jsonb_build_object('id', goal_id, 'what', 'Get better at ' || btrim(topics[1]), 'status', initial,
                                 'topics', to_jsonb(topics)),
              created_at, created_at
       from bench_g
       union all
       select gen_random_uuid()::text, plan_id, 2 * j, user_id, 'goal', goal_id, 'update',
              jsonb_build_object('status', initial), jsonb_build_object('status', status), changed_at, changed_at
       from bench_g where has_change`,
    ),
    // 50 entries a learner, a little more often recent; each learner logs mostly one or two forms.
    s(
      'log_entry',
      `insert into log_entry (id, organization_id, member_id, user_id, learned_on, what, form, goal_id,
                              created_at, updated_at)
       select gen_random_uuid()::text, @org, m.member_id, m.user_id, x.day,
              'Notes on ' || btrim((@spellings::text[])[(${zipf(u('x.k', 36), '@topicCount::int')} - 1) * ${SPELLINGS} + 1]),
              (case when x.f < 0.55 then (@forms::text[])[m.fav_form] when x.f < 0.80 then (@forms::text[])[m.second_form]
                    when x.f < 0.95 then (@forms::text[])[${zipf(u('x.k', 32), 11, 1)}] end)::learning_form,
              case when ${u('x.k', 33)} < 0.3 then ${goalId('m.i', `(1 + floor(${u('x.k', 34)} * 5)::int)`)} end,
              x.day + interval '9 hours', x.day + interval '9 hours'
       from bench_m m cross join generate_series(1, 50) e
       cross join lateral (select m.i * 64 + e as k, ${u('m.i * 64 + e', 31)} as f,
                                  (@now::date - floor(730 * power(${u('m.i * 64 + e', 30)}, 1.2))::int) as day) x`,
    ),
    // 0–5 resources a learner from the pool, popular ones far more often, each helping one goal.
    s(
      'plan_network_entry (resource)',
      `insert into plan_network_entry (id, plan_id, position, kind, name, relation, url, enlistment, goal_ids,
                                       created_at, updated_at)
       select gen_random_uuid()::text, m.plan_id, r - 1, 'resource', (@resourceNames::text[])[x.p],
              (@resourceRelations::text[])[x.p], (@resourceUrls::text[])[x.p], 'active',
              array[${goalId('m.i', `(1 + floor(${u('x.k', 41)} * 5)::int)`)}], x.at, x.at
       from bench_m m cross join generate_series(1, 5) r
       cross join lateral (select m.i * 64 + r as k, ${zipf(u('m.i * 64 + r', 40), '@resourceCount::int', 3)} as p,
                                  ${daysAgo(u('m.i * 64 + r', 42))} as at) x
       where r <= floor(${u('m.i', 12)} * 6)`,
    ),
    // A mentor or coach for one goal (3 in 10 learners, some for two goals), and peers and experts (not counted).
    s(
      'plan_network_entry (person)',
      `insert into plan_network_entry (id, plan_id, position, kind, name, relation, enlistment, goal_ids,
                                       created_at, updated_at)
       select gen_random_uuid()::text, m.plan_id, 10 + q, 'person', 'Someone who knows', x.relation, 'agreed',
              case when q = 1 and ${u('m.i', 14)} < 0.2
                   then array[${goalId('m.i', '1')}, ${goalId('m.i', '2')}]
                   else array[${goalId('m.i', `(1 + floor(${u('x.k', 43)} * 5)::int)`)}] end,
              ${daysAgo(u('x.k', 44))}, @now::timestamptz
       from bench_m m cross join generate_series(1, 2) q
       cross join lateral (select m.i * 64 + 8 + q as k,
                                  case when q = 2 then (array['peer', 'expert', 'colleague'])[1 + floor(${u('m.i', 22)} * 3)::int]
                                       when ${u('m.i', 15)} < 0.6 then 'mentor' else 'coach' end as relation) x
       where (q = 1 and ${u('m.i', 16)} < 0.3) or (q = 2 and ${u('m.i', 17)} < 0.2)`,
    ),
    // Sharing: 4 in 10 learners commit (some twice); 0–6 shares done since.
    s(
      'plan_share',
      `insert into plan_share (id, plan_id, position, goal_id, how, cadence, records, created_at, updated_at)
       select gen_random_uuid()::text, m.plan_id, sh - 1, ${goalId('m.i', `(1 + floor(${u('x.k', 50)} * 5)::int)`)},
              (array['post', 'talk', 'wiki', 'demo', 'community_session', 'newsletter', 'conversation'])
                [1 + floor(${u('x.k', 51)} * 7)::int],
              (array['once', 'weekly', 'fortnightly', 'monthly', 'quarterly'])[1 + floor(${u('x.k', 52)} * 5)::int],
              (select coalesce(jsonb_agg(jsonb_build_object(
                        'id', md5(x.k || ':' || r)::uuid, 'link', null, 'note', 'Shared what I learned',
                        'doneOn', (@now::date - floor(${u('x.k * 8 + r', 53)} * x.age)::int)::text)), '[]'::jsonb)
               from generate_series(1, floor(${u('x.k', 54)} * 7)::int) r),
              @now::timestamptz - x.age * interval '1 day', @now::timestamptz
       from bench_m m cross join generate_series(1, 2) sh
       cross join lateral (select m.i * 64 + 16 + sh as k, floor(${u('m.i * 64 + 16 + sh', 55)} * 730) as age) x
       where ${u('m.i', 18)} < 0.4 and (sh = 1 or ${u('m.i', 19)} < 0.3)`,
    ),
    // Check-ins: half the learners, 1–12 each.
    s(
      'checkin',
      `insert into checkin (id, plan_id, user_id, checked_on, answers, created_at, updated_at)
       select gen_random_uuid()::text, m.plan_id, m.user_id, x.day,
              '[{"prompt":"learned","answer":"Tried the new approach with my team."}]'::jsonb,
              x.day + interval '12 hours', x.day + interval '12 hours'
       from bench_m m cross join generate_series(1, 12) c
       cross join lateral (select (@now::date - floor(${u('m.i * 64 + 24 + c', 60)} * 730)::int) as day) x
       where ${u('m.i', 20)} < 0.5 and c <= 1 + floor(${u('m.i', 21)} * 12)`,
    ),
    s(
      'org_topic',
      `insert into org_topic (id, organization_id, name, synonyms)
       select gen_random_uuid()::text, @org, t->>'name', array(select jsonb_array_elements_text(t->'synonyms'))
       from jsonb_array_elements(@listed::jsonb) t`,
    ),
    // The L&D admin the bench signs in as (not a learner: no plan, not opted in).
    s(
      'L&D admin',
      `with person as (
         insert into "user" (id, name, email, email_verified) values (md5(@tag || ':admin')::uuid::text, 'L&D Admin',
                                                                       @adminEmail, true)
         returning id
       ), login as (
         insert into account (id, account_id, provider_id, user_id, password)
         select gen_random_uuid()::text, id, 'credential', id, @passwordHash from person
       )
       insert into membership (id, organization_id, user_id, role, title)
       select md5(@tag || ':admin-member')::uuid::text, @org, id, 'admin', 'Learning and Development' from person`,
    ),
  ];
}
