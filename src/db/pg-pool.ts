import pg from 'pg';
import { nameStatements } from './pg-prepared.js';

/** How long a request waits for a PostgreSQL connection before it answers 503 (the database is away). */
export const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Connections of the app's pool unless DATABASE_POOL_SIZE says otherwise. One event loop keeps a few busy; more
 * only add PostgreSQL backends that take the CPU the loop needs (decision 2026-12-07-a-smaller-pool).
 */
export const DEFAULT_POOL_SIZE = 8;

export interface PoolOptions {
  url: string;
  max: number;
  /** Shown in pg_stat_activity; a name in the URL (`?application_name=`) wins. */
  applicationName: string;
  connectTimeoutMs?: number;
  /** Told of every connection lost (for the log and the health answer); never throws. */
  onConnectionError?: (err: Error) => void;
  onConnect?: () => void;
}

/**
 * A node-postgres pool that outlives its server: a restart, a dropped connection or `pg_terminate_backend`
 * of a busy backend must not end the process. node-postgres emits 'error' on a client whose socket dies;
 * the pool listens on idle clients only, so a checked-out client's error was unhandled and ended the
 * process. Every client gets a listener as it connects; its query in flight fails on its own (the
 * request answers 503), the pool drops the dead client when it is released and connects afresh on the
 * next request. Waiting for a connection is bounded, so requests fail fast while the database is down.
 */
export function createPool(options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.max,
    connectionTimeoutMillis: options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
    // node-postgres lets the URL's own application_name override this one.
    application_name: options.applicationName,
    // A server that vanished without closing the connection (a network partition) is noticed by TCP.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  const lost = (err: Error) => options.onConnectionError?.(err);
  const names = new Map<string, string>();
  pool.on('connect', (client) => {
    client.on('error', lost);
    nameStatements(client, names);
    options.onConnect?.();
  });
  // An idle client that loses its server: the pool has already dropped it.
  pool.on('error', lost);
  return pool;
}
