import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { pgliteClientOf } from '../../db/client.js';
import { createTestApp } from '../../test/app.js';
import { type JobQueue, startJobQueue } from './job-queue.js';
import { pgliteExecutor } from './pglite-executor.js';

/*
 * pg-boss on this run's database (PGlite by default, PostgreSQL with TEST_DATABASE_URL): jobs really run
 * through its queue, failures are retried, and on PGlite its multi-statement SQL cannot break the app's
 * one connection.
 */

const t = await createTestApp();

type Seen = { attempt: number; data: object };

async function queueWith(run: (job: Seen) => Promise<void>): Promise<JobQueue> {
  const queue = startJobQueue(
    // A copy of the context: this queue is the test's own, not the app's.
    { ...t.ctx },
    {
      schema: `pgboss_jobtest_${randomBytes(4).toString('hex')}`,
      pollingIntervalSeconds: 0.5,
      retryDelaySeconds: 0,
      retryBackoff: false,
      retryLimit: 2,
    },
    // Batches of up to 5: a job that throws fails alone, the others of its batch complete.
    [() => [{ name: 'probe', batchSize: 5, run: (job) => run({ attempt: job.retryCount, data: job.data }) }]],
  );
  afterAll(() => queue.stop());
  await queue.ready;
  return queue;
}

const waitFor = async (check: () => boolean | Promise<boolean>, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe(`the job queue on ${t.database.kind}`, () => {
  it('runs a job, retries one that throws, and records how each ended', async () => {
    const seen: Seen[] = [];
    const queue = await queueWith(async (job) => {
      seen.push(job);
      if ((job.data as { failTimes: number }).failTimes > job.attempt) throw new Error('not yet');
    });
    // Sent together, so that they are fetched in one batch.
    const [ok, flaky, hopeless] = await Promise.all([
      queue.send('probe', { failTimes: 0, label: 'first' }),
      queue.send('probe', { failTimes: 2, label: 'flaky' }),
      queue.send('probe', { failTimes: 9, label: 'hopeless' }),
    ]);
    const stateOf = async (id: string | null) => (await queue.boss.getJobById('probe', id as string))?.state;
    await waitFor(async () => (await stateOf(flaky)) === 'completed' && (await stateOf(hopeless)) === 'failed');

    expect(await stateOf(ok)).toBe('completed');
    const attempts = (label: string) =>
      seen.filter((s) => (s.data as { label: string }).label === label).map((s) => s.attempt);
    expect(attempts('first')).toEqual([0]);
    expect(attempts('flaky')).toEqual([0, 1, 2]);
    // retryLimit 2: the first attempt and two retries, then it stays failed with the error kept.
    expect(attempts('hopeless')).toEqual([0, 1, 2]);
    const failed = await queue.boss.getJobById('probe', hopeless as string);
    expect(failed?.output).toMatchObject({ message: 'not yet' });
  });

  it('keeps a job sent while the queue is still being set up, and runs it once the workers start', async () => {
    const ran: object[] = [];
    const queue = startJobQueue(
      { ...t.ctx },
      { schema: `pgboss_early_${randomBytes(4).toString('hex')}`, pollingIntervalSeconds: 0.5 },
      [() => [{ name: 'early', run: async (job) => void ran.push(job.data) }]],
    );
    afterAll(() => queue.stop());
    // Sent at once, before `ready`: the server answers requests while its queue is set up.
    const id = await queue.send('early', { n: 1 });
    expect(id).toEqual(expect.any(String));
    await waitFor(() => ran.length === 1);
    expect(ran).toEqual([{ n: 1 }]);
  });

  it('runs what this process sends at once, and drains a burst batch after batch, though its workers poll every 30 s', async () => {
    const ran: number[] = [];
    const queue = startJobQueue(
      { ...t.ctx },
      // PGlite's default interval (pgliteDefaults): a poll finds only what time brings, a retry or a schedule's job.
      { schema: `pgboss_wake_${randomBytes(4).toString('hex')}`, pollingIntervalSeconds: 30 },
      [() => [{ name: 'burst', batchSize: 5, run: async (job) => void ran.push((job.data as { n: number }).n) }]],
    );
    try {
      await queue.ready;
      // The workers' first poll, found empty: from here each waits 30 s unless woken.
      await new Promise((r) => setTimeout(r, 300));

      const sent = Date.now();
      await queue.send('burst', { n: 0 });
      await waitFor(() => ran.length === 1, 10_000);
      expect(Date.now() - sent).toBeLessThan(10_000);

      // 23 in one insert: five batches of 5, 5, 5, 5 and 3, each fetched as soon as the one before is done.
      await queue.insert(Array.from({ length: 23 }, (_, i) => ({ name: 'burst', data: { n: i + 1 } })));
      await waitFor(() => ran.length === 24, 10_000);
      expect([...ran].sort((a, b) => a - b)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    } finally {
      await queue.stop();
    }
  });

  it('starts on a new database in three instances at once (each creates the same queues and schedules)', {
    timeout: 60_000,
  }, async () => {
    // Three instances of a new deployment start together; pg-boss made each queue's table in each of them
    // at once, and PostgreSQL ended one start with "deadlock detected".
    const schema = `pgboss_together_${randomBytes(4).toString('hex')}`;
    const features = [
      () =>
        ['one', 'two', 'three', 'four', 'five'].map((name) => ({ name, cron: '*/15 * * * *', run: async () => {} })),
    ];
    const started = await Promise.allSettled(
      [1, 2, 3].map(async () => {
        const queue = startJobQueue({ ...t.ctx }, { schema, pollingIntervalSeconds: 0.5 }, features);
        await queue.ready;
        return queue;
      }),
    );
    const outcomes = started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'started'));
    const running = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const schedules = running[0] && (await running[0].boss.getSchedules()).map((s) => s.name).sort();
    for (const queue of running) await queue.stop();
    expect(outcomes).toEqual(['started', 'started', 'started']);
    expect(schedules).toEqual(['five', 'four', 'one', 'three', 'two']);
  });

  it.runIf(t.database.kind === 'pglite')(
    'on PGlite, a failing multi-statement text is rolled back and the app keeps working',
    async () => {
      const client = pgliteClientOf(t.database);
      if (!client) throw new Error('expected PGlite');
      const executor = pgliteExecutor(client);
      await executor.executeSql('create table if not exists probe_rows (n int primary key)', []);
      await expect(
        executor.executeSql('BEGIN; insert into probe_rows values (1); select 1/0; COMMIT;', []),
      ).rejects.toThrow(/division by zero/);
      expect(client.isInTransaction()).toBe(false);
      // The app's next query runs normally, outside any transaction, and nothing half-written stayed.
      const count = await t.db.$count(sql`probe_rows`);
      expect(count).toBe(0);
      const both = await executor.executeSql('select 1 as a; select 2 as b', []);
      expect(Array.isArray(both) && both.map((r: { rows: unknown[] }) => r.rows)).toEqual([[{ a: 1 }], [{ b: 2 }]]);
    },
  );
});
