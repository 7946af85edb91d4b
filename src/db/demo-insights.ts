import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { planHistory } from '../features/plans/index.js';
import { createPlan, type MemberRow } from '../test/factories.js';
import type { Database } from './client.js';
import { checkin, goal, logEntry, membership, orgTopic, plan } from './schema/index.js';
import type { learningForms } from './schema/plans.js';

/*
 * The demo's insights: departments and teams for everyone, and seventeen learners who opted in, each with a
 * plan begun some months ago, a log, sharing and check-ins. Enough of them share topics, forms and resources
 * that the L&D admin's dashboard shows real figures on first sign-in — and a few groups stay under k = 5, so
 * "fewer than 5" shows too. Two departments can be chosen (Collections & Digital with both its teams; Public
 * Services without its teams, whose smaller one has too few), and "spreadsheet" is suggested as a merge.
 */

type Form = (typeof learningForms)[number];

const departmentOf: Record<string, string> = {
  'Digital services': 'Collections & Digital',
  Collections: 'Collections & Digital',
  'Community engagement': 'Public Services',
  'Research & Reference': 'Public Services',
};

const resources = {
  wcag: { name: 'WCAG 2.2 at a glance', relation: 'website', url: 'https://example.org/wcag-at-a-glance' },
  swd: { name: 'Storytelling with Data', relation: 'book', url: 'https://example.org/storytelling-with-data' },
  sql: { name: 'Library Carpentry: SQL', relation: 'course', url: 'https://example.org/library-carpentry-sql' },
  rda: { name: 'RDA Toolkit', relation: 'tool', url: 'https://example.org/rda-toolkit' },
  story: { name: 'The Storytime Handbook', relation: 'book', url: null },
} as const;

interface DemoLearner {
  name: string;
  team: string;
  /** The topics of their goal for this year. */
  topics: string[];
  /** Months since they began their plan. */
  since: number;
  forms: Form[];
  resources: (keyof typeof resources)[];
  /** A mentor in their network for the goal: demand for mentors on its topics. */
  mentor?: boolean;
  /** A goal of their first topic achieved last month. */
  achieved?: boolean;
  shares?: boolean;
  checkins?: boolean;
  /** Left out of insights until they say yes (the browser test has one say it). */
  undecided?: boolean;
}

