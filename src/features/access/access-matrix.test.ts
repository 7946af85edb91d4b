import { describe, expect, it } from 'vitest';
import { actorKinds, createCast } from '../../test/actors.js';
import { createTestApp } from '../../test/app.js';
import { routeRows as rows } from '../../test/route-rows.js';

/*
 * The access matrix: every route, tried as every kind of person, must answer exactly the status in
 * its row. Each cell runs on a fresh cast, so a request that changes something (a removal, a sign-out)
 * cannot influence another cell. A new route without a row fails the coverage test at the end.
 * Each feature's rows are in src/test/access-rows/<feature>.ts (the core routes' in core.ts): test support
 * lives with the tests, so production folders hold no test-only code.
 */

const t = await createTestApp({ mailer: 'outbox' });

describe('access matrix', () => {
  for (const row of rows) {
    describe(row.route, () => {
      it.each(actorKinds.map((kind) => [kind, row.expect[kind]] as const))('as %s answers %i', async (kind, status) => {
        const cast = await createCast(t);
        const req = await row.request(cast, t);
        const res = await t.app.inject({ ...req, headers: { ...req.headers, ...cast.as(kind) } });
        expect(res.statusCode, res.body).toBe(status);
        // SCIM routes answer in SCIM's own error shape (RFC 7644 §3.12): its status as a string.
        if (status >= 400) expect(res.json().error?.code ?? res.json().status).toEqual(expect.any(String));
      });
    });
  }

  it('has a row for every route the app serves', () => {
    const served = new Set<string>();
    // Every documented route, plus the OpenAPI document itself (hidden from its own listing).
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        served.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
      }
    }
    served.add('GET /api/openapi.json');
    const covered = new Set(rows.map((r) => r.route));
    const missing = [...served].filter((r) => r.startsWith('GET /api/docs') === false && !covered.has(r));
    expect(missing).toEqual([]);
  });
});
