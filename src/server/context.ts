import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/client.js';
import type { Auth } from '../features/auth/auth.js';
import type { Mailer } from '../features/mail/mailer.js';

/** What services need from the running app, passed explicitly so tests can build one per database. */
export interface AppContext {
  config: Config;
  database: DatabaseHandle;
  db: DatabaseHandle['db'];
  auth: Auth;
  mailer: Mailer;
  log: FastifyBaseLogger;
}
