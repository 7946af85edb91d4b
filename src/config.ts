import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_POOL_SIZE } from './db/pg-pool.js';

/**
 * Everything Waymark reads from the environment, parsed once at start-up.
 * A bad value stops the server with a message naming the variable, rather than failing later mid-request.
 */
const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Public address people use to reach the app; links in e-mails point here. */
  BASE_URL: z.url().optional(),
  /** Embedded PGlite data directory, used when DATABASE_URL is not set. */
  WAYMARK_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(DEFAULT_POOL_SIZE),
  /** Secret that signs session cookies. Required in production; development generates one per data directory. */
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * Encrypts the badge issuers' signing keys at rest (AES-256-GCM). Optional: without it the key is derived from
   * AUTH_SECRET (HKDF), so changing AUTH_SECRET would then make stored signing keys unreadable.
   */
  BADGE_KEY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /**
   * Records this AUTH_SECRET as the one every instance on the database must use, replacing the recorded one
   * (everyone signed in is signed out). For one start when the secret is changed on purpose.
   */
  AUTH_SECRET_ROTATE: z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** smtp://user:pass@host:port or smtps://...; without it mail is kept in the database for the operator. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  /**
   * How mail leaves: `smtp` (needs SMTP_URL) or `outbox` (kept in the database, read with `npm run outbox`).
   * Defaults to smtp when SMTP_URL is set, else outbox; production must choose outbox explicitly.
   */
  MAIL_TRANSPORT: z.enum(['smtp', 'outbox'], { error: 'must be smtp or outbox' }).optional(),
  MAIL_FROM: z.string().min(3).default('Waymark <no-reply@waymark.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Set when Waymark runs behind a reverse proxy, so the client address (used by rate limits) is read
   * from X-Forwarded-For. Off by default: otherwise any client could pick its own address.
   */
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /**
   * Run background jobs (reminder scans, notification e-mails) in this process with pg-boss. On by default;
   * turn off in extra server processes when one process runs the jobs.
   */
  JOBS: z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /**
   * Behind a balancer: after SIGTERM, how long Waymark keeps answering while /api/ready says 503, so that the
   * balancer stops sending requests before Waymark stops listening. 0 (the default) stops at once.
   */
  SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  /** Attempts allowed per IP and e-mail address on sign-in within one minute. */
  SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  /** Sign-in attempts allowed per IP within one minute, whatever the addresses. */
  SIGN_IN_IP_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  /** Sign-ups allowed per IP within one minute. */
  SIGN_UP_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  /** Requests per minute one API token may make (each token counts alone; all instances share the count). */
  TOKEN_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  /**
   * Where uploaded files are kept: `disk` (under the data directory) or `database` (reached by every instance on
   * one database). Defaults to database with DATABASE_URL, disk on the embedded PGlite.
   */
  FILE_STORE: z.enum(['disk', 'database'], { error: 'must be disk or database' }).optional(),
  /** Largest evidence file accepted, in bytes (default 10 MB). */
  EVIDENCE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  /**
   * Let the blog feed reader connect to loopback and private-network addresses. Off by default: a participant's
   * feed address must never reach the server's own network (SSRF). On only for tests and local development.
   */
  FEEDS_ALLOW_PRIVATE_HOSTS: z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /**
   * Let single sign-on reach identity providers over plain http and on loopback or private-network addresses.
   * Off by default: an owner's issuer URL must not make the server call into its own network (SSRF), and
   * tokens must not cross the network in the clear. On only for tests and local development.
   */
  SSO_ALLOW_INSECURE_ISSUERS: z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
});

export type Config = z.infer<typeof configSchema> & {
  baseUrl: string;
  dataDir: string;
  databaseKind: 'pglite' | 'postgres';
  mailTransport: 'smtp' | 'outbox';
  fileStore: 'disk' | 'database';
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings from shell exports ("FOO=") mean "not set", not "set to nothing".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.NODE_ENV === 'production' && !c.AUTH_SECRET) {
    throw new ConfigError('Invalid configuration:\n  AUTH_SECRET: required when NODE_ENV=production');
  }
  if (c.AUTH_SECRET_ROTATE && !c.AUTH_SECRET) {
    throw new ConfigError(
      'Invalid configuration:\n  AUTH_SECRET_ROTATE: records a new AUTH_SECRET, but AUTH_SECRET is not set',
    );
  }
  const mailTransport = c.MAIL_TRANSPORT ?? (c.SMTP_URL ? 'smtp' : 'outbox');
  if (mailTransport === 'smtp' && !c.SMTP_URL) {
    throw new ConfigError('Invalid configuration:\n  SMTP_URL: required when MAIL_TRANSPORT=smtp');
  }
  if (mailTransport === 'outbox' && c.SMTP_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  MAIL_TRANSPORT: outbox keeps mail unsent, but SMTP_URL is set: choose one',
    );
  }
  if (c.NODE_ENV === 'production' && !c.SMTP_URL && c.MAIL_TRANSPORT !== 'outbox') {
    throw new ConfigError(
      'Invalid configuration:\n  SMTP_URL: required when NODE_ENV=production, so that people receive their mail.\n' +
        '  To keep mail in the database instead, for you to read with `npm run outbox` and pass on, set MAIL_TRANSPORT=outbox.',
    );
  }
  return {
    ...c,
    mailTransport,
    fileStore: c.FILE_STORE ?? (c.DATABASE_URL ? 'database' : 'disk'),
    baseUrl: (c.BASE_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    dataDir: path.resolve(c.WAYMARK_DATA_DIR),
    databaseKind: c.DATABASE_URL ? 'postgres' : 'pglite',
  };
}
