import type pg from 'pg';
import PgBoss from 'pg-boss';
import { pgliteClientOf } from '../../db/client.js';
import { createPool } from '../../db/pg-pool.js';
import type { AppContext } from '../../server/context.js';
import type { JobQueue } from '../../server/ports.js';
import { pgliteExecutor } from './pglite-executor.js';

/*
 * Background jobs on pg-boss, in the app's own database: PostgreSQL through pg-boss's own small pool,
 * PGlite through an adapter on its single connection (see pglite-executor.ts and
 * docs/decisions/2026-11-23-jobs-on-pg-boss.md). Features describe their jobs as JobDefinitions;
 * startJobQueue creates their queues, schedules and workers.
 */

export interface JobsOptions {
  /** PostgreSQL schema for pg-boss's tables. Tests give each app its own, as they share one database. */
  schema?: string;
  /** How often an idle worker looks for work (pg-boss allows down to 0.5 s). */
  pollingIntervalSeconds?: number;
  /** Attempts after the first for a job that throws. */
  retryLimit?: number;
  /** Seconds before the first retry; with backoff each later wait doubles. */
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** Whether recurring schedules (cron) are registered and run. */
  schedules?: boolean;
  /** How often pg-boss's own worker looks for jobs its schedules made (1–45 s; pg-boss's default is 5). */
  cronWorkerIntervalSeconds?: number;
  /** The clock jobs read; tests set the instant ("08:30 in Auckland"). */
  now?: () => Date;
}

/** One kind of job: its queue, its worker and, if recurring, its schedule. */
export interface JobDefinition<T extends object = object> {
  name: string;
  /** Queue settings (retries, policy); the queue's defaults come from JobsOptions. */
  queue?: Omit<PgBoss.Queue, 'name'>;
  /** A cron expression (UTC): the job is sent on that schedule. */
  cron?: string;
  /**
   * Jobs fetched per poll (default 1). A worker polls once per interval, so many small jobs (one e-mail
   * each) need batches to keep up; each job of a batch still succeeds or fails (and is retried) alone.
   */
  batchSize?: number;
  run(job: PgBoss.JobWithMetadata<T>): Promise<void>;
}

export type { JobQueue } from '../../server/ports.js';

/** A feature's jobs, made from the app's context and the running queue (to send follow-up jobs). */
export type JobFeature = (ctx: AppContext, queue: JobQueue) => JobDefinition[];

const productionDefaults = {
  schema: 'pgboss',
  pollingIntervalSeconds: 2,
  retryLimit: 5,
  retryDelaySeconds: 60,
  retryBackoff: true,
  schedules: true,
  cronWorkerIntervalSeconds: 5, // pg-boss's own default
} satisfies JobsOptions;

/**
 * On PGlite the queue lives in this process, in the database every request also waits for: each poll is a
 * statement on the server's one thread (nine queues polled every 2 s, 4–12 ms each, showed as a bump in
 * `/api/me`'s latency every half second). Jobs this process sends wake their worker at once (`wake`), so the
 * polls are left to find what only time brings (a retry due, a schedule's job) and can be rare.
 */
const pgliteDefaults = { pollingIntervalSeconds: 30, cronWorkerIntervalSeconds: 30 } satisfies JobsOptions;

/** Any fixed number of our own: with the schema's hash, the advisory lock under which one instance sets jobs up. */
const JOBS_SET_UP_LOCK = 0x576a6273; // "Wjbs"

interface Connection {
  db: PgBoss.Db;
  /** Runs `work` while no other process sets up the queues of this pg-boss schema. */
  oneAtATime<T>(schema: string, work: () => Promise<T>): Promise<T>;
  end(): Promise<void>;
}

function connectionOf(ctx: AppContext): Connection {
  const pglite = pgliteClientOf(ctx.database);
  // PGlite belongs to one process: nobody else can be setting up its queues.
  if (pglite) return { db: pgliteExecutor(pglite), oneAtATime: (_, work) => work(), end: async () => {} };
  // PostgreSQL: pg-boss gets its own few connections to the same database, so its polling and its
  // multi-statement maintenance never take (or leave in a failed transaction) one of the app's. Our pool,
  // not pg-boss's own: pg-boss's leaves a checked-out connection's 'error' unhandled, which ended the
  // process when PostgreSQL restarted (see db/pg-pool.ts). A failed poll is retried at the next interval.
  // biome-ignore lint/suspicious/noExplicitAny: reaching the pool Drizzle keeps privately, as pgliteClientOf does
  const app = (ctx.db as any).$client as pg.Pool;
  const url = app.options.connectionString as string;
  const name = `${(app.options as { application_name?: string }).application_name ?? 'waymark'}-jobs`;
  const pool = createPool({ url, max: 3, applicationName: name, onConnectionError: () => {} });
  return {
    db: { executeSql: (text, values) => pool.query(text, values) },
    // Instances of a new deployment start together, and pg-boss creating the same queue (a table each) in
    // several of them at once ended all but one with "deadlock detected". A session lock on a connection of
    // its own, as migrations take (db/migrate.ts): the others wait, then find every queue made.
    async oneAtATime(schema, work) {
      const lock = await pool.connect();
      try {
        await lock.query('select pg_advisory_lock($1, hashtext($2))', [JOBS_SET_UP_LOCK, schema]);
        return await work();
      } finally {
        await lock.query('select pg_advisory_unlock($1, hashtext($2))', [JOBS_SET_UP_LOCK, schema]).catch(() => {});
        lock.release();
      }
    },
    end: () => pool.end(),
  };
}

