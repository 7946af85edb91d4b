import { randomUUID } from 'node:crypto';
import type { Cast } from '../actors.js';
import type { TestApp } from '../app.js';
import {
  adminsOnly,
  everyone,
  inviteSomeone,
  orgScoped,
  ownerOnly,
  planOfSelf,
  type Row,
  signedIn,
} from '../matrix-kit.js';

/*
 * Access-matrix rows of the core routes (health, auth, organisations, members, invitations, plans, guides,
 * templates). Newer features have a file each here; route-rows.ts gathers every
 * `access-rows/*.ts` for access-matrix.test.ts, and the double-submit test replays the same requests.
 */
const itemBodies = {
  reflections: { create: { what: 'Mentoring a new colleague' }, update: { what: 'Changed', version: 1 } },
  goals: { create: { what: 'Learn SQL' }, update: { what: 'Changed', version: 1 } },
  network: { create: { kind: 'resource', name: 'A book' }, update: { name: 'Changed', version: 1 } },
  shares: { create: { how: 'talk', cadence: 'once' }, update: { detail: 'Changed', version: 1 } },
} as const;

const planItemRows: Row[] = Object.entries(itemBodies).flatMap(([path, bodies]) => [
  {
    route: `GET /api/plans/:planId/${path}`,
    request: async (c, t) => ({ method: 'GET', url: `${(await planOfSelf(c, t)).url}/${path}` }),
    expect: ownerOnly(200),
  },
  {
    route: `POST /api/plans/:planId/${path}`,
    request: async (c, t) => ({
      method: 'POST',
      url: `${(await planOfSelf(c, t)).url}/${path}`,
      payload: bodies.create,
    }),
    expect: ownerOnly(201),
  },
  ...(['GET', 'PATCH', 'DELETE'] as const).map((method) => ({
    route: `${method} /api/plans/:planId/${path}/:id`,
    request: async (c: Cast, t: TestApp) => {
      const plan = await planOfSelf(c, t);
      const id = plan.ids[path as keyof typeof plan.ids];
      return { method, url: `${plan.url}/${path}/${id}`, ...(method === 'PATCH' && { payload: bodies.update }) };
    },
    expect: ownerOnly(method === 'DELETE' ? 204 : 200),
  })),
]);

async function templateOf(c: Cast, t: TestApp) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/templates',
    headers: c.as('owner'),
    payload: {
      organizationId: c.org.id,
      name: 'New librarians',
      published: true,
      content: { reflections: [], goals: [{ id: 'g1', what: 'Learn the catalogue' }], network: [], shares: [] },
    },
  });
  return res.json() as { id: string };
}

const emptyDocument = {
  format: 'waymark-plan',
  formatVersion: 1,
  plan: { cycle: '2027', title: '' },
  reflections: [],
  goals: [{ id: 'g1', what: 'Imported goal' }],
  network: [],
  shares: [],
};

