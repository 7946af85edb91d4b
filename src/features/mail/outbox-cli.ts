import { ConfigError, loadConfig } from '../../config.js';
import { type DatabaseHandle, openDatabase } from '../../db/client.js';
import { outboxCommand } from './outbox-command.js';

/** `npm run outbox`: the operator reads mail Waymark kept instead of sending (see outbox-command.ts). */
async function main() {
  const config = loadConfig();
  let database: DatabaseHandle;
  try {
    database = await openDatabase(
      config.DATABASE_URL
        ? { kind: 'postgres', url: config.DATABASE_URL, poolSize: 1 }
        : { kind: 'pglite', dataDir: config.dataDir },
    );
  } catch (err) {
    const where = config.DATABASE_URL ? 'the database at DATABASE_URL' : `the data directory ${config.dataDir}`;
    console.error(
      `Could not open ${where}: ${(err as Error).message}\n` +
        (config.DATABASE_URL
          ? 'Check DATABASE_URL and that PostgreSQL is running.'
          : 'If Waymark is running on this data directory, stop the server first (only one process may open it), then run npm run outbox again.'),
    );
    return 1;
  }
  try {
    const { output, exitCode } = await outboxCommand(database.db, process.argv.slice(2));
    (exitCode === 0 ? console.log : console.error)(output);
    return exitCode;
  } catch (err) {
    const code = ((err as { cause?: { code?: string } }).cause ?? (err as { code?: string })).code;
    if (code !== '42P01') throw err; // undefined_table
    console.error('This database has no Waymark tables yet: run npm run db:migrate (or start Waymark once).');
    return 1;
  } finally {
    await database.close();
  }
}

process.exitCode = await main().catch((err) => {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  return 1;
});
