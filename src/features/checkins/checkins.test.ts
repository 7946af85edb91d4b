import { describe, expect, it } from 'vitest';
import { createCast } from '../../test/actors.js';
import { createTestApp } from '../../test/app.js';
import { localDate } from '../settings/local-time.js';
import { checkinPrompts } from './checkin-prompts.js';
import { checkinsOfPlan, insertCheckin } from './checkins.repository.js';

const t = await createTestApp();
const { app } = t;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field below
type Json = Record<string, any>;
type Headers = Record<string, string>;
const api = async (method: string, url: string, headers: Headers, payload?: object) => {
  const res = await app.inject({ method: method as 'GET', url, headers, ...(payload !== undefined && { payload }) });
  return { status: res.statusCode, body: (res.body ? res.json() : null) as Json };
};

/** A learner with a plan of two goals: "Run a workshop" (active, 40%) and "Learn SQL" (an idea, 0%). */
async function learnerWithPlan() {
  const c = await createCast(t);
  const me = c.as('self') as Headers;
  const plan = await api('POST', '/api/plans', me, { organizationId: c.org.id, cycle: '2027' });
  const url = `/api/plans/${plan.body.id}`;
  const workshop = await api('POST', `${url}/goals`, me, { what: 'Run a workshop', status: 'active', progress: 40 });
  const sql = await api('POST', `${url}/goals`, me, { what: 'Learn SQL' });
  expect([workshop.status, sql.status]).toEqual([201, 201]);
  return { c, me, planId: plan.body.id as string, url, workshop: workshop.body.id, sql: sql.body.id };
}

/** What must not move when a check-in is refused: the plan, its history and the check-ins. */
async function snapshot(url: string, me: Headers) {
  const plan = await api('GET', url, me);
  const revisions = await api('GET', `${url}/revisions`, me);
  const checkins = await api('GET', `${url}/checkins`, me);
  return { plan: plan.body, revisions: revisions.body.revisions.length, checkins: checkins.body.checkins };
}

