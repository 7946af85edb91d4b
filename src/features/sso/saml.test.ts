import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { account, auditEvent, membership, ssoSamlAssertion, user } from '../../db/schema/index.js';
import { cookieHeaderFrom, createTestApp, txtRecords } from '../../test/app.js';
import { addMember, createOrg } from '../../test/factories.js';
import { type AuthnRequestSeen, type ResponseOptions, startSamlIdp } from '../../test/saml-idp.js';

/*
 * SAML 2.0 with a real (small) identity provider that signs with its own key: an owner sets SAML up from the
 * provider's metadata (by URL or XML); a person's sign-in goes to the provider and back through the ACS (a
 * cross-site POST, no cookie) and the same-site finish (the attempt cookie); only a signed assertion for us, for
 * the request this browser sent, in time, used once, signs in. Each refusal says why and is in the audit log.
 */

const dns = new Map<string, string[][]>();
const t = await createTestApp({ env: { SSO_ALLOW_INSECURE_ISSUERS: 'true' }, dns: txtRecords(dns) });
const idp = await startSamlIdp();
afterAll(() => idp.close());

/** A port nothing listens on. */
async function closedPort() {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const shutPort = await closedPort();

const newDomain = () => `org-${randomUUID().slice(0, 8)}.test`;

async function organisationWithSaml(options: { defaultRole?: 'member' | 'admin' } = {}) {
  const { org, owner } = await createOrg(t.db);
  const session = { cookie: await t.sessionFor(owner.id) };
  const url = `/api/orgs/${org.id}/sso`;
  const saved = await t.callOk('PUT', `${url}/saml`, session, {
    metadataXml: idp.metadataXml,
    defaultRole: options.defaultRole ?? 'member',
  });
  const domain = newDomain();
  const claimed = await t.callOk('POST', `${url}/domains`, session, { domain });
  dns.set(claimed.txtName, [[claimed.txtValue]]);
  await t.callOk('POST', `${url}/domains/${claimed.id}/verify`, session, {});
  return { org, owner, session, domain, url, sp: saved.saml.serviceProvider as { acsUrl: string; entityId: string } };
}

/** "Sign in with your organisation" up to the provider: the request it got and this browser's cookie. */
async function toProvider(email: string) {
  const start = await t.app.inject({ method: 'POST', url: '/api/sso/start', payload: { email } });
  expect(start.statusCode, start.body).toBe(200);
  const redirectUrl = start.json().redirectUrl as string;
  expect(redirectUrl.startsWith(`${idp.ssoUrl}?SAMLRequest=`)).toBe(true);
  return { request: idp.readRequest(redirectUrl), cookie: cookieHeaderFrom(start.headers['set-cookie']) };
}

/** The provider's page posts to the ACS from its own site: no cookie of ours goes with it. */
async function postToAcs(request: AuthnRequestSeen, samlResponse: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: new URL(request.acsUrl).pathname,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
    payload: new URLSearchParams({ SAMLResponse: samlResponse }).toString(),
  });
  expect(res.statusCode, res.body).toBe(303);
  return String(res.headers.location);
}

async function finish(cookie: string) {
  const res = await t.app.inject({ method: 'GET', url: '/api/sso/saml/finish', headers: { cookie } });
  expect(res.statusCode, res.body).toBe(303);
  return { location: String(res.headers.location), cookie: cookieHeaderFrom(res.headers['set-cookie']) };
}

async function signInVia(email: string, options: Partial<ResponseOptions> = {}) {
  const { request, cookie } = await toProvider(email);
  const afterAcs = await postToAcs(request, idp.respond(request, { email, ...options }));
  return { afterAcs, request, cookie };
}

const failures = async (orgId: string) =>
  (await t.db.select().from(auditEvent).where(eq(auditEvent.organizationId, orgId)))
    .filter((e) => e.action === 'sso.sign_in_failed')
    .map((e) => e.details as { problem: string; detail?: string });

