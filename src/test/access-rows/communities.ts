import type { Cast } from '../actors.js';
import type { TestApp } from '../app.js';
import { adminsOnly, orgScoped, type Row } from '../matrix-kit.js';

/** A community started by `otherMember` (so `self` is not in it). */
export async function communityOf(c: Cast, t: TestApp) {
  const res = await t.call('POST', '/api/communities', c.as('otherMember') as Record<string, string>, {
    organizationId: c.org.id,
    name: 'Data clinic',
    topic: 'data literacy',
  });
  if (res.status !== 201) throw new Error(`community: ${res.status} ${JSON.stringify(res.body)}`);
  return `/api/communities/${res.body.id}`;
}

/** Communities: everyone in the organisation takes part; only L&D admins and owners feature them. */
export const rows: Row[] = [
  {
    route: 'GET /api/communities',
    request: (c) => ({ method: 'GET', url: `/api/communities?orgId=${c.org.id}` }),
    expect: orgScoped(200),
  },
  {
    route: 'POST /api/communities',
    request: (c) => ({
      method: 'POST',
      url: '/api/communities',
      payload: { organizationId: c.org.id, name: 'Readers', topic: 'reading' },
    }),
    expect: orgScoped(201),
  },
  {
    route: 'GET /api/communities/:communityId',
    request: async (c, t) => ({ method: 'GET', url: await communityOf(c, t) }),
    expect: orgScoped(200),
  },
  {
    route: 'PATCH /api/communities/:communityId',
    request: async (c, t) => ({ method: 'PATCH', url: await communityOf(c, t), payload: { featured: true } }),
    expect: adminsOnly(200),
  },
  ...(['join', 'leave', 'members'] as const).map(
    (action): Row => ({
      route: `${action === 'members' ? 'GET' : 'POST'} /api/communities/:communityId/${action}`,
      request: async (c, t) => ({
        method: action === 'members' ? 'GET' : 'POST',
        url: `${await communityOf(c, t)}/${action}`,
      }),
      expect: orgScoped(200),
    }),
  ),
];
