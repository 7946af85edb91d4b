/**
 * The blog feeds bench (PostgreSQL): 2,000 participants of one programme, each with a blog feed served locally
 * (bench/blog-feeds-server.ts, its own process), all due. Waymark runs in this process as in production (the
 * job beside the routes); autocannon runs in a child process. Measured:
 *   1. p99 of `GET /api/me` (10 connections, 10 s) with nothing else running;
 *   2. the job reading all 2,000 feeds (readDueFeeds, as the scheduled job calls it), timed, while autocannon
 *      measures `/api/me` again for as long as the job runs.
 * Budgets: the job ≤ 60 s; p99 during the job ≤ 2× without it.
 *
 *   npx tsx bench/blog-feeds.ts        (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/waymark_bench_blogs)
 */
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { readDueFeeds } from '../src/features/blog-feeds/index.js';
import { createOutboxMailer } from '../src/features/mail/index.js';
import { buildApp } from '../src/server/app.js';
import { signIn } from './api.js';
import { ensurePostgresDatabase } from './postgres.js';

const PARTICIPANTS = 2_000;
/** Requests per second autocannon sends to `/api/me`: a steady load, not saturation (see bench/README.md). */
const RATE = Number(process.env.BENCH_RATE ?? 500);
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/waymark_bench_blogs';
const SECRET = 'bench-secret-that-is-long-enough-for-auth-0123456789';

/** Starts the feed server; answers its base address and a way to stop it. */
async function startFeedServer(): Promise<{ base: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/blog-feeds-server.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (d: Buffer) => resolve(JSON.parse(d.toString()).port));
    child.once('exit', (code) => reject(new Error(`feed server exited (${code})`)));
  });
  return { base: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

/** autocannon on `/api/me` in a child process: answers p99 latency (ms), requests/s and non-2xx answers. */
async function measureMe(appUrl: string, cookie: string, seconds: number) {
  const { stdout } = await promisify(execFile)(
    'node_modules/.bin/autocannon',
    ['-j', '-c', '10', '-R', String(RATE), '-d', String(seconds), '-H', `cookie=${cookie}`, `${appUrl}/api/me`],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const r = JSON.parse(stdout);
  return { p99: r.latency.p99 as number, rps: r.requests.average as number, non2xx: r.non2xx as number };
}

async function main() {
  await ensurePostgresDatabase(url);
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    AUTH_SECRET: SECRET,
    MAIL_TRANSPORT: 'outbox',
    BASE_URL: 'http://127.0.0.1:3000',
    DATABASE_URL: url,
    // The feeds are served on 127.0.0.1 by the bench itself.
    FEEDS_ALLOW_PRIVATE_HOSTS: 'true',
  });
  const database = await openDatabase({ kind: 'postgres', url, poolSize: config.DATABASE_POOL_SIZE });
  await runMigrations(database);
  const { app, ctx } = await buildApp({
    config,
    database,
    authSecret: SECRET,
    mailer: createOutboxMailer(database.db),
    logger: { level: 'warn' },
  });
  const appUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  const feeds = await startFeedServer();
  try {
    const session = await signIn(appUrl);
    const org = session.organizationId;
    // 2,000 participants, each enrolled with a blog that is due, straight in SQL (through the API: many minutes).
    await database.db.execute(sql`
      with p as (
        insert into programme (id, organization_id, title, status, tag)
        values ('bench-programme', ${org}, 'Bench programme', 'published', '#learning-out-loud') returning id
      ), w as (
        insert into programme_week (id, programme_id, position) values ('bench-week', 'bench-programme', 0)
      )
      insert into programme_thing (id, programme_id, week_id, position, title)
      select 'bench-thing-' || i, 'bench-programme', 'bench-week', i, 'Thing title ' || i
      from generate_series(0, 4) i`);
    await database.db.execute(sql`
      insert into "user" (id, name, email, email_verified)
      select 'bench-user-' || i, 'Participant ' || i, 'participant-' || i || '@bench.example', false
      from generate_series(1, ${PARTICIPANTS}::int) i`);
    await database.db.execute(sql`
      insert into membership (id, organization_id, user_id, role)
      select 'bench-member-' || i, ${org}, 'bench-user-' || i, 'member' from generate_series(1, ${PARTICIPANTS}::int) i`);
    await database.db.execute(sql`
      insert into programme_enrolment (id, programme_id, organization_id, member_id, user_id, started_on)
      select 'bench-enrolment-' || i, 'bench-programme', ${org}, 'bench-member-' || i, 'bench-user-' || i, '2026-11-02'
      from generate_series(1, ${PARTICIPANTS}::int) i`);
    await database.db.execute(sql`
      insert into programme_blog_feed (enrolment_id, feed_url, next_read_at)
      select 'bench-enrolment-' || i, ${feeds.base} || '/feed/' || i, now() - interval '1 minute'
      from generate_series(1, ${PARTICIPANTS}::int) i`);
    await database.db.execute(sql`analyze`);

    await measureMe(appUrl, session.cookie, 3); // warm-up
    const alone = await measureMe(appUrl, session.cookie, 10);

    // The first run is the one timed (every post new, every participant told); autocannon measures meanwhile, and
    // when the first run ends before autocannon does, the feeds are made due again and read again (now without
    // validators, so each is fetched and parsed in full), so the whole window is measured with the job running.
    let measuring = true;
    const duringPromise = measureMe(appUrl, session.cookie, 10).finally(() => {
      measuring = false;
    });
    const started = performance.now();
    const counts = await readDueFeeds(ctx, new Date());
    const jobSeconds = (performance.now() - started) / 1000;
    let rereads = 0;
    while (measuring) {
      await database.db.execute(
        sql`update programme_blog_feed set next_read_at = now() - interval '1 minute', etag = null`,
      );
      await readDueFeeds(ctx, new Date());
      rereads++;
    }
    const during = await duringPromise;
    const result = (await database.db.execute(sql`select count(*)::int as n from programme_feed_item`)) as unknown as {
      rows: { n: number }[];
    };
    const items = result.rows[0];
    const report = {
      participants: PARTICIPANTS,
      job: {
        seconds: Number(jobSeconds.toFixed(1)),
        ...counts,
        feedItemsKept: items?.n,
        rereadsWhileMeasuring: rereads,
      },
      apiMe: { alone, duringJob: during, p99Ratio: Number((during.p99 / Math.max(1, alone.p99)).toFixed(2)) },
      budgets: { jobWithin60s: jobSeconds <= 60, p99WithinTwice: during.p99 <= 2 * Math.max(1, alone.p99) },
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (counts.failed > 0 || alone.non2xx > 0 || during.non2xx > 0) process.exitCode = 1;
  } finally {
    feeds.stop();
    await app.close();
    await database.close();
  }
}

await main();
