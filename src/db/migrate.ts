import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MigrationConfig } from 'drizzle-orm/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type pg from 'pg';
import type { DatabaseHandle } from './client.js';

// From the project root, two folders up: the same from src/db (tsx) and from dist/server (the compiled server).
const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/db/migrations');

/** Any fixed number of our own: the advisory lock that lets one instance at a time migrate a database. */
const MIGRATION_LOCK = 0x5761796d; // "Waym"

/**
 * Applies pending migrations; the same SQL files serve PGlite and PostgreSQL. On PostgreSQL several instances
 * may start at once on one database: each waits for a session advisory lock (held on a connection of its own
 * while the migrator runs on the pool), so one applies the migrations and the others then find nothing to do,
 * instead of racing to create the same types and tables.
 */
export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  const config: MigrationConfig = { migrationsFolder };
  // biome-ignore lint/suspicious/noExplicitAny: each migrator wants its own driver's database type
  const db = handle.db as any;
  if (handle.kind !== 'postgres') {
    await migratePglite(db, config);
    return;
  }
  const pool = db.$client as pg.Pool;
  const lock = await pool.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(db, config);
  } finally {
    await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    lock.release();
  }
}
