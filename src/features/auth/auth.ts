import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.js';
import { account, session, user, verification } from '../../db/schema/index.js';
import type { ChangeFeed } from '../../server/change-feed.js';
import { readsUncached } from '../../server/own-writes.js';
import type { Mailer } from '../../server/ports.js';
import { existingAccountMail, resetPasswordMail, verifyEmailMail } from '../mail/index.js';
import { markEmailVerified, voidResetTokens } from './auth.repository.js';

export const SESSION_COOKIE_PREFIX = 'waymark';
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
/**
 * How long a verified session is trusted without asking better-auth again: a safety net only, since sign-out,
 * password reset and renames are announced as changes and evict at once on every instance (and an instance that
 * may have missed some asks better-auth every time). A minute covers a learner's pauses between pages; at 10 s
 * nearly every page of a learner who paused was a signature check and two selects (the mixed workload, bench).
 */
export const SESSION_CACHE_TTL_MS = 60_000;
const SESSION_CACHE_MAX_ENTRIES = 10_000;

/** The person behind a verified session: what a request's actor needs. */
export interface SessionIdentity {
  userId: string;
  email: string;
  name: string;
  sessionId: string;
}

interface CachedSession {
  /** The cookie value exactly as better-auth signs it: `token.signature`. */
  signedValue: string;
  identity: SessionIdentity;
  expiresAt: number;
  storedAt: number;
}

/**
 * Sessions better-auth has verified, remembered for {@link SESSION_CACHE_TTL_MS}: its getSession costs over
 * a millisecond of CPU (endpoint machinery, WebCrypto, two queries), which dominated every signed-in request.
 * Entries are dropped when better-auth deletes the session (sign-out, password reset) or when the person is
 * renamed; a lookup that overlapped such a drop is not stored, so it cannot bring a revoked session back.
 */
export function createSessionCache(
  secret: string,
  changes: Pick<ChangeFeed, 'on' | 'onMissed' | 'complete'>,
  ttlMs = SESSION_CACHE_TTL_MS,
) {
  const entries = new Map<string, CachedSession>(); // by session token
  // Verifications under way, by signed cookie value, shared by concurrent requests (see resolveActor).
  const verifying = new Map<string, Promise<unknown>>();
  let generation = 0;

  /** After a change to the person (their sessions ended, their name): their sessions are looked up afresh. */
  const forgetUser = (userId: string) => {
    for (const [token, entry] of entries) if (entry.identity.userId === userId) entries.delete(token);
    verifying.clear();
    generation++;
  };
  changes.on('sessions', (change) => forgetUser(change.userId));
  changes.onMissed(() => {
    entries.clear();
    verifying.clear();
    generation++;
  });

  const sign = (token: string) => createHmac('sha256', secret).update(token).digest('base64');
  const forget = (token: string) => {
    entries.delete(token);
    verifying.clear(); // nobody joins a verification that began before a revocation
    generation++;
  };

  return {
    /** Changes whenever something is forgotten: compare before and after a lookup to know if it may be stored. */
    generation: () => generation,
    verifying,

    get(signedValue: string, now = Date.now()): SessionIdentity | undefined {
      // An instance that may be missing other instances' sign-outs asks better-auth every time, as does a
      // request that carries a change this instance has not heard yet (own-writes.ts).
      if (!changes.complete() || readsUncached()) return undefined;
      const token = signedValue.slice(0, Math.max(0, signedValue.lastIndexOf('.')));
      const entry = entries.get(token);
      if (!entry) return undefined;
      if (now - entry.storedAt > ttlMs || now >= entry.expiresAt) {
        entries.delete(token);
        return undefined;
      }
      const a = Buffer.from(entry.signedValue);
      const b = Buffer.from(signedValue);
      return a.length === b.length && timingSafeEqual(a, b) ? entry.identity : undefined;
    },

    /**
     * Remembers a session better-auth just verified, if `signedValue` is that session's token with a
     * valid signature and nothing was forgotten since `generationBefore`.
     */
    set(
      signedValue: string,
      session: { token: string; expiresAt: Date },
      identity: SessionIdentity,
      generationBefore: number,
    ) {
      if (generationBefore !== generation || !changes.complete() || readsUncached()) return;
      const dot = signedValue.lastIndexOf('.');
      const token = signedValue.slice(0, Math.max(0, dot));
      if (!token || token !== session.token) return;
      const expected = Buffer.from(sign(token));
      const given = Buffer.from(signedValue.slice(dot + 1));
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return;
      if (entries.size >= SESSION_CACHE_MAX_ENTRIES) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
      entries.set(token, { signedValue, identity, expiresAt: session.expiresAt.getTime(), storedAt: Date.now() });
    },

    forgetToken: forget,
    forgetUser,
  };
}

export type SessionCache = ReturnType<typeof createSessionCache>;

