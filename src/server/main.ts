import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import { buildApp } from './app.js';
import { resolveAuthSecret } from './secret.js';

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
  const database = await openDatabase(
    config.DATABASE_URL
      ? { kind: 'postgres', url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir: config.dataDir },
  );
  await runMigrations(database);
  const { app, ctx } = await buildApp({ config, database, authSecret: resolveAuthSecret(config), jobs: config.JOBS });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      app.log.error('shutdown took over 10 s; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    await app.close(); // stops accepting, waits for in-flight requests, runs onClose hooks
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

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
  if (ctx.mailer.mode === 'outbox') {
    app.log.warn('SMTP_URL is not set: e-mails are kept in the database for you; read them with `npm run outbox`.');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
