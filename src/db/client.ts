import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { withCommitScopes } from './after-commit.js';
import { type DataDirLock, DataDirUnwritableError, lockDataDir } from './data-dir-lock.js';
import { createPool, DEFAULT_POOL_SIZE } from './pg-pool.js';
import { guardPglite } from './pglite-guard.js';
import { keepDrizzlesParsers } from './pglite-parsers.js';
import { prepareStatementsOnce } from './pglite-prepared.js';
import { shareTurnsWithEventLoop } from './pglite-turns.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** The Drizzle database, or a transaction on it: repositories accept either. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

/** What /api/health says of the database, known without asking it (a stuck or absent database cannot answer). */
export type DatabaseStatus = { state: 'ok' } | { state: 'unreachable' | 'unwritable'; reason: string };

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** PostgreSQL's connection string, for connections of their own outside the pool (the change listener). */
  url?: string;
  /** Cheap round-trip used by readiness checks. */
  ping(): Promise<void>;
  status(): DatabaseStatus;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | {
      kind: 'postgres';
      url: string;
      poolSize?: number;
      /** Names the connections in pg_stat_activity (default "waymark"; the URL's own wins). */
      applicationName?: string;
      /** How long a request waits for a connection before it fails as unavailable (default 5 s). */
      connectTimeoutMs?: number;
    }
  | {
      kind: 'pglite';
      dataDir?: string;
      loadDataDir?: Blob | File;
      /** Called once when the data directory's disk is full: the instance takes no more queries. */
      onUnwritable?: (reason: string) => void;
    };

/** Opens the embedded PGlite database or a PostgreSQL pool, with the same Drizzle schema on top. */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') return openPostgres(target);
  // One process per data directory (data-dir-lock.ts); taking the lock is also the first write, so a
  // read-only directory fails here at once, by name, instead of inside PGlite's start-up 19 s later.
  let lock: DataDirLock | undefined;
  if (target.dataDir) {
    try {
      fs.mkdirSync(target.dataDir, { recursive: true });
    } catch (err) {
      throw new DataDirUnwritableError(target.dataDir, err as NodeJS.ErrnoException);
    }
    lock = lockDataDir(target.dataDir);
  }
  let client: PGlite;
  try {
    if (target.dataDir) checkWritable(target.dataDir);
    client = await PGlite.create({
      dataDir: target.dataDir,
      loadDataDir: target.loadDataDir,
      // Trigram similarity for forgiving search and matching (created by migration 0004, on PostgreSQL too).
      extensions: { pg_trgm },
      // PostgreSQL's default 128 MB of shared buffers took half a second of every start to set up in WebAssembly
      // memory; 32 MB holds an organisation's working set, and a miss is a read from the OS's file cache.
      startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'],
    });
  } catch (err) {
    lock?.release();
    throw err;
  }
  const guard = guardPglite(client, (reason) => target.onUnwritable?.(reason));
  shareTurnsWithEventLoop(client);
  prepareStatementsOnce(client);
  keepDrizzlesParsers(client);
  const db = withCommitScopes(drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Database);
  return {
    db,
    kind: 'pglite',
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    status: () => {
      const reason = guard.unwritable();
      return reason ? { state: 'unwritable', reason } : { state: 'ok' };
    },
    close: async () => {
      // After a full disk the instance would hang on its closing checkpoint: leave it; the WAL has what was committed.
      if (!guard.unwritable()) await client.close();
      lock?.release();
    },
  };
}

function openPostgres(target: Extract<DatabaseTarget, { kind: 'postgres' }>): DatabaseHandle {
  let status: DatabaseStatus = { state: 'ok' };
  const pool = createPool({
    url: target.url,
    max: target.poolSize ?? DEFAULT_POOL_SIZE,
    applicationName: target.applicationName ?? 'waymark',
    connectTimeoutMs: target.connectTimeoutMs,
    onConnectionError: (err) => {
      status = { state: 'unreachable', reason: `lost a connection to PostgreSQL: ${err.message}` };
    },
    onConnect: () => {
      status = { state: 'ok' };
    },
  });
  return {
    db: withCommitScopes(drizzlePg(pool, { schema, casing: 'snake_case' }) as unknown as Database),
    kind: 'postgres',
    url: target.url,
    ping: async () => {
      try {
        await pool.query('select 1');
      } catch (err) {
        status = { state: 'unreachable', reason: `PostgreSQL cannot be reached: ${(err as Error).message}` };
        throw err;
      }
    },
    status: () => status,
    close: () => pool.end(),
  };
}

/** The engine's own folders must be writable too (a directory copied from a read-only medium). */
function checkWritable(dataDir: string): void {
  for (const name of ['base', 'global', 'pg_wal']) {
    const folder = path.join(dataDir, name);
    try {
      fs.accessSync(folder, fs.constants.W_OK);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new DataDirUnwritableError(folder, err as NodeJS.ErrnoException);
      }
    }
  }
}

export function pgliteClientOf(handle: DatabaseHandle): PGlite | undefined {
  // biome-ignore lint/suspicious/noExplicitAny: reaching the driver client Drizzle keeps privately
  const client = (handle.db as any).$client;
  return client instanceof PGlite ? client : undefined;
}
