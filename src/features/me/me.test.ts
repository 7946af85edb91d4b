import { describe, expect, it } from 'vitest';
import { createCast } from '../../test/actors.js';
import { createTestApp } from '../../test/app.js';
import { createUser } from '../../test/factories.js';

const t = await createTestApp();
const { app } = t;

/** The organisations /api/me lists for these headers, as "name:role". */
async function myOrgs(headers: Record<string, string>) {
  const res = await app.inject({ method: 'GET', url: '/api/me', headers });
  expect(res.statusCode).toBe(200);
  return res
    .json()
    .memberships.map((m: { organizationName: string; role: string }) => `${m.organizationName}:${m.role}`);
}

// /api/me is served from an in-process cache; every write through the app must show on the very next request.
describe('GET /api/me after changes to memberships', () => {
  it('shows a joined organisation, a new name, a new role and a removal at once', async () => {
    const c = await createCast(t);
    const self = c.as('self') as Record<string, string>;
    const orgName = c.org.name;
    expect(await myOrgs(self)).toEqual([`${orgName}:member`]);

    const invite = await app.inject({
      method: 'POST',
      url: `/api/orgs/${c.org.id}/invitations`,
      headers: c.as('owner'),
      payload: { email: 'newcomer@example.test', role: 'member' },
    });
    expect(invite.statusCode).toBe(201);
    const newcomer = await createUser(t.db, { email: 'newcomer@example.test' });
    const newcomerHeaders = { cookie: await t.sessionFor(newcomer.id) };
    expect(await myOrgs(newcomerHeaders)).toEqual([]);
    const token = t.mailer.linkTo('newcomer@example.test', '/invite/').split('/invite/')[1];
    const accepted = await app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      headers: newcomerHeaders,
    });
    expect(accepted.statusCode).toBe(200);
    expect(await myOrgs(newcomerHeaders)).toEqual([`${orgName}:member`]);

    const renamed = await app.inject({
      method: 'PATCH',
      url: `/api/orgs/${c.org.id}`,
      headers: c.as('owner'),
      payload: { name: 'Renamed Library' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(await myOrgs(self)).toEqual(['Renamed Library:member']);

    const promoted = await app.inject({
      method: 'PATCH',
      url: `/api/orgs/${c.org.id}/members/${c.members.self.id}`,
      headers: c.as('owner'),
      payload: { role: 'admin' },
    });
    expect(promoted.statusCode).toBe(200);
    expect(await myOrgs(self)).toEqual(['Renamed Library:admin']);

    const created = await app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: self,
      payload: { name: 'Aardvark Club' },
    });
    expect(created.statusCode).toBe(201);
    expect(await myOrgs(self)).toEqual(['Aardvark Club:owner', 'Renamed Library:admin']);

    const removed = await app.inject({
      method: 'DELETE',
      url: `/api/orgs/${c.org.id}/members/${c.members.self.id}`,
      headers: c.as('owner'),
    });
    expect(removed.statusCode).toBe(204);
    expect(await myOrgs(self)).toEqual(['Aardvark Club:owner']);
  });
});
