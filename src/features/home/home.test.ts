import { addDays, format, parseISO } from 'date-fns';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ActorKind, createCast } from '../../test/actors.js';
import { createTestApp, type Json } from '../../test/app.js';
import { localDate } from '../settings/local-time.js';

const t = await createTestApp();

const today = localDate('UTC');
const inDays = (n: number) => format(addDays(parseISO(today), n), 'yyyy-MM-dd');

/** A cast (createCast) with calls as any of its people, and their home in the cast's organisation. */
async function castWithHome() {
  const c = await createCast(t);
  const call = (kind: ActorKind, method: string, url: string, payload?: object) =>
    t.callOk(method, url, c.as(kind) as Record<string, string>, payload);
  const home = async (kind: ActorKind = 'self'): Promise<Json> => call(kind, 'GET', `/api/orgs/${c.org.id}/home`);
  const newPlan = async (kind: ActorKind = 'self') => {
    const plan = await call(kind, 'POST', '/api/plans', { organizationId: c.org.id, cycle: '2027' });
    return { id: plan.id as string, url: `/api/plans/${plan.id}` };
  };
  return { c, call, home, newPlan };
}

/** Every one of the guide's checks done: a reflection, a goal answering all questions, a helper asked, a share. */
async function finishGuide(s: Awaited<ReturnType<typeof castWithHome>>, url: string, targetDate = inDays(200)) {
  const reflection = await s.call('self', 'POST', `${url}/reflections`, {
    what: 'Shadowing the night shift',
    form: 'on_the_job',
    enjoyable: 'Real patients, a patient colleague',
    learnedAboutMe: 'I learn best by doing, with someone beside me',
  });
  const goal = await s.call('self', 'POST', `${url}/goals`, {
    what: 'Lead a handover safely',
    why: 'Handovers are where errors happen',
    how: 'Shadow, then lead with feedback',
    evidence: 'Three handovers led without omissions',
    targetDate,
    links: 'Builds on the night shift',
    reflectionIds: [reflection.id],
    status: 'active',
  });
  await s.call('self', 'POST', `${url}/network`, {
    kind: 'person',
    name: 'Cleo',
    memberId: s.c.members.otherMember.id,
    enlistment: 'asked',
    goalIds: [goal.id],
  });
  await s.call('self', 'POST', `${url}/shares`, {
    how: 'talk',
    cadence: 'once',
    goalId: goal.id,
    success: 'The team tries the checklist',
  });
  return { goalId: goal.id as string };
}

/** Counts the statements sent to the database from now on (as hot-paths.test.ts does). */
function countStatements() {
  const client = (t.db as unknown as { $client: { query: (...args: unknown[]) => unknown } }).$client;
  return vi.spyOn(client, 'query');
}

