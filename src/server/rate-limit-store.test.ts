import { randomBytes } from 'node:crypto';
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import { like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rateLimitCounter } from '../db/schema/index.js';
import { createTestApp } from '../test/app.js';
import { createUser } from '../test/factories.js';
import { databaseRateLimitStore, removeEndedRateLimitWindows } from './rate-limit-store.js';

// Low limits: every refused sign-in costs a password hash.
const env = { SIGN_IN_RATE_LIMIT: '3', SIGN_IN_IP_RATE_LIMIT: '5' };
const first = await createTestApp({ env });
// A second instance of the same deployment: same database, same counters.
const second = await createTestApp({ env, instanceOf: first });
// Another deployment's app on the same database (as other test files are): counters of its own.
const other = await createTestApp({
  env,
  instanceOf: { database: first.database, rateLimitNamespace: `elsewhere-${randomBytes(4).toString('hex')}` },
});

function signInAttempt(on: typeof first, email: string, ip: string) {
  return on.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    remoteAddress: ip,
    payload: { email, password: 'wrong-password' },
  });
}

/** A limit of its own (as a route's child store), with a fresh namespace so runs never meet. */
function freshLimit(): FastifyRateLimitStore {
  const Store = databaseRateLimitStore(first.db, `store-test-${randomBytes(4).toString('hex')}`);
  return new Store({}).child({ routeInfo: { method: 'POST', url: '/api/limited' } } as never);
}

function hit(store: FastifyRateLimitStore, key: string, windowMs: number) {
  return new Promise<{ current: number; ttl: number }>((resolve, reject) =>
    store.incr(
      key,
      (err, result) => (err ? reject(err) : resolve(result as { current: number; ttl: number })),
      windowMs,
      10,
    ),
  );
}

describe('rate limits shared by instances', () => {
  it('counts sign-in attempts on two instances against one limit', async () => {
    const u = await createUser(first.db);
    const statuses: number[] = [];
    // Alternating instances, as a load balancer without sticky sessions sends them.
    for (let i = 0; i < 4; i++)
      statuses.push((await signInAttempt(i % 2 ? second : first, u.email, '10.9.0.1')).statusCode);
    expect(statuses).toEqual([400, 400, 400, 429]);
    const onFirst = await signInAttempt(first, u.email, '10.9.0.1');
    expect(onFirst.statusCode).toBe(429);
    expect(onFirst.json().error.code).toBe('rate_limited');
    expect(Number(onFirst.headers['retry-after'])).toBeGreaterThan(0);

    // Another namespace on the same database (another test file's app) has not been counted.
    expect((await signInAttempt(other, u.email, '10.9.0.1')).statusCode).toBe(400);
  });

  it('counts the per-IP limit across instances too, apart from the per-address one', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await signInAttempt(i % 2 ? second : first, `spray-${i}@example.test`, '10.9.0.2')).statusCode);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
  });

  it('counts hits arriving at once exactly once each', async () => {
    const store = freshLimit();
    const results = await Promise.all(Array.from({ length: 20 }, () => hit(store, '10.9.0.3', 60_000)));
    expect(results.map((r) => r.current).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('keeps one window until its reset time, then starts a new one', async () => {
    const store = freshLimit();
    const opened = await hit(store, '10.9.0.4', 1_000);
    expect(opened.current).toBe(1);
    expect(opened.ttl).toBeGreaterThan(500);
    expect(opened.ttl).toBeLessThanOrEqual(1_000);
    const again = await hit(store, '10.9.0.4', 1_000);
    expect(again.current).toBe(2);
    expect(again.ttl).toBeLessThanOrEqual(opened.ttl);
    expect((await hit(store, '10.9.0.5', 1_000)).current).toBe(1);

    await new Promise((r) => setTimeout(r, 1_100));
    const renewed = await hit(store, '10.9.0.4', 1_000);
    expect(renewed.current).toBe(1);
    expect(renewed.ttl).toBeGreaterThan(500);
  });

  it('removes counters whose window has ended, and only those', async () => {
    const namespace = `sweep-${randomBytes(4).toString('hex')}`;
    const Store = databaseRateLimitStore(first.db, namespace);
    const store = new Store({}).child({ routeInfo: { method: 'POST', url: '/api/limited' } } as never);
    await hit(store, 'ended', 100);
    await hit(store, 'running', 60_000);
    await new Promise((r) => setTimeout(r, 150));
    expect(await removeEndedRateLimitWindows(first.db)).toBeGreaterThanOrEqual(1);
    const left = await first.db
      .select({ key: rateLimitCounter.key })
      .from(rateLimitCounter)
      .where(like(rateLimitCounter.key, `${namespace}:%`));
    expect(left.map((r) => r.key)).toEqual([`${namespace}:POST /api/limited|running`]);
  });
});
