import path from 'node:path';
import { ConfigError, loadConfig } from '../../config.js';
import { openDatabaseForCommand } from '../../db/command-database.js';
import { copyDiskFilesToDatabase } from './copy-files.js';

/**
 * `npm run files:to-database`: before switching a deployment to FILE_STORE=database, copies the uploaded files
 * kept in the data directory's `files/` into the database (the one DATABASE_URL names). Safe to run again.
 */
async function main() {
  const config = loadConfig();
  const root = path.join(config.dataDir, 'files');
  const database = await openDatabaseForCommand(config, 'npm run files:to-database');
  try {
    const { copied, present } = await copyDiskFilesToDatabase(root, database.db);
    console.log(
      `Copied ${copied} file(s) from ${root} into the database; ${present} were there already.\n` +
        'The files on disk are left as they were: remove them once Waymark runs with FILE_STORE=database.',
    );
  } finally {
    await database.close();
  }
}

await main().catch((err) => {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  process.exitCode = 1;
});
