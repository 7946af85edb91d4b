import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { invitation } from '../../db/schema/index.js';
import { type Cast, createCast } from '../../test/actors.js';
import { cookieHeaderFrom, createTestApp } from '../../test/app.js';
import { createUser } from '../../test/factories.js';

const t = await createTestApp();
const { app } = t;

const tokenOf = (url: string) => new URL(url).pathname.split('/').pop() as string;

/** Invites `email` into the cast's organisation as the owner. */
const invite = (c: Cast, email: string, role?: string) =>
  app.inject({
    method: 'POST',
    url: `/api/orgs/${c.org.id}/invitations`,
    headers: c.as('owner'),
    payload: { email, role },
  });

describe('invitations', () => {
  it('e-mails a link; the invited person previews it signed out, signs up with that address and joins', async () => {
    const c = await createCast(t);
    const created = await app.inject({
      method: 'POST',
      url: `/api/orgs/${c.org.id}/invitations`,
      headers: c.as('admin'),
      payload: { email: 'New.Colleague@Example.test', role: 'admin' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email: 'new.colleague@example.test', role: 'admin', status: 'pending' });
    const link = t.mailer.linkTo('new.colleague@example.test', '/invite/');
    expect(link).toBe(created.json().url);
    const mail = t.mailer.sent.at(-1);
    expect(mail?.subject).toContain(c.org.name);

    const preview = await app.inject({ method: 'GET', url: `/api/invitations/${tokenOf(link)}` });
    expect(preview.json()).toMatchObject({ organizationName: c.org.name, status: 'pending', role: 'admin' });

    // The link proves the address it was sent to: signing up from it needs no confirmation mail, at once
    // signed in; the same link does not vouch for another address.
    const otherAddress = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: {
        name: 'Someone Else',
        email: 'someone.else@example.test',
        password: 'glad-to-be-here',
        invitation: tokenOf(link),
      },
    });
    expect(otherAddress.statusCode).toBe(202);
    expect(otherAddress.headers['set-cookie']).toBeUndefined();
    const signUp = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: {
        name: 'New Colleague',
        email: 'new.colleague@example.test',
        password: 'glad-to-be-here',
        invitation: tokenOf(link),
      },
    });
    expect(signUp.statusCode).toBe(201);
    const cookie = cookieHeaderFrom(signUp.headers['set-cookie']);
    const accepted = await app.inject({
      method: 'POST',
      url: `/api/invitations/${tokenOf(link)}/accept`,
      headers: { cookie },
    });
    expect(accepted.statusCode).toBe(200);
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.json().memberships).toEqual([
      expect.objectContaining({ organizationId: c.org.id, role: 'admin', memberId: accepted.json().memberId }),
    ]);
    // Accepting twice is harmless; the invitation now reads as accepted.
    expect(
      (await app.inject({ method: 'POST', url: `/api/invitations/${tokenOf(link)}/accept`, headers: { cookie } }))
        .statusCode,
    ).toBe(200);
    const list = await app.inject({ method: 'GET', url: `/api/orgs/${c.org.id}/invitations`, headers: c.as('owner') });
    expect(list.json().invitations[0]).toMatchObject({ email: 'new.colleague@example.test', status: 'accepted' });
  });

  it('refuses an account with a different address', async () => {
    const c = await createCast(t);
    const created = await invite(c, 'someone@example.test');
    const res = await app.inject({
      method: 'POST',
      url: `/api/invitations/${tokenOf(created.json().url)}/accept`,
      headers: c.as('outsider'),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain('someone@example.test');
  });

  it('answers 409 naming the field for an existing member or a pending invitation', async () => {
    const c = await createCast(t);
    const member = await invite(c, c.people.otherMember.email.toUpperCase());
    expect(member.statusCode).toBe(409);
    expect(member.json().error.fields.email).toMatch(/Already a member/);
    expect((await invite(c, 'twice@example.test')).statusCode).toBe(201);
    const twice = await invite(c, 'twice@example.test');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.fields.email).toMatch(/Already invited/);
  });

  it('a double click invites once: the copies answer 409 with the invitation made', async () => {
    const c = await createCast(t);
    const answers = await Promise.all(Array.from({ length: 6 }, () => invite(c, 'twice@example.test')));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const made = answers.find((a) => a.statusCode === 201)?.json();
    for (const a of answers.filter((x) => x.statusCode === 409)) expect(a.json().error.current.id).toBe(made.id);
    const rows = await t.db.select().from(invitation).where(eq(invitation.organizationId, c.org.id));
    expect(rows.filter((r) => r.email === 'twice@example.test')).toHaveLength(1);
  });

  it('accepting twice at once joins once and answers both alike', async () => {
    const c = await createCast(t);
    const { url } = (await invite(c, c.people.outsider.email)).json();
    const accept = () =>
      app.inject({ method: 'POST', url: `/api/invitations/${tokenOf(url)}/accept`, headers: c.as('outsider') });
    const answers = await Promise.all(Array.from({ length: 4 }, accept));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.json().memberId)).size).toBe(1);
  });

  it('answers 400 naming the fields for a bad address or role', async () => {
    const c = await createCast(t);
    const res = await invite(c, 'not-an-address', 'king');
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['email', 'role']);
  });

  it('refuses an expired invitation with 409, and lets the admin invite the person again', async () => {
    const c = await createCast(t);
    const person = await createUser(t.db);
    const created = await invite(c, person.email);
    await t.db
      .update(invitation)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitation.id, created.json().id));
    const headers = { cookie: await t.sessionFor(person.id) };
    const res = await app.inject({
      method: 'POST',
      url: `/api/invitations/${tokenOf(created.json().url)}/accept`,
      headers,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields.token).toMatch(/expired/);
    expect(
      (await app.inject({ method: 'GET', url: `/api/invitations/${tokenOf(created.json().url)}` })).json().status,
    ).toBe('expired');
    const again = await invite(c, person.email);
    expect(again.statusCode).toBe(201);
    expect(
      (await app.inject({ method: 'POST', url: `/api/invitations/${tokenOf(again.json().url)}/accept`, headers }))
        .statusCode,
    ).toBe(200);
  });

  it('stops a withdrawn link at once', async () => {
    const c = await createCast(t);
    const person = await createUser(t.db);
    const created = await invite(c, person.email);
    const del = await app.inject({
      method: 'DELETE',
      url: `/api/orgs/${c.org.id}/invitations/${created.json().id}`,
      headers: c.as('admin'),
    });
    expect(del.statusCode).toBe(204);
    const res = await app.inject({
      method: 'POST',
      url: `/api/invitations/${tokenOf(created.json().url)}/accept`,
      headers: { cookie: await t.sessionFor(person.id) },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields.token).toMatch(/withdrawn/);
  });

  it('answers 404 for an unknown token and stores only a hash of the token', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/invitations/abcdefghijklmnopqrstuvwxyz' })).statusCode).toBe(
      404,
    );
    const c = await createCast(t);
    const created = await invite(c, 'hash@example.test');
    const [row] = await t.db.select().from(invitation).where(eq(invitation.id, created.json().id));
    expect(row?.tokenHash).not.toContain(tokenOf(created.json().url));
  });
});

describe('when the e-mail cannot be sent', async () => {
  const failing = await createTestApp({
    mailer: {
      mode: 'smtp',
      send: async () => {
        throw new Error('SMTP server said no');
      },
      close: () => {},
    },
  });

  it('answers 503 and leaves no invitation behind', async () => {
    const c = await createCast(failing);
    const res = await failing.app.inject({
      method: 'POST',
      url: `/api/orgs/${c.org.id}/invitations`,
      headers: c.as('owner'),
      payload: { email: 'unlucky@example.test' },
    });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.message).not.toContain('SMTP server said no');
    const list = await failing.app.inject({
      method: 'GET',
      url: `/api/orgs/${c.org.id}/invitations`,
      headers: c.as('owner'),
    });
    expect(list.json().invitations).toEqual([]);
  });
});
