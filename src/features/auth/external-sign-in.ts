import { createHmac } from 'node:crypto';
import { isUniqueViolation } from '../../db/unique.js';
import type { AppContext } from '../../server/context.js';

/*
 * Signing in with someone else's word for who the person is (single sign-on): the person is found or made with
 * better-auth's own adapter, and the session is one of better-auth's, in its cookie, signed as better-auth signs
 * it. So everything that follows — the session cache, sign-out, the change feed — works as for a password.
 */

/** Who the identity provider says signed in. */
export interface ExternalIdentity {
  /** `sso:<connection id>`: the account's provider. */
  providerId: string;
  /** The provider's stable subject (OIDC `sub`). */
  accountId: string;
  /** Lower case; the caller has checked the provider may speak for this address. */
  email: string;
  name: string;
  /** How better-auth is told the person came: `sso-oidc` (later `sso-saml`). */
  method: 'sso-oidc' | 'sso-saml';
  /** The provider's claims as received, for better-auth's provisioning hook. */
  profile: Record<string, unknown>;
}

export interface ExternalUser {
  userId: string;
  email: string;
  name: string;
  /** A new Waymark account was made for the person. */
  created: boolean;
}

/**
 * The person behind an external identity: the account already linked to the provider's subject, else the
 * account with that address (linked now: the caller has checked the provider speaks for the address's domain),
 * else a new account with a confirmed address. The name follows the provider's.
 *
 * Two first sign-ins of one person at once (two tabs) race: both may make the account, or both link it. The
 * database lets one win (unique address, unique provider subject); the loser looks again and finds the winner's
 * account, at each of the two steps it could lose (so up to three looks).
 */
export async function findOrCreateExternalUser(ctx: AppContext, identity: ExternalIdentity): Promise<ExternalUser> {
  // The account this sign-in made, if it made one: it may then lose the link to a racer who found the account
  // first and linked it, and its next look finds the account linked, but it is still the sign-in that made it.
  const made: { userId?: string } = {};
  for (let attempt = 1; ; attempt++) {
    try {
      const person = await findOrCreateOnce(ctx, identity, made);
      return { ...person, created: person.created || person.userId === made.userId };
    } catch (err) {
      if (attempt >= 3 || !isUniqueViolation(err)) throw err;
    }
  }
}

async function findOrCreateOnce(
  ctx: AppContext,
  identity: ExternalIdentity,
  made: { userId?: string },
): Promise<ExternalUser> {
  const { internalAdapter } = await ctx.auth.$context;
  const key = { providerId: identity.providerId, accountId: identity.accountId };
  const owned = await internalAdapter.findAccountOwnerByKey(key);
  if (owned?.kind === 'owned') {
    const { user } = owned;
    if (identity.name && identity.name !== user.name)
      await internalAdapter.updateUser(user.id, { name: identity.name });
    return { userId: user.id, email: user.email, name: identity.name || user.name, created: false };
  }
  const found = await internalAdapter.findUserByEmail(identity.email);
  if (found) {
    await internalAdapter.linkAccount({ ...key, userId: found.user.id });
    if (!found.user.emailVerified) await internalAdapter.updateUser(found.user.id, { emailVerified: true });
    return { userId: found.user.id, email: found.user.email, name: found.user.name, created: false };
  }
  const user = await internalAdapter.createUser(
    { email: identity.email, name: identity.name || identity.email, emailVerified: true },
    { method: identity.method, sso: { providerId: identity.providerId, profile: identity.profile } },
  );
  made.userId = user.id;
  await internalAdapter.linkAccount({ ...key, userId: user.id });
  return { userId: user.id, email: user.email, name: user.name, created: true };
}

/**
 * Starts a better-auth session for the person and answers its id and Set-Cookie header: the session token signed with
 * HMAC-SHA-256 under the auth secret (`token.signature`, as better-auth's own cookies are), with better-auth's
 * cookie name and attributes and its session lifetime.
 */
export async function startSession(
  ctx: AppContext,
  userId: string,
  client: { ipAddress: string; userAgent: string },
): Promise<{ cookie: string; sessionId: string }> {
  const auth = await ctx.auth.$context;
  const session = await auth.internalAdapter.createSession(userId, false, client);
  const signature = createHmac('sha256', auth.secret).update(session.token).digest('base64');
  const { name, attributes } = auth.authCookies.sessionToken;
  const parts = [`${name}=${encodeURIComponent(`${session.token}.${signature}`)}`];
  parts.push(`Max-Age=${auth.sessionConfig.expiresIn}`, `Path=${attributes.path ?? '/'}`);
  if (attributes.httpOnly) parts.push('HttpOnly');
  if (attributes.secure) parts.push('Secure');
  if (attributes.sameSite)
    parts.push(`SameSite=${attributes.sameSite[0]?.toUpperCase()}${attributes.sameSite.slice(1)}`);
  return { cookie: parts.join('; '), sessionId: session.id };
}
