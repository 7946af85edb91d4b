import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MigrationConfig } from 'drizzle-orm/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { DatabaseHandle } from './client.js';

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Applies pending migrations; the same SQL files serve PGlite and PostgreSQL. */
export async function runMigrations(handle: DatabaseHandle): Promise<void> {
  const config: MigrationConfig = { migrationsFolder };
  // biome-ignore lint/suspicious/noExplicitAny: each migrator wants its own driver's database type
  const db = handle.db as any;
  if (handle.kind === 'postgres') await migratePg(db, config);
  else await migratePglite(db, config);
}
