/**
 * The organisers' progress bench: one published programme of 23 things over 8 weeks (week 4 a catch-up week)
 * with 2,000 participants in four cohorts (500 each, started 1 to 10 weeks ago, people in five time zones), about
 * half the things tried and a third reflected on, some reflections private posts. Measured one request at a
 * time (the wait of one organiser): the first page, those behind, one cohort, and a later page by its cursor.
 */
import { createHmac } from 'node:crypto';
import type autocannon from 'autocannon';
import pg from 'pg';
import { type BenchSession, call } from './api.js';
import { BENCH_SECRET } from './mix-fixture.js';

export const PROGRESS_PARTICIPANTS = 2_000;
/** Participants with a session, for the "this week" target: each connection is one of them. */
export const SIGNED_IN_PARTICIPANTS = 200;
const THINGS = 23;
const WEEKS = 8;
const CATCH_UP_WEEK = 3;
const zones = ['Europe/London', 'Europe/Helsinki', 'America/New_York', 'Asia/Tokyo', 'Pacific/Auckland'];

/**
 * Writes the programme, its cohorts, 2,000 members (users, memberships, time zones), their enrolments and
 * progress straight into PostgreSQL, set-wise. Returns the programme's id.
 */
export async function createProgressProgramme(databaseUrl: string, organizationId: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const programmeId = 'bench-programme';
  const n = PROGRESS_PARTICIPANTS;
  try {
    await client.query('begin');
    await client.query(
      `insert into programme (id, organization_id, title, status, published_at, behind_after_days)
       values ($1, $2, 'Library 23 things', 'published', now(), 7)`,
      [programmeId, organizationId],
    );
    await client.query(
      `insert into programme_week (id, programme_id, position, title, catch_up)
       select 'bench-week-' || w, $1, w, 'Week ' || (w + 1), w = $3 from generate_series(0, $2::int - 1) w`,
      [programmeId, WEEKS, CATCH_UP_WEEK],
    );
    // 23 things over the seven weeks that are not catch-up weeks (three or four a week), every fourth optional.
    await client.query(
      `with weeks as (select w, row_number() over (order by w) - 1 as k
                      from generate_series(0, $2::int - 1) w where w <> $3)
       insert into programme_thing (id, programme_id, week_id, position, title, required)
       select 'bench-thing-' || t, $1, 'bench-week-' || weeks.w, t, 'Thing ' || t, t % 4 <> 0
       from generate_series(1, $4::int) t join weeks on weeks.k = (t - 1) * 7 / $4::int`,
      [programmeId, WEEKS, CATCH_UP_WEEK, THINGS],
    );
    await client.query(
      `insert into programme_cohort (id, programme_id, name, starts_on)
       select 'bench-cohort-' || c, $1, 'Cohort ' || c, current_date - (7 + c * 21)
       from generate_series(0, 3) c`,
      [programmeId],
    );
    await client.query(
      `insert into "user" (id, name, email, email_verified)
       select 'bench-pp-user-' || i, 'Participant ' || lpad(i::text, 4, '0'), 'pp-' || i || '@bench.example', false
       from generate_series(1, $1::int) i`,
      [n],
    );
    await client.query(
      `insert into membership (id, organization_id, user_id, role)
       select 'bench-pp-member-' || i, $2, 'bench-pp-user-' || i, 'member' from generate_series(1, $1::int) i`,
      [n, organizationId],
    );
    await client.query(
      `insert into learner_settings (user_id, time_zone)
       select 'bench-pp-user-' || i, ($2::text[])[1 + i % cardinality($2::text[])] from generate_series(1, $1::int) i`,
      [n, zones],
    );
    await client.query(
      `insert into programme_enrolment (id, programme_id, organization_id, member_id, user_id, cohort_id, started_on)
       select 'bench-enrolment-' || i, $2, $3, 'bench-pp-member-' || i, 'bench-pp-user-' || i,
              'bench-cohort-' || (i % 4), current_date - (7 + (i % 4) * 21)
       from generate_series(1, $1::int) i`,
      [n, programmeId, organizationId],
    );
    await client.query(
      `insert into session (id, token, user_id, expires_at)
       select 'bench-pp-session-' || i, 'bench-pp-session-token-' || i, 'bench-pp-user-' || i, now() + interval '7 days'
       from generate_series(1, $1::int) i`,
      [SIGNED_IN_PARTICIPANTS],
    );
    // A private post for every tenth participant, the reflection of their first thing.
    await client.query(
      `insert into post (id, organization_id, author_member_id, author_user_id, body, html, visibility)
       select 'bench-pp-post-' || i, $2, 'bench-pp-member-' || i, 'bench-pp-user-' || i,
              'My reflection', '<p>My reflection</p>', 'private'
       from generate_series(10, $1::int, 10) i`,
      [n, organizationId],
    );
    // Participant i has tried the first (i * 7) % 24 things and reflected on two thirds of those.
    await client.query(
      `insert into programme_progress (enrolment_id, thing_id, tried_at, reflected_at, reflection_post_id, reflection_url)
       select 'bench-enrolment-' || i, 'bench-thing-' || t, now(),
              case when t % 3 <> 0 then now() end,
              case when t = 1 and i % 10 = 0 then 'bench-pp-post-' || i end,
              case when t % 3 <> 0 and not (t = 1 and i % 10 = 0) then 'https://blog.example/' || i || '/' || t end
       from generate_series(1, $1::int) i, generate_series(1, $2::int) t
       where t <= (i * 7) % 24`,
      [n, THINGS],
    );
    await client.query('commit');
  } catch (err) {
    await client.query('rollback');
    throw err;
  } finally {
    await client.end();
  }
  return programmeId;
}

/** The URLs measured, the last a later page reached by the first page's cursor; checks their sizes first. */
export async function progressUrls(session: BenchSession, programmeId: string): Promise<string[]> {
  const base = `/api/programmes/${programmeId}/progress`;
  const first = await call<{ totals: { participants: number }; things: unknown[]; nextCursor: string | null }>(
    session,
    'GET',
    base,
  );
  if (first.totals.participants !== PROGRESS_PARTICIPANTS || first.things.length !== THINGS || !first.nextCursor) {
    throw new Error(`the progress bench programme is not as built: ${JSON.stringify(first.totals)}`);
  }
  return [base, `${base}?filter=behind`, `${base}?cohortId=bench-cohort-2`, `${base}?cursor=${first.nextCursor}`];
}

/** Participant i's Cookie header (1-based), signed as better-auth signs it with the bench server's secret. */
function participantCookie(i: number): string {
  const token = `bench-pp-session-token-${i}`;
  const signature = createHmac('sha256', BENCH_SECRET).update(token).digest('base64');
  return `waymark.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
}

/**
 * "This week" as participants open it: every connection is a different participant (their own cookie) reading
 * their own enrolment, `GET /api/enrolments/:enrolmentId` — what is out, done and next on their calendar.
 */
export function thisWeekRun(connections: number): Pick<autocannon.Options, 'setupClient'> {
  if (connections > SIGNED_IN_PARTICIPANTS) {
    throw new Error(`the "this week" target has ${SIGNED_IN_PARTICIPANTS} signed-in participants, not ${connections}`);
  }
  let next = 0;
  return {
    setupClient: (client) => {
      const i = ++next;
      client.setRequests([
        { method: 'GET', path: `/api/enrolments/bench-enrolment-${i}`, headers: { cookie: participantCookie(i) } },
      ]);
    },
  };
}