export interface AuthOptions {
  db: Database;
  mailer: Mailer;
  secret: string;
  baseUrl: string;
  /** Where ended sessions and renames are announced, so every instance forgets them at once. */
  changes: ChangeFeed;
  /** Where mail that better-auth sends after answering (verification, existing account) logs its failures. */
  log?: FastifyBaseLogger;
}

/**
 * better-auth does identity: password hashing (scrypt), sessions in HttpOnly SameSite=Lax cookies,
 * password-reset and address-verification tokens. Organisations, roles and invitations are Waymark's own
 * (see docs/decisions).
 *
 * With SMTP, a new account confirms its address (a link by mail) before it can sign in, and sign-up answers
 * the same for a new and an existing address (whose owner gets a mail instead). Without SMTP nobody but the
 * operator reads mail, so accounts work at once (decision 2026-12-01-mail-for-the-operator).
 */
export function createAuth({ db, mailer, secret, baseUrl, changes, log }: AuthOptions) {
  const sessionCache = createSessionCache(secret, changes);
  const verifyByMail = mailer.mode === 'smtp';
  const sendLogged = async (what: string, message: Parameters<Mailer['send']>[0]) => {
    try {
      await mailer.send(message);
    } catch (err) {
      log?.error({ err }, `${what} e-mail could not be sent`);
      throw err;
    }
  };
  // Before a session is deleted this process forgets it (so a verification under way cannot store it past the
  // delete); after, the end of the person's sessions is announced to every instance.
  const forgetSession = async (s: { token: string }) => sessionCache.forgetToken(s.token);
  const sessionEnded = async (s: { token: string; userId?: unknown }) => {
    sessionCache.forgetToken(s.token);
    if (typeof s.userId === 'string') await changes.announce({ kind: 'sessions', userId: s.userId });
  };
  const personChanged = async (u: { id?: unknown }) => {
    if (typeof u.id === 'string') await changes.announce({ kind: 'sessions', userId: u.id });
  };
  const auth = betterAuth({
    appName: 'Waymark',
    baseURL: baseUrl,
    basePath: '/api/auth',
    secret,
    trustedOrigins: [baseUrl],
    database: drizzleAdapter(db, { provider: 'pg', schema: { user, session, account, verification } }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      autoSignIn: true,
      requireEmailVerification: verifyByMail,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      // A new link voids the older ones: only the newest reset mail works.
      sendResetPassword: async ({ user: u, token }) => {
        await voidResetTokens(db, u.id, token);
        await mailer.send(
          resetPasswordMail(u.email, u.name, `${baseUrl}/reset-password?token=${encodeURIComponent(token)}`),
        );
      },
      // Using a link voids every other one; the link came by mail, so the address is proven too. Sessions
      // are deleted by better-auth (the session hooks forget them); forgetting the person here is a second lock.
      onPasswordReset: async ({ user: u }) => {
        await voidResetTokens(db, u.id);
        await markEmailVerified(db, u.id, u.email);
        await changes.announce({ kind: 'sessions', userId: u.id });
      },
      onExistingUserSignUp: async ({ user: u }) => {
        await sendLogged('existing-account', existingAccountMail(u.email, u.name, `${baseUrl}/sign-in`));
      },
    },
    emailVerification: verifyByMail
      ? {
          sendOnSignUp: true,
          // Signing in unconfirmed sends a fresh link: the way to ask for another one.
          sendOnSignIn: true,
          autoSignInAfterVerification: true,
          expiresIn: 24 * 60 * 60,
          sendVerificationEmail: async ({ user: u, token }) => {
            await sendLogged(
              'address-verification',
              verifyEmailMail(u.email, u.name, `${baseUrl}/verify-email?token=${encodeURIComponent(token)}`),
            );
          },
        }
      : undefined,
    session: {
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
    },
    // Before and after: a request verifying the session between the two cannot cache it past the delete.
    databaseHooks: {
      session: {
        delete: { before: forgetSession, after: sessionEnded },
        update: { after: sessionEnded },
      },
      user: { update: { after: personChanged }, delete: { before: personChanged, after: personChanged } },
    },
    advanced: {
      cookiePrefix: SESSION_COOKIE_PREFIX,
      useSecureCookies: baseUrl.startsWith('https://'),
      database: { generateId: () => randomUUID() },
    },
    // Sign-in is rate-limited by Fastify on our own route, where we also see the e-mail address.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    logger: { disabled: true },
  });
  return Object.assign(auth, { sessionCache });
}

export type Auth = ReturnType<typeof createAuth>;

declare module '../../server/context.js' {
  interface AppContext {
    /**
     * better-auth, as createAuth configures it. The auth feature adds this field to the context itself: its type
     * is better-auth's, which the server must not import from a feature (see server/context.ts).
     */
    auth: Auth;
  }
}