// biome-ignore format: one learner a line reads as a table
const learners: DemoLearner[] = [
  { name: 'Priya Raman', team: 'Digital services', topics: ['accessibility', 'facilitation'], since: 5, forms: ['peer_to_peer', 'formal_course', 'on_the_job'], resources: ['wcag'], achieved: true, shares: true, checkins: true },
  { name: 'Liam O’Connor', team: 'Digital services', topics: ['accessibility', 'python', 'spreadsheet'], since: 4, forms: ['self_directed', 'on_the_job', 'community_of_practice'], resources: ['wcag', 'sql'], achieved: true, checkins: true },
  { name: 'Sofia Marques', team: 'Digital services', topics: ['accessibility', 'data visualisation'], since: 3, forms: ['social_online', 'self_directed', 'on_the_job'], resources: ['wcag', 'swd'], mentor: true, shares: true },
  { name: 'Chen Wei', team: 'Digital services', topics: ['accessibility', 'python'], since: 5, forms: ['reading_listening', 'on_the_job', 'peer_to_peer'], resources: ['wcag', 'sql'], achieved: true, shares: true, checkins: true },
  { name: 'Samuel Osei', team: 'Digital services', topics: ['accessibility', 'dataviz', 'digital preservation'], since: 2, forms: ['formal_course', 'on_the_job'], resources: ['wcag', 'swd'], mentor: true, checkins: true },
  { name: 'Jonas Becker', team: 'Collections', topics: ['spreadsheets', 'facilitation'], since: 5, forms: ['mentoring', 'on_the_job', 'reading_listening'], resources: ['rda'], achieved: true, shares: true, checkins: true },
  { name: 'Hannah Schmidt', team: 'Collections', topics: ['cataloguing', 'data visualisation', 'digital preservation'], since: 4, forms: ['formal_course', 'peer_to_peer', 'on_the_job'], resources: ['rda', 'swd'], mentor: true, achieved: true, checkins: true },
  { name: 'Kwame Mensah', team: 'Collections', topics: ['cataloguing', 'spreadsheet'], since: 3, forms: ['mentoring', 'on_the_job', 'peer_to_peer'], resources: ['rda'], mentor: true, shares: true },
  { name: 'Elena Petrova', team: 'Collections', topics: ['cataloguing', 'spreadsheet'], since: 1, forms: ['community_of_practice', 'reading_listening', 'on_the_job'], resources: ['rda', 'sql'], mentor: true, checkins: true },
  { name: 'Noah Williams', team: 'Collections', topics: ['cataloguing', 'dataviz', 'digital preservation'], since: 2, forms: ['formal_course', 'on_the_job', 'social_online'], resources: ['rda', 'swd'], mentor: true, shares: true },
  { name: 'Aisha Khan', team: 'Community engagement', topics: ['storytelling', 'spreadsheets', 'data visualisation'], since: 5, forms: ['community_of_practice', 'team_based', 'on_the_job'], resources: ['swd', 'story'], mentor: true, achieved: true, shares: true, checkins: true },
  { name: 'Fatima Al-Sayed', team: 'Community engagement', topics: ['storytelling', 'spreadsheets'], since: 4, forms: ['peer_to_peer', 'conference_event', 'team_based'], resources: ['story'], checkins: true },
  { name: 'Lucas Moreau', team: 'Community engagement', topics: ['storytelling', 'accessibility', 'spreadsheet'], since: 3, forms: ['team_based', 'reading_listening', 'on_the_job'], resources: ['story'], achieved: true, shares: true },
  { name: 'Grace Kim', team: 'Community engagement', topics: ['storytelling', 'spreadsheets', 'data visualisation'], since: 2, forms: ['conference_event', 'team_based', 'social_online'], resources: ['story', 'swd'], mentor: true, checkins: true },
  { name: 'Oliver Brown', team: 'Community engagement', topics: ['storytelling', 'spreadsheets', 'cataloguing'], since: 1, forms: ['on_the_job', 'peer_to_peer', 'formal_course', 'team_based'], resources: ['story'], mentor: true, shares: true },
  { name: 'Zara Ahmed', team: 'Research & Reference', topics: ['spreadsheets', 'data visualisation', 'facilitation'], since: 4, forms: ['reading_listening', 'peer_to_peer', 'on_the_job'], resources: ['swd'], mentor: true, shares: true, checkins: true },
  { name: 'Ingrid Nilsen', team: 'Research & Reference', topics: ['data visualisation', 'spreadsheet', 'facilitation'], since: 3, forms: ['self_directed', 'reading_listening', 'conference_event'], resources: ['swd', 'sql'], mentor: true, checkins: true },
  { name: 'Mateo García', team: 'Research & Reference', topics: ['cataloguing', 'storytelling'], since: 1, forms: ['formal_course'], resources: [], undecided: true },
];

const formNotes: Record<Form, string> = {
  peer_to_peer: 'Swapped tips with a colleague over lunch',
  coaching: 'A coaching session on giving feedback',
  mentoring: 'My mentor walked me through a tricky case',
  community_of_practice: 'The community call had three good examples',
  self_directed: 'Worked through a tutorial on my own',
  team_based: 'Our team tried the new approach at the Saturday event',
  on_the_job: 'Learned it by doing it at the desk',
  formal_course: 'Finished a module of the online course',
  social_online: 'A thread online explained it better than the manual',
  conference_event: 'A talk at the regional libraries day',
  reading_listening: 'A chapter of the book, and a podcast on the way home',
};

/** A day `months` months before now (UTC), never later than today. */
function monthsAgo(months: number, day: number, now = new Date()): Date {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, day, 10));
  return d > now ? now : d;
}
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Backdates a plan and everything in it to when the learner began it, as if written then. */
async function backdate(db: Database, planId: string, at: Date) {
  for (const table of ['plan', 'plan_goal', 'plan_network_entry', 'plan_share', 'plan_revision']) {
    const where = table === 'plan' ? sql`id = ${planId}` : sql`plan_id = ${planId}`;
    await db.execute(sql`update ${sql.identifier(table)} set created_at = ${at}, updated_at = ${at} where ${where}`);
  }
}

