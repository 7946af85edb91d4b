import { randomUUID } from 'node:crypto';
import type { Cast } from '../actors.js';
import type { TestApp } from '../app.js';
import { everyone, orgScoped, type Row } from '../matrix-kit.js';

/*
 * Provisioning (SCIM). The owner's settings: owners only. The /scim/v2 routes are not cookie routes: a session
 * of anyone, owner included, is no SCIM token, so every one of them answers 401 (scim.test.ts tries the tokens).
 */

const ownersOnly = (ok: number) => ({ ...orgScoped(403), owner: ok });

async function ownersToken(c: Cast, t: TestApp) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${c.org.id}/scim/tokens`,
    headers: c.as('owner'),
    payload: { name: 'Entra ID' },
  });
  if (res.statusCode !== 201) throw new Error(`scim token: ${res.statusCode} ${res.body}`);
  return (res.json() as { token: { id: string } }).token.id;
}

const scimRow = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', route: string, payload?: object): Row => ({
  route: `${method} ${route}`,
  request: () => ({ method, url: route.replace(':id', randomUUID()), ...(payload && { payload }) }),
  expect: everyone(401),
});

const user = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'ada@example.test' };
const group = { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Finance' };
const patch = {
  schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
  Operations: [{ op: 'replace', path: 'active', value: false }],
};

export const rows: Row[] = [
  {
    route: 'GET /api/orgs/:orgId/scim',
    request: (c) => ({ method: 'GET', url: `/api/orgs/${c.org.id}/scim` }),
    expect: ownersOnly(200),
  },
  {
    route: 'PUT /api/orgs/:orgId/scim/mapping',
    request: (c) => ({
      method: 'PUT',
      url: `/api/orgs/${c.org.id}/scim/mapping`,
      payload: { groupMapping: 'roles', adminGroup: 'Waymark admins' },
    }),
    expect: ownersOnly(200),
  },
  {
    route: 'POST /api/orgs/:orgId/scim/tokens',
    request: (c) => ({ method: 'POST', url: `/api/orgs/${c.org.id}/scim/tokens`, payload: { name: 'Okta' } }),
    expect: ownersOnly(201),
  },
  {
    route: 'DELETE /api/orgs/:orgId/scim/tokens/:tokenId',
    request: async (c, t) => ({
      method: 'DELETE',
      url: `/api/orgs/${c.org.id}/scim/tokens/${await ownersToken(c, t)}`,
    }),
    expect: ownersOnly(204),
  },
  scimRow('GET', '/scim/v2/ServiceProviderConfig'),
  scimRow('GET', '/scim/v2/ResourceTypes'),
  scimRow('GET', '/scim/v2/ResourceTypes/:id'),
  scimRow('GET', '/scim/v2/Schemas'),
  scimRow('GET', '/scim/v2/Schemas/:id'),
  scimRow('GET', '/scim/v2/Users'),
  scimRow('POST', '/scim/v2/Users', user),
  scimRow('GET', '/scim/v2/Users/:id'),
  scimRow('PUT', '/scim/v2/Users/:id', user),
  scimRow('PATCH', '/scim/v2/Users/:id', patch),
  scimRow('DELETE', '/scim/v2/Users/:id'),
  scimRow('GET', '/scim/v2/Groups'),
  scimRow('POST', '/scim/v2/Groups', group),
  scimRow('GET', '/scim/v2/Groups/:id'),
  scimRow('PUT', '/scim/v2/Groups/:id', group),
  scimRow('PATCH', '/scim/v2/Groups/:id', patch),
  scimRow('DELETE', '/scim/v2/Groups/:id'),
];
