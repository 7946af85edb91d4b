import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newTally, prepareLearner, type Tally, workOneRound } from '../test/balancer-work.js';
import { inParallel } from '../test/in-parallel.js';
import { newClientAddress } from '../test/instance-client.js';
import { type Instance, type Instances, startInstances } from '../test/instances.js';
import { type Figures, figuresOf, measurePropagation, type Trial } from '../test/propagation.js';
import { refusalTrials } from '../test/refusal-trials.js';
import { localDatePlus, zoneInDeliveryHours } from '../test/reminder-clock.js';
import { reminderScans } from '../test/reminder-scans.js';
import { visibleTrials } from '../test/visible-trials.js';
import { CHANGES_APPLICATION_NAME as CHANGE_LISTENER_NAME } from './change-feed.js';

/*
 * Many instances, one truth (issue 16). Three real Waymark processes on one PostgreSQL database behind
 * HAProxy (deploy/haproxy.cfg, src/test/instances.ts). A write answered by one instance must be refused or
 * shown by the others at once: the change feed tells every instance's caches over LISTEN/NOTIFY, and what
 * must agree (rate limits, files, the session secret) lives in the database. Figures are printed; the
 * budgets are asserted: refusals within 100 ms at p99 and 1 s at most (also while an instance's listening
 * connection is killed), new content by the next request (100 ms at p99).
 */

const runUrl = inject('testDatabaseUrl');
const TRIALS = 200;
/** Trials per kind with the listening connection of one instance killed just before the write. */
const KILLED_TRIALS = 20;
const SIGN_IN_RATE_LIMIT = 10;

