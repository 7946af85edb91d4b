import { describe, expect, it } from 'vitest';
import { createCast } from '../../test/actors.js';
import { createTestApp } from '../../test/app.js';
import { addMember, createOrg } from '../../test/factories.js';

const t = await createTestApp();
const { app } = t;

describe('members directory', () => {
  it('lists members by name with their supervisor, and searches name, e-mail and title', async () => {
    const { org, owner } = await createOrg(t.db);
    const zoe = await addMember(t.db, org, { name: 'Zoë Librarian', title: 'Metadata lead' });
    await addMember(t.db, org, { name: 'Adam Archivist', supervisorId: zoe.id, email: 'adam.archivist@example.test' });
    const headers = { cookie: await t.sessionFor(owner.id) };

    const all = await app.inject({ method: 'GET', url: `/api/orgs/${org.id}/members`, headers });
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(3);
    const adam = all.json().members.find((m: { name: string }) => m.name === 'Adam Archivist');
    expect(adam.supervisor).toEqual({ id: zoe.id, name: 'Zoë Librarian' });
    expect(all.json().members[0].name).toBe('Adam Archivist');

    const byTitle = await app.inject({ method: 'GET', url: `/api/orgs/${org.id}/members?q=metadata`, headers });
    expect(byTitle.json().members.map((m: { name: string }) => m.name)).toEqual(['Zoë Librarian']);
    const byEmail = await app.inject({ method: 'GET', url: `/api/orgs/${org.id}/members?q=ADAM.ARCH`, headers });
    expect(byEmail.json().total).toBe(1);
    const wildcard = await app.inject({ method: 'GET', url: `/api/orgs/${org.id}/members?q=%25`, headers });
    expect(wildcard.json().total).toBe(0);
    const owners = await app.inject({ method: 'GET', url: `/api/orgs/${org.id}/members?role=owner`, headers });
    expect(owners.json().members).toHaveLength(1);
  });

  it('pages with limit and offset and rejects bad paging values', async () => {
    const { org, owner } = await createOrg(t.db);
    for (let i = 0; i < 4; i++) await addMember(t.db, org);
    const headers = { cookie: await t.sessionFor(owner.id) };
    const page = await app.inject({ method: 'GET', url: `/api/orgs/${org.id}/members?limit=2&offset=2`, headers });
    expect(page.json().members).toHaveLength(2);
    expect(page.json().total).toBe(5);
    const bad = await app.inject({ method: 'GET', url: `/api/orgs/${org.id}/members?limit=0&role=king`, headers });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['limit', 'role']);
  });
});

