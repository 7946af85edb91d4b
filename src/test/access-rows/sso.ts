import { randomUUID } from 'node:crypto';
import type { Cast } from '../actors.js';
import { publishedTxt, type TestApp } from '../app.js';
import { everyone, orgScoped, type Row } from '../matrix-kit.js';

/*
 * Single sign-on: its set-up is the owners' alone (admins too get 403); signing in with it is for anyone. The
 * issuer is a public https address given as an IP, so saving it asks no DNS; the test issuer is plain http, which
 * the connection test refuses in words without calling it.
 */

const sso = (c: Cast) => `/api/orgs/${c.org.id}/sso`;
const ownersOnly = (ok: number) => ({ ...orgScoped(403), owner: ok });
const oidcBody = { issuer: 'https://93.184.215.14', clientId: 'waymark', clientSecret: 'a-secret' };

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
];