/** The goal they achieved last month: its status change recorded in the plan's history at that time. */
async function achieve(db: Database, planId: string, userId: string, at: Date) {
  const [row] = await db.select().from(plan).where(eq(plan.id, planId));
  const [earlier] = await db
    .select()
    .from(goal)
    .where(and(eq(goal.planId, planId), eq(goal.position, 1)));
  if (!row || !earlier) throw new Error('the demo plan has no earlier goal');
  const history = planHistory(db, row, userId);
  await history.record('goal', earlier.id, 'update', { status: 'active' }, { status: 'achieved' });
  await history.finish();
  await db.update(goal).set({ status: 'achieved', progress: 100, updatedAt: at }).where(eq(goal.id, earlier.id));
  await db.execute(
    sql`update plan_revision set created_at = ${at}, updated_at = ${at} where plan_id = ${planId} and seq = ${history.seq}`,
  );
}

async function addLearner(db: Database, member: MemberRow, l: DemoLearner, now: Date) {
  const start = monthsAgo(l.since, 6, now);
  const [first = ''] = l.topics;
  const created = await createPlan(db, member, {
    cycle: String(now.getUTCFullYear()),
    title: 'This year’s learning',
    content: {
      goals: [
        { id: 'g1', what: `Get better at ${l.topics.join(' and ')}`, status: 'active', progress: 30, topics: l.topics },
        ...(l.achieved
          ? [{ id: 'g0', what: `A first project in ${first}`, status: 'active' as const, topics: [first] }]
          : []),
      ],
      network: [
        ...l.resources.map((key) => ({ id: key, kind: 'resource' as const, ...resources[key], goalIds: ['g1'] })),
        ...(l.mentor
          ? [
              {
                id: 'm',
                kind: 'person' as const,
                name: `Someone who knows ${first}`,
                relation: 'mentor' as const,
                goalIds: ['g1'],
              },
            ]
          : []),
      ],
      shares: l.shares
        ? [
            {
              id: 's1',
              goalId: 'g1',
              how: 'post',
              audience: 'My team',
              cadence: 'monthly',
              records: [
                { id: randomUUID(), doneOn: isoDay(monthsAgo(l.since - 1, 20, now)), link: null, note: 'A first post' },
                { id: randomUUID(), doneOn: isoDay(now), link: null, note: 'What I tried this month' },
              ],
            },
          ]
        : [],
    } as never,
  });
  await backdate(db, created.id, start);
  if (l.achieved) await achieve(db, created.id, member.userId, monthsAgo(1, 12, now));
  // One log entry per form, spread from the plan's start to now.
  await db.insert(logEntry).values(
    l.forms.map((form, i) => ({
      id: randomUUID(),
      organizationId: member.organizationId,
      memberId: member.id,
      userId: member.userId,
      learnedOn: isoDay(monthsAgo(Math.max(l.since - i - 1, 0), 15 - i, now)),
      what: formNotes[form],
      form,
    })),
  );
  if (l.checkins) {
    await db
      .insert(checkin)
      .values({ id: randomUUID(), planId: created.id, userId: member.userId, checkedOn: isoDay(now), answers: [] });
  }
}

/**
 * Places everyone in a department and team, and gives the learners above their plans, logs and consent. The
 * owner and the L&D admin sit in Leadership and do not count (they never said yes).
 */
export async function addInsightsDemo(db: Database, orgId: string, ids: Map<string, string>, now = new Date()) {
  await db.execute(sql`update membership set department = 'Leadership' where organization_id = ${orgId}`);
  await db.insert(orgTopic).values({
    id: randomUUID(),
    organizationId: orgId,
    name: 'Data visualisation',
    synonyms: ['dataviz', 'data viz'],
  });
  for (const l of learners) {
    const memberId = ids.get(l.name);
    if (!memberId) throw new Error(`${l.name} is not in the demo organisation`);
    const [member] = await db
      .update(membership)
      .set({
        department: departmentOf[l.team],
        team: l.team,
        insightsConsent: !l.undecided,
        insightsConsentAt: l.undecided ? null : monthsAgo(l.since, 2, now),
      })
      .where(eq(membership.id, memberId))
      .returning();
    await addLearner(db, member as MemberRow, l, now);
  }
}
