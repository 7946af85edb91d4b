import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { user } from '../../db/schema/index.js';
import { createCast } from '../../test/actors.js';
import { cookieHeaderFrom, createTestApp } from '../../test/app.js';
import { createUser } from '../../test/factories.js';

// Without SMTP (mail kept for the operator): accounts work at once; sign-up in SMTP mode is in auth.test.ts.
const t = await createTestApp({ mailer: 'outbox' });
const { app } = t;
// Unique per run: on PostgreSQL the test files share one database.
const domain = `outbox-${Date.now()}.Example.TEST`;
const grace = `grace@${domain.toLowerCase()}`;

const signUp = (payload: object, remoteAddress = '127.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/auth/sign-up', payload, remoteAddress });
const verifiedOf = async (email: string) =>
  (await t.db.select({ v: user.emailVerified }).from(user).where(eq(user.email, email)))[0]?.v;

describe('sign-up without SMTP', () => {
  it('creates an account, signs it in with an HttpOnly SameSite=Lax cookie, and normalises the e-mail', async () => {
    const res = await signUp({ name: 'Grace Hopper', email: `  Grace@${domain} `, password: 'compilers-rule' });
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ name: 'Grace Hopper', email: grace });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/waymark\.session_token=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i); // plain http in tests; Secure comes with an https BASE_URL
    const who = await app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: cookieHeaderFrom(res.headers['set-cookie']) },
    });
    expect(who.json()).toMatchObject({
      user: { email: grace },
      memberships: [],
      outbox: true,
    });
    // Nobody confirmed the address: only the operator reads mail here.
    expect(await verifiedOf(grace)).toBe(false);
  });

  it('refuses a duplicate e-mail with 409 naming the field', async () => {
    const existing = await createUser(t.db);
    const res = await signUp({ name: 'Twin', email: existing.email.toUpperCase(), password: 'another-password' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', fields: { email: expect.any(String) } });
  });

  it('answers sign-ups at once with one address: one 201, the others 409 (never 422)', async () => {
    const email = `at-once-${Date.now()}@example.test`;
    const answers = await Promise.all(
      [1, 2, 3, 4].map((i) => signUp({ name: 'Quick Fingers', email, password: 'compilers-rule' }, `10.6.0.${i}`)),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409]);
    for (const a of answers.filter((x) => x.statusCode === 409)) expect(a.json().error.fields.email).toBeDefined();
    expect(await t.db.select().from(user).where(eq(user.email, email))).toHaveLength(1);
  });

  it('limits sign-ups per IP, so the 409 cannot list who has an account', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await signUp(
        { name: 'Lister', email: `listed-${i}-${Date.now()}@example.test`, password: 'compilers-rule' },
        '10.7.0.1',
      );
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('counts an invitation accepted through its link as proof of the address', async () => {
    const c = await createCast(t);
    const email = `invitee-${Date.now()}@example.test`;
    const invited = await t.callOk(
      'POST',
      `/api/orgs/${c.org.id}/invitations`,
      c.as('owner') as Record<string, string>,
      { email },
    );
    const joined = await signUp({ name: 'Invitee', email, password: 'glad-to-be-here' }, '10.8.0.1');
    expect(joined.statusCode).toBe(201);
    expect(await verifiedOf(email)).toBe(false);
    const token = new URL(invited.url).pathname.split('/').pop();
    const accepted = await app.inject({
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      headers: { cookie: cookieHeaderFrom(joined.headers['set-cookie']) },
    });
    expect(accepted.statusCode).toBe(200);
    expect(await verifiedOf(email)).toBe(true);
  });
});
