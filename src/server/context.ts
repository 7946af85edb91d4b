import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/client.js';
import type { ChangeFeed } from './change-feed.js';
import type { FileStore, JobQueue, Mailer, TxtResolver } from './ports.js';
import type { CacheRegistry } from './read-cache.js';

/**
 * What services need from the running app, passed explicitly so tests can build one per database. It names no
 * feature's types: the mailer, file store and job queue are ports (ports.ts) features implement, and the auth
 * feature adds `auth` (its better-auth instance) to this interface itself (features/auth/auth.ts).
 */
export interface AppContext {
  config: Config;
  database: DatabaseHandle;
  db: DatabaseHandle['db'];
  mailer: Mailer;
  /** Where uploaded files are kept (FILE_STORE: the data directory or the database). */
  files: FileStore;
  log: FastifyBaseLogger;
  /** DNS TXT look-ups (claimed domains' proofs): node:dns, or a test's own answers. */
  dns: TxtResolver;
  /** What writes changed, told to this process's caches and, on PostgreSQL, to every instance's. */
  changes: ChangeFeed;
  /** The caches features declare (`defineReadCache`), kept honest by `changes`. */
  caches: CacheRegistry;
  /** The secret the app signs with (sessions; unsubscribe links use a key derived from it). */
  authSecret: string;
  /** Background jobs (pg-boss), when the app was started with them; see features/jobs. */
  jobs?: JobQueue;
  /**
   * Set by main.ts once the process is told to stop, for SHUTDOWN_DELAY_MS before it stops listening:
   * /api/ready answers 503 so that balancers take it out of rotation; every other route still answers.
   */
  leaving?: boolean;
}
