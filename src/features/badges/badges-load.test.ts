import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { membership, user } from '../../db/schema/index.js';
import { createCast } from '../../test/actors.js';
import { createTestApp, type Json } from '../../test/app.js';
import { warmSigners } from './signing-pool.js';

/*
 * Issue 20's figures: awarding a badge to 1,000 members at once (a cohort completing) in ≤ 30 s without blocking
 * other requests (`/api/me` p99 during it ≤ 2× without it), and verification p95 ≤ 50 ms. A thousand Ed25519
 * signatures over canonicalised RDF take a while on a shared machine, so this runs on demand, like the fuzzing
 * (`BADGES_LOAD=1 npx vitest run --project unit src/features/badges/badges-load.test.ts`), and prints the figures
 * (`BADGES_DEBUG=1` also prints the slowest `/api/me` answers and when they came, from the first).
 */
const RUN = process.env.BADGES_LOAD === '1';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
};

describe.runIf(RUN)('badges under load', async () => {
  // On PGlite in a data directory, as an installation keeps it. The in-process figure still differs from the
  // server's: this process's own garbage collections take 6–9 ms (bench/award-http.ts measures over HTTP).
  const t = await createTestApp({ env: { LOG_LEVEL: process.env.BADGES_LOG ?? 'silent' }, databaseOnDisk: true });
  await warmSigners(); // measured with the signing thread started, as on a server that has awarded before

  /** /api/me latencies, one request after another, until `until` settles. */
  async function meLatencies(cookie: string, until: Promise<unknown>) {
    let done = false;
    void until.finally(() => {
      done = true;
    });
    const times: number[] = [];
    const at: number[] = [];
    let due = performance.now();
    while (!done) {
      // Timed from when the request was due, so a blocked event loop counts as the wait a client would see.
      while (performance.now() < due) await new Promise((resolve) => setTimeout(resolve, 1));
      const res = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
      expect(res.statusCode).toBe(200);
      times.push(performance.now() - due);
      at.push(due);
      // A client's next request comes over the network, 5 ms later (a loop of in-process injects answered from
      // caches would otherwise never let the database's I/O run).
      due = performance.now() + 5;
    }
    if (process.env.BADGES_DEBUG) {
      const t0 = at[0] ?? 0;
      const worst = times.map((ms, i) => [ms, (at[i] ?? 0) - t0]).sort((a, b) => (b[0] as number) - (a[0] as number));
      console.log(
        'slowest',
        JSON.stringify(
          worst.slice(0, 12).map(([ms, when]) => [Math.round((ms as number) * 10) / 10, Math.round(when as number)]),
        ),
      );
    }
    return times;
  }

  it('awards 1,000 members in ≤ 30 s without blocking /api/me, and verifies with p95 ≤ 50 ms', async () => {
    const c = await createCast(t);
    const admin = c.as('admin') as Record<string, string>;
    const achievement = await t.callOk('POST', `/api/orgs/${c.org.id}/achievements`, admin, {
      name: 'Cohort complete',
      description: 'Completed the programme.',
      criteria: 'Every week tried and reflected on.',
    });
    const users = Array.from({ length: Number(process.env.BADGES_N ?? 1000) }, (_, i) => ({
      id: randomUUID(),
      name: `Participant ${i}`,
      email: `participant-${i}-${randomUUID()}@example.test`,
      emailVerified: true,
    }));
    await t.db.insert(user).values(users);
    const members = users.map((u) => ({ id: randomUUID(), organizationId: c.org.id, userId: u.id }));
    await t.db.insert(membership).values(members);
    const meCookie = c.cookies.self as string;

    const before = await meLatencies(meCookie, new Promise((r) => setTimeout(r, 3000)));
    const started = performance.now();
    const award = t.callOk('POST', `/api/achievements/${achievement.id}/awards`, admin, {
      memberIds: members.map((m) => m.id),
      reason: 'Cohort completed',
    });
    const during = await meLatencies(meCookie, award);
    const result = (await award) as Json;
    const awardSeconds = (performance.now() - started) / 1000;
    // The baseline on both sides of the award, as bench/award-http.ts takes it: the machine drifts meanwhile.
    const idle = [...before, ...(await meLatencies(meCookie, new Promise((r) => setTimeout(r, 3000))))];
    expect(result.awards).toHaveLength(members.length);

    const credentials = await Promise.all(
      result.awards.slice(0, 50).map(async (a: Json) => t.callOk('GET', `/api/credentials/${a.id}/download`, {})),
    );
    const verifyTimes: number[] = [];
    for (let i = 0; i < 200; i++) {
      const credential = credentials[i % credentials.length];
      const start = performance.now();
      const res = await t.callOk('POST', '/api/credentials/verify', {}, { credential });
      verifyTimes.push(performance.now() - start);
      expect(res.status).toBe('valid');
    }
    const figures = {
      database: t.database.kind,
      awardSeconds: Number(awardSeconds.toFixed(1)),
      meP99IdleMs: Number(percentile(idle, 99).toFixed(1)),
      meP99DuringMs: Number(percentile(during, 99).toFixed(1)),
      meRequestsDuring: during.length,
      verifyP50Ms: Number(percentile(verifyTimes, 50).toFixed(1)),
      verifyP95Ms: Number(percentile(verifyTimes, 95).toFixed(1)),
    };
    console.log('badges figures', JSON.stringify(figures));
    expect(figures.awardSeconds).toBeLessThanOrEqual(30);
    expect(figures.verifyP95Ms).toBeLessThanOrEqual(50);
    expect(figures.meP99DuringMs).toBeLessThanOrEqual(2 * Math.max(figures.meP99IdleMs, 1));
  }, 120_000);
});
