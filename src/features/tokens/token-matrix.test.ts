import { describe, expect, it } from 'vitest';
import { createCast } from '../../test/actors.js';
import { createTestApp } from '../../test/app.js';
import { routeRows } from '../../test/route-rows.js';
import { ORGANISATION_SCOPES, PERSONAL_SCOPES, ROUTE_SCOPES } from './token-scopes.js';

/*
 * The access matrix again, with tokens: every route a token may use, tried with a token of the person whose
 * session the matrix expects to succeed (the learner `self` for personal scopes, the L&D admin for an
 * organisation's), once with the route's scope (the same answer as their session) and once without it (403
 * naming the scope). Routes no scope opens are refused to tokens (tokens.test.ts).
 */

const t = await createTestApp({ mailer: 'outbox' });
const isOrganisationScope = (scope: string) => scope in ORGANISATION_SCOPES;

async function tokenFor(headers: Record<string, string | undefined>, url: string, scopes: string[]) {
  const res = await t.app.inject({
    method: 'POST',
    url,
    headers,
    payload: { name: 'matrix', scopes, expiresInDays: 1 },
  });
  if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return { authorization: `Bearer ${(res.json() as { secret: string }).secret}` };
}

describe('the access matrix with API tokens', () => {
  const rows = routeRows.filter((r) => ROUTE_SCOPES[r.route]);

  it('covers every route a scope opens', () => {
    expect(rows.map((r) => r.route).sort()).toEqual(Object.keys(ROUTE_SCOPES).sort());
  });

  for (const row of rows) {
    const scope = ROUTE_SCOPES[row.route] as string;
    const organisation = isOrganisationScope(scope);
    const kind = organisation ? 'admin' : 'self';
    const family = Object.keys(organisation ? ORGANISATION_SCOPES : PERSONAL_SCOPES);
    const other = family.filter((s) => s !== scope);

    it(`${row.route}: a token with ${scope} answers as its maker's session (${row.expect[kind]})`, async () => {
      const cast = await createCast(t);
      const url = organisation ? `/api/orgs/${cast.org.id}/tokens` : '/api/me/tokens';
      const auth = await tokenFor(cast.as(kind), url, [scope]);
      const req = await row.request(cast, t);
      const res = await t.app.inject({ ...req, headers: { ...req.headers, ...auth } });
      expect(res.statusCode, res.body).toBe(row.expect[kind]);
    });

    it(`${row.route}: a token without ${scope} is refused with 403 naming it`, async () => {
      const cast = await createCast(t);
      const url = organisation ? `/api/orgs/${cast.org.id}/tokens` : '/api/me/tokens';
      const auth = await tokenFor(cast.as(kind), url, other);
      const req = await row.request(cast, t);
      const res = await t.app.inject({ ...req, headers: { ...req.headers, ...auth } });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.message).toContain(scope);
    });
  }
});