/**
 * Starts pg-boss on the app's database (creating or migrating its schema), creates each feature's queues,
 * starts their workers and schedules, and puts the queue on `ctx.jobs` at once. The setting up goes on in
 * the background (`ready`): sending waits for it, so a job sent meanwhile is kept, never dropped, and a
 * server may answer before its workers start (start-up is half a second shorter on PGlite). Await `ready`
 * before relying on workers or schedules; stop it before closing the database.
 */
export function startJobQueue(ctx: AppContext, options: JobsOptions, features: JobFeature[]): JobQueue {
  const onPglite = pgliteClientOf(ctx.database) !== undefined;
  const o = { ...productionDefaults, ...(onPglite ? pgliteDefaults : {}), ...options };
  const connection = connectionOf(ctx);
  const boss = new PgBoss({
    db: connection.db,
    schema: o.schema,
    schedule: o.schedules,
    retryLimit: o.retryLimit,
    retryDelay: o.retryDelaySeconds,
    retryBackoff: o.retryBackoff,
    pollingIntervalSeconds: o.pollingIntervalSeconds,
    cronWorkerIntervalSeconds: o.cronWorkerIntervalSeconds,
  });
  // Each queue's worker in this process, by queue name, to wake when there is work for it.
  const workers = new Map<string, string>();
  const wake = (name: string) => {
    const id = workers.get(name);
    if (id) boss.notifyWorker(id);
  };
  // Without a listener an 'error' event (a failed poll, a lost connection) would end the process.
  boss.on('error', (err) => ctx.log.error({ err }, 'job queue error'));

  let ready: Promise<void> = Promise.resolve();
  const queue: JobQueue = {
    boss,
    get ready() {
      return ready;
    },
    now: options.now ?? (() => new Date()),
    send: async (name, data, sendOptions) => {
      await ready;
      const id = await boss.send(name, data, sendOptions ?? {});
      wake(name);
      return id;
    },
    insert: async (jobs) => {
      if (jobs.length === 0) return;
      await ready;
      await boss.insert(jobs);
      for (const name of new Set(jobs.map((job) => job.name))) wake(name);
    },
    stop: async () => {
      await ready.catch(() => {});
      await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
      await connection.end();
    },
  };
  const jobs = features.flatMap((feature) => feature(ctx, queue));
  ready = setUp(boss, connection, o, jobs, ctx, workers);
  ctx.jobs = queue;
  return queue;
}

async function setUp(
  boss: PgBoss,
  connection: Connection,
  o: Required<Omit<JobsOptions, 'now'>>,
  jobs: JobDefinition[],
  ctx: AppContext,
  workers: Map<string, string>,
) {
  await connection.oneAtATime(o.schema, async () => {
    await boss.start();
    for (const job of jobs) {
      await boss.createQueue(job.name, {
        name: job.name,
        retryLimit: o.retryLimit,
        retryDelay: o.retryDelaySeconds,
        retryBackoff: o.retryBackoff,
        ...job.queue,
      });
      if (job.cron && o.schedules) await boss.schedule(job.name, job.cron, {}, { tz: 'UTC' });
    }
  });
  for (const job of jobs) {
    const batchSize = job.batchSize ?? 1;
    const id = await boss.work<object>(
      job.name,
      { includeMetadata: true, batchSize, pollingIntervalSeconds: o.pollingIntervalSeconds },
      async (batch) => {
        // A full batch: there may be more waiting (a thousand e-mails sent in one insert), so the worker looks
        // again as soon as this one is done, not an interval later.
        const self = workers.get(job.name);
        if (self && batch.length === batchSize) boss.notifyWorker(self);
        for (const one of batch) {
          try {
            await job.run(one);
          } catch (err) {
            // Failed alone: pg-boss keeps the error on the job and retries it; the rest of the batch is
            // completed when this handler returns (completion only touches jobs still active).
            ctx.log.warn({ err, job: job.name, id: one.id, attempt: one.retryCount + 1 }, 'job failed');
            await boss.fail(job.name, one.id, err instanceof Error ? err : { message: String(err) });
          }
        }
      },
    );
    workers.set(job.name, id);
  }
}
