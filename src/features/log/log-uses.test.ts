import { describe, expect, it } from 'vitest';
import { createCast } from '../../test/actors.js';
import { createTestApp, type Json } from '../../test/app.js';
import { createPlan } from '../../test/factories.js';

const t = await createTestApp();

const api = t.call;

/** A learner with one goal that has a monthly sharing commitment, and an entry logged for it. */
async function learner() {
  const c = await createCast(t);
  const me = c.as('self') as Record<string, string>;
  const plan = await createPlan(t.db, c.members.self, {
    content: {
      goals: [
        { id: 'g', what: 'Run a data workshop' },
        { id: 'h', what: 'Learn SQL' },
      ],
      shares: [{ id: 's', goalId: 'g', how: 'post', audience: 'my team', cadence: 'monthly' }],
    },
  });
  const goals = (await api('GET', `/api/goals?orgId=${c.org.id}`, me)).body.goals as Json[];
  const goal = goals.find((g) => g.what === 'Run a data workshop') as Json;
  const entry = await api('POST', '/api/log', me, {
    organizationId: c.org.id,
    what: 'Pivot tables group dates by month',
    source: 'Sam at the data clinic',
    goalId: goal.id,
    learnedOn: '2027-02-03',
  });
  return { c, me, plan, goal, goals, entry: entry.body };
}

describe('what a log entry can become', () => {
  it('lists each goal with its sharing commitments, to choose from', async () => {
    const { goal, goals } = await learner();
    expect(goal.shares).toEqual([{ id: expect.any(String), how: 'post', audience: 'my team', cadence: 'monthly' }]);
    expect(goals.find((g) => g.what === 'Learn SQL')?.shares).toEqual([]);
  });

  it('becomes evidence of its goal, linked back to the entry, on the day it was learned', async () => {
    const { me, plan, goal, entry } = await learner();
    const made = await api('POST', `/api/log/${entry.id}/evidence`, me, {});
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      kind: 'note',
      goalId: goal.id,
      title: 'Pivot tables group dates by month',
      note: 'Learned from: Sam at the data clinic',
      occurredOn: '2027-02-03',
      logEntryId: entry.id,
    });
    const list = await api('GET', `/api/plans/${plan.id}/goals/${goal.id}/evidence`, me);
    expect(list.body.evidence.map((e: Json) => e.id)).toEqual([made.body.id]);
  });

  it('needs a goal of the learner’s own', async () => {
    const { c, me, entry } = await learner();
    const loose = await api('POST', '/api/log', me, { organizationId: c.org.id, what: 'No goal yet' });
    const noGoal = await api('POST', `/api/log/${loose.body.id}/evidence`, me, {});
    expect(noGoal.status).toBe(400);
    expect(noGoal.body.error.fields.goalId).toMatch(/Choose the goal/);
    const other = await createPlan(t.db, c.members.otherMember, { content: { goals: [{ id: 'x', what: 'Theirs' }] } });
    const theirs = (await api('GET', `/api/plans/${other.id}`, c.as('otherMember') as Record<string, string>)).body
      .goals[0].id;
    const notMine = await api('POST', `/api/log/${entry.id}/evidence`, me, { goalId: theirs });
    expect(notMine.status).toBe(400);
    expect(notMine.body.error.fields.goalId).toMatch(/your goals/);
  });

  it('is recorded as a share done for a commitment, with its date and an optional link', async () => {
    const { me, plan, goal, entry } = await learner();
    const shareId = goal.shares[0].id;
    const done = await api('POST', `/api/log/${entry.id}/share`, me, { shareId, link: 'https://intra.example/post/7' });
    expect(done.status).toBe(201);
    expect(done.body.records).toEqual([
      {
        id: expect.any(String),
        doneOn: '2027-02-03',
        link: 'https://intra.example/post/7',
        note: 'Pivot tables group dates by month (from Sam at the data clinic)',
      },
    ]);
    // Through the plan's own write path: the plan shows it and its history has it.
    const planNow = await api('GET', `/api/plans/${plan.id}`, me);
    expect(planNow.body.shares[0].records).toHaveLength(1);
    const history = await api('GET', `/api/plans/${plan.id}/revisions`, me);
    expect(history.body.revisions[0].entityType).toBe('share');

    const unknown = await api('POST', `/api/log/${entry.id}/share`, me, { shareId: 'nope' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.shareId).toMatch(/your sharing commitments/);
    const badLink = await api('POST', `/api/log/${entry.id}/share`, me, { shareId, link: 'ftp://x' });
    expect(badLink.status).toBe(400);
    expect(badLink.body.error.fields.link).toBeDefined();
  });
});
