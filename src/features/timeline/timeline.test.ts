import { describe, expect, it } from 'vitest';
import { createCast } from '../../test/actors.js';
import { createTestApp, type Json } from '../../test/app.js';
import { createPlan } from '../../test/factories.js';
import { goalTimelineView } from './timeline.schema.js';

const t = await createTestApp();
const { app } = t;

/** A request that must succeed; answers its body. */
const api = async (method: string, url: string, headers: Record<string, string>, payload?: object) => {
  const res = await t.call(method, url, headers, payload);
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

describe('goal timeline', () => {
  it('shows log entries, evidence, check-ins and shares of one goal, newest first', async () => {
    const c = await createCast(t);
    const me = c.as('self') as Record<string, string>;
    const plan = await createPlan(t.db, c.members.self, {
      content: {
        goals: [
          { id: 'g', what: 'Run a data workshop' },
          { id: 'h', what: 'Learn SQL' },
        ],
        shares: [{ id: 's', goalId: 'g', how: 'talk', audience: 'the team', cadence: 'monthly' }],
      },
    });
    const view = await api('GET', `/api/plans/${plan.id}`, me);
    const goal = view.goals.find((g: Json) => g.what === 'Run a data workshop');
    const other = view.goals.find((g: Json) => g.what === 'Learn SQL');
    const planUrl = `/api/plans/${plan.id}`;

    await api('POST', '/api/log', me, {
      organizationId: c.org.id,
      what: 'Pivot tables',
      goalId: goal.id,
      learnedOn: '2027-01-10',
    });
    await api('POST', '/api/log', me, { organizationId: c.org.id, what: 'Joins', goalId: other.id });
    await api('POST', `${planUrl}/goals/${goal.id}/evidence`, me, {
      kind: 'link',
      title: 'Slides',
      url: 'https://example.org/s',
      occurredOn: '2027-02-01',
    });
    await api('POST', `${planUrl}/shares/${view.shares[0].id}/done`, me, {
      doneOn: '2027-01-20',
      note: 'Told the team',
    });
    await api('POST', `${planUrl}/checkins`, me, {
      answers: { learned: 'Groups need a date column' },
      progress: [{ goalId: goal.id, progress: 40 }],
    });

    const timeline = await api('GET', `${planUrl}/goals/${goal.id}/timeline`, me);
    expect(goalTimelineView.parse(timeline)).toEqual(timeline);
    const today = new Date().toISOString().slice(0, 10);
    expect(timeline.items.map((i: Json) => [i.type, i.date])).toEqual(
      [
        ['checkin', today],
        ['evidence', '2027-02-01'],
        ['share', '2027-01-20'],
        ['log', '2027-01-10'],
      ].sort((a, b) => (b[1] as string).localeCompare(a[1] as string)),
    );
    expect(timeline.items.find((i: Json) => i.type === 'checkin')).toMatchObject({
      progress: { from: 0, to: 40 },
      answers: [{ answer: 'Groups need a date column' }],
    });
    expect(timeline.items.find((i: Json) => i.type === 'share')).toMatchObject({ how: 'talk', note: 'Told the team' });

    const otherTimeline = await api('GET', `${planUrl}/goals/${other.id}/timeline`, me);
    expect(otherTimeline.items.map((i: Json) => i.what)).toEqual(['Joins']);

    for (const kind of ['otherMember', 'supervisor', 'admin', 'owner', 'outsider'] as const) {
      const res = await app.inject({ method: 'GET', url: `${planUrl}/goals/${goal.id}/timeline`, headers: c.as(kind) });
      expect(res.statusCode, kind).toBe(404);
    }
  });
});