describe('setting up SAML', () => {
  it('reads the metadata by URL or XML, shows what was read and what to give the provider, and records it', async () => {
    const { org, owner } = await createOrg(t.db);
    const session = { cookie: await t.sessionFor(owner.id) };
    const url = `/api/orgs/${org.id}/sso`;
    const read = await t.callOk('POST', `${url}/saml/metadata`, session, { metadataUrl: idp.metadataUrl });
    expect(read).toEqual({
      entityId: idp.entityId,
      ssoUrl: idp.ssoUrl,
      ssoBinding: 'redirect',
      certificates: [
        {
          subject: 'CN=Waymark test IdP',
          notAfter: expect.any(String),
          fingerprint: expect.stringMatching(/^[0-9A-F:]{95}$/),
        },
      ],
    });
    const saved = await t.callOk('PUT', `${url}/saml`, session, { metadataUrl: idp.metadataUrl, requireSso: true });
    const id = (saved.saml.serviceProvider.entityId as string).split('/').at(-2);
    expect(saved.saml).toMatchObject({
      entityId: idp.entityId,
      metadataUrl: idp.metadataUrl,
      defaultRole: 'member',
      requireSso: true,
      serviceProvider: {
        entityId: `http://localhost:3000/api/sso/saml/${id}/metadata`,
        acsUrl: `http://localhost:3000/api/sso/saml/${id}/acs`,
        metadataUrl: `http://localhost:3000/api/sso/saml/${id}/metadata`,
        nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      },
    });
    // Our SP metadata, public: entity id, ACS (HTTP-POST), signed assertions wanted.
    const sp = await t.app.inject({ method: 'GET', url: `/api/sso/saml/${id}/metadata` });
    expect(sp.statusCode).toBe(200);
    expect(sp.headers['content-type']).toMatch(/^application\/samlmetadata\+xml/);
    expect(sp.body).toContain(`entityID="http://localhost:3000/api/sso/saml/${id}/metadata"`);
    expect(sp.body).toContain('WantAssertionsSigned="true"');
    expect(sp.body).toMatch(
      new RegExp(`AssertionConsumerService[^>]*Location="http://localhost:3000/api/sso/saml/${id}/acs"`),
    );
    expect((await t.app.inject({ method: 'GET', url: `/api/sso/saml/${randomUUID()}/metadata` })).statusCode).toBe(404);

    // One protocol at a time.
    const oidc = await t.call('PUT', `${url}/oidc`, session, {
      issuer: 'https://93.184.215.14',
      clientId: 'x',
      clientSecret: 'y',
    });
    expect(oidc.status).toBe(409);
    expect(oidc.body.error.fields.protocol).toMatch(/^SAML is set up already/);

    await t.callOk('DELETE', `${url}/saml`, session);
    expect((await t.callOk('GET', url, session)).saml).toBeNull();
    const actions = (await t.db.select().from(auditEvent).where(eq(auditEvent.organizationId, org.id))).map((e) => [
      e.action,
      e.targetName,
    ]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['sso.configured', 'SAML 2.0'],
        ['sso.removed', 'SAML 2.0'],
      ]),
    );
    // Admins do not set it up.
    const admin = await addMember(t.db, org, { role: 'admin' });
    const asAdmin = { cookie: await t.sessionFor(admin.user.id) };
    expect((await t.call('PUT', `${url}/saml`, asAdmin, { metadataXml: idp.metadataXml })).status).toBe(403);
  });

  it.each([
    [{}, 'metadataUrl', /^Enter the provider's metadata URL, or paste/],
    [{ metadataUrl: 'idp.example.com' }, 'metadataUrl', /web address/],
    [{ metadataUrl: 'http://127.0.0.1:1/metadata', metadataXml: '<x/>' }, 'metadataXml', /not both/],
    [{ metadataXml: '<md:EntityDescriptor' }, 'metadataXml', /^This is not well-formed XML/],
    [{ metadataXml: '<html><body>Sign in</body></html>' }, 'metadataXml', /^This is not SAML 2.0 metadata/],
    [{ metadataXml: '<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>' }, 'metadataXml', /DOCTYPE/],
    [{ metadataUrl: `http://127.0.0.1:${shutPort}/metadata` }, 'metadataUrl', /connection refused/],
  ])('refuses bad metadata %o with 400 naming %s', async (body, field, message) => {
    const { org, owner } = await createOrg(t.db);
    const session = { cookie: await t.sessionFor(owner.id) };
    for (const path of ['saml/metadata', 'saml']) {
      const res = await t.call(path === 'saml' ? 'PUT' : 'POST', `/api/orgs/${org.id}/sso/${path}`, session, body);
      expect(res.status).toBe(400);
      expect(res.body.error.fields[field]).toMatch(message);
    }
  });

  it('refuses metadata without a signing certificate or a sign-in address it can use, saying which', async () => {
    const { org, owner } = await createOrg(t.db);
    const session = { cookie: await t.sessionFor(owner.id) };
    const noCert = idp.metadataXml.replace(/<md:KeyDescriptor[\s\S]*?<\/md:KeyDescriptor>/, '');
    const artifactOnly = idp.metadataXml.replace(/bindings:HTTP-(POST|Redirect)/g, 'bindings:HTTP-Artifact');
    const url = `/api/orgs/${org.id}/sso/saml/metadata`;
    expect((await t.call('POST', url, session, { metadataXml: noCert })).body.error.fields.metadataXml).toBe(
      'The metadata has no signing certificate (X509Certificate).',
    );
    expect((await t.call('POST', url, session, { metadataXml: artifactOnly })).body.error.fields.metadataXml).toBe(
      'The metadata has no SingleSignOnService with the HTTP-Redirect or HTTP-POST binding.',
    );
  });

  it('refuses a metadata URL on a private address unless the development setting allows it', async () => {
    const strict = await createTestApp();
    const { org, owner } = await createOrg(strict.db);
    const res = await strict.call(
      'POST',
      `/api/orgs/${org.id}/sso/saml/metadata`,
      { cookie: await strict.sessionFor(owner.id) },
      { metadataUrl: idp.metadataUrl },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.fields.metadataUrl).toMatch(/https:\/\//);
  });
});

