import fs from 'node:fs';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../db/client.js';

/**
 * The database for one test file: a copy of the migrated PGlite template, or the run's PostgreSQL
 * database (shared by all files: tests isolate by data, each making its own organisation).
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const url = inject('testDatabaseUrl');
  if (url) return openDatabase({ kind: 'postgres', url, poolSize: 5 });
  const template = inject('pgliteTemplate');
  if (!template) throw new Error('No test database: the unit project global setup did not run');
  return openDatabase({ kind: 'pglite', loadDataDir: new Blob([fs.readFileSync(template)]) });
}
