import { eq } from 'drizzle-orm';
import { membership } from '../../db/schema/index.js';
import type { Cast } from '../actors.js';
import type { TestApp } from '../app.js';
import { learnerWith } from '../insights-fixture.js';
import { adminsOnly, everyone, type Row } from '../matrix-kit.js';

/*
 * Insights: a learner's consent is theirs alone; figures, the topic list, k and actions are for L&D admins
 * and owners; an action is opened and taken up by the people it was sent to (admins may read it).
 */

const insights = (c: Cast) => `/api/orgs/${c.org.id}/insights`;

/** Five opted-in learners, so the dashboard has figures to show. */
async function withLearners(c: Cast, t: TestApp) {
  for (let i = 0; i < 5; i++) await learnerWith(t.db, c.org, { topics: ['Facilitation'], forms: ['coaching'] });
}

async function asAdmin(c: Cast, t: TestApp, method: 'POST' | 'GET', url: string, payload?: object) {
  const res = await t.app.inject({ method, url, headers: c.as('admin'), ...(payload && { payload }) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string };
}

/** A mentor call sent to `self`, who offers the topic. */
async function callToSelf(c: Cast, t: TestApp) {
  await t.db
    .update(membership)
    .set({ offersMentoring: true, mentoringTopics: ['Facilitation'] })
    .where(eq(membership.id, c.members.self.id));
  const action = await asAdmin(c, t, 'POST', `${insights(c)}/actions`, { kind: 'mentor_call', topic: 'facilitation' });
  return `/api/insight-actions/${action.id}`;
}

async function topicUrl(c: Cast, t: TestApp) {
  const topic = await asAdmin(c, t, 'POST', `${insights(c)}/topics`, {
    name: 'Facilitation',
    synonyms: ['running workshops'],
  });
  return `${insights(c)}/topics/${topic.id}`;
}

const onlySelf = (ok: number) => ({ ...everyone(403), anonymous: 401, outsider: 404, self: ok });
const recipientOrAdmin = (ok: number, admin: number) => ({
  ...everyone(404),
  anonymous: 401,
  self: ok,
  admin,
  owner: admin,
});

export const rows: Row[] = [
  {
    route: 'GET /api/orgs/:orgId/members/:memberId/insights-consent',
    request: (c) => ({ method: 'GET', url: `/api/orgs/${c.org.id}/members/${c.members.self.id}/insights-consent` }),
    expect: onlySelf(200),
  },
  {
    route: 'PUT /api/orgs/:orgId/members/:memberId/insights-consent',
    request: (c) => ({
      method: 'PUT',
      url: `/api/orgs/${c.org.id}/members/${c.members.self.id}/insights-consent`,
      payload: { consent: true },
    }),
    expect: onlySelf(200),
  },
  {
    route: 'GET /api/orgs/:orgId/insights',
    request: async (c, t) => {
      await withLearners(c, t);
      return { method: 'GET', url: insights(c) };
    },
    expect: adminsOnly(200),
  },
  {
    route: 'GET /api/orgs/:orgId/insights/csv',
    request: async (c, t) => {
      await withLearners(c, t);
      return { method: 'GET', url: `${insights(c)}/csv?figure=forms` };
    },
    expect: adminsOnly(200),
  },
  {
    route: 'POST /api/orgs/:orgId/insights/refresh',
    request: (c) => ({ method: 'POST', url: `${insights(c)}/refresh` }),
    expect: adminsOnly(200),
  },
  {
    route: 'GET /api/orgs/:orgId/insights/settings',
    request: (c) => ({ method: 'GET', url: `${insights(c)}/settings` }),
    expect: adminsOnly(200),
  },
  {
    route: 'PATCH /api/orgs/:orgId/insights/settings',
    request: (c) => ({ method: 'PATCH', url: `${insights(c)}/settings`, payload: { k: 6 } }),
    expect: adminsOnly(200),
  },
  {
    route: 'GET /api/orgs/:orgId/insights/topics',
    request: (c) => ({ method: 'GET', url: `${insights(c)}/topics` }),
    expect: adminsOnly(200),
  },
  {
    route: 'POST /api/orgs/:orgId/insights/topics',
    request: (c) => ({ method: 'POST', url: `${insights(c)}/topics`, payload: { name: 'Negotiation' } }),
    expect: adminsOnly(201),
  },
  {
    route: 'PATCH /api/orgs/:orgId/insights/topics/:topicId',
    request: async (c, t) => ({ method: 'PATCH', url: await topicUrl(c, t), payload: { name: 'Workshops' } }),
    expect: adminsOnly(200),
  },
  {
    route: 'DELETE /api/orgs/:orgId/insights/topics/:topicId',
    request: async (c, t) => ({ method: 'DELETE', url: await topicUrl(c, t) }),
    expect: adminsOnly(204),
  },
  {
    route: 'GET /api/orgs/:orgId/insights/topic-suggestions',
    request: (c) => ({ method: 'GET', url: `${insights(c)}/topic-suggestions` }),
    expect: adminsOnly(200),
  },
  {
    route: 'POST /api/orgs/:orgId/insights/topic-suggestions/merge',
    request: (c) => ({
      method: 'POST',
      url: `${insights(c)}/topic-suggestions/merge`,
      payload: { phrase: 'workshops', target: 'Facilitation' },
    }),
    expect: adminsOnly(200),
  },
  {
    route: 'POST /api/orgs/:orgId/insights/topic-suggestions/dismiss',
    request: (c) => ({
      method: 'POST',
      url: `${insights(c)}/topic-suggestions/dismiss`,
      payload: { phrase: 'workshops', target: 'facilitation' },
    }),
    expect: adminsOnly(204),
  },
  {
    route: 'GET /api/orgs/:orgId/insights/actions',
    request: (c) => ({ method: 'GET', url: `${insights(c)}/actions` }),
    expect: adminsOnly(200),
  },
  {
    route: 'POST /api/orgs/:orgId/insights/actions',
    request: async (c, t) => {
      await learnerWith(t.db, c.org, { offersMentoring: ['Facilitation'], consent: false });
      return { method: 'POST', url: `${insights(c)}/actions`, payload: { kind: 'mentor_call', topic: 'Facilitation' } };
    },
    expect: adminsOnly(201),
  },
  {
    route: 'GET /api/insight-actions/:actionId',
    request: async (c, t) => ({ method: 'GET', url: await callToSelf(c, t) }),
    expect: recipientOrAdmin(200, 200),
  },
  {
    route: 'POST /api/insight-actions/:actionId/respond',
    request: async (c, t) => ({ method: 'POST', url: `${await callToSelf(c, t)}/respond` }),
    expect: recipientOrAdmin(200, 403),
  },
];
