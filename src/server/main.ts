import fs from 'node:fs';
import { ConfigError, loadConfig } from '../config.js';
import { type DatabaseHandle, openDatabase } from '../db/client.js';
import { DataDirInUseError, DataDirUnwritableError } from '../db/data-dir-lock.js';
import { runMigrations } from '../db/migrate.js';
import { buildApp } from './app.js';
import { resolveAuthSecret } from './secret.js';
import { AuthSecretMismatchError, agreeOnAuthSecret } from './secret-fingerprint.js';

/** Free space that lets PGlite write again: two WAL segments (16 MB each). */
const WRITABLE_BYTES = 32 * 1024 * 1024;

/**
 * PGlite after a full disk takes no more queries (db/pglite-guard.ts): requests answer 503 and /api/health says
 * why. When space returns the process exits, so that its supervisor starts it again on the replayed WAL.
 */
function restartWhenWritable(dataDir: string, reason: string) {
  console.error(`The database is unwritable (${reason}, in ${dataDir}): answering 503 until space is freed.`);
  const timer = setInterval(() => {
    const { bavail, bsize } = fs.statfsSync(dataDir);
    if (bavail * bsize < WRITABLE_BYTES) return;
    clearInterval(timer);
    console.error(`Space is back in ${dataDir}: exiting so that Waymark is started again (exit code 75).`);
    process.exit(75);
  }, 2_000);
}

/** Starts Waymark: config, database, migrations, then listen; SIGTERM/SIGINT drain and close cleanly. */
async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  let database: DatabaseHandle;
  try {
    database = await openDatabase(
      config.DATABASE_URL
        ? { kind: 'postgres', url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE }
        : {
            kind: 'pglite',
            dataDir: config.dataDir,
            onUnwritable: (reason) => restartWhenWritable(config.dataDir, reason),
          },
    );
  } catch (err) {
    if (err instanceof DataDirInUseError || err instanceof DataDirUnwritableError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  await runMigrations(database);
  const authSecret = resolveAuthSecret(config);
  // Several instances share a PostgreSQL database and must sign with one secret; PGlite has one process.
  if (database.kind === 'postgres') {
    try {
      const agreement = await agreeOnAuthSecret(database.db, config, authSecret);
      if (agreement === 'rotated') {
        console.warn(
          'AUTH_SECRET_ROTATE: this AUTH_SECRET is now the one every instance must use; sessions signed with the ' +
            'previous one have ended. Remove AUTH_SECRET_ROTATE, and give the other instances the new AUTH_SECRET.',
        );
      }
    } catch (err) {
      if (err instanceof AuthSecretMismatchError) {
        console.error(err.message);
        await database.close();
        process.exit(1);
      }
      throw err;
    }
  }
  const { app, ctx } = await buildApp({ config, database, authSecret, jobs: config.JOBS, jobsInBackground: true });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => {
      app.log.error('shutdown took over 10 s; exiting');
      process.exit(1);
    }, config.SHUTDOWN_DELAY_MS + 10_000);
    force.unref();
    if (config.SHUTDOWN_DELAY_MS > 0) {
      // Out of the balancer's rotation before the listener closes: a request it sent meanwhile would wait,
      // accepted by the kernel but not yet by Node, and be reset with the listener (HAProxy then drops the
      // client's connection). Until then every request is answered as usual.
      ctx.leaving = true;
      app.log.info({ signal, ms: config.SHUTDOWN_DELAY_MS }, 'leaving the rotation: /api/ready answers 503');
      await new Promise((r) => setTimeout(r, config.SHUTDOWN_DELAY_MS));
    }
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    await app.close(); // stops accepting, waits for in-flight requests, runs onClose hooks
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  // Serving before this instance hears the others is correct (caches stand aside) but slower; a moment's wait
  // usually spares that, and a listener that cannot connect yet keeps trying in the background.
  if (!(await ctx.changes.untilComplete(5_000)))
    app.log.warn('not yet hearing other instances’ changes: serving uncached');
  await app.listen({ host: config.HOST, port: config.PORT });
  app.log.info(
    {
      db: database.kind,
      dataDir: database.kind === 'pglite' ? config.dataDir : undefined,
      mail: ctx.mailer.mode,
      jobs: Boolean(ctx.jobs),
    },
    `Waymark is ready at ${config.baseUrl}`,
  );
  // Set up after the first answers (start-up is shorter by the queue's dozen statements); jobs sent meanwhile
  // wait for it. A queue that cannot be set up ends the process, as it did when it was set up first.
  ctx.jobs?.ready.catch((err) => {
    app.log.fatal({ err }, 'the job queue could not be set up');
    process.exit(1);
  });
  if (ctx.mailer.mode === 'outbox') {
    app.log.warn('SMTP_URL is not set: e-mails are kept in the database for you; read them with `npm run outbox`.');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