describe('signing in with SAML', () => {
  it('signs in with a valid signed assertion: the ACS hands over to the browser with the cookie, which joins', async () => {
    const { org, domain } = await organisationWithSaml({ defaultRole: 'admin' });
    const email = `sam@${domain}`;
    const { afterAcs, cookie } = await signInVia(email);
    expect(afterAcs).toBe('/api/sso/saml/finish');
    const done = await finish(cookie);
    expect(done.location).toBe(`/orgs/${org.id}`);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: done.cookie } });
    expect(me.json()).toMatchObject({ user: { email, name: 'Sam Lee' } });
    const [person] = await t.db.select().from(user).where(eq(user.email, email));
    const [joined] = await t.db
      .select()
      .from(membership)
      .where(and(eq(membership.organizationId, org.id), eq(membership.userId, person?.id ?? '')));
    expect(joined?.role).toBe('admin');
    const linked = await t.db
      .select()
      .from(account)
      .where(eq(account.userId, person?.id ?? ''));
    expect(linked.map((a) => a.accountId)).toEqual([email]);
    const actions = (await t.db.select().from(auditEvent).where(eq(auditEvent.organizationId, org.id))).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['sso.joined', 'sso.signed_in']));

    // Collected once: the finish step again finds the attempt used.
    expect((await finish(cookie)).location).toBe('/sso/error?problem=used');
  });

  it('sends the request by HTTP-POST when the provider offers only that, from a page of its own', async () => {
    const { org, owner } = await createOrg(t.db);
    const session = { cookie: await t.sessionFor(owner.id) };
    const url = `/api/orgs/${org.id}/sso`;
    const postOnly = idp.metadataXml.replace(/<md:SingleSignOnService Binding="[^"]*HTTP-Redirect"[^>]*\/>/, '');
    const saved = await t.callOk('PUT', `${url}/saml`, session, { metadataXml: postOnly });
    expect(saved.saml).toMatchObject({ ssoUrl: idp.ssoUrl, ssoBinding: 'post' });
    const domain = newDomain();
    const claimed = await t.callOk('POST', `${url}/domains`, session, { domain });
    dns.set(claimed.txtName, [[claimed.txtValue]]);
    await t.callOk('POST', `${url}/domains/${claimed.id}/verify`, session, {});

    const email = `posted@${domain}`;
    const start = await t.app.inject({ method: 'POST', url: '/api/sso/start', payload: { email } });
    expect(start.json().redirectUrl).toBe('http://localhost:3000/api/sso/saml/send');
    const cookie = cookieHeaderFrom(start.headers['set-cookie']);
    const page = await t.app.inject({ method: 'GET', url: '/api/sso/saml/send', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    const nonce = /script-src 'nonce-([^']+)'/.exec(String(page.headers['content-security-policy']))?.[1];
    expect(page.headers['content-security-policy']).toContain(`form-action ${new URL(idp.ssoUrl).origin}`);
    expect(page.body).toContain(`<script nonce="${nonce}">`);
    expect(page.body).toContain(`<form method="post" action="${idp.ssoUrl}">`);
    const request = idp.readPostedRequest(/name="SAMLRequest" value="([^"]+)"/.exec(page.body)?.[1] ?? '');
    expect(request.acsUrl).toBe(saved.saml.serviceProvider.acsUrl);
    expect(await postToAcs(request, idp.respond(request, { email }))).toBe('/api/sso/saml/finish');
    expect((await finish(cookie)).location).toBe(`/orgs/${org.id}`);
    // Answered: there is nothing more to send, and no page without a sign-in in progress.
    const again = await t.app.inject({ method: 'GET', url: '/api/sso/saml/send', headers: { cookie } });
    expect(again.headers.location).toBe('/sso/error?problem=no_attempt');
    const none = await t.app.inject({ method: 'GET', url: '/api/sso/saml/send' });
    expect(none.headers.location).toBe('/sso/error?problem=no_attempt');
  });

  it('gives the checked identity only to the browser that started the sign-in', async () => {
    const { org, domain } = await organisationWithSaml();
    const { afterAcs } = await signInVia(`victim-free@${domain}`);
    expect(afterAcs).toBe('/api/sso/saml/finish');
    // Another browser (no attempt cookie, or its own unanswered one) cannot collect it.
    expect((await finish('')).location).toBe('/sso/error?problem=no_attempt');
    const other = await toProvider(`other@${domain}`);
    expect((await finish(other.cookie)).location).toBe('/sso/error?problem=saml_request');
    expect(await failures(org.id)).toContainEqual(expect.objectContaining({ problem: 'saml_request' }));
  });

  it.each<[string, string, (domain: string) => Partial<ResponseOptions>]>([
    ['an unsigned assertion', 'saml_signature', () => ({ signed: false })],
    ['an assertion for another audience', 'wrong_audience', () => ({ audience: 'https://other-sp.example/saml' })],
    ['a stale assertion (NotOnOrAfter past)', 'token_expired', () => ({ validForMs: -5 * 60_000 })],
    ['an answer to a request we never sent', 'saml_request', () => ({ inResponseTo: '_never-sent' })],
    ['an unsolicited answer (no InResponseTo)', 'saml_request', () => ({ inResponseTo: null })],
    ['an assertion for another recipient', 'saml_recipient', () => ({ recipient: 'https://evil.example/acs' })],
    ['a response addressed elsewhere', 'saml_recipient', () => ({ destination: 'https://evil.example/acs' })],
    ['an address outside the verified domains', 'email_domain', () => ({ email: 'someone@elsewhere.test' })],
  ])('refuses %s with the page that says why, and records it', async (_what, problem, change) => {
    const { org, domain } = await organisationWithSaml();
    const email = `p-${randomUUID().slice(0, 6)}@${domain}`;
    const { afterAcs, cookie } = await signInVia(email, change(domain));
    const location = afterAcs === '/api/sso/saml/finish' ? (await finish(cookie)).location : afterAcs;
    expect(location, JSON.stringify(await failures(org.id))).toBe(`/sso/error?problem=${problem}`);
    expect(await failures(org.id)).toContainEqual(expect.objectContaining({ problem }));
    expect(await t.db.select().from(user).where(eq(user.email, email))).toHaveLength(0);
  });

  it('refuses an XML signature wrapping: a forged assertion around the signed one', async () => {
    const { org, domain } = await organisationWithSaml();
    const { request, cookie } = await toProvider(`mallory@${domain}`);
    const signed = idp.assertionOf(idp.respond(request, { email: `mallory@${domain}` }));
    const victim = `ceo-${randomUUID().slice(0, 6)}@${domain}`;
    // The forged assertion names the victim and carries the genuine signed assertion inside it (in an Advice),
    // so a signature check that looks for "a valid signature somewhere" would pass.
    const forged = signed
      .replace(/ID="[^"]+"/, 'ID="_evil"')
      .replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '')
      .replace(/mallory@[^<]+/g, victim)
      .replace('<saml:Conditions', `<saml:Advice>${signed}</saml:Advice><saml:Conditions`);
    // And the other classic: the genuine assertion moved aside, the forged one in its place with its signature.
    const signature = /<ds:Signature[\s\S]*<\/ds:Signature>/.exec(signed)?.[0] ?? '';
    const moved = signed
      .replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '')
      .replace(/mallory@[^<]+/g, victim)
      .replace('</saml:Issuer>', `</saml:Issuer>${signature}`)
      .replace(/ID="[^"]+"/, 'ID="_evil2"');
    expect(await postToAcs(request, idp.rewrap(request, forged))).toBe('/sso/error?problem=saml_signature');
    const second = await toProvider(`mallory@${domain}`);
    const wrapped = Buffer.from(
      Buffer.from(idp.rewrap(second.request, moved), 'base64')
        .toString('utf8')
        .replace('</samlp:Status>', `</samlp:Status><samlp:Extensions>${signed}</samlp:Extensions>`),
    ).toString('base64');
    expect(await postToAcs(second.request, wrapped)).toBe('/sso/error?problem=saml_signature');
    expect((await finish(cookie)).location).toBe('/sso/error?problem=used');
    expect(await t.db.select().from(user).where(eq(user.email, victim))).toHaveLength(0);
    expect((await failures(org.id)).filter((f) => f.problem === 'saml_signature')).toHaveLength(2);
  });

  it('refuses a replay: the same response again, and the same signed assertion in a new response', async () => {
    const { org, domain } = await organisationWithSaml();
    const email = `r-${randomUUID().slice(0, 6)}@${domain}`;
    const first = await toProvider(email);
    // This provider leaves InResponseTo out of the signed assertion (allowed), so only the response names it.
    const response = idp.respond(first.request, { email, subjectInResponseTo: false });
    expect(await postToAcs(first.request, response)).toBe('/api/sso/saml/finish');
    expect((await finish(first.cookie)).location).toBe(`/orgs/${org.id}`);
    // The same response posted again: its request was answered already.
    expect(await postToAcs(first.request, response)).toBe('/sso/error?problem=used');
    // The signed assertion lifted into a response for a new sign-in: the assertion's id was used.
    const second = await toProvider(email);
    expect(await postToAcs(second.request, idp.rewrap(second.request, idp.assertionOf(response)))).toBe(
      '/sso/error?problem=replayed',
    );
    expect((await finish(second.cookie)).location).toBe('/sso/error?problem=used');
    expect(await failures(org.id)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ problem: 'used' }),
        expect.objectContaining({ problem: 'replayed' }),
      ]),
    );
    const remembered = await t.db.select().from(ssoSamlAssertion);
    expect(remembered.every((r) => r.expiresAt.getTime() > Date.now())).toBe(true);
  });

  it('refuses a response for a connection that does not exist, and a body that is not a SAML response', async () => {
    const acs = `/api/sso/saml/${randomUUID()}/acs`;
    const bad = await t.app.inject({
      method: 'POST',
      url: acs,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'RelayState=x',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.SAMLResponse).toBe('The provider sent no SAMLResponse.');
    const none = await t.app.inject({
      method: 'POST',
      url: acs,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'SAMLResponse=PHg%2BPC94Pg%3D%3D',
    });
    expect(none.headers.location).toBe('/sso/error?problem=not_configured');
  });
});
