import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { user, verification } from '../../db/schema/index.js';
import { cookieHeaderFrom, createTestApp } from '../../test/app.js';
import { createUser } from '../../test/factories.js';

// The capturing mailer stands for SMTP: mail is sent, so addresses are confirmed (outbox mode: sign-up-outbox.test.ts).
const t = await createTestApp();
const { app } = t;
// Unique per run: on PostgreSQL the test files share one database.
const domain = `smtp-${Date.now()}.Example.TEST`;
const grace = `grace@${domain.toLowerCase()}`;

const signUp = (payload: unknown) =>
  app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: payload as object });
/** Asks for a reset link for `email` and answers the token in the newest one. */
async function resetTokenFor(email: string) {
  await app.inject({ method: 'POST', url: '/api/auth/forgot-password', payload: { email } });
  return new URL(t.mailer.linkTo(email, '/reset-password')).searchParams.get('token');
}
const resetWith = (token: string | null, password: string) =>
  app.inject({ method: 'POST', url: '/api/auth/reset-password', payload: { token, password } });
const me = (cookie?: string) => app.inject({ method: 'GET', url: '/api/me', headers: cookie ? { cookie } : {} });

describe('sign-up with SMTP: the address is confirmed first', () => {
  it('answers 202 without a session, mails a link that confirms the address and signs in', async () => {
    const res = await signUp({ name: 'Grace Hopper', email: `  Grace@${domain} `, password: 'compilers-rule' });
    expect(res.statusCode).toBe(202);
    expect(res.json().message).toMatch(/Check your inbox/);
    expect(res.headers['set-cookie']).toBeUndefined();

    // Unconfirmed, signing in is refused with a clear reason, and a fresh link is sent.
    const before = t.mailer.sent.filter((m) => m.to === grace).length;
    const early = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: grace, password: 'compilers-rule' },
    });
    expect(early.statusCode).toBe(403);
    expect(early.json().error.message).toMatch(/Confirm your e-mail address first/);
    expect(t.mailer.sent.filter((m) => m.to === grace).length).toBe(before + 1);

    const link = new URL(t.mailer.linkTo(grace, '/verify-email'));
    expect(link.origin + link.pathname).toBe('http://localhost:3000/verify-email');
    const verified = await app.inject({
      method: 'POST',
      url: '/api/auth/verify-email',
      payload: { token: link.searchParams.get('token') },
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toEqual({ confirmed: true });
    const who = await me(cookieHeaderFrom(verified.headers['set-cookie']));
    expect(who.json()).toMatchObject({
      user: { name: 'Grace Hopper', email: grace },
      memberships: [],
    });
    expect((await t.signIn(grace, 'compilers-rule')).length).toBeGreaterThan(0);
    // The link works once: a second use confirms nothing more and signs nobody in.
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/verify-email',
      payload: { token: link.searchParams.get('token') },
    });
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('answers an existing address exactly like a new one, and mails its owner instead', async () => {
    const existing = await createUser(t.db);
    const fresh = await signUp({ name: 'Twin', email: `fresh-${existing.email}`, password: 'another-password' });
    const twin = await signUp({ name: 'Twin', email: existing.email.toUpperCase(), password: 'another-password' });
    expect(twin.statusCode).toBe(fresh.statusCode);
    expect(twin.body).toBe(fresh.body);
    expect(twin.headers['set-cookie']).toBeUndefined();
    const mails = t.mailer.sent.filter((m) => m.to === existing.email);
    expect(mails.map((m) => m.subject)).toEqual(['Someone tried to sign up to Waymark with your address']);
    expect(mails[0]?.text).toContain('http://localhost:3000/sign-in');
    // The account is untouched: its own password still signs in, the would-be twin's does not.
    expect((await t.signIn(existing.email, existing.password)).length).toBeGreaterThan(0);
    const theirs = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: existing.email, password: 'another-password' },
    });
    expect(theirs.statusCode).toBe(400);
  });

  it('answers two sign-ups at once with one address alike (202), and makes one account', async () => {
    const email = `at-once-${Date.now()}@example.test`;
    const answers = await Promise.all(
      [1, 2, 3].map((i) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/sign-up',
          remoteAddress: `10.1.0.${i}`,
          payload: { name: 'Quick Fingers', email, password: 'compilers-rule' },
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([202, 202, 202]);
    expect(await t.db.select().from(user).where(eq(user.email, email))).toHaveLength(1);
  });

  it('refuses a wrong or used confirmation link, naming it', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token: 'not-a-token' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.token).toMatch(/invalid or has expired/);
  });

  it('refuses common and leaked passwords, naming the field', async () => {
    for (const password of ['password', 'Password123!', 'qwertyuiop', 'aaaaaaaaaaaa']) {
      const res = await signUp({ name: 'Careless', email: 'careless@example.test', password });
      expect(res.statusCode, password).toBe(400);
      expect(res.json().error.fields.password).toMatch(/too easy to guess/);
    }
    expect(await t.db.select().from(user).where(eq(user.email, 'careless@example.test'))).toHaveLength(0);
  });

  it('limits sign-ups per IP, and per address from any IP', async () => {
    const fromOneIp = (i: number) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/sign-up',
        remoteAddress: '10.2.0.1',
        payload: { name: 'Many', email: `many-${i}-${Date.now()}@example.test`, password: 'compilers-rule' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await fromOneIp(i)).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 202)).toBe(true);
    expect(statuses[10]).toBe(429);

    const email = `one-address-${Date.now()}@example.test`;
    const perAddress: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/sign-up',
        remoteAddress: `10.3.0.${i}`,
        payload: { name: 'Prober', email, password: 'compilers-rule' },
      });
      perAddress.push(res.statusCode);
    }
    expect(perAddress).toEqual([202, 202, 202, 202, 202, 429]);
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
    [
      'unknown invitation shape',
      { name: 'Ok', email: 'ok@example.test', password: 'compilers-rule', invitation: 'x' },
      ['invitation'],
    ],
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
      app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        remoteAddress: '10.4.0.1',
        payload: { email: u.email, password: 'wrong-password' },
      });
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

  it('limits sign-in attempts per IP too: one password tried on many addresses', async () => {
    const attempt = (i: number) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        remoteAddress: '10.5.0.1',
        payload: { email: `victim-${i}@example.test`, password: 'Summer2026!' },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await attempt(i)).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
    expect(statuses[30]).toBe(429);
    const limited = await attempt(99);
    expect(limited.json().error.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses an account whose address was never confirmed, even with the right password', async () => {
    const u = await createUser(t.db, { emailVerified: false });
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: u.email, password: u.password },
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(t.mailer.linkTo(u.email, '/verify-email')).toMatch(/token=/);
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

  it('voids older links when a new one is issued, and every other link once one is used', async () => {
    const u = await createUser(t.db);
    const first = await resetTokenFor(u.email);
    const second = await resetTokenFor(u.email);
    expect(second).not.toBe(first);
    // Issuing the second voided the first.
    expect((await resetWith(first, 'a-brand-new-password')).statusCode).toBe(400);

    // Two links at once (asked in two tabs, say): using one voids the other.
    const third = await resetTokenFor(u.email);
    await t.db.insert(verification).values({
      id: `parallel-${u.id}`,
      identifier: 'reset-password:parallel-token-of-the-same-person',
      value: u.id,
      expiresAt: new Date(Date.now() + 3600_000),
    });
    expect((await resetWith(third, 'a-brand-new-password')).statusCode).toBe(204);
    expect((await resetWith('parallel-token-of-the-same-person', 'yet-another-one')).statusCode).toBe(400);
    expect(await t.db.select().from(verification).where(eq(verification.value, u.id))).toEqual([]);
  });

  it('signs out every session of the person, remembered ones included, and confirms the address', async () => {
    const u = await createUser(t.db, { emailVerified: false });
    const [a, b] = [await t.sessionFor(u.id), await t.sessionFor(u.id)];
    expect((await me(a)).statusCode).toBe(200);
    expect((await me(b)).statusCode).toBe(200); // both now remembered for a few seconds
    const res = await resetWith(await resetTokenFor(u.email), 'a-brand-new-password');
    expect(res.statusCode).toBe(204);
    expect((await me(a)).statusCode).toBe(401);
    expect((await me(b)).statusCode).toBe(401);
    // The link came to the address, which proves it: signing in works without a confirmation mail.
    expect((await t.signIn(u.email, 'a-brand-new-password')).length).toBeGreaterThan(0);
  });

  it('refuses a common new password, naming the field, and keeps the link usable', async () => {
    const token = await resetTokenFor((await createUser(t.db)).email);
    const weak = await resetWith(token, 'password1');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields.password).toMatch(/too easy to guess/);
    const strong = await resetWith(token, 'a-brand-new-password');
    expect(strong.statusCode).toBe(204);
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
