import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** The Drizzle database, or a transaction on it: repositories accept either. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /**
   * PostgreSQL only: connections whose commits do not wait for the WAL to reach disk. For autosave's
   * keystroke writes alone, where the latest keystrokes matter less than answering fast: a crash of the
   * database server (not of the app) may lose the last fraction of a second of them, never consistency.
   */
  asyncCommit?: pg.Pool;
  /** Cheap round-trip used by readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob | File };

/** Opens the embedded PGlite database or a PostgreSQL pool, with the same Drizzle schema on top. */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 20 });
    const asyncCommit = new pg.Pool({
      connectionString: target.url,
      max: target.poolSize ?? 20,
      options: '-c synchronous_commit=off',
    });
    // An idle client that loses its server emits 'error'; without a listener that would crash the process.
    pool.on('error', () => {});
    asyncCommit.on('error', () => {});
    return {
      db: drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Database,
      kind: 'postgres',
      asyncCommit,
      ping: async () => {
        await pool.query('select 1');
      },
      close: async () => {
        await Promise.all([pool.end(), asyncCommit.end()]);
      },
    };
  }
  if (target.dataDir) fs.mkdirSync(target.dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: target.dataDir,
    loadDataDir: target.loadDataDir,
    // Trigram similarity for forgiving search and matching (created by migration 0004, on PostgreSQL too).
    extensions: { pg_trgm },
  });
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.close(),
  };
}

export function pgliteClientOf(handle: DatabaseHandle): PGlite | undefined {
  // biome-ignore lint/suspicious/noExplicitAny: reaching the driver client Drizzle keeps privately
  const client = (handle.db as any).$client;
  return client instanceof PGlite ? client : undefined;
}
