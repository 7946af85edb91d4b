import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';
import { createOwnPostgresDatabase } from './own-postgres.js';

/**
 * The database for one test file: a copy of the migrated PGlite template, or the run's PostgreSQL
 * database (shared by all files: tests isolate by data, each making its own organisation).
 *
 * `own`: on PostgreSQL, a database of the file's own, created and migrated now and dropped on close. For
 * tests of work that spans every organisation (the reminder scan), which other files' data would swamp.
 * `onDisk`: on PGlite, in a data directory of its own (removed on close) as an installation keeps it, rather
 * than in memory: for load figures, measured on the storage an installation uses.
 */
export async function openTestDatabase(options: { own?: boolean; onDisk?: boolean } = {}): Promise<DatabaseHandle> {
  const url = inject('testDatabaseUrl');
  if (url && options.own) return openOwnDatabase(url);
  if (url) return openDatabase({ kind: 'postgres', url, poolSize: 5 });
  const template = inject('pgliteTemplate');
  if (!template) throw new Error('No test database: the unit project global setup did not run');
  const loadDataDir = new Blob([fs.readFileSync(template)]);
  if (!options.onDisk) return openDatabase({ kind: 'pglite', loadDataDir });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-test-db-'));
  const handle = await openDatabase({ kind: 'pglite', dataDir, loadDataDir });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function openOwnDatabase(runUrl: string): Promise<DatabaseHandle> {
  const own = await createOwnPostgresDatabase(runUrl);
  const handle = await openDatabase({ kind: 'postgres', url: own.url, poolSize: 5 });
  await runMigrations(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await own.drop();
    },
  };
}
