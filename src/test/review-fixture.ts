import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { notification } from '../db/schema/index.js';
import { type ActorKind, castCalls, createCast } from './actors.js';
import type { Json, TestApp } from './app.js';

/**
 * A learner (`self`, whose supervisor is `supervisor`) with a 2027 plan of two goals — "Run a workshop",
 * shared for reviews that share a goal, and "Change jobs", never shared — each with a network entry, plus a
 * reflection. Calls come back as { status, body } for any actor of the cast.
 */
export async function learnerWithPlan(t: TestApp) {
  const c = await createCast(t);
  const { call, mine } = castCalls(t, c);
  const plan = await mine('POST', '/api/plans', { organizationId: c.org.id, cycle: '2027', title: 'Growing' });
  const url = `/api/plans/${plan.id}`;
  const reflection = await mine('POST', `${url}/reflections`, { what: 'Reading club' });
  const workshop = await mine('POST', `${url}/goals`, { what: 'Run a workshop' });
  const secret = await mine('POST', `${url}/goals`, { what: 'Change jobs' });
  await mine('POST', `${url}/network`, { kind: 'person', name: 'Ada', goalIds: [workshop.id] });
  await mine('POST', `${url}/network`, { kind: 'person', name: 'Recruiter', goalIds: [secret.id] });

  /** Asks for a review as the learner; by default an agreement sharing the workshop goal. */
  const request = (payload: object = {}) =>
    call('self', 'POST', `${url}/reviews`, {
      kind: 'agreement',
      note: 'My plan for 2027',
      share: [{ scope: 'goal', goalId: workshop.id }],
      ...payload,
    });
  const requested = async (payload: object = {}) => {
    const res = await request(payload);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Json;
  };
  /** Edits a goal's wording as the learner (a content change of the plan). */
  const editGoal = async (goalId: string, what: string) => {
    const goal = (await mine('GET', `${url}/goals/${goalId}`)) as Json;
    await mine('PATCH', `${url}/goals/${goalId}`, { what, version: goal.version });
  };
  /** The notifications a person of the cast has of reviews, oldest first. */
  const notices = async (kind: ActorKind) => {
    const rows = await t.db
      .select()
      .from(notification)
      .where(and(eq(notification.userId, c.people[kind as 'self'].id), eq(notification.kind, 'review')))
      .orderBy(notification.createdAt);
    return rows.map((n) => ({ title: n.title, link: n.link }));
  };

  return {
    c,
    call,
    url,
    planId: plan.id as string,
    ids: { reflection: reflection.id as string, workshop: workshop.id as string, secret: secret.id as string },
    request,
    requested,
    editGoal,
    notices,
  };
}
