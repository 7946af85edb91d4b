import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { account, auditEvent, membership, session, ssoConnection, ssoSession, user } from '../../db/schema/index.js';
import { cookieHeaderFrom, createTestApp, txtRecords } from '../../test/app.js';
import { addMember, createOrg, createUser, DEFAULT_PASSWORD } from '../../test/factories.js';
import { startTestIdp } from '../../test/oidc-idp.js';

/*
 * Single sign-on with a real OpenID Connect provider (oidc-provider): an owner sets it up and verifies a domain;
 * people of that domain sign in through the provider, join with the default role and get a normal session; every
 * tampered or replayed answer is refused with the page that says why; "require SSO" refuses passwords except
 * the owners' (recorded as recovery).
 */

const CALLBACK = 'http://localhost:3000/api/sso/oidc/callback';
const dns = new Map<string, string[][]>();
const t = await createTestApp({ env: { SSO_ALLOW_INSECURE_ISSUERS: 'true' }, dns: txtRecords(dns) });
const idp = await startTestIdp([CALLBACK]);
afterAll(() => idp.close());

const newDomain = () => `org-${randomUUID().slice(0, 8)}.test`;

/** An organisation whose owner set up OIDC against the test provider and verified a domain by DNS. */
async function organisationWithSso(options: { requireSso?: boolean; defaultRole?: 'member' | 'admin' } = {}) {
  const { org, owner } = await createOrg(t.db);
  const session = { cookie: await t.sessionFor(owner.id) };
  const url = `/api/orgs/${org.id}/sso`;
  await t.callOk('PUT', `${url}/oidc`, session, {
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    defaultRole: options.defaultRole ?? 'member',
    requireSso: options.requireSso ?? false,
  });
  const domain = newDomain();
  const claimed = await t.callOk('POST', `${url}/domains`, session, { domain });
  dns.set(claimed.txtName, [[claimed.txtValue]]);
  await t.callOk('POST', `${url}/domains/${claimed.id}/verify`, session, {});
  return { org, owner, session, domain, url };
}

/** "Sign in with your organisation" up to the provider's answer: the callback's path and query, and the cookie. */
async function toCallback(email: string) {
  const start = await t.app.inject({ method: 'POST', url: '/api/sso/start', payload: { email } });
  expect(start.statusCode, start.body).toBe(200);
  const back = await idp.signIn(start.json().redirectUrl, email);
  return { path: `${back.pathname}${back.search}`, cookie: cookieHeaderFrom(start.headers['set-cookie']), back };
}

