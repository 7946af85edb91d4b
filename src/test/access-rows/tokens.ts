import type { Cast } from '../actors.js';
import type { TestApp } from '../app.js';
import { adminsOnly, everyone, type Row, signedIn } from '../matrix-kit.js';

/* API tokens: anyone signed in has their own; an organisation's are its owners' and L&D admins'. */

const personal = { name: 'Reading list sync', scopes: ['plan:read'], expiresInDays: 30 };
const organisational = { name: 'HR dashboard', scopes: ['members:read'], expiresInDays: 30 };

async function made(t: TestApp, headers: Record<string, string | undefined>, url: string, payload: object) {
  const res = await t.app.inject({ method: 'POST', url, headers, payload });
  if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return (res.json() as { token: { id: string } }).token.id;
}

const selfToken = async (c: Cast, t: TestApp) => made(t, c.as('self'), '/api/me/tokens', personal);
const orgToken = async (c: Cast, t: TestApp) => made(t, c.as('admin'), `/api/orgs/${c.org.id}/tokens`, organisational);

export const rows: Row[] = [
  { route: 'GET /api/me/tokens', request: () => ({ method: 'GET', url: '/api/me/tokens' }), expect: signedIn(200) },
  {
    route: 'POST /api/me/tokens',
    request: () => ({ method: 'POST', url: '/api/me/tokens', payload: personal }),
    expect: signedIn(201),
  },
  {
    route: 'DELETE /api/me/tokens/:tokenId',
    request: async (c, t) => ({ method: 'DELETE', url: `/api/me/tokens/${await selfToken(c, t)}` }),
    expect: { ...everyone(404), anonymous: 401, self: 204 },
  },
  {
    route: 'GET /api/orgs/:orgId/tokens',
    request: (c) => ({ method: 'GET', url: `/api/orgs/${c.org.id}/tokens` }),
    expect: adminsOnly(200),
  },
  {
    route: 'POST /api/orgs/:orgId/tokens',
    request: (c) => ({ method: 'POST', url: `/api/orgs/${c.org.id}/tokens`, payload: organisational }),
    expect: adminsOnly(201),
  },
  {
    route: 'DELETE /api/orgs/:orgId/tokens/:tokenId',
    request: async (c, t) => ({ method: 'DELETE', url: `/api/orgs/${c.org.id}/tokens/${await orgToken(c, t)}` }),
    expect: adminsOnly(204),
  },
];
