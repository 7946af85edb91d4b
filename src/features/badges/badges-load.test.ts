import { performance } from 'node:perf_hooks';
import { describe, expect, inject, it } from 'vitest';
import { measureAward } from '../../../bench/award-http.js';
import { createCast } from '../../test/actors.js';
import { createTestApp, type Json } from '../../test/app.js';
import { addMember } from '../../test/factories.js';
import { warmSigners } from './signing-pool.js';

/*
 * Issue 20's figures: awarding a badge to 1,000 members at once (a cohort completing) in ≤ 30 s without blocking
 * other requests (`/api/me` p99 during it ≤ 2× without it), and verification p95 ≤ 50 ms. A thousand Ed25519
 * signatures over canonicalised RDF take a while on a shared machine, so this runs on demand, like the fuzzing
 * (`BADGES_LOAD=1 [TEST_DATABASE_URL=…] npx vitest run --project unit src/features/badges/badges-load.test.ts`).
 *
 * The award is measured against the compiled server in a process of its own, with the client in this one
 * (bench/award-http.ts), as a browser meets it: measured in this process, the server shared the test harness's
 * heap, and the figure was the harness's garbage collections (6–9 ms each, 2–3 ms in the server).
 */
const RUN = process.env.BADGES_LOAD === '1';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
};

describe.runIf(RUN)('badges under load', async () => {
  const kind = inject('testDatabaseUrl') ? 'postgres' : 'pglite';

  it('awards 1,000 members in ≤ 30 s without holding up /api/me or the database', async () => {
    const [me] = await measureAward(kind, 1);
    const [database] = await measureAward(kind, 1, '/api/notifications');
    console.log('badges figures', JSON.stringify({ me, database }));
    for (const figures of [me, database]) {
      expect(figures?.awarded).toBe(998);
      expect(figures?.awardSeconds).toBeLessThanOrEqual(30);
      expect(figures?.meP99DuringMs).toBeLessThanOrEqual(2 * Math.max(figures?.meP99IdleMs ?? 0, 1));
    }
  }, 300_000);

  it('verifies with p95 ≤ 50 ms', async () => {
    const t = await createTestApp({ env: { LOG_LEVEL: 'silent' }, databaseOnDisk: true });
    await warmSigners();
    const c = await createCast(t);
    const admin = c.as('admin') as Record<string, string>;
    const achievement = await t.callOk('POST', `/api/orgs/${c.org.id}/achievements`, admin, {
      name: 'Cohort complete',
      description: 'Completed the programme.',
      criteria: 'Every week tried and reflected on.',
    });
    // Fifty different credentials, as verifiers bring them.
    const members = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => (await addMember(t.db, c.org, { name: `Participant ${i}` })).id),
    );
    const result = await t.callOk('POST', `/api/achievements/${achievement.id}/awards`, admin, {
      memberIds: members,
      reason: 'Cohort completed',
    });
    const credentials = await Promise.all(
      result.awards.map(async (a: Json) => t.callOk('GET', `/api/credentials/${a.id}/download`, {})),
    );
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const credential = credentials[i % credentials.length];
      const start = performance.now();
      const res = await t.callOk('POST', '/api/credentials/verify', {}, { credential });
      times.push(performance.now() - start);
      expect(res.status).toBe('valid');
    }
    const figures = { p50: percentile(times, 50).toFixed(1), p95: percentile(times, 95).toFixed(1) };
    console.log('verify figures', t.database.kind, JSON.stringify(figures));
    expect(Number(figures.p95)).toBeLessThanOrEqual(50);
  }, 120_000);
});
