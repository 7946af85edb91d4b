import { describe, expect, it } from 'vitest';
import { createCast } from '../../test/actors.js';
import { createTestApp } from '../../test/app.js';
import { createUser } from '../../test/factories.js';

const t = await createTestApp();
const { app } = t;

describe('organisations', () => {
  it('makes the creator the owner; a person can belong to several and see each', async () => {
    const person = await createUser(t.db);
    const headers = { cookie: await t.sessionFor(person.id) };
    const first = await app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers,
      payload: { name: '  City Library  ' },
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ name: 'City Library', yourRole: 'owner', memberCount: 1 });
    const second = await app.inject({ method: 'POST', url: '/api/orgs', headers, payload: { name: 'Book Club' } });
    const me = await app.inject({ method: 'GET', url: '/api/me', headers });
    expect(me.json().memberships.map((m: { organizationName: string }) => m.organizationName)).toEqual([
      'Book Club',
      'City Library',
    ]);
    const got = await app.inject({ method: 'GET', url: `/api/orgs/${second.json().id}`, headers });
    expect(got.json().name).toBe('Book Club');
  });

  it('lets the owner rename it, with the name validated', async () => {
    const c = await createCast(t);
    const renamed = await app.inject({
      method: 'PATCH',
      url: `/api/orgs/${c.org.id}`,
      headers: c.as('owner'),
      payload: { name: 'Renamed' },
    });
    expect(renamed.json().name).toBe('Renamed');
    for (const name of ['', 'x', 'n'.repeat(121), 7]) {
      const res = await app.inject({
        method: 'PATCH',
        url: `/api/orgs/${c.org.id}`,
        headers: c.as('owner'),
        payload: { name },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toHaveProperty('name');
    }
  });

  it('answers an unknown organisation exactly like one you may not see', async () => {
    const c = await createCast(t);
    const unknown = await app.inject({ method: 'GET', url: '/api/orgs/does-not-exist', headers: c.as('self') });
    const hidden = await app.inject({ method: 'GET', url: `/api/orgs/${c.org.id}`, headers: c.as('outsider') });
    expect(unknown.statusCode).toBe(404);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual(unknown.json());
  });
});
