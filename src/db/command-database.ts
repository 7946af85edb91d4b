import type { Config } from '../config.js';
import { type DatabaseHandle, openDatabase } from './client.js';
import { DataDirInUseError, DataDirUnwritableError } from './data-dir-lock.js';

/**
 * The configured database for a command such as `npm run db:seed`. An embedded data directory held by a
 * running server is refused at once (two processes on one PGlite directory corrupt it), telling the person
 * to stop the server first.
 */
export async function openDatabaseForCommand(config: Config, command: string): Promise<DatabaseHandle> {
  try {
    return await openDatabase(
      config.DATABASE_URL
        ? { kind: 'postgres', url: config.DATABASE_URL }
        : { kind: 'pglite', dataDir: config.dataDir },
    );
  } catch (err) {
    if (err instanceof DataDirInUseError) {
      console.error(`${err.message}\nStop the Waymark server first, then run \`${command}\` again.`);
      process.exit(1);
    }
    if (err instanceof DataDirUnwritableError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}
