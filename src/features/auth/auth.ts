import { randomUUID } from 'node:crypto';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { Database } from '../../db/client.js';
import { account, session, user, verification } from '../../db/schema/index.js';
import type { Mailer } from '../mail/mailer.js';
import { resetPasswordMail } from '../mail/templates.js';

export const SESSION_COOKIE_PREFIX = 'waymark';
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export interface AuthOptions {
  db: Database;
  mailer: Mailer;
  secret: string;
  baseUrl: string;
}

/**
 * better-auth does identity: password hashing (scrypt), sessions in HttpOnly SameSite=Lax cookies,
 * password-reset tokens. Organisations, roles and invitations are Waymark's own (see docs/decisions).
 */
export function createAuth({ db, mailer, secret, baseUrl }: AuthOptions) {
  return betterAuth({
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
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user: u, token }) => {
        await mailer.send(
          resetPasswordMail(u.email, u.name, `${baseUrl}/reset-password?token=${encodeURIComponent(token)}`),
        );
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
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
}

export type Auth = ReturnType<typeof createAuth>;
