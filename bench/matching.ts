/**
 * The matching bench: one organisation of 10,000 members (a tenth of them mentors, a third open to peer
 * suggestions, every one with a plan of three goals), and the time one learner waits for the suggestions
 * for one goal: requests one after another (no queueing behind other connections), p95 reported.
 */
import pg from 'pg';
import { fixtureTopics } from '../src/test/matching-fixture.js';
import { type BenchSession, call } from './api.js';

export const MATCHING_MEMBERS = 10_000;

const flavours = ['', 'advanced ', 'introductory ', 'applied ', 'digital ', 'community '];
/** Some 240 topics: the quality fixture's, each also in a few flavours ("applied statistics"). */
const topicPool = flavours.flatMap((f) => fixtureTopics.map((t) => `${f}${t.topic}`));

/** The bench person's goals, worded as learners do: plainly, with a synonym, with a typo. */
const benchGoals = [
  { what: 'Get better at cataloguing rare books', topics: ['cataloguing'] },
  { what: 'Write my first SQL queries against our catalogue', topics: ['SQL'] },
  { what: 'Feel at ease presenting to the board', topics: [] },
  { what: 'Learn data visualization for the annual report', topics: [] },
  { what: 'Take on stakeholder managment in the new project', topics: [] },
  { what: 'Improve how I run workshops and facilitation', topics: ['facilitation'] },
  { what: 'Start with machine learning', topics: ['machine learning', 'Python'] },
  { what: 'Plan events for our community', topics: ['event planning', 'community outreach'] },
];

/**
 * Fills the bench organisation with 9,999 colleagues straight in PostgreSQL (through the API this would
 * take most of an hour): users, memberships with mentoring offers, plans and goals with topics.
 */
export async function createMatchingOrganisation(databaseUrl: string, organizationId: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const n = MATCHING_MEMBERS - 1;
  // Mentors are every tenth member: spread their topics by their rank among mentors, not by i (a multiple of 10).
  const pick = (k: number) => `($2::text[])[1 + (((i / 10) * ${k} + i / 70) % cardinality($2::text[]))]`;
  try {
    await client.query('begin');
    await client.query(
      `insert into "user" (id, name, email, email_verified)
       select 'bench-user-' || i, 'Colleague ' || i, 'colleague-' || i || '@bench.example', false
       from generate_series(1, $1::int) i`,
      [n],
    );
    await client.query(
      `insert into membership (id, organization_id, user_id, role, title, offers_mentoring, mentoring_topics,
                               mentoring_about, mentoring_capacity, peer_matching)
       select 'bench-member-' || i, $3, 'bench-user-' || i, 'member', 'Librarian',
              i % 10 = 0,
              case when i % 10 = 0 then array[${pick(7)}, ${pick(13)}, ${pick(31)}] else '{}' end,
              case when i % 10 = 0
                then 'I have worked on ' || ${pick(7)} || ' for years and like helping colleagues with '
                     || ${pick(13)} || '. Ask me about ' || ${pick(31)} || ' too.'
                else '' end,
              i % 4, i % 3 = 0
       from generate_series(1, $1::int) i`,
      [n, topicPool, organizationId],
    );
    await client.query(
      `insert into plan (id, organization_id, member_id, user_id, cycle)
       select 'bench-plan-' || i, $2, 'bench-member-' || i, 'bench-user-' || i, '2027'
       from generate_series(1, $1::int) i`,
      [n, organizationId],
    );
    await client.query(
      `insert into plan_goal (id, plan_id, position, what, topics, status)
       select 'bench-goal-' || i || '-' || j, 'bench-plan-' || i, j,
              'Learn more about ' || ($2::text[])[1 + ((i * 3 + j * 17) % cardinality($2::text[]))],
              array[($2::text[])[1 + ((i * 3 + j * 17) % cardinality($2::text[]))],
                    ($2::text[])[1 + ((i * 5 + j * 11) % cardinality($2::text[]))]],
              (case when j < 3 then 'active' else 'idea' end)::goal_status
       from generate_series(1, $1::int) i cross join generate_series(1, 3) j`,
      [n, topicPool],
    );
    await client.query('commit');
  } catch (err) {
    await client.query('rollback');
    throw err;
  } finally {
    await client.end();
  }
}

/** The bench person's plan with goals to match; checks one answer names mentors. Returns the match URLs. */
export async function createMatchingGoals(session: BenchSession): Promise<string[]> {
  const plan = await call<{ id: string }>(session, 'POST', '/api/plans', {
    organizationId: session.organizationId,
    cycle: '2028',
    title: 'Finding mentors',
  });
  const urls: string[] = [];
  for (const goal of benchGoals) {
    const created = await call<{ id: string }>(session, 'POST', `/api/plans/${plan.id}/goals`, {
      ...goal,
      status: 'active',
    });
    urls.push(`/api/plans/${plan.id}/goals/${created.id}/matches`);
  }
  const first = await call<{ mentors: { reasons: string[] }[]; peers: unknown[] }>(session, 'GET', urls[0] as string);
  if (first.mentors.length === 0 || first.peers.length === 0) {
    throw new Error(`matching found nobody in ${MATCHING_MEMBERS} members: ${JSON.stringify(first)}`);
  }
  return urls;
}
