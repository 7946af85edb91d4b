import { describe, expect, it } from 'vitest';
import { cookieHeaderFrom, createTestApp } from '../../test/app.js';
import { createUser } from '../../test/factories.js';

const t = await createTestApp();
const { app } = t;

const signUp = (payload: unknown) =>
  app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: payload as object });
const me = (cookie?: string) => app.inject({ method: 'GET', url: '/api/me', headers: cookie ? { cookie } : {} });

describe('sign-up', () => {
  it('creates an account, signs it in with an HttpOnly SameSite=Lax cookie, and normalises the e-mail', async () => {
    const res = await signUp({ name: 'Grace Hopper', email: '  Grace@Example.TEST ', password: 'compilers-rule' });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ name: 'Grace Hopper', email: 'grace@example.test' });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/waymark\.session_token=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i); // plain http in tests; Secure comes with an https BASE_URL
    const who = await me(cookieHeaderFrom(res.headers['set-cookie']));
    expect(who.statusCode).toBe(200);
    expect(who.json()).toMatchObject({ user: { email: 'grace@example.test' }, memberships: [] });
  });

  it('refuses a duplicate e-mail with 409 naming the field', async () => {
    const existing = await createUser(t.db);
    const res = await signUp({ name: 'Twin', email: existing.email.toUpperCase(), password: 'another-password' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', fields: { email: expect.any(String) } });
  });

  it.each([
    ['empty body', {}, ['name', 'email', 'password']],
    ['empty strings', { name: '', email: '', password: '' }, ['name', 'email', 'password']],
    ['wrong types', { name: 42, email: true, password: 12345678 }, ['name', 'email', 'password']],
    [
      'too long',
      { name: 'n'.repeat(101), email: `${'e'.repeat(250)}@x.io`, password: 'p'.repeat(129) },
      ['name', 'email', 'password'],
    ],
    ['short password', { name: 'Ok', email: 'ok@example.test', password: 'short' }, ['password']],
  ])('answers 400 with the failing fields for %s', async (_label, payload, fields) => {
    const res = await signUp(payload);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation');
    expect(Object.keys(body.error.fields).sort()).toEqual([...fields].sort());
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      headers: { 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation');
  });
});

describe('sign-in and sign-out', () => {
  it('signs in with the right password and out again; the old cookie is then anonymous', async () => {
    const u = await createUser(t.db);
    const cookie = await t.signIn(u.email, u.password);
    expect((await me(cookie)).statusCode).toBe(200);
    const out = await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('refuses a wrong password without saying whether the address exists', async () => {
    const u = await createUser(t.db);
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: u.email, password: 'nope-nope' },
    });
    const nobody = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'nobody@example.test', password: 'nope-nope' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(nobody.statusCode).toBe(400);
    expect(wrong.json().error.fields.password).toBe(nobody.json().error.fields.password);
  });

  it('rate-limits repeated sign-in attempts for one address', async () => {
    const u = await createUser(t.db);
    const attempt = () =>
      app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: u.email, password: 'wrong-password' } });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await attempt()).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
    const limited = await attempt();
    expect(limited.json().error.code).toBe('rate_limited');
    // Another address from the same IP is not locked out.
    const other = await createUser(t.db);
    expect((await t.signIn(other.email, other.password)).length).toBeGreaterThan(0);
  });

  it('treats a forged or unknown session cookie as signed out', async () => {
    expect((await me('waymark.session_token=abc.def')).statusCode).toBe(401);
    expect((await me()).statusCode).toBe(401);
    expect((await me()).json().error.code).toBe('unauthenticated');
  });

  it('makes a cookie from sessionFor() that the server accepts (test helper sanity)', async () => {
    const u = await createUser(t.db);
    expect((await me(await t.sessionFor(u.id))).json().user.id).toBe(u.id);
  });
});

describe('password reset', () => {
  it('e-mails a link; the new password works, the old one and old sessions do not', async () => {
    const u = await createUser(t.db);
    const oldSession = await t.signIn(u.email, u.password);
    // Use the session first, so that a remembered (cached) session must be forgotten by the reset.
    expect((await me(oldSession)).statusCode).toBe(200);
    const asked = await app.inject({ method: 'POST', url: '/api/auth/forgot-password', payload: { email: u.email } });
    expect(asked.statusCode).toBe(202);
    const link = new URL(t.mailer.linkTo(u.email, '/reset-password'));
    expect(link.origin).toBe('http://localhost:3000');
    const token = link.searchParams.get('token') as string;

    const reset = await app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      payload: { token, password: 'a-brand-new-password' },
    });
    expect(reset.statusCode).toBe(204);
    expect((await me(oldSession)).statusCode).toBe(401);
    const oldPassword = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: u.email, password: u.password },
    });
    expect(oldPassword.statusCode).toBe(400);
    expect((await t.signIn(u.email, 'a-brand-new-password')).length).toBeGreaterThan(0);

    // The link works once.
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      payload: { token, password: 'yet-another-one' },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields.token).toMatch(/invalid or has expired/);
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const before = t.mailer.sent.length;
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/forgot-password',
      payload: { email: 'ghost@example.test' },
    });
    expect(res.statusCode).toBe(202);
    expect(t.mailer.sent.length).toBe(before);
  });

  it('names the field when the new password is too short', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      payload: { token: 'whatever-token', password: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('password');
  });
});

describe('remembered sessions', () => {
  it('shows a new name at once, and forgets a session signed out in another request', async () => {
    const u = await createUser(t.db);
    const cookie = await t.signIn(u.email, u.password);
    expect((await me(cookie)).json().user.name).toBe(u.name);
    await app.inject({ method: 'PATCH', url: '/api/me', headers: { cookie }, payload: { name: 'Renamed Person' } });
    expect((await me(cookie)).json().user.name).toBe('Renamed Person');
    // A second sign-in gives a second session; signing that one out leaves the first alone.
    const second = await t.signIn(u.email, u.password);
    expect((await me(second)).statusCode).toBe(200);
    await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie: second } });
    expect((await me(second)).statusCode).toBe(401);
    expect((await me(cookie)).statusCode).toBe(200);
  });
});
