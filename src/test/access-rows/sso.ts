import { randomUUID } from 'node:crypto';
import type { Cast } from '../actors.js';
import { publishedTxt, type TestApp } from '../app.js';
import { everyone, orgScoped, type Row } from '../matrix-kit.js';
import { testIdpMetadata } from '../saml-idp.js';

/*
 * Single sign-on: its set-up is the owners' alone (admins too get 403); signing in with it is for anyone. The
 * issuer is a public https address given as an IP, so saving it asks no DNS; the test issuer is plain http, which
 * the connection test refuses in words without calling it.
 */

const sso = (c: Cast) => `/api/orgs/${c.org.id}/sso`;
const ownersOnly = (ok: number) => ({ ...orgScoped(403), owner: ok });
const oidcBody = { issuer: 'https://93.184.215.14', clientId: 'waymark', clientSecret: 'a-secret' };

/** A SAML connection set up by the owner: its id (for the public SP routes). */
async function samlConnection(c: Cast, t: TestApp) {
  const res = await t.app.inject({
    method: 'PUT',
    url: `${sso(c)}/saml`,
    headers: c.as('owner'),
    payload: { metadataXml: testIdpMetadata() },
  });
  return (res.json().saml.serviceProvider.entityId as string).split('/').at(-2);
}

async function claimedDomain(c: Cast, t: TestApp, published = false) {
  const res = await t.app.inject({
    method: 'POST',
    url: `${sso(c)}/domains`,
    headers: c.as('owner'),
    payload: { domain: `org-${randomUUID().slice(0, 8)}.test` },
  });
  const domain = res.json() as { id: string; txtName: string; txtValue: string };
  if (published) publishedTxt.set(domain.txtName, [[domain.txtValue]]);
  return `${sso(c)}/domains/${domain.id}`;
}

export const rows: Row[] = [
  { route: 'GET /api/orgs/:orgId/sso', request: (c) => ({ method: 'GET', url: sso(c) }), expect: ownersOnly(200) },
  {
    route: 'PUT /api/orgs/:orgId/sso/oidc',
    request: (c) => ({ method: 'PUT', url: `${sso(c)}/oidc`, payload: oidcBody }),
    expect: ownersOnly(200),
  },
  {
    route: 'DELETE /api/orgs/:orgId/sso/oidc',
    request: async (c, t) => {
      await t.app.inject({ method: 'PUT', url: `${sso(c)}/oidc`, headers: c.as('owner'), payload: oidcBody });
      return { method: 'DELETE', url: `${sso(c)}/oidc` };
    },
    expect: ownersOnly(204),
  },
  {
    route: 'POST /api/orgs/:orgId/sso/oidc/test',
    request: (c) => ({ method: 'POST', url: `${sso(c)}/oidc/test`, payload: { issuer: 'http://127.0.0.1:1' } }),
    expect: ownersOnly(200),
  },
  {
    route: 'POST /api/orgs/:orgId/sso/domains',
    request: (c) => ({
      method: 'POST',
      url: `${sso(c)}/domains`,
      payload: { domain: `org-${randomUUID().slice(0, 8)}.test` },
    }),
    expect: ownersOnly(201),
  },
  {
    route: 'POST /api/orgs/:orgId/sso/domains/:domainId/verify',
    request: async (c, t) => ({ method: 'POST', url: `${await claimedDomain(c, t, true)}/verify`, payload: {} }),
    expect: ownersOnly(200),
  },
  {
    route: 'POST /api/orgs/:orgId/sso/domains/:domainId/mail',
    request: async (c, t) => ({ method: 'POST', url: `${await claimedDomain(c, t)}/mail`, payload: {} }),
    expect: ownersOnly(202),
  },
  {
    route: 'DELETE /api/orgs/:orgId/sso/domains/:domainId',
    request: async (c, t) => ({ method: 'DELETE', url: await claimedDomain(c, t) }),
    expect: ownersOnly(204),
  },
  {
    route: 'POST /api/sso/start',
    request: () => ({ method: 'POST', url: '/api/sso/start', payload: { email: `someone@${randomUUID()}.test` } }),
    expect: everyone(400),
  },
  {
    route: 'GET /api/sso/oidc/callback',
    request: () => ({ method: 'GET', url: '/api/sso/oidc/callback?code=abc&state=def' }),
    expect: everyone(303),
  },
  {
    route: 'PUT /api/orgs/:orgId/sso/saml',
    request: (c) => ({ method: 'PUT', url: `${sso(c)}/saml`, payload: { metadataXml: testIdpMetadata() } }),
    expect: ownersOnly(200),
  },
  {
    route: 'DELETE /api/orgs/:orgId/sso/saml',
    request: async (c, t) => {
      await samlConnection(c, t);
      return { method: 'DELETE', url: `${sso(c)}/saml` };
    },
    expect: ownersOnly(204),
  },
  {
    route: 'POST /api/orgs/:orgId/sso/saml/metadata',
    request: (c) => ({ method: 'POST', url: `${sso(c)}/saml/metadata`, payload: { metadataXml: testIdpMetadata() } }),
    expect: ownersOnly(200),
  },
  {
    route: 'GET /api/sso/saml/:connectionId/metadata',
    request: async (c, t) => ({ method: 'GET', url: `/api/sso/saml/${await samlConnection(c, t)}/metadata` }),
    expect: everyone(200),
  },
  {
    // Anyone may post a response; one answering no sign-in of ours ends on the error page.
    route: 'POST /api/sso/saml/:connectionId/acs',
    request: async (c, t) => ({
      method: 'POST',
      url: `/api/sso/saml/${await samlConnection(c, t)}/acs`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: Buffer.from('SAMLResponse=PHg%2BPC94Pg%3D%3D'),
    }),
    expect: everyone(303),
  },
  {
    // Without a sign-in in progress in this browser there is nothing to post: the error page.
    route: 'GET /api/sso/saml/send',
    request: () => ({ method: 'GET', url: '/api/sso/saml/send' }),
    expect: everyone(303),
  },
  {
    route: 'GET /api/sso/saml/finish',
    request: () => ({ method: 'GET', url: '/api/sso/saml/finish' }),
    expect: everyone(303),
  },
];