describe('check-ins', () => {
  it('starts with no cadence, nothing due, and the learner-mindset questions', async () => {
    const { me, url } = await learnerWithPlan();
    const res = await api('GET', `${url}/checkins`, me);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      checkins: [],
      cadence: 'none',
      dueOn: null,
      today: localDate('UTC'),
      prompts: checkinPrompts.map((p) => ({ id: p.id, text: p.text })),
    });
    expect(res.body.prompts.length).toBeGreaterThanOrEqual(4);
  });

  it('records the answers and raises progress through the plan, its history and its cache', async () => {
    const { me, url, workshop, sql } = await learnerWithPlan();
    // Read first, so the plan sits in the read cache: the check-in must drop it.
    const before = await api('GET', url, me);
    expect(before.body.goals[0].progress).toBe(40);

    const res = await api('POST', `${url}/checkins`, me, {
      answers: { learned: '  Dry runs surface the confusing slides  ', curious: 'Pivot tables', help: '' },
      progress: [
        { goalId: workshop, progress: 60 },
        { goalId: sql, progress: 0, status: 'active' },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      checkedOn: localDate('UTC'),
      answers: [
        { prompt: 'What did I learn since my last check-in?', answer: 'Dry runs surface the confusing slides' },
        { prompt: 'What am I curious about next?', answer: 'Pivot tables' },
      ],
      // Only real progress changes are kept: SQL's status changed, its progress did not.
      progress: [{ goalId: workshop, goal: 'Run a workshop', from: 40, to: 60 }],
    });

    const after = await api('GET', url, me);
    const goals = Object.fromEntries(after.body.goals.map((g: Json) => [g.id, g]));
    expect(goals[workshop]).toMatchObject({ progress: 60, status: 'active', version: 2 });
    expect(goals[sql]).toMatchObject({ progress: 0, status: 'active', version: 2 });
    expect(after.body.revision).toBeGreaterThan(before.body.revision);

    const history = await api('GET', `${url}/revisions`, me);
    const workshopRevision = history.body.revisions.find((r: Json) => r.entityId === workshop && r.action === 'update');
    expect(workshopRevision.changedFields).toEqual(['progress']);
    const detail = await api('GET', `${url}/revisions/${workshopRevision.id}`, me);
    expect([detail.body.before.progress, detail.body.after.progress]).toEqual([40, 60]);

    const list = await api('GET', `${url}/checkins`, me);
    expect(list.body.checkins).toEqual([res.body]);
    const one = await api('GET', `${url}/checkins/${res.body.id}`, me);
    expect(one.body).toEqual(res.body);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const { c, me, url, workshop } = await learnerWithPlan();
    // A goal of another plan of the same learner is not a goal of this plan.
    const other = await api('POST', '/api/plans', me, { organizationId: c.org.id, cycle: '2028' });
    const elsewhere = await api('POST', `/api/plans/${other.body.id}/goals`, me, { what: 'Elsewhere' });
    const answers = { learned: 'Something' };
    const cases: [object, string, string][] = [
      [
        {
          answers,
          progress: [
            { goalId: workshop, progress: 70 },
            { goalId: 'no-such-goal', progress: 10 },
          ],
        },
        'progress.1.goalId',
        'Choose a goal of this plan.',
      ],
      [{ answers, progress: [{ goalId: elsewhere.body.id, progress: 10 }] }, 'progress.0.goalId', 'this plan'],
      [
        {
          answers,
          progress: [
            { goalId: workshop, progress: 50 },
            { goalId: workshop, progress: 60 },
          ],
        },
        'progress.1.goalId',
        'twice',
      ],
      [{ answers, progress: [{ goalId: workshop, progress: 150 }] }, 'progress.0.progress', '0 to 100'],
      [{ answers, progress: [{ goalId: workshop, progress: 12.5 }] }, 'progress.0.progress', 'whole number'],
      [{ answers, progress: [{ goalId: workshop, progress: 50, status: 'done' }] }, 'progress.0.status', 'Choose'],
      [{ answers: { learned: '   ', help: '' }, progress: [{ goalId: workshop, progress: 70 }] }, 'answers', 'one'],
      [{ answers: { learned: 'x'.repeat(2001) } }, 'answers.learned', '2,000'],
      [{ answers: { mood: 'Great' } }, 'answers', ''],
    ];
    const start = await snapshot(url, me);
    for (const [payload, field, says] of cases) {
      const res = await api('POST', `${url}/checkins`, me, payload);
      expect(res.status, field).toBe(400);
      expect(res.body.error.fields?.[field], JSON.stringify(res.body)).toContain(says);
    }
    expect(await snapshot(url, me)).toEqual(start);
    expect(start.plan.goals[0].progress).toBe(40);
    expect(start.checkins).toEqual([]);
  });

  it('counts the next due date from the latest check-in for each cadence', async () => {
    const { c, me, url, planId } = await learnerWithPlan();
    const setCadence = (checkinCadence: string) => api('PATCH', '/api/settings', me, { checkinCadence });
    const dueOn = async () => (await api('GET', `${url}/checkins`, me)).body;

    await setCadence('weekly');
    // No check-in yet: due now.
    expect(await dueOn()).toMatchObject({ cadence: 'weekly', dueOn: localDate('UTC') });

    // Earlier check-ins, as if made on these dates; the latest counts.
    for (const checkedOn of ['2027-01-02', '2027-01-31']) {
      await insertCheckin(t.db, {
        id: `${planId}-${checkedOn}`,
        planId,
        userId: c.people.self.id,
        checkedOn,
        answers: [{ prompt: 'What did I learn since my last check-in?', answer: 'A thing' }],
      });
    }
    const expected = { none: null, daily: '2027-02-01', weekly: '2027-02-07', monthly: '2027-02-28' };
    for (const [cadence, due] of Object.entries(expected)) {
      expect((await setCadence(cadence)).status).toBe(200);
      expect(await dueOn(), cadence).toMatchObject({ cadence, dueOn: due });
    }
    expect((await dueOn()).checkins.map((x: Json) => x.checkedOn)).toEqual(['2027-01-31', '2027-01-02']);
  });

  it('dates a check-in by the learner’s own calendar', async () => {
    const { me, url } = await learnerWithPlan();
    // Kiritimati is UTC+14 all year: for most of the day its date is not UTC's.
    await api('PATCH', '/api/settings', me, { timeZone: 'Pacific/Kiritimati', checkinCadence: 'daily' });
    const kiritimatiToday = new Date(Date.now() + 14 * 3600_000).toISOString().slice(0, 10);
    const res = await api('POST', `${url}/checkins`, me, { answers: { working: 'Short daily notes' } });
    expect(res.body.checkedOn).toBe(kiritimatiToday);
    const list = await api('GET', `${url}/checkins`, me);
    expect(list.body.today).toBe(kiritimatiToday);
    const tomorrow = new Date(Date.parse(`${kiritimatiToday}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(list.body.dueOn).toBe(tomorrow);
  });

  it('keeps a plan’s check-ins to its owner: others get 404, anonymous 401, and nothing changes', async () => {
    const { c, me, url, workshop } = await learnerWithPlan();
    const mine = await api('POST', `${url}/checkins`, me, {
      answers: { learned: 'Mine' },
      progress: [{ goalId: workshop, progress: 50 }],
    });
    const body = { answers: { learned: 'Not mine' }, progress: [{ goalId: workshop, progress: 100 }] };
    for (const who of ['otherMember', 'supervisor', 'admin', 'owner', 'outsider'] as const) {
      const as = c.as(who) as Headers;
      expect((await api('GET', `${url}/checkins`, as)).status, who).toBe(404);
      expect((await api('POST', `${url}/checkins`, as, body)).status, who).toBe(404);
      expect((await api('GET', `${url}/checkins/${mine.body.id}`, as)).status, who).toBe(404);
      expect((await api('DELETE', `${url}/checkins/${mine.body.id}`, as)).status, who).toBe(404);
    }
    expect((await api('GET', `${url}/checkins`, {})).status).toBe(401);
    expect((await api('POST', `${url}/checkins`, {}, body)).status).toBe(401);
    const after = await snapshot(url, me);
    expect(after.checkins.map((x: Json) => x.id)).toEqual([mine.body.id]);
    expect(after.plan.goals.find((g: Json) => g.id === workshop).progress).toBe(50);

    // A check-in of another plan is not found under this one.
    const theirs = await learnerWithPlan();
    const theirCheckin = await api('POST', `${theirs.url}/checkins`, theirs.me, { answers: { learned: 'Theirs' } });
    const mixed = await api('GET', `${theirs.url}/checkins/${mine.body.id}`, theirs.me);
    expect(mixed.status).toBe(404);
    expect((await api('DELETE', `${url}/checkins/${theirCheckin.body.id}`, me)).status).toBe(404);
  });

  it('deletes a check-in but keeps the progress it recorded', async () => {
    const { me, url, planId, workshop } = await learnerWithPlan();
    const first = await api('POST', `${url}/checkins`, me, {
      answers: { learned: 'First' },
      progress: [{ goalId: workshop, progress: 55 }],
    });
    const second = await api('POST', `${url}/checkins`, me, {
      answers: { obstacles: 'Second' },
      progress: [{ goalId: workshop, progress: 70 }],
    });
    expect(second.body.progress).toEqual([{ goalId: workshop, goal: 'Run a workshop', from: 55, to: 70 }]);
    // Newest first, for the page and for the goal timeline alike.
    expect((await checkinsOfPlan(t.db, planId)).map((r) => r.id)).toEqual([second.body.id, first.body.id]);

    expect((await api('DELETE', `${url}/checkins/${second.body.id}`, me)).status).toBe(204);
    expect((await api('GET', `${url}/checkins/${second.body.id}`, me)).status).toBe(404);
    expect((await api('DELETE', `${url}/checkins/${second.body.id}`, me)).status).toBe(404);
    const after = await snapshot(url, me);
    expect(after.checkins.map((x: Json) => x.id)).toEqual([first.body.id]);
    expect(after.plan.goals.find((g: Json) => g.id === workshop).progress).toBe(70);
  });

  it('names a goal deleted since the check-in as gone, keeping its progress change', async () => {
    const { me, url, sql } = await learnerWithPlan();
    await api('POST', `${url}/checkins`, me, {
      answers: { learned: 'SQL joins' },
      progress: [{ goalId: sql, progress: 20 }],
    });
    expect((await api('DELETE', `${url}/goals/${sql}`, me)).status).toBe(204);
    const list = await api('GET', `${url}/checkins`, me);
    expect(list.body.checkins[0].progress).toEqual([{ goalId: sql, goal: null, from: 0, to: 20 }]);
  });
});
