/**
 * The process under load for `npm run bench`: Waymark on one port and a bare Fastify app on another, in
 * the same process so both compete for the same CPU in the same way. Started by bench/run.ts, never by hand.
 *
 * Reads BENCH_DB_KIND (pglite | postgres), BENCH_DATABASE_URL and DATABASE_POOL_SIZE (default as in production); prints `{"bench":{...ports}}` on stdout
 * once both listen, then serves until SIGTERM.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { type Config, loadConfig } from '../src/config.js';
import { type DatabaseHandle, openDatabase, pgliteClientOf } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { DATES_AS_TEXT } from '../src/db/pglite-parsers.js';
import { createOutboxMailer } from '../src/features/mail/index.js';
import { buildApp } from '../src/server/app.js';
import { feedFixtureStatements } from './feed-fixture.js';
import { BENCH_SECRET, mixFixtureStatements } from './mix-fixture.js';
import { runFloor } from './mix-floor.js';

async function openBenchDatabase(config: Config): Promise<{ database: DatabaseHandle; cleanup: () => void }> {
  if (config.DATABASE_URL) {
    const target = { kind: 'postgres' as const, url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE };
    return { database: await openDatabase(target), cleanup: () => {} };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-bench-'));
  return {
    database: await openDatabase({ kind: 'pglite', dataDir }),
    cleanup: () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function main() {
  const kind = process.env.BENCH_DB_KIND;
  if (kind !== 'pglite' && kind !== 'postgres') throw new Error(`BENCH_DB_KIND must be pglite or postgres: ${kind}`);
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    AUTH_SECRET: BENCH_SECRET,
    // The bench sends no mail; production would refuse to start without SMTP unless told so.
    MAIL_TRANSPORT: 'outbox',
    // Links in e-mails only; the bench sends none and its clients send no Origin header.
    BASE_URL: 'http://127.0.0.1:3000',
    DATABASE_URL: kind === 'postgres' ? process.env.BENCH_DATABASE_URL : undefined,
    DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE,
  });
  const { database, cleanup } = await openBenchDatabase(config);
  await runMigrations(database);

  // Logs go to stderr so stdout carries only the ports line the parent reads.
  const { app } = await buildApp({
    config,
    database,
    authSecret: BENCH_SECRET,
    mailer: createOutboxMailer(database.db),
    logger: { level: 'warn', stream: process.stderr },
  });
  const appAddress = await app.listen({ host: '127.0.0.1', port: 0 });

  // The baseline: what Fastify itself costs on this machine, with nothing of Waymark's.
  const bare = Fastify();
  bare.get('/bare', async () => ({ ok: true }));
  const bareAddress = await bare.listen({ host: '127.0.0.1', port: 0 });

  process.stdout.write(
    `${JSON.stringify({ bench: { app: appAddress, bare: bareAddress, db: database.kind, pid: process.pid } })}\n`,
  );

  // How long the event loop was held, between the bench's "reset" and "read" (issue 17: ≤ 50 ms on PGlite).
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();

  // Work asked for by the bench over IPC, done with this process's own database handle: fixtures, the mix's
  // SQL floor (PGlite lives here), and the event loop's delay.
  process.on('message', (message: BenchMessage) => {
    const answer = (reply: Record<string, unknown>) => process.send?.({ id: message.id, ...reply });
    const failed = (err: unknown) => answer({ error: err instanceof Error ? err.message : String(err) });
    if (message.seed === 'feed' || message.seed === 'mix') {
      const statements = message.seed === 'feed' ? feedFixtureStatements() : mixFixtureStatements();
      const params = [message.organizationId ?? '', message.memberId ?? ''];
      seed(database, statements, params).then(() => answer({ seeded: message.seed }), failed);
    } else if (message.floor) {
      const client = (database.db as unknown as { $client: { query: FloorQuery } }).$client;
      const pglite = pgliteClientOf(database);
      // On PGlite, dates as text: its cheapest way to answer (src/db/pglite-parsers.ts).
      const query: FloorQuery = pglite
        ? (text, values) => pglite.query(text, values, { parsers: DATES_AS_TEXT })
        : (text, values) => client.query(text, values);
      runFloor({ query, ...message.floor }).then((figures) => answer({ floor: figures }), failed);
    } else if (message.loop === 'reset') {
      loopDelay.reset();
      answer({ loop: 'reset' });
    } else if (message.loop === 'read') {
      answer({ loop: { p99Ms: loopDelay.percentile(99) / 1e6, maxMs: loopDelay.max / 1e6 } });
    }
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => process.exit(1), 5_000);
    force.unref();
    // autocannon drops its sockets with requests still in flight when a run ends; those handlers may still be
    // waiting on the database, so let them finish (quietly: their clients are gone) before closing it.
    app.log.level = 'fatal';
    await Promise.allSettled([app.close(), bare.close()]);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await database.close().catch(() => {});
    cleanup();
    // process.exit lets --cpu-prof write its profile; returning would too, but pg timers may linger.
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  // The parent dying closes our stdin: do not outlive it.
  process.stdin.on('end', () => void stop());
  process.stdin.on('error', () => void stop());
  process.stdin.resume();
}

type FloorQuery = (text: string, values: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

interface BenchMessage {
  id?: number;
  seed?: 'feed' | 'mix';
  organizationId?: string;
  memberId?: string;
  floor?: { organizationId: string; concurrency: number; durationMs: number; readAfterWrite?: boolean };
  loop?: 'reset' | 'read';
}

/** A fixture's statements, in one transaction: $1 the organisation, $2 the bench person's membership. */
async function seed(database: DatabaseHandle, statements: { sql: string }[], params: string[]) {
  await database.db.transaction(async (tx) => {
    for (const statement of statements) await tx.execute(sqlWithParams(statement.sql, params));
  });
  await database.db.execute(sql`analyze`);
}

/** A statement with $1, $2… placeholders as Drizzle SQL. */
function sqlWithParams(text: string, params: string[]) {
  const chunks = text.split(/\$(\d+)/);
  const parts = chunks.map((chunk, i) => (i % 2 === 0 ? sql.raw(chunk) : sql`${params[Number(chunk) - 1]}`));
  return sql.join(parts, sql.raw(''));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
