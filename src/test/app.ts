import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { loadConfig } from '../config.js';
import type { DatabaseHandle } from '../db/client.js';
import { SESSION_COOKIE_PREFIX } from '../features/auth/auth.js';
import type { JobsOptions } from '../features/jobs/job-queue.js';
import { buildApp } from '../server/app.js';
import type { Mailer, TxtResolver } from '../server/ports.js';
import { openTestDatabase } from './database.js';
import { createCapturingMailer } from './mailer.js';

/** A response body whose fields tests check one by one. */
// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field in the tests
export type Json = Record<string, any>;

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-auth-0123456789';

/**
 * The whole app on this file's own database, ready for `app.inject`. Closed after the file's tests.
 * Pass a mailer to replace the capturing one (e.g. one that fails), or 'outbox' for the development outbox.
 * `jobs` starts the pg-boss job queue, polling fast and retrying after a second, in a schema of its own
 * (test files share one PostgreSQL database).
 */
export async function createTestApp(
  options: {
    mailer?: Mailer | 'outbox';
    env?: Record<string, string>;
    jobs?: true | JobsOptions;
    /** A database of this file's own on PostgreSQL (see openTestDatabase). */
    ownDatabase?: boolean;
    /** PGlite in a data directory, as an installation keeps it, not in memory (see openTestDatabase). */
    databaseOnDisk?: boolean;
    /** A folder with a built web app (index.html) to serve; none by default. */
    webRoot?: string;
    /**
     * Another instance of that app: on its database, counting rate limits with it, as instances of one
     * deployment do. Its database stays open until that app closes.
     */
    instanceOf?: { database: DatabaseHandle; rateLimitNamespace: string };
    /** False for an instance that never hears the others (its caches then show what it last read). */
    hearsOthers?: false;
    /** DNS TXT answers for claimed domains (none by default: every name is unknown). */
    dns?: TxtResolver;
  } = {},
) {
  const shared = options.instanceOf;
  const database = shared
    ? shared.database
    : await openTestDatabase({ own: options.ownDatabase, onDisk: options.databaseOnDisk });
  // Each app counts rate limits apart from other test files' apps, which share the run's database and, like
  // every inject, come from 127.0.0.1; instances of one app count together.
  const rateLimitNamespace = shared ? shared.rateLimitNamespace : `test-${randomBytes(6).toString('hex')}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-test-'));
  const mailer = createCapturingMailer();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    BASE_URL: 'http://localhost:3000',
    AUTH_SECRET: TEST_SECRET,
    // Evidence files of this file's tests, removed after them.
    WAYMARK_DATA_DIR: dataDir,
    // Files where a deployment on this database keeps them by default (config.ts).
    FILE_STORE: database.kind === 'postgres' ? 'database' : 'disk',
    // Blog feeds in tests are served by the test itself, on 127.0.0.1 (blog-feeds tests check the guard off).
    FEEDS_ALLOW_PRIVATE_HOSTS: 'true',
    ...options.env,
  });
  const { app, ctx } = await buildApp({
    config,
    database,
    authSecret: TEST_SECRET,
    // 'outbox' leaves the choice to the app, which keeps mail in the database as it does without SMTP_URL.
    mailer: options.mailer === 'outbox' ? undefined : (options.mailer ?? mailer),
    logger: false,
    webRoot: options.webRoot ?? '/nonexistent',
    rateLimitNamespace,
    listenForChanges: options.hearsOthers ?? true,
    dns: options.dns ?? txtRecords(publishedTxt),
    jobs: options.jobs && {
      schema: `pgboss_test_${randomBytes(4).toString('hex')}`,
      pollingIntervalSeconds: 0.5,
      retryDelaySeconds: 1,
      retryBackoff: false,
      ...(options.jobs === true ? {} : options.jobs),
    },
  });
  await app.ready();
  // On PostgreSQL the app hears other instances on a connection of its own; until it does, caches stand aside,
  // and the moment it starts listening it forgets what they held. Tests that count queries want that settled.
  if (!(await ctx.changes.untilComplete(10_000))) throw new Error('the change feed did not start listening in 10 s');
  afterAll(async () => {
    await app.close();
    if (!shared) await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Signs in through the real route; returns the Cookie header value. */
  async function signIn(email: string, password: string): Promise<string> {
    const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
    return cookieHeaderFrom(res.headers['set-cookie']);
  }

  /**
   * A session made directly in the database, with a cookie signed the way better-auth signs it. Used
   * where a test needs many signed-in people and password hashing would dominate the run time.
   */
  async function sessionFor(userId: string): Promise<string> {
    const authContext = await ctx.auth.$context;
    const session = await authContext.internalAdapter.createSession(userId);
    const signature = createHmac('sha256', TEST_SECRET).update(session.token).digest('base64');
    return `${SESSION_COOKIE_PREFIX}.session_token=${encodeURIComponent(`${session.token}.${signature}`)}`;
  }

  /** One request, answered as its status and parsed body (null when empty). */
  async function call(method: string, url: string, headers: Record<string, string>, payload?: object) {
    const res = await app.inject({ method: method as 'GET', url, headers, ...(payload !== undefined && { payload }) });
    return { status: res.statusCode, body: (res.body ? res.json() : null) as Json };
  }

  /** Like `call`, for a set-up step that must succeed: an answer of 300 or more fails the test, showing why. */
  async function callOk(method: string, url: string, headers: Record<string, string>, payload?: object) {
    const res = await call(method, url, headers, payload);
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  return { app, ctx, db: database.db, database, rateLimitNamespace, mailer, signIn, sessionFor, call, callOk };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/** TXT records every test app's default resolver answers (name → records): tests publish theirs here. */
export const publishedTxt = new Map<string, string[][]>();

/** A resolver answering TXT look-ups from `records` (name → records); any other name is not found, as in DNS. */
export function txtRecords(records: Map<string, string[][]>): TxtResolver {
  return {
    resolveTxt: async (name) => {
      const found = records.get(name);
      if (found) return found;
      throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    },
  };
}

/** Turns Set-Cookie response headers into a Cookie request header. */
export function cookieHeaderFrom(setCookie: string | string[] | undefined): string {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  return list
    .map((c) => c.split(';')[0] as string)
    .filter((c) => !c.endsWith('='))
    .join('; ');
}