describe('roles', () => {
  it('lets an owner promote, and keeps at least one owner', async () => {
    const c = await createCast(t);
    const url = (id: string) => `/api/orgs/${c.org.id}/members/${id}`;
    const promote = await app.inject({
      method: 'PATCH',
      url: url(c.members.self.id),
      headers: c.as('owner'),
      payload: { role: 'owner' },
    });
    expect(promote.statusCode).toBe(200);
    expect(promote.json()).toMatchObject({ role: 'owner', version: 2 });
    // Now two owners: the first may step down; the second, alone, may not.
    const stepDown = await app.inject({
      method: 'PATCH',
      url: url(c.members.owner.id),
      headers: c.as('owner'),
      payload: { role: 'member' },
    });
    expect(stepDown.statusCode).toBe(200);
    const lastOwner = await app.inject({
      method: 'PATCH',
      url: url(c.members.self.id),
      headers: c.as('self'),
      payload: { role: 'member' },
    });
    expect(lastOwner.statusCode).toBe(409);
    expect(lastOwner.json().error.fields).toHaveProperty('role');
    const leave = await app.inject({ method: 'DELETE', url: url(c.members.self.id), headers: c.as('self') });
    expect(leave.statusCode).toBe(409);
  });

  it('lets an L&D admin manage members and admins but not owners', async () => {
    const c = await createCast(t);
    const url = (id: string) => `/api/orgs/${c.org.id}/members/${id}`;
    const asAdmin = c.as('admin');
    expect(
      (await app.inject({ method: 'PATCH', url: url(c.members.self.id), headers: asAdmin, payload: { role: 'admin' } }))
        .statusCode,
    ).toBe(200);
    const makeOwner = await app.inject({
      method: 'PATCH',
      url: url(c.members.otherMember.id),
      headers: asAdmin,
      payload: { role: 'owner' },
    });
    expect(makeOwner.statusCode).toBe(403);
    expect(makeOwner.json().error.message).toMatch(/Only an owner/);
    expect(
      (
        await app.inject({
          method: 'PATCH',
          url: url(c.members.owner.id),
          headers: asAdmin,
          payload: { role: 'member' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await app.inject({ method: 'DELETE', url: url(c.members.owner.id), headers: asAdmin })).statusCode).toBe(
      403,
    );
    expect(
      (await app.inject({ method: 'DELETE', url: url(c.members.otherMember.id), headers: asAdmin })).statusCode,
    ).toBe(204);
    const gone = await app.inject({ method: 'GET', url: url(c.members.otherMember.id), headers: asAdmin });
    expect(gone.statusCode).toBe(404);
    // The removed person no longer sees the organisation at all.
    expect(
      (await app.inject({ method: 'GET', url: `/api/orgs/${c.org.id}`, headers: c.as('otherMember') })).statusCode,
    ).toBe(404);
  });

  it('answers 400 naming the field for an unknown role or an empty change', async () => {
    const c = await createCast(t);
    const url = `/api/orgs/${c.org.id}/members/${c.members.self.id}`;
    const bad = await app.inject({ method: 'PATCH', url, headers: c.as('owner'), payload: { role: 'emperor' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('role');
    const empty = await app.inject({ method: 'PATCH', url, headers: c.as('owner'), payload: {} });
    expect(empty.statusCode).toBe(400);
  });
});

describe('supervisors', () => {
  it('sets and clears a supervisor, refusing self-supervision, strangers and loops', async () => {
    const c = await createCast(t);
    const url = (id: string) => `/api/orgs/${c.org.id}/members/${id}`;
    const h = c.as('admin');
    const set = await app.inject({
      method: 'PATCH',
      url: url(c.members.self.id),
      headers: h,
      payload: { supervisorId: c.members.otherMember.id },
    });
    expect(set.json().supervisor.id).toBe(c.members.otherMember.id);
    const self = await app.inject({
      method: 'PATCH',
      url: url(c.members.self.id),
      headers: h,
      payload: { supervisorId: c.members.self.id },
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.fields.supervisorId).toMatch(/themselves/);
    const stranger = await app.inject({
      method: 'PATCH',
      url: url(c.members.self.id),
      headers: h,
      payload: { supervisorId: c.members.outsider.id },
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.fields.supervisorId).toMatch(/member of this organisation/);
    // otherMember supervises self; making self otherMember's supervisor would be a loop.
    const loop = await app.inject({
      method: 'PATCH',
      url: url(c.members.otherMember.id),
      headers: h,
      payload: { supervisorId: c.members.self.id },
    });
    expect(loop.statusCode).toBe(400);
    const clear = await app.inject({
      method: 'PATCH',
      url: url(c.members.self.id),
      headers: h,
      payload: { supervisorId: null },
    });
    expect(clear.json().supervisor).toBeNull();
  });
});

describe('versions', () => {
  it('answers a stale write with 409 and the current state, by version field or If-Match', async () => {
    const c = await createCast(t);
    const url = `/api/orgs/${c.org.id}/members/${c.members.self.id}`;
    const first = await app.inject({
      method: 'PATCH',
      url,
      headers: c.as('owner'),
      payload: { role: 'admin', version: 1 },
    });
    expect(first.statusCode).toBe(200);
    const stale = await app.inject({
      method: 'PATCH',
      url,
      headers: c.as('admin'),
      payload: { supervisorId: null, version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current).toMatchObject({ id: c.members.self.id, role: 'admin', version: 2 });
    const staleHeader = await app.inject({
      method: 'PATCH',
      url: `${url}/profile`,
      headers: { ...c.as('self'), 'if-match': '"1"' },
      payload: { title: 'Cataloguer' },
    });
    expect(staleHeader.statusCode).toBe(409);
    const fresh = await app.inject({
      method: 'PATCH',
      url: `${url}/profile`,
      headers: { ...c.as('self'), 'if-match': '"2"' },
      payload: { title: 'Cataloguer' },
    });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().version).toBe(3);
  });
});

describe('own profile', () => {
  it('saves a title and a mentoring offer with de-duplicated topics', async () => {
    const c = await createCast(t);
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/orgs/${c.org.id}/members/${c.members.self.id}/profile`,
      headers: c.as('self'),
      payload: {
        title: 'Reference librarian',
        offersMentoring: true,
        mentoringTopics: ['Data literacy', 'data literacy', ' SQL '],
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      title: 'Reference librarian',
      offersMentoring: true,
      mentoringTopics: ['data literacy', 'SQL'],
    });
  });

  it('names the fields that are too long or of the wrong type', async () => {
    const c = await createCast(t);
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/orgs/${c.org.id}/members/${c.members.self.id}/profile`,
      headers: c.as('self'),
      payload: { title: 't'.repeat(121), offersMentoring: 'yes', mentoringTopics: [''] },
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['mentoringTopics.0', 'offersMentoring', 'title']);
  });
});
