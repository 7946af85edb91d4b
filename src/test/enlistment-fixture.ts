import { and, eq } from 'drizzle-orm';
import { notification, planGrant } from '../db/schema/index.js';
import { type ActorKind, createCast } from './actors.js';
import type { TestApp } from './app.js';

/**
 * A learner (`self`) whose plan has three goals and a network entry naming a colleague (`otherMember`),
 * linked to the first two: ready to ask "would you mentor me?". Used by the enlistment tests.
 */
export async function learnerWithMentorEntry(t: TestApp) {
  const c = await createCast(t);
  const headers = (kind: ActorKind) => c.as(kind) as Record<string, string>;
  const call = (kind: ActorKind, method: string, url: string, payload?: object) =>
    t.call(method, url, headers(kind), payload);
  const mine = (method: string, url: string, payload?: object) => t.callOk(method, url, headers('self'), payload);
  const plan = await mine('POST', '/api/plans', { organizationId: c.org.id, cycle: '2027', title: 'Growing' });
  const url = `/api/plans/${plan.id}`;
  const workshop = await mine('POST', `${url}/goals`, { what: 'Run a workshop', why: 'Private reasons' });
  const talk = await mine('POST', `${url}/goals`, { what: 'Give a talk' });
  const secret = await mine('POST', `${url}/goals`, { what: 'Change jobs' });
  const entry = await mine('POST', `${url}/network`, {
    kind: 'person',
    name: 'Cleo',
    memberId: c.members.otherMember.id,
    notes: 'Ask her after the team meeting',
    goalIds: [workshop.id, talk.id],
  });
  const planId = plan.id as string;
  return {
    c,
    call,
    mine,
    url,
    planId,
    goals: { workshop: workshop.id as string, talk: talk.id as string, secret: secret.id as string },
    entryId: entry.id as string,
    enlist: (payload: object = {}, entryId = entry.id as string) =>
      call('self', 'POST', `${url}/network/${entryId}/enlist`, payload),
    step: (kind: ActorKind, id: string, name: string, payload?: object) =>
      call(kind, 'POST', `/api/enlistments/${id}/${name}`, payload),
    /** The network entry's enlistment state as the learner's plan shows it. */
    entryState: async (entryId = entry.id as string) =>
      (await mine('GET', `${url}/network/${entryId}`)).enlistment as string,
    lists: async (kind: ActorKind) => (await call(kind, 'GET', `/api/enlistments?orgId=${c.org.id}`)).body,
    /** What `kind` sees of the plan through shares, or the status when nothing. */
    shared: (kind: ActorKind) => call(kind, 'GET', `/api/shared/plans/${planId}`),
    notices: (userId: string) =>
      t.db
        .select()
        .from(notification)
        .where(and(eq(notification.userId, userId), eq(notification.kind, 'enlistment'))),
    grantsOf: (requestId: string) => t.db.select().from(planGrant).where(eq(planGrant.sourceId, requestId)),
  };
}