async function callback(path: string, cookie: string) {
  const res = await t.app.inject({ method: 'GET', url: path, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(303);
  return { location: String(res.headers.location), cookie: cookieHeaderFrom(res.headers['set-cookie']) };
}

const actionsIn = async (orgId: string) =>
  (await t.db.select().from(auditEvent).where(eq(auditEvent.organizationId, orgId))).map((e) => e.action);

describe('setting up single sign-on', () => {
  it('keeps the client secret sealed and write-only, tests discovery, and records each change', async () => {
    const { org, owner } = await createOrg(t.db);
    const session = { cookie: await t.sessionFor(owner.id) };
    const url = `/api/orgs/${org.id}/sso`;
    const fresh = await t.callOk('GET', url, session);
    expect(fresh).toMatchObject({ callbackUrl: CALLBACK, oidc: null, domains: [] });

    const noSecret = await t.call('PUT', `${url}/oidc`, session, { issuer: idp.issuer, clientId: 'waymark' });
    expect(noSecret.status).toBe(400);
    expect(noSecret.body.error.fields.clientSecret).toBe('Enter the client secret the provider gave you.');
    const badIssuer = await t.call('PUT', `${url}/oidc`, session, { issuer: 'login.example.com', clientId: 'x' });
    expect(badIssuer.body.error.fields.issuer).toMatch(/web address/);

    const saved = await t.callOk('PUT', `${url}/oidc`, session, {
      issuer: `${idp.issuer}/`,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      requireSso: true,
    });
    expect(saved.oidc).toEqual({
      issuer: idp.issuer,
      clientId: idp.clientId,
      hasClientSecret: true,
      defaultRole: 'member',
      requireSso: true,
      updatedAt: expect.any(String),
    });
    expect(JSON.stringify(saved)).not.toContain(idp.clientSecret);
    const [row] = await t.db.select().from(ssoConnection).where(eq(ssoConnection.organizationId, org.id));
    expect(JSON.stringify(row)).not.toContain(idp.clientSecret);

    // Saved again without a secret: the sealed one stays.
    const again = await t.callOk('PUT', `${url}/oidc`, session, {
      issuer: idp.issuer,
      clientId: idp.clientId,
      defaultRole: 'admin',
    });
    expect(again.oidc).toMatchObject({ hasClientSecret: true, defaultRole: 'admin', requireSso: false });
    const [kept] = await t.db.select().from(ssoConnection).where(eq(ssoConnection.organizationId, org.id));
    expect(kept?.secretSealed).toBe(row?.secretSealed);

    const found = await t.callOk('POST', `${url}/oidc/test`, session, { issuer: idp.issuer });
    expect(found).toMatchObject({
      ok: true,
      issuer: idp.issuer,
      authorizationEndpoint: `${idp.issuer}/auth`,
      tokenEndpoint: `${idp.issuer}/token`,
      pkceMethods: ['S256'],
    });
    const nothing = await t.callOk('POST', `${url}/oidc/test`, session, {
      issuer: `http://127.0.0.1:${await closedPort()}`,
    });
    expect(nothing).toEqual({ ok: false, problem: 'Nothing answers at that address (connection refused).' });

    const events = await t.db.select().from(auditEvent).where(eq(auditEvent.organizationId, org.id));
    const configured = events.filter((e) => e.action === 'sso.configured');
    expect(configured).toHaveLength(2);
    expect(configured.map((e) => e.details)).toContainEqual(
      expect.objectContaining({ requireSso: false, requireSsoBefore: true, secretChanged: false }),
    );
    expect(JSON.stringify(events)).not.toContain(idp.clientSecret);

    // A member (even an admin) cannot read or change it.
    const admin = await addMember(t.db, org, { role: 'admin' });
    const asAdmin = { cookie: await t.sessionFor(admin.user.id) };
    expect((await t.call('GET', url, asAdmin)).body.error.message).toBe('Only owners set up single sign-on.');
  });

  it('verifies a domain by its TXT record only, and one organisation holds a domain', async () => {
    const { org, owner } = await createOrg(t.db);
    const session = { cookie: await t.sessionFor(owner.id) };
    const url = `/api/orgs/${org.id}/sso/domains`;
    const domain = newDomain();
    const bad = await t.call('POST', url, session, { domain: 'https://example.com' });
    expect(bad.body.error.fields.domain).toMatch(/^Enter a domain such as example.com/);
    const claimed = await t.callOk('POST', url, session, { domain: `${domain.toUpperCase()}.` });
    expect(claimed).toMatchObject({ domain, txtName: `_waymark.${domain}`, verifiedAt: null });
    expect(claimed.txtValue).toMatch(/^waymark-verification=[\w-]{24}$/);

    const missing = await t.call('POST', `${url}/${claimed.id}/verify`, session, {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.domain).toBe(
      `There is no TXT record at _waymark.${domain} yet. Add it at your DNS provider; changes can take a while to show.`,
    );
    dns.set(claimed.txtName, [['v=spf1 -all'], ['waymark-verification=', 'not-this-one']]);
    const wrong = await t.call('POST', `${url}/${claimed.id}/verify`, session, {});
    expect(wrong.body.error.fields.domain).toMatch(/does not hold waymark-verification=/);
    // A long record comes in pieces; they count joined.
    const [head, tail] = [claimed.txtValue.slice(0, 10), claimed.txtValue.slice(10)];
    dns.set(claimed.txtName, [['v=spf1 -all'], [head, tail]]);
    const verified = await t.callOk('POST', `${url}/${claimed.id}/verify`, session, {});
    expect(verified.verifiedAt).toEqual(expect.any(String));
    // A mailed confirmation is for development with the outbox: this app sends real mail.
    const mailed = await t.call('POST', `${url}/${claimed.id}/mail`, session, {});
    expect(mailed.status).toBe(409);

    const other = await createOrg(t.db);
    const otherSession = { cookie: await t.sessionFor(other.owner.id) };
    const taken = await t.call('POST', `/api/orgs/${other.org.id}/sso/domains`, otherSession, { domain });
    expect(taken.status).toBe(409);
    expect(taken.body.error.fields.domain).toBe('Another organisation in Waymark has verified this domain already.');
    expect(await actionsIn(org.id)).toEqual(expect.arrayContaining(['sso.domain_claimed', 'sso.domain_verified']));

    await t.callOk('DELETE', `${url}/${claimed.id}`, session);
    expect(await actionsIn(org.id)).toContain('sso.domain_removed');
  });
});

describe('signing in with the organisation', () => {
  it('signs in through the provider, joins with the default role, and ends in a normal session', async () => {
    const { org, domain } = await organisationWithSso({ defaultRole: 'admin' });
    const email = `ines@${domain}`;
    idp.names.set(email, 'Inès Okafor');
    const { path, cookie } = await toCallback(email);
    const done = await callback(path, cookie);
    expect(done.location).toBe(`/orgs/${org.id}`);
    const me = await t.callOk('GET', '/api/me', { cookie: done.cookie });
    expect(me.user).toMatchObject({ name: 'Inès Okafor', email });
    expect(me.memberships).toEqual([expect.objectContaining({ organizationId: org.id, role: 'admin' })]);
    expect(await actionsIn(org.id)).toEqual(expect.arrayContaining(['sso.joined', 'sso.signed_in']));

    // Signing out ends it like any session, and sends the browser on to end the provider's session too: the ID
    // token (kept sealed with the session, never given to the browser before) as hint, back to our sign-in page.
    const [kept] = await t.db
      .select({ sessionId: ssoSession.sessionId, idTokenSealed: ssoSession.idTokenSealed })
      .from(ssoSession)
      .innerJoin(session, eq(session.id, ssoSession.sessionId))
      .where(eq(session.userId, me.user.id));
    expect(kept?.idTokenSealed).not.toMatch(/^eyJ/);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie: done.cookie } });
    expect(out.statusCode).toBe(200);
    const end = new URL(out.json().providerSignOutUrl);
    expect(`${end.origin}${end.pathname}`).toBe(`${idp.issuer}/session/end`);
    expect(end.searchParams.get('client_id')).toBe(idp.clientId);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe('http://localhost:3000/sign-in');
    expect(end.searchParams.get('id_token_hint')?.split('.')).toHaveLength(3);
    expect((await t.call('GET', '/api/me', { cookie: done.cookie })).status).toBe(401);
    // The provider accepts the hint and asks the person to confirm (its own page).
    const atProvider = await fetch(end, { redirect: 'manual' });
    expect(atProvider.status).toBe(200);
    expect(await atProvider.text()).toContain('logout');
    // The session's link to the provider went with it.
    const sessionsLeft = await t.db.select().from(ssoSession);
    expect(sessionsLeft.find((r) => r.sessionId === kept?.sessionId)).toBeUndefined();

    // Again: the same person, found by the provider's subject; joins once.
    const second = await toCallback(email);
    const again = await callback(second.path, second.cookie);
    expect((await t.callOk('GET', '/api/me', { cookie: again.cookie })).user.id).toBe(me.user.id);
    expect((await actionsIn(org.id)).filter((a) => a === 'sso.joined')).toHaveLength(1);
  });

  it('links an existing account with the same address instead of making a second one', async () => {
    const { org, domain } = await organisationWithSso();
    const existing = await createUser(t.db, { email: `amal@${domain}`, name: 'Amal Existing' });
    const { path, cookie } = await toCallback(existing.email);
    const done = await callback(path, cookie);
    expect((await t.callOk('GET', '/api/me', { cookie: done.cookie })).user.id).toBe(existing.id);
    const accounts = await t.db.select().from(account).where(eq(account.userId, existing.id));
    expect(accounts.map((a) => a.providerId).sort()).toEqual(['credential', expect.stringMatching(/^sso:/)]);
    const joined = await t.db
      .select()
      .from(membership)
      .where(and(eq(membership.organizationId, org.id), eq(membership.userId, existing.id)));
    expect(joined).toHaveLength(1);
  });

  it('makes one account and one membership when a person finishes two first sign-ins at once', async () => {
    const { org, domain } = await organisationWithSso();
    const email = `twin@${domain}`;
    const tabs = [await toCallback(email), await toCallback(email)];
    const done = await Promise.all(tabs.map((tab) => callback(tab.path, tab.cookie)));
    expect(done.map((d) => d.location)).toEqual([`/orgs/${org.id}`, `/orgs/${org.id}`]);
    const people = await t.db.select().from(user).where(eq(user.email, email));
    expect(people).toHaveLength(1);
    const joined = await t.db
      .select()
      .from(membership)
      .where(eq(membership.userId, people[0]?.id ?? ''));
    expect(joined).toHaveLength(1);
  });

  it('tolerates a provider clock a little ahead', async () => {
    const { domain } = await organisationWithSso();
    const { path, cookie } = await toCallback(`kofi@${domain}`);
    idp.tamperNextIdToken((c) => ({ ...c, iat: Math.floor(Date.now() / 1000) + 45 }));
    const done = await callback(path, cookie);
    expect(done.location).toMatch(/^\/orgs\//);
  });

  it.each([
    [
      'an expired ID token',
      'token_expired',
      (c: Record<string, unknown>) => ({ ...c, iat: now() - 7200, exp: now() - 3600 }),
    ],
    [
      'an ID token for another client',
      'wrong_audience',
      (c: Record<string, unknown>) => ({ ...c, aud: 'someone-else' }),
    ],
    [
      'an ID token from another issuer',
      'wrong_issuer',
      (c: Record<string, unknown>) => ({ ...c, iss: 'https://evil.example' }),
    ],
    ['an ID token for another sign-in', 'nonce', (c: Record<string, unknown>) => ({ ...c, nonce: 'another' })],
  ])('refuses %s with the page that says why', async (_what, problem, change) => {
    const { org, domain } = await organisationWithSso();
    const { path, cookie } = await toCallback(`noor@${domain}`);
    idp.tamperNextIdToken(change);
    const done = await callback(path, cookie);
    expect(done.location).toBe(`/sso/error?problem=${problem}`);
    expect(done.cookie).not.toContain('session_token');
    const failed = await t.db.select().from(auditEvent).where(eq(auditEvent.organizationId, org.id));
    expect(failed.find((e) => e.action === 'sso.sign_in_failed')?.details).toMatchObject({ problem });
    const [nobody] = await t.db
      .select()
      .from(user)
      .where(eq(user.email, `noor@${domain}`));
    expect(nobody).toBeUndefined();
  });

  it('refuses a wrong state, a replayed answer, a replayed code and an answer without this browser', async () => {
    const { domain } = await organisationWithSso();
    const email = `sam@${domain}`;
    const first = await toCallback(email);
    const forged = first.path.replace(/state=[^&]+/, 'state=forged');
    expect((await callback(forged, first.cookie)).location).toBe('/sso/error?problem=state');
    // The attempt is spent by the refusal: its genuine answer cannot be used after it either.
    expect((await callback(first.path, first.cookie)).location).toBe('/sso/error?problem=used');

    const second = await toCallback(email);
    expect((await callback(second.path, '')).location).toBe('/sso/error?problem=no_attempt');
    const done = await callback(second.path, second.cookie);
    expect(done.location).toMatch(/^\/orgs\//);
    expect((await callback(second.path, second.cookie)).location).toBe('/sso/error?problem=used');

    // The spent code with a new attempt's state: the provider refuses to exchange it again.
    const third = await toCallback(email);
    const code = second.back.searchParams.get('code') ?? '';
    const replay = third.path.replace(/code=[^&]+/, `code=${encodeURIComponent(code)}`);
    expect((await callback(replay, third.cookie)).location).toBe('/sso/error?problem=code_refused');
  });

  it('says in words when the saved client secret cannot be read (AUTH_SECRET changed)', async () => {
    const { org, domain } = await organisationWithSso();
    await t.db
      .update(ssoConnection)
      .set({ secretSealed: 'AAAA.BBBB.CCCC' })
      .where(eq(ssoConnection.organizationId, org.id));
    const start = await t.call('POST', '/api/sso/start', {}, { email: `rae@${domain}` });
    expect(start.status).toBe(503);
    expect(start.body.error.message).toBe(
      `${org.name}'s sign-in service could not be reached: its client secret cannot be read (AUTH_SECRET changed since it was saved): an owner must enter it again.`,
    );
  });

  it('refuses an address the organisation has not verified, and starts only for claimed domains', async () => {
    const { domain } = await organisationWithSso();
    // The provider answers for another address than the one typed (its login is the address it asserts).
    const start = await t.app.inject({ method: 'POST', url: '/api/sso/start', payload: { email: `zoe@${domain}` } });
    const outside = await idp.signIn(start.json().redirectUrl, 'zoe@elsewhere.test');
    const refused = await callback(
      `${outside.pathname}${outside.search}`,
      cookieHeaderFrom(start.headers['set-cookie']),
    );
    expect(refused.location).toBe('/sso/error?problem=email_domain');

    const unknown = await t.call('POST', '/api/sso/start', {}, { email: `zoe@${newDomain()}` });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.email).toBe(
      'No organisation in Waymark signs in people with this address. Sign in with your password.',
    );
  });
});

describe('require SSO', () => {
  it('refuses passwords for the domain, except an owner’s recovery sign-in, which is recorded', async () => {
    const { org, owner, domain } = await organisationWithSso({ requireSso: true });
    const member = await createUser(t.db, { email: `lee@${domain}` });
    await addMember(t.db, org, { user: member });
    const refused = await t.call('POST', '/api/auth/sign-in', {}, { email: member.email, password: member.password });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(
      `${org.name} signs in people with ${domain} addresses through its own sign-in service: choose "Sign in with your organisation" and enter your work e-mail.`,
    );
    expect(refused.body.error.fields).toEqual({ email: 'This address signs in with single sign-on.' });
    // A wrong password gets the same answer: it says nothing about the password.
    const wrong = await t.call('POST', '/api/auth/sign-in', {}, { email: member.email, password: 'not-the-password' });
    expect(wrong.body).toEqual(refused.body);

    // The owner's address is at the domain too: their password still works, as a recorded recovery.
    await t.db
      .update(user)
      .set({ email: `owner@${domain}` })
      .where(eq(user.id, owner.id));
    const recovery = await t.call(
      'POST',
      '/api/auth/sign-in',
      {},
      { email: `owner@${domain}`, password: DEFAULT_PASSWORD },
    );
    expect(recovery.status).toBe(200);
    const actions = await actionsIn(org.id);
    expect(actions).toEqual(expect.arrayContaining(['auth.password_refused_sso', 'auth.recovery_sign_in']));

    // Nor can a password account be made there: accounts of the domain come from the provider.
    const signUp = await t.call(
      'POST',
      '/api/auth/sign-up',
      {},
      { name: 'New Person', email: `new@${domain}`, password: 'a-long-unguessable-phrase-42' },
    );
    expect(signUp.status).toBe(403);
    expect(signUp.body.error).toEqual(refused.body.error);

    // Other domains are untouched.
    const elsewhere = await createUser(t.db);
    expect(
      (await t.call('POST', '/api/auth/sign-in', {}, { email: elsewhere.email, password: elsewhere.password })).status,
    ).toBe(200);
  });
});

const now = () => Math.floor(Date.now() / 1000);

/** A port nothing listens on: one the system just gave out and took back. */
async function closedPort() {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