/** One line of figures, with the machine's load: a 2-core machine shared with other work answers slower. */
const report = (what: string, figures: object) =>
  console.log(`Instances, ${what}: ${JSON.stringify({ ...figures, load: Number((os.loadavg()[0] ?? 0).toFixed(1)) })}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/*
 * The budget: p99 ≤ 100 ms after the write's answer. In CI (2 cores, other test files beside this one)
 * every kind measured p99 9–35 ms, max 45 ms, once writes stopped serialising on NOTIFY and answers waited for
 * their echo (decision 2026-12-05-read-your-writes).
 */
const P99_LIMIT_MS = 100;

function expectRefusedAtOnce(figures: Figures) {
  expect(figures.trials).toBe(TRIALS);
  expect(figures.p99).toBeLessThanOrEqual(P99_LIMIT_MS);
  expect(figures.max).toBeLessThanOrEqual(1_000);
}

describe.runIf(runUrl)(
  'Three instances behind HAProxy on one database (PostgreSQL only: PGlite is one process’s own data directory, which a second process may not open)',
  () => {
    let x: Instances;
    let showing: ReturnType<typeof visibleTrials>;

    beforeAll(async () => {
      const startedAt = Date.now();
      x = await startInstances(runUrl as string);
      showing = visibleTrials(x);
      report('start (ms)', { instancesAndBalancer: Date.now() - startedAt });
    }, 180_000);
    afterAll(async () => {
      await x?.close();
    });

    /** Runs the trials of one kind, prints its figures and answers them; fails with the servers' output if one died. */
    async function measure(what: string, options: Omit<Parameters<typeof measurePropagation>[0], 'instances'>) {
      const figures = await measurePropagation({ instances: x.instances, ...options }).catch((err: Error) => {
        throw new Error(`${err.message}\n${x.output()}`);
      });
      report(what, figures);
      return figures;
    }

    describe('refused on every other instance within 100 ms', () => {
      let refusals: Record<'revokedShare' | 'removedMember' | 'demotedAdmin' | 'signedOut', (i: number) => Trial>;
      beforeAll(async () => {
        const startedAt = Date.now();
        const count = TRIALS + KILLED_TRIALS;
        const timed = async <T>(work: Promise<T>) => ({ value: await work, ms: Date.now() - startedAt });
        const refusing = refusalTrials(x);
        const [shares, staff, sessions] = await Promise.all([
          timed(refusing.revokedShares(count)),
          timed(refusing.organisationsWithStaff(count)),
          timed(refusing.signedOutSessions(count)),
        ]);
        refusals = { revokedShare: shares.value, ...staff.value, signedOut: sessions.value };
        report('set-up of the refusals (ms)', {
          trials: count,
          shares: shares.ms,
          organisations: staff.ms,
          sessions: sessions.ms,
        });
      }, 300_000);

      it('a revoked share: the colleague can no longer read the plan', { timeout: 120_000 }, async () => {
        expectRefusedAtOnce(await measure('revoked share refused', { count: TRIALS, trial: refusals.revokedShare }));
      });

      it('a removed member: they can no longer read the organisation', { timeout: 120_000 }, async () => {
        expectRefusedAtOnce(await measure('removed member refused', { count: TRIALS, trial: refusals.removedMember }));
      });

      it('a demoted admin: the admin-only invitations page answers 403', { timeout: 120_000 }, async () => {
        expectRefusedAtOnce(await measure('demoted admin refused', { count: TRIALS, trial: refusals.demotedAdmin }));
      });

      it('a signed-out session: every signed-in route answers 401', { timeout: 120_000 }, async () => {
        expectRefusedAtOnce(await measure('signed-out session refused', { count: TRIALS, trial: refusals.signedOut }));
      });

      it(`within 1 s while the listening connection (${CHANGE_LISTENER_NAME}) of one instance is killed before each write`, {
        timeout: 180_000,
      }, async () => {
        const victim = () => x.instances[2] as Instance;
        let killedAt = 0;
        const backAfter: number[] = [];
        let killed = 0;
        const killListener = async () => {
          // Waits for the listener to be back from the previous kill: it reconnects by itself.
          const deadline = Date.now() + 5_000;
          while ((await x.changeListenerPids(victim())).length === 0) {
            if (Date.now() > deadline) {
              throw new Error(
                `${victim().name} has no connection named '${CHANGE_LISTENER_NAME}' in pg_stat_activity` +
                  (killedAt ? ' 5 s after the last was killed' : ': no change feed listens for other instances'),
              );
            }
            await sleep(5);
          }
          if (killedAt) backAfter.push(Date.now() - killedAt);
          killed += await x.killChangeListener(victim());
          killedAt = Date.now();
        };
        const results: Record<string, Figures> = {};
        for (const [kind, trial] of Object.entries(refusals)) {
          results[kind] = await measure(`${kind} refused with ${victim().name}'s listener killed`, {
            count: KILLED_TRIALS,
            trial: (i) => trial(TRIALS + i),
            // The victim only reads: its cache must not keep what it missed while it did not listen.
            writerOf: (i) => i % 2,
            beforeWrite: killListener,
          });
        }
        const back = figuresOf(backAfter, 0, 0);
        report('listener back after a kill (ms)', { kills: back.trials, p50: back.p50, p99: back.p99, max: back.max });
        expect(killed).toBe(4 * KILLED_TRIALS);
        for (const figures of Object.values(results)) {
          expect(figures.trials).toBe(KILLED_TRIALS);
          expect(figures.max).toBeLessThanOrEqual(1_000);
        }
      });
    });

    describe('a member suspended by the directory (SCIM active: false)', () => {
      let suspended: (i: number) => Trial;
      beforeAll(async () => {
        suspended = await refusalTrials(x).suspendedByDirectory(TRIALS);
      }, 300_000);

      it('is refused the organisation on every other instance within 100 ms', { timeout: 120_000 }, async () => {
        expectRefusedAtOnce(await measure('member suspended by SCIM refused', { count: TRIALS, trial: suspended }));
      });
    });

    describe('shown on every other instance by the next request', () => {
      let work: Awaited<ReturnType<ReturnType<typeof visibleTrials>['learnerAtWork']>>;
      let programme: Awaited<ReturnType<ReturnType<typeof visibleTrials>['programmeAtWork']>>;
      beforeAll(async () => {
        [work, programme] = await Promise.all([showing.learnerAtWork(), showing.programmeAtWork()]);
      }, 60_000);

      for (const [kind, label] of [
        ['autosave', 'a plan autosave (PATCH of a goal), then the plan'],
        ['capture', 'a log capture, then the log'],
        ['post', 'a post, then a colleague’s feed'],
      ] as const) {
        it(label, { timeout: 120_000 }, async () => {
          const figures = await measure(`${kind} shown`, { count: TRIALS, trial: (i) => work[kind](i) });
          expect(figures.trials).toBe(TRIALS);
          expect(figures.p99).toBeLessThanOrEqual(P99_LIMIT_MS);
          // The learner reads their own autosave and capture with the write's mark: never stale
          // (server/own-writes.ts). The colleague's feed relies on the write's answer having waited for its
          // NOTIFY to come back, which reaches every instance at once: measured 0 of 200 stale; a busy moment
          // may let one read in before the notification is taken from the socket.
          expect(figures.staleNextReads).toBeLessThanOrEqual(kind === 'post' ? 2 : 0);
        });
      }

      for (const [kind, label] of [
        ['tried', 'a programme thing marked tried, then the participant’s "this week"'],
        ['edit', 'an organiser’s edit of a thing, then a participant’s "this week"'],
      ] as const) {
        it(label, { timeout: 120_000 }, async () => {
          const figures = await measure(`${kind} shown`, { count: TRIALS, trial: (i) => programme[kind](i) });
          expect(figures.trials).toBe(TRIALS);
          expect(figures.p99).toBeLessThanOrEqual(P99_LIMIT_MS);
          // As for the feed: the participant's own marks carry their write's mark; the organiser's edit relies
          // on its answer having waited for its NOTIFY (measured with two other test runs on the machine, load
          // 7: 4 of 200 first reads stale, every one shown within p99 68 ms).
          expect(figures.staleNextReads).toBeLessThanOrEqual(kind === 'edit' ? 6 : 0);
        });
      }
    });

    it('e-mails a due reminder exactly once with three instances running jobs', { timeout: 90_000 }, async () => {
      const [a, b] = x.instances as [Instance, Instance];
      const learner = await x.client.signUp(a.url, 'Reminded Learner');
      const cookie = learner.cookie;
      const orgId = await showing.createOrg(learner, 'Reminder Organisation');
      const timeZone = zoneInDeliveryHours(new Date());
      await x.client.must(b.url, 'PATCH', '/api/settings', { cookie, json: { timeZone } });
      const plan = await x.client.must(
        a.url,
        'POST',
        '/api/plans',
        { cookie, json: { organizationId: orgId, cycle: '2027', title: 'Reminded plan' } },
        201,
      );
      await x.client.must(
        b.url,
        'POST',
        `/api/plans/${plan.body.id}/goals`,
        { cookie, json: { what: 'Give the team a demo', targetDate: localDatePlus(timeZone, 3) } },
        201,
      );

      // The workers of all three instances compete for the scans and the deliveries they queue.
      const scans = await reminderScans(x.database.url);
      try {
        await scans.send(3);
        const deadline = Date.now() + 45_000;
        const reminders = () => x.inbox.to(learner.email).filter((m) => m.subject.startsWith('Target date'));
        while (reminders().length === 0 || (await scans.pending()) > 0) {
          if (Date.now() > deadline) throw new Error(`the reminder was not delivered in time\n${x.output()}`);
          await sleep(100);
        }
        // Two more polling rounds of every worker (2 s each): a duplicate would have arrived by now.
        await sleep(4_500);
        const notifications = await x.client.must((x.instances[2] as Instance).url, 'GET', '/api/notifications', {
          cookie,
        });
        report('reminder', {
          timeZone,
          emails: reminders().length,
          inApp: notifications.body.notifications.length,
        });
        expect(reminders().map((m) => m.subject)).toEqual(['Target date in 3 days: “Give the team a demo”']);
        expect(notifications.body.notifications.map((n: { kind: string }) => n.kind)).toEqual(['target_near']);
      } finally {
        await scans.stop();
      }
    });

    it('counts sign-in attempts across instances: the limit is reached after SIGN_IN_RATE_LIMIT in all', {
      timeout: 60_000,
    }, async () => {
      const attempt = (target: string, email: string, ip?: string) =>
        x.client.call(target, 'POST', '/api/auth/sign-in', { ip, json: { email, password: 'not-the-password-1' } });
      // One client address, attempts spread over the three instances by turns.
      const person = await x.client.signUp((x.instances[0] as Instance).url, 'Targeted Person');
      const address = newClientAddress();
      const direct: number[] = [];
      // Counted per instance, the 11th to 15th attempts would pass (each instance has seen 5 at most).
      for (let i = 0; i < SIGN_IN_RATE_LIMIT + 5; i++) {
        direct.push((await attempt((x.instances[i % 3] as Instance).url, person.email, address)).status);
      }
      // Through the balancer with a made-up X-Forwarded-For each time: HAProxy replaces it, so it counts too.
      const other = await x.client.signUp((x.instances[1] as Instance).url, 'Another Target');
      const spoofed: number[] = [];
      for (let i = 0; i < SIGN_IN_RATE_LIMIT + 2; i++) spoofed.push((await attempt(x.baseUrl, other.email)).status);
      report('sign-in attempts before 429', {
        limit: SIGN_IN_RATE_LIMIT,
        acrossInstances: direct.indexOf(429),
        throughBalancerWithSpoofedAddresses: spoofed.indexOf(429),
      });
      expect(direct.slice(0, SIGN_IN_RATE_LIMIT)).toEqual(Array(SIGN_IN_RATE_LIMIT).fill(400));
      expect(direct.slice(SIGN_IN_RATE_LIMIT)).toEqual(Array(5).fill(429));
      expect(spoofed.indexOf(429)).toBe(SIGN_IN_RATE_LIMIT);
    });

    it('serves an evidence file uploaded through one instance from the others, byte for byte', {
      timeout: 60_000,
    }, async () => {
      const [a] = x.instances as [Instance];
      const learner = await prepareLearner(x.client, a.url, 'Evidence Keeper');
      const bytes = Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        randomBytes(300_000),
      ]);
      const form = new FormData();
      form.append('title', 'Workshop photo');
      form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'workshop.png');
      const uploaded = await x.client.must(
        a.url,
        'POST',
        `/api/plans/${learner.planId}/goals/${learner.goal.id}/evidence/files`,
        { cookie: learner.cookie, form },
        201,
      );
      const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
      for (const other of x.instances.slice(1)) {
        const download = await x.client.call(
          other.url,
          'GET',
          `/api/plans/${learner.planId}/evidence/${uploaded.body.id}/file`,
          { cookie: learner.cookie },
        );
        expect({ instance: other.name, status: download.status }).toEqual({ instance: other.name, status: 200 });
        expect(sha256(download.body as Buffer)).toBe(sha256(bytes));
      }
    });

    it('refuses to start an instance whose AUTH_SECRET is not the others’', { timeout: 120_000 }, async () => {
      const started = await x
        .startExtra({ AUTH_SECRET: 'a-different-secret-that-is-long-enough-9876543210' })
        .catch((err: Error) => err);
      if (!(started instanceof Error)) await started.kill();
      expect(started).toBeInstanceOf(Error);
      expect((started as Error).message).toMatch(/it exited[\s\S]*AUTH_SECRET/);
    });

    it('serves many learners through HAProxy, no sticky sessions, with zero wrong answers', {
      timeout: 120_000,
    }, async () => {
      const learners = await inParallel(12, 3, (i) =>
        prepareLearner(x.client, (x.instances[i % 3] as Instance).url, `Mixed Learner ${i}`),
      );
      const before = await x.balancer.stats();
      const tally: Tally = newTally();
      await Promise.all(
        learners.map(async (learner) => {
          for (let round = 0; round < 10; round++) await workOneRound(x.client, x.baseUrl, learner, round, tally);
        }),
      );
      const after = await x.balancer.stats();
      const served = after.map((s) => s.sessions - (before.find((b) => b.name === s.name)?.sessions ?? 0));
      report('mix through HAProxy', {
        learners: learners.length,
        requests: tally.requests,
        servedPerInstance: served,
        retried503: tally.retried503,
        failures: tally.failures.length,
        wrongAnswers: tally.wrong.length,
      });
      expect(tally.failures).toEqual([]);
      expect(tally.wrong).toEqual([]);
      // Round robin: every instance served about a third.
      for (const count of served) expect(count).toBeGreaterThan(tally.requests / 5);
    });

    it('keeps working through a rolling restart (SIGTERM one instance at a time)', { timeout: 240_000 }, async () => {
      const learners = await inParallel(4, 2, (i) =>
        prepareLearner(x.client, (x.instances[i % 3] as Instance).url, `Restarting Learner ${i}`),
      );
      const tally = newTally();
      let stop = false;
      let rounds = 0;
      const working = Promise.all(
        learners.map(async (learner) => {
          while (!stop) await workOneRound(x.client, x.baseUrl, learner, rounds++, tally);
        }),
      );
      const steps = [];
      for (let i = 0; i < x.instances.length; i++) {
        await sleep(1_000);
        steps.push({ instance: (x.instances[i] as Instance).name, ...(await x.restart(i)) });
      }
      await sleep(1_000);
      stop = true;
      await working;
      const balancer = await x.balancer.stats();
      report('rolling restart', {
        requests: tally.requests,
        retried503: tally.retried503,
        failures: tally.failures,
        wrongAnswers: tally.wrong,
        steps,
        haproxyRetries: balancer.reduce((n, s) => n + s.retries, 0),
        haproxyRedispatches: balancer.reduce((n, s) => n + s.redispatches, 0),
      });
      // HAProxy logs only what went wrong (retries, 5xx, aborted connections): shown when a request failed.
      expect(tally.failures, x.balancer.output().slice(-5000)).toEqual([]);
      expect(tally.wrong).toEqual([]);
      for (const step of steps) expect(step.exit).toEqual({ code: 0, signal: null });
    });

    it('answers in Waymark’s shape, with Retry-After, while no instance is in the rotation', async () => {
      const names = x.instances.map((i) => i.name);
      for (const name of names) await x.balancer.setMaintenance(name, true);
      try {
        const res = await fetch(`${x.baseUrl}/api/me`);
        expect(res.status).toBe(503);
        expect(res.headers.get('retry-after')).toBe('5');
        expect((await res.json()).error.code).toBe('unavailable');
      } finally {
        for (const name of names) await x.balancer.setMaintenance(name, false);
      }
      await x.balancer.waitUntilUp();
    });
  },
);
