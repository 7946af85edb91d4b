import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { membership, scimUser, user } from '../../db/schema/index.js';
import { rowsOf } from '../../db/sql-helpers.js';
import { createTestApp } from '../../test/app.js';
import { createOrg } from '../../test/factories.js';

/*
 * Issue 21's figure: SCIM PATCH of a user and GET /Users?filter=userName eq … at 25 requests a second (what
 * Entra ID's gallery asks for) with p99 ≤ 50 ms, in an organisation of 50,000 members. Requests are sent on a
 * fixed schedule whether or not earlier ones have answered (an open loop, as a directory's sync sends them), and
 * each is timed from when it was due. Setting up 50,000 people takes a while, so this runs on demand:
 * `SCIM_LOAD=1 npx vitest run --project unit src/features/scim/scim-load.test.ts` (SCIM_N, SCIM_SECONDS to vary).
 */
const RUN = process.env.SCIM_LOAD === '1';
const MEMBERS = Number(process.env.SCIM_N ?? 50_000);
const SECONDS = Number(process.env.SCIM_SECONDS ?? 30);
const RATE = 25;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
};
const round = (ms: number) => Number(ms.toFixed(1));

describe.runIf(RUN)('SCIM under load', async () => {
  const t = await createTestApp({ env: { LOG_LEVEL: process.env.SCIM_LOG ?? 'silent' } });

  it(`PATCH and filter by userName at ${RATE}/s in an organisation of ${MEMBERS} members: p99 ≤ 50 ms`, async () => {
    const { org, owner } = await createOrg(t.db);
    const cookie = await t.sessionFor(owner.id);
    const made = await t.callOk('POST', `/api/orgs/${org.id}/scim/tokens`, { cookie }, { name: 'load' });
    const headers = { authorization: `Bearer ${made.secret}`, 'content-type': 'application/scim+json' };

    const setUpStarted = performance.now();
    const ids: string[] = [];
    const names: string[] = [];
    for (let start = 0; start < MEMBERS; start += 2_000) {
      const batch = Array.from({ length: Math.min(2_000, MEMBERS - start) }, (_, k) => {
        const i = start + k;
        const email = `person-${i}-${randomUUID().slice(0, 8)}@contoso.test`;
        return { userId: randomUUID(), memberId: randomUUID(), scimId: randomUUID(), email, i };
      });
      await t.db.insert(user).values(batch.map((b) => ({ id: b.userId, name: `Person ${b.i}`, email: b.email })));
      await t.db
        .insert(membership)
        .values(batch.map((b) => ({ id: b.memberId, organizationId: org.id, userId: b.userId })));
      await t.db.insert(scimUser).values(
        batch.map((b) => ({
          id: b.scimId,
          organizationId: org.id,
          membershipId: b.memberId,
          userName: b.email,
          externalId: `ext-${b.i}`,
          data: {
            displayName: `Person ${b.i}`,
            name: { givenName: 'Person', familyName: String(b.i) },
            emails: [{ type: 'work', primary: true, value: b.email }],
          },
        })),
      );
      ids.push(...batch.map((b) => b.scimId));
      names.push(...batch.map((b) => b.email));
    }
    // As autovacuum would after a bulk load: the planner knows the tables' sizes.
    for (const table of ['scim_user', 'membership', '"user"']) await t.db.execute(sql.raw(`analyze ${table}`));
    const setUpSeconds = (performance.now() - setUpStarted) / 1000;
    const plan = await t.db.execute(
      sql`explain select * from scim_user where organization_id = ${org.id} and lower(user_name) = ${names[0]}`,
    );

    const patchOf = (pick: number, n: number) => ({
      method: 'PATCH' as const,
      url: `/scim/v2/Users/${ids[pick]}`,
      headers,
      payload: JSON.stringify({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [
          { op: 'Replace', path: 'displayName', value: `Person ${pick} (${n})` },
          { op: 'Replace', path: 'title', value: `Role ${n % 7}` },
        ],
      }),
    });
    const filterOf = (pick: number) => ({
      method: 'GET' as const,
      url: `/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${names[pick]}"`)}`,
      headers,
    });
    // What one request costs alone (one after another): the floor under the figures at 25/s.
    const alone = { patch: [] as number[], filter: [] as number[] };
    for (let n = 0; n < 40; n++) {
      const pick = Math.floor(Math.random() * MEMBERS);
      let start = performance.now();
      await t.app.inject(patchOf(pick, n));
      alone.patch.push(performance.now() - start);
      start = performance.now();
      await t.app.inject(filterOf(pick));
      alone.filter.push(performance.now() - start);
    }

    const patches: number[] = [];
    const filters: number[] = [];
    const failures: string[] = [];
    const pending: Promise<void>[] = [];
    const total = RATE * SECONDS;
    const began = performance.now();
    for (let n = 0; n < total; n++) {
      const due = began + (n * 1000) / RATE;
      while (performance.now() < due) await new Promise((resolve) => setTimeout(resolve, 1));
      const pick = Math.floor(Math.random() * MEMBERS);
      const isPatch = n % 2 === 0;
      pending.push(
        (async () => {
          const res = await t.app.inject(isPatch ? patchOf(pick, n) : filterOf(pick));
          (isPatch ? patches : filters).push(performance.now() - due);
          const ok = isPatch ? res.statusCode === 204 : res.statusCode === 200 && res.json().totalResults === 1;
          if (!ok) failures.push(`${res.statusCode} ${res.body.slice(0, 200)}`);
        })(),
      );
    }
    await Promise.all(pending);
    const figures = {
      database: t.database.kind,
      members: MEMBERS,
      setUpSeconds: Number(setUpSeconds.toFixed(1)),
      ratePerSecond: RATE,
      seconds: SECONDS,
      filterPlan: rowsOf<Record<string, string>>(plan)[0]?.['QUERY PLAN'],
      loadAverage: os.loadavg()[0],
      aloneP50: { patch: round(percentile(alone.patch, 50)), filter: round(percentile(alone.filter, 50)) },
      patch: { n: patches.length, p50: round(percentile(patches, 50)), p99: round(percentile(patches, 99)) },
      filter: { n: filters.length, p50: round(percentile(filters, 50)), p99: round(percentile(filters, 99)) },
    };
    console.log('scim load figures', JSON.stringify(figures));
    expect(failures.slice(0, 5)).toEqual([]);
    expect(figures.patch.p99).toBeLessThanOrEqual(50);
    expect(figures.filter.p99).toBeLessThanOrEqual(50);
  }, 900_000);
});