export const rows: Row[] = [
  { route: 'GET /api/health', request: () => ({ method: 'GET', url: '/api/health' }), expect: everyone(200) },
  { route: 'GET /api/ready', request: () => ({ method: 'GET', url: '/api/ready' }), expect: everyone(200) },
  {
    route: 'GET /api/openapi.json',
    request: () => ({ method: 'GET', url: '/api/openapi.json' }),
    expect: everyone(200),
  },
  {
    route: 'POST /api/auth/sign-up',
    request: () => ({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { name: 'New Person', email: `new-${randomUUID()}@example.test`, password: 'a-good-password' },
    }),
    expect: everyone(201),
  },
  {
    route: 'POST /api/auth/sign-in',
    request: (c) => ({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: c.people.self.email, password: 'learning-out-loud' },
    }),
    expect: everyone(200),
  },
  {
    route: 'POST /api/auth/sign-out',
    request: () => ({ method: 'POST', url: '/api/auth/sign-out' }),
    expect: everyone(204),
  },
  {
    route: 'POST /api/auth/forgot-password',
    request: (c) => ({ method: 'POST', url: '/api/auth/forgot-password', payload: { email: c.people.self.email } }),
    expect: everyone(202),
  },
  {
    route: 'POST /api/auth/reset-password',
    request: () => ({
      method: 'POST',
      url: '/api/auth/reset-password',
      payload: { token: 'not-a-real-token', password: 'a-good-password' },
    }),
    expect: everyone(400),
  },
  {
    route: 'POST /api/auth/verify-email',
    request: () => ({ method: 'POST', url: '/api/auth/verify-email', payload: { token: 'not-a-real-token' } }),
    expect: everyone(400),
  },
  { route: 'GET /api/me', request: () => ({ method: 'GET', url: '/api/me' }), expect: signedIn(200) },
  {
    route: 'PATCH /api/me',
    request: () => ({ method: 'PATCH', url: '/api/me', payload: { name: 'Renamed' } }),
    expect: signedIn(200),
  },
  {
    route: 'POST /api/orgs',
    request: () => ({ method: 'POST', url: '/api/orgs', payload: { name: 'Another org' } }),
    expect: signedIn(201),
  },
  {
    route: 'GET /api/orgs/:orgId',
    request: (c) => ({ method: 'GET', url: `/api/orgs/${c.org.id}` }),
    expect: orgScoped(200),
  },
  {
    route: 'PATCH /api/orgs/:orgId',
    request: (c) => ({ method: 'PATCH', url: `/api/orgs/${c.org.id}`, payload: { name: 'Renamed org' } }),
    expect: { ...orgScoped(403), owner: 200 },
  },
  {
    route: 'GET /api/orgs/:orgId/members',
    request: (c) => ({ method: 'GET', url: `/api/orgs/${c.org.id}/members` }),
    expect: orgScoped(200),
  },
  {
    route: 'GET /api/orgs/:orgId/members/:memberId',
    request: (c) => ({ method: 'GET', url: `/api/orgs/${c.org.id}/members/${c.members.self.id}` }),
    expect: orgScoped(200),
  },
  {
    route: 'PATCH /api/orgs/:orgId/members/:memberId',
    request: (c) => ({
      method: 'PATCH',
      url: `/api/orgs/${c.org.id}/members/${c.members.self.id}`,
      payload: { role: 'admin', supervisorId: c.members.otherMember.id },
    }),
    expect: adminsOnly(200),
  },
  {
    route: 'PATCH /api/orgs/:orgId/members/:memberId/profile',
    request: (c) => ({
      method: 'PATCH',
      url: `/api/orgs/${c.org.id}/members/${c.members.self.id}/profile`,
      payload: { offersMentoring: true, mentoringTopics: ['cataloguing'] },
    }),
    expect: { ...orgScoped(403), self: 200 },
  },
  {
    route: 'DELETE /api/orgs/:orgId/members/:memberId',
    request: (c) => ({ method: 'DELETE', url: `/api/orgs/${c.org.id}/members/${c.members.self.id}` }),
    expect: { ...adminsOnly(204), self: 204 },
  },
  {
    route: 'POST /api/orgs/:orgId/invitations',
    request: (c) => ({
      method: 'POST',
      url: `/api/orgs/${c.org.id}/invitations`,
      payload: { email: `invitee-${randomUUID()}@example.test`, role: 'member' },
    }),
    expect: adminsOnly(201),
  },
  {
    route: 'POST /api/orgs/:orgId/invitations/batch',
    request: (c) => ({
      method: 'POST',
      url: `/api/orgs/${c.org.id}/invitations/batch`,
      payload: { addresses: `one-${randomUUID()}@example.test\ntwo-${randomUUID()}@example.test`, role: 'member' },
    }),
    expect: adminsOnly(201),
  },
  {
    route: 'GET /api/orgs/:orgId/invitations',
    request: (c) => ({ method: 'GET', url: `/api/orgs/${c.org.id}/invitations` }),
    expect: adminsOnly(200),
  },
  {
    route: 'DELETE /api/orgs/:orgId/invitations/:invitationId',
    request: async (c, t) => ({
      method: 'DELETE',
      url: `/api/orgs/${c.org.id}/invitations/${(await inviteSomeone(c, t)).id}`,
    }),
    expect: adminsOnly(204),
  },
  {
    route: 'GET /api/invitations/:token',
    request: async (c, t) => ({
      method: 'GET',
      url: new URL((await inviteSomeone(c, t)).url).pathname.replace('/invite/', '/api/invitations/'),
    }),
    expect: everyone(200),
  },
  {
    // The invitation is for the outsider's address: only that person may use it.
    route: 'POST /api/invitations/:token/accept',
    request: async (c, t) => ({
      method: 'POST',
      url: `${new URL((await inviteSomeone(c, t, c.people.outsider.email)).url).pathname.replace('/invite/', '/api/invitations/')}/accept`,
    }),
    expect: { ...signedIn(403), outsider: 200 },
  },
  {
    route: 'GET /api/plans',
    request: (c) => ({ method: 'GET', url: `/api/plans?orgId=${c.org.id}` }),
    expect: orgScoped(200),
  },
  {
    route: 'POST /api/plans',
    request: (c) => ({ method: 'POST', url: '/api/plans', payload: { organizationId: c.org.id, cycle: '2027' } }),
    expect: orgScoped(201),
  },
  {
    route: 'POST /api/plans/import',
    request: (c) => ({
      method: 'POST',
      url: '/api/plans/import',
      payload: { organizationId: c.org.id, document: emptyDocument },
    }),
    expect: orgScoped(201),
  },
  {
    route: 'GET /api/plans/:planId',
    request: async (c, t) => ({ method: 'GET', url: (await planOfSelf(c, t)).url }),
    expect: ownerOnly(200),
  },
  {
    route: 'PATCH /api/plans/:planId',
    request: async (c, t) => ({
      method: 'PATCH',
      url: (await planOfSelf(c, t)).url,
      payload: { title: 'My year', version: 1 },
    }),
    expect: ownerOnly(200),
  },
  {
    route: 'DELETE /api/plans/:planId',
    request: async (c, t) => ({ method: 'DELETE', url: (await planOfSelf(c, t)).url }),
    expect: ownerOnly(204),
  },
  {
    route: 'GET /api/plans/:planId/export',
    request: async (c, t) => ({ method: 'GET', url: `${(await planOfSelf(c, t)).url}/export?format=md` }),
    expect: ownerOnly(200),
  },
  ...planItemRows,
  {
    route: 'POST /api/plans/:planId/shares/:id/done',
    request: async (c, t) => {
      const plan = await planOfSelf(c, t);
      return { method: 'POST', url: `${plan.url}/shares/${plan.ids.shares}/done`, payload: { note: 'Posted it' } };
    },
    expect: ownerOnly(201),
  },
  {
    route: 'GET /api/plans/:planId/revisions',
    request: async (c, t) => ({ method: 'GET', url: `${(await planOfSelf(c, t)).url}/revisions` }),
    expect: ownerOnly(200),
  },
  {
    route: 'GET /api/plans/:planId/revisions/:revisionId',
    request: async (c, t) => {
      const plan = await planOfSelf(c, t);
      return { method: 'GET', url: `${plan.url}/revisions/${plan.revisionId}` };
    },
    expect: ownerOnly(200),
  },
  {
    route: 'POST /api/plans/:planId/revisions/:revisionId/restore',
    request: async (c, t) => {
      const plan = await planOfSelf(c, t);
      return { method: 'POST', url: `${plan.url}/revisions/${plan.revisionId}/restore`, payload: { scope: 'plan' } };
    },
    expect: ownerOnly(200),
  },
  {
    route: 'POST /api/plans/:planId/revisions/:revisionId/undo',
    request: async (c, t) => {
      const plan = await planOfSelf(c, t);
      return { method: 'POST', url: `${plan.url}/revisions/${plan.revisionId}/undo` };
    },
    expect: ownerOnly(200),
  },
  {
    route: 'GET /api/guides/:orgId',
    request: (c) => ({ method: 'GET', url: `/api/guides/${c.org.id}` }),
    expect: orgScoped(200),
  },
  {
    route: 'PUT /api/guides/:orgId',
    request: async (c, t) => {
      const guide = (
        await t.app.inject({ method: 'GET', url: `/api/guides/${c.org.id}`, headers: c.as('owner') })
      ).json();
      return { method: 'PUT', url: `/api/guides/${c.org.id}`, payload: { parts: guide.parts, version: 0 } };
    },
    expect: adminsOnly(200),
  },
  {
    route: 'DELETE /api/guides/:orgId',
    request: (c) => ({ method: 'DELETE', url: `/api/guides/${c.org.id}` }),
    expect: adminsOnly(200),
  },
  {
    route: 'GET /api/templates',
    request: (c) => ({ method: 'GET', url: `/api/templates?orgId=${c.org.id}` }),
    expect: orgScoped(200),
  },
  {
    route: 'POST /api/templates',
    request: (c) => ({
      method: 'POST',
      url: '/api/templates',
      payload: {
        organizationId: c.org.id,
        name: 'Managers',
        content: { reflections: [], goals: [], network: [], shares: [] },
      },
    }),
    expect: adminsOnly(201),
  },
  {
    route: 'GET /api/templates/:templateId',
    request: async (c, t) => ({ method: 'GET', url: `/api/templates/${(await templateOf(c, t)).id}` }),
    expect: orgScoped(200),
  },
  {
    route: 'PATCH /api/templates/:templateId',
    request: async (c, t) => ({
      method: 'PATCH',
      url: `/api/templates/${(await templateOf(c, t)).id}`,
      payload: { published: false, version: 1 },
    }),
    expect: adminsOnly(200),
  },
  {
    route: 'DELETE /api/templates/:templateId',
    request: async (c, t) => ({ method: 'DELETE', url: `/api/templates/${(await templateOf(c, t)).id}` }),
    expect: adminsOnly(204),
  },
];