describe('home', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('costs the same few statements however many goals, dates and shares there are', async () => {
    const s = await castWithHome();
    const plan = await s.newPlan();
    const statementsOfAHomeRead = async () => {
      await s.home(); // caches warm: the plan, the feed page
      const spy = countStatements();
      await s.home();
      const n = spy.mock.calls.length;
      vi.restoreAllMocks();
      return n;
    };
    const addSome = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const goal = await s.call('self', 'POST', `${plan.url}/goals`, {
          what: `Goal ${i}`,
          targetDate: inDays(i + 1),
        });
        await s.call('self', 'POST', `${plan.url}/shares`, {
          how: 'post',
          cadence: 'weekly',
          goalId: goal.id,
          startsOn: inDays(-20),
        });
      }
    };
    await addSome(1);
    const few = await statementsOfAHomeRead();
    await addSome(6);
    const many = await statementsOfAHomeRead();
    expect(many).toBe(few);
    expect(few).toBeLessThanOrEqual(15);
  });

  it('asks a new learner to start: no plan, nothing due, nothing waiting', async () => {
    const s = await castWithHome();
    const home = await s.home();
    expect(home).toMatchObject({
      guide: null,
      nextSteps: [],
      checkinDue: null,
      upcoming: [],
      sharingBehind: [],
      requests: { reviews: [], mentoring: [], openSuggestions: 0, unseenComments: [] },
      posts: [],
      organisation: null,
    });
  });

  it('follows the learner through the guide: not started, the next thing it asks, then done with next steps', async () => {
    const s = await castWithHome();
    const plan = await s.newPlan();
    expect((await s.home()).guide).toMatchObject({ planId: plan.id, state: 'not_started', checksDone: 0 });

    await s.call('self', 'POST', `${plan.url}/reflections`, { what: 'A course I loved', form: 'formal_course' });
    await s.call('self', 'PATCH', plan.url, { guide: { part: 1, step: 2 } });
    const halfway = await s.home();
    expect(halfway.guide).toMatchObject({
      state: 'in_progress',
      part: 1,
      step: 2,
      nextCheck: 'Say what made each one enjoyable',
    });
    expect(halfway.nextSteps).toEqual([]);

    await finishGuide(s, plan.url);
    // The first reflection still lacks its answers: the guide is done only when every check is.
    expect((await s.home()).guide.state).toBe('in_progress');
    const [first] = (await s.call('self', 'GET', plan.url)).reflections;
    await s.call('self', 'PATCH', `${plan.url}/reflections/${first.id}`, {
      enjoyable: 'The teacher',
      learnedAboutMe: 'Structure helps me',
      version: first.version,
    });
    const done = await s.home();
    expect(done.guide).toMatchObject({ state: 'done', nextCheck: null });
    expect(done.guide.checksDone).toBe(done.guide.checksTotal);
    expect(done.nextSteps).toEqual(['share_plan', 'ask_review', 'set_checkins']);
  });

  it('drops each next step once it is done: shared, review asked, check-ins set (then one is due)', async () => {
    const s = await castWithHome();
    const plan = await s.newPlan();
    await finishGuide(s, plan.url);

    const planSteps = async () => (await s.call('self', 'GET', `${plan.url}/next-steps`)).steps;
    // A plan's overview reads the same steps for the plan alone.
    expect(await planSteps()).toEqual(['share_plan', 'ask_review', 'set_checkins']);
    await s.call('self', 'POST', `${plan.url}/grants`, {
      memberId: s.c.members.otherMember.id,
      scope: 'part',
      part: 'goals',
    });
    expect((await s.home()).nextSteps).toEqual(['ask_review', 'set_checkins']);
    expect(await planSteps()).toEqual(['ask_review', 'set_checkins']);

    await s.call('self', 'POST', `${plan.url}/reviews`, { kind: 'agreement' });
    expect((await s.home()).nextSteps).toEqual(['set_checkins']);

    expect((await s.home()).checkinDue).toBeNull();
    await s.call('self', 'PATCH', '/api/settings', { checkinCadence: 'weekly' });
    const home = await s.home();
    expect(home.nextSteps).toEqual([]);
    expect(await s.call('self', 'GET', `${plan.url}/next-steps`)).toEqual({
      planId: plan.id,
      current: true,
      guideDone: true,
      steps: [],
    });
    // Never checked in: the first check-in is due today.
    expect(home.checkinDue).toEqual({ planId: plan.id, dueOn: today });
  });

  it('does not suggest asking for a review to a learner without a supervisor', async () => {
    const s = await castWithHome();
    const plan = await s.newPlan('otherMember');
    const mine = { ...s, call: (_k: ActorKind, m: string, u: string, p?: object) => s.call('otherMember', m, u, p) };
    await finishGuide(mine, plan.url);
    expect((await s.home('otherMember')).nextSteps).toEqual(['share_plan', 'set_checkins']);
    expect((await s.call('otherMember', 'GET', `${plan.url}/next-steps`)).steps).toEqual([
      'share_plan',
      'set_checkins',
    ]);
  });

  it("answers a plan's next steps before the guide is done as none, and says whether it is the current plan", async () => {
    const s = await castWithHome();
    const older = await s.newPlan();
    expect(await s.call('self', 'GET', `${older.url}/next-steps`)).toEqual({
      planId: older.id,
      current: true,
      guideDone: false,
      steps: [],
    });
    const newer = await s.call('self', 'POST', '/api/plans', { organizationId: s.c.org.id, cycle: '2028' });
    expect((await s.call('self', 'GET', `${older.url}/next-steps`)).current).toBe(false);
    expect((await s.call('self', 'GET', `/api/plans/${newer.id}/next-steps`)).current).toBe(true);
  });

  it('lists target dates and milestones of open goals in the next 30 days, soonest first', async () => {
    const s = await castWithHome();
    const plan = await s.newPlan();
    const goal = (what: string, extra: object) => s.call('self', 'POST', `${plan.url}/goals`, { what, ...extra });
    await goal('Soon', { targetDate: inDays(10), status: 'active' });
    await goal('Later', { targetDate: inDays(45), status: 'active' });
    await goal('Already met', { targetDate: inDays(3), status: 'achieved' });
    await goal('Gone by', { targetDate: inDays(-2), status: 'active' });
    await goal('With steps', {
      milestones: [
        { id: 'm1', title: 'Draft the checklist', dueDate: inDays(5), done: false },
        { id: 'm2', title: 'Done already', dueDate: inDays(6), done: true },
      ],
    });
    const { upcoming } = await s.home();
    expect(upcoming.map((u: Json) => [u.kind, u.title, u.date])).toEqual([
      ['milestone', 'Draft the checklist', inDays(5)],
      ['target_date', 'Soon', inDays(10)],
    ]);
  });

  it('shows sharing commitments behind, and not those on time', async () => {
    const s = await castWithHome();
    const plan = await s.newPlan();
    const goal = await s.call('self', 'POST', `${plan.url}/goals`, { what: 'Write for the wiki' });
    await s.call('self', 'POST', `${plan.url}/shares`, {
      how: 'wiki',
      cadence: 'weekly',
      goalId: goal.id,
      startsOn: inDays(-30),
    });
    await s.call('self', 'POST', `${plan.url}/shares`, { how: 'talk', cadence: 'monthly', startsOn: inDays(-3) });
    const { sharingBehind } = await s.home();
    expect(sharingBehind).toEqual([
      expect.objectContaining({ how: 'wiki', goalWhat: 'Write for the wiki', expected: 4, done: 0 }),
    ]);
  });

  it('shows the supervisor the review waiting for them, and nobody else', async () => {
    const s = await castWithHome();
    const plan = await s.newPlan();
    await s.call('self', 'POST', `${plan.url}/reviews`, { kind: 'agreement' });
    const learnerName = s.c.people.self.name;
    expect((await s.home('supervisor')).requests.reviews).toEqual([
      expect.objectContaining({ kind: 'agreement', learnerName, cycle: '2027' }),
    ]);
    for (const kind of ['self', 'otherMember', 'admin', 'owner'] as const) {
      expect((await s.home(kind)).requests.reviews).toEqual([]);
    }
  });

  it('shows a mentoring request to the member asked, who sees nothing of the plan without a share', async () => {
    const s = await castWithHome();
    const plan = await s.newPlan();
    const { goalId } = await finishGuide(s, plan.url, inDays(12));
    const before = await s.home('otherMember');
    expect(before.requests.mentoring).toEqual([]);

    const [entry] = (await s.call('self', 'GET', plan.url)).network;
    await s.call('self', 'PATCH', `${plan.url}/network/${entry.id}`, { enlistment: 'to_ask', version: entry.version });
    await s.call('self', 'POST', `${plan.url}/network/${entry.id}/enlist`, {});
    const asked = await s.home('otherMember');
    expect(asked.requests.mentoring).toEqual([expect.objectContaining({ learnerName: s.c.people.self.name })]);
    // The learner's plan, goals and dates stay the learner's: nothing of them reaches the mentor's home.
    const text = JSON.stringify(asked);
    for (const secret of [plan.id, goalId, 'Lead a handover safely', inDays(12)]) expect(text).not.toContain(secret);
    expect(asked).toMatchObject({ guide: null, upcoming: [], sharingBehind: [], checkinDue: null });
  });

  it('tells the learner of open suggestions and unseen comments on their plan', async () => {
    const s = await castWithHome();
    const plan = await s.newPlan();
    const goal = await s.call('self', 'POST', `${plan.url}/goals`, { what: 'Run a workshop' });
    await s.call('self', 'POST', `${plan.url}/grants`, {
      memberId: s.c.members.otherMember.id,
      scope: 'goal',
      goalId: goal.id,
      access: 'comment',
    });
    const comment = (payload: object) =>
      s.call('otherMember', 'POST', `${plan.url}/comments`, { targetKind: 'goal', targetId: goal.id, ...payload });
    await comment({ body: 'Try a pilot first' });
    const suggested = await comment({ body: 'Clearer?', suggestion: { field: 'what', text: 'Run a pilot workshop' } });

    const home = await s.home();
    expect(home.requests.openSuggestions).toBe(1);
    expect(home.requests.unseenComments).toHaveLength(2);
    expect(home.requests.unseenComments[0].title).toContain('Run a workshop');

    await s.call('self', 'POST', `${plan.url}/comments/${suggested.id}/dismiss`);
    const notices = await s.call('self', 'GET', '/api/notifications');
    for (const n of notices.notifications) await s.call('self', 'POST', `/api/notifications/${n.id}/read`, {});
    const after = await s.home();
    expect(after.requests).toMatchObject({ openSuggestions: 0, unseenComments: [] });
  });

  it('shows recent posts of people and topics followed, never an unfollowed one or another organisation’s', async () => {
    const s = await castWithHome();
    const post = (kind: ActorKind, payload: object) =>
      s.call(kind, 'POST', '/api/posts', { organizationId: s.c.org.id, visibility: 'organization', ...payload });
    await post('otherMember', { title: 'What I learned about triage', body: 'Ask first.' });
    await post('admin', { title: 'About SQL joins', body: 'Left joins', topics: ['sql'] });
    await post('owner', { title: 'Not followed', body: 'Quiet' });
    expect((await s.home()).posts).toEqual([]);

    await s.call('self', 'PUT', '/api/follows', {
      orgId: s.c.org.id,
      kind: 'member',
      target: s.c.members.otherMember.id,
    });
    await s.call('self', 'PUT', '/api/follows', { orgId: s.c.org.id, kind: 'topic', target: 'sql' });
    const titles = (await s.home()).posts.map((p: Json) => p.title);
    expect(titles.sort()).toEqual(['About SQL joins', 'What I learned about triage']);

    // The outsider's home, in their own organisation, holds nothing of this one.
    const theirs = await t.callOk('GET', `/api/orgs/${s.c.members.outsider.organizationId}/home`, {
      cookie: s.c.cookies.outsider as string,
    });
    expect(JSON.stringify(theirs)).not.toMatch(/triage|SQL joins|Not followed/);
  });

  it('never shows another organisation’s plan, reviews or requests, and answers 404 for an organisation not one’s own', async () => {
    const s = await castWithHome();
    const plan = await s.newPlan();
    await finishGuide(s, plan.url, inDays(8));
    await s.call('self', 'POST', `${plan.url}/reviews`, { kind: 'agreement' });
    const res = await t.call('GET', `/api/orgs/${s.c.org.id}/home`, { cookie: s.c.cookies.outsider as string });
    expect(res.status).toBe(404);
    const theirs = await t.callOk('GET', `/api/orgs/${s.c.members.outsider.organizationId}/home`, {
      cookie: s.c.cookies.outsider as string,
    });
    expect(theirs).toMatchObject({ guide: null, upcoming: [], requests: { reviews: [], mentoring: [] } });
    expect(JSON.stringify(theirs)).not.toContain(plan.id);
  });

  it('gives L&D admins and owners the organisation in counts, plans started only from k members', async () => {
    const s = await castWithHome();
    await s.newPlan();
    await s.call(
      'otherMember',
      'PUT',
      `/api/orgs/${s.c.org.id}/members/${s.c.members.otherMember.id}/insights-consent`,
      {
        consent: true,
      },
    );
    const few = await s.home('admin');
    expect(few.organisation).toEqual({ members: 5, joinedLast30Days: 5, plansStarted: null, optedIn: 1, k: 5 });
    expect((await s.home('owner')).organisation).toEqual(few.organisation);
    for (const kind of ['self', 'supervisor', 'otherMember'] as const)
      expect((await s.home(kind)).organisation).toBeNull();

    for (const kind of ['otherMember', 'supervisor', 'admin', 'owner'] as const) await s.newPlan(kind);
    expect((await s.home('admin')).organisation.plansStarted).toBe(5);
  });
});
