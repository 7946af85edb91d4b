import { createHmac } from 'node:crypto';

/**
 * The mixed workload's organisation (bench/mix.ts): 500 learners, each with a session, a plan of 4 reflections
 * and 6 goals, and 50 log entries; 10 mentors; 2,000 posts by the learners, mostly to everyone. Written as
 * set-wise SQL so both databases get the same data in seconds (PGlite lives inside the server process, which
 * runs these statements when the bench asks: bench/server.ts); the bench then checks it through the API.
 */

/** The bench servers' AUTH_SECRET (bench/server.ts): the fixture's session cookies are signed with it. */
export const BENCH_SECRET = 'bench-secret-that-is-long-enough-for-auth-0123456789';

export const MIX_LEARNERS = 500;
export const MIX_MENTORS = 10;
export const MIX_POSTS = 2_000;
export const MIX_LOG_ENTRIES_EACH = 50;
export const MIX_GOALS_EACH = 6;

/** The session token of learner i (1-based): a session row with it is written by the fixture. */
const tokenOf = (i: number) => `mix-session-token-${i}`;

/** Learner i's ids, as the fixture writes them. */
export function mixLearner(i: number) {
  return {
    userId: `mix-user-${i}`,
    memberId: `mix-member-${i}`,
    planId: `mix-plan-${i}`,
    goalId: `mix-goal-${i}-1`,
  };
}

/** Learner i's Cookie header: the session cookie as better-auth signs it (HMAC-SHA256 of the token). */
export function mixCookie(i: number, secret: string): string {
  const token = tokenOf(i);
  const signature = createHmac('sha256', secret).update(token).digest('base64');
  return `waymark.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
}

const sentences = [
  'Tried it with the team this week and it worked better than expected.',
  'The trick is to start small and ask for feedback early.',
  'A colleague showed me a shortcut that saves an hour every Monday.',
  'Wrote down three things to try next time.',
];
const topics = ['facilitation', 'SQL', 'storytelling', 'coaching', 'accessibility', 'budgeting', 'user research'];

/** The statements, in order; $1 is the organisation's id. */
export function mixFixtureStatements(): { sql: string }[] {
  const n = MIX_LEARNERS;
  const topicArray = `array[${topics.map((t) => `'${t}'`).join(',')}]`;
  const sentenceArray = `array[${sentences.map((s) => `'${s.replace(/'/g, "''")}'`).join(',')}]`;
  return [
    {
      sql: `insert into "user" (id, name, email, email_verified)
        select 'mix-user-' || i, 'Learner ' || i, 'learner-' || i || '@mix.example', true
        from generate_series(1, ${n}) i
        union all
        select 'mix-mentor-user-' || i, 'Mentor ' || i, 'mentor-' || i || '@mix.example', true
        from generate_series(1, ${MIX_MENTORS}) i`,
    },
    {
      sql: `insert into session (id, token, user_id, expires_at)
        select 'mix-session-' || i, 'mix-session-token-' || i, 'mix-user-' || i, now() + interval '7 days'
        from generate_series(1, ${n}) i`,
    },
    {
      sql: `insert into membership (id, organization_id, user_id, role, title, offers_mentoring, mentoring_topics)
        select 'mix-member-' || i, $1, 'mix-user-' || i, 'member'::member_role, 'Librarian', false, '{}'::text[]
        from generate_series(1, ${n}) i
        union all
        select 'mix-mentor-' || i, $1, 'mix-mentor-user-' || i, 'member'::member_role, 'Senior librarian', true,
               array[(${topicArray})[1 + i % ${topics.length}]]
        from generate_series(1, ${MIX_MENTORS}) i`,
    },
    {
      sql: `insert into plan (id, organization_id, member_id, user_id, cycle, title, revision_seq)
        select 'mix-plan-' || i, $1, 'mix-member-' || i, 'mix-user-' || i, '2027', 'Learner ' || i || '''s 2027', 0
        from generate_series(1, ${n}) i`,
    },
    {
      sql: `insert into plan_reflection (id, plan_id, position, what, happened_when, people, enjoyable, learned_about_me)
        select 'mix-reflection-' || i || '-' || r, 'mix-plan-' || i, r,
               'A time I learned something ' || r, 'Last spring', 'My team', 'Doing it with others',
               (${sentenceArray})[1 + (i + r) % ${sentences.length}]
        from generate_series(1, ${n}) i cross join generate_series(1, 4) r`,
    },
    {
      sql: `insert into plan_goal (id, plan_id, position, what, why, how, evidence, target_date, status, progress,
                                   topics, milestones)
        select 'mix-goal-' || i || '-' || g, 'mix-plan-' || i, g,
               'Get better at ' || (${topicArray})[1 + (i + g) % ${topics.length}],
               'It would help my team', (${sentenceArray})[1 + (i * g) % ${sentences.length}],
               'Something I made', date '2027-06-30', 'active', 10 * g,
               array[(${topicArray})[1 + (i + g) % ${topics.length}]],
               '[{"id":"m1","title":"Read one book","dueDate":null,"done":false}]'::jsonb
        from generate_series(1, ${n}) i cross join generate_series(1, ${MIX_GOALS_EACH}) g`,
    },
    {
      sql: `insert into log_entry (id, organization_id, member_id, user_id, learned_on, what, source)
        select 'mix-log-' || i || '-' || e, $1, 'mix-member-' || i, 'mix-user-' || i,
               date '2026-11-30' - e, (${sentenceArray})[1 + (i + e) % ${sentences.length}], 'At work'
        from generate_series(1, ${n}) i cross join generate_series(1, ${MIX_LOG_ENTRIES_EACH}) e`,
    },
    {
      // One every ten minutes, newest first; 90% to everyone, 10% private.
      sql: `insert into post (id, organization_id, author_member_id, author_user_id, title, body, html, topics,
                              visibility, created_at)
        select 'mix-post-' || p, $1, 'mix-member-' || (1 + p % ${n}), 'mix-user-' || (1 + p % ${n}),
               'What I learned about ' || t.topic, 'Notes on ' || t.topic, '<p>Notes on ' || t.topic || '</p>',
               array[t.topic], (case when p % 10 = 0 then 'private' else 'organization' end)::post_visibility,
               now() - make_interval(mins => 10 * p)
        from generate_series(1, ${MIX_POSTS}) p
        cross join lateral (select (${topicArray})[1 + p % ${topics.length}] as topic) t`,
    },
  ];
}
