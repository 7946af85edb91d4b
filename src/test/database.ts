import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../db/client.js';
import { runMigrations } from '../db/migrate.js';

/**
 * The database for one test file: a copy of the migrated PGlite template, or the run's PostgreSQL
 * database (shared by all files: tests isolate by data, each making its own organisation).
 *
 * `own`: on PostgreSQL, a database of the file's own, created and migrated now and dropped on close. For
 * tests of work that spans every organisation (the reminder scan), which other files' data would swamp.
 */
export async function openTestDatabase(options: { own?: boolean } = {}): Promise<DatabaseHandle> {
  const url = inject('testDatabaseUrl');
  if (url && options.own) return openOwnDatabase(url);
  if (url) return openDatabase({ kind: 'postgres', url, poolSize: 5 });
  const template = inject('pgliteTemplate');
  if (!template) throw new Error('No test database: the unit project global setup did not run');
  return openDatabase({ kind: 'pglite', loadDataDir: new Blob([fs.readFileSync(template)]) });
}

async function openOwnDatabase(runUrl: string): Promise<DatabaseHandle> {
  const server = new URL(runUrl);
  const name = `${server.pathname.slice(1)}_own_${randomBytes(3).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: runUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  server.pathname = `/${name}`;
  const handle = await openDatabase({ kind: 'postgres', url: server.toString(), poolSize: 5 });
  await runMigrations(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}
