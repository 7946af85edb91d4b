import { randomBytes, randomUUID } from 'node:crypto';
import type { AppContext } from '../../server/context.js';
import { AppError, validationError } from '../../server/errors.js';
import { type AuditActor, recordAudit } from '../audit/index.js';
import { findOrCreateExternalUser, type PasswordRuling, startSession } from '../auth/index.js';
import { authorizationUrl, finishSignIn, newPendingSignIn, OidcProblem, oidcConfiguration } from './oidc-client.js';
import {
  type ConnectionRow,
  findAttempt,
  findConnectionById,
  findMember,
  findVerifiedDomain,
  insertAttempt,
  isVerifiedDomainOf,
  joinOrganisation,
  spendAttempt,
} from './sso.repository.js';
import type { StartSsoBody } from './sso.schema.js';
import type { SsoProblem } from './sso-problems.js';
import { callbackUrlOf, ssoSecrets } from './sso-settings.service.js';

/*
 * Signing in with the organisation's provider: the work address's verified domain names the organisation, the
 * browser goes to its provider with PKCE, state and nonce (kept in `sso_sign_in_attempt`, its id in a cookie of
 * this browser), and comes back to the callback, which checks everything, finds or makes the person, lets them
 * join with the organisation's default role, and starts a normal better-auth session.
 */

export const ATTEMPT_COOKIE = 'waymark.sso_attempt';
const ATTEMPT_MINUTES = 10;

export interface Client {
  ipAddress: string;
  userAgent: string;
}

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();
const safePath = (next: string | undefined) => (next?.startsWith('/') && !next.startsWith('//') ? next : '/');

/** What the relying party needs; a secret sealed under another AUTH_SECRET is a problem in words, not a crash. */
function connectionSettings(ctx: AppContext, c: ConnectionRow) {
  let clientSecret: string | null = null;
  try {
    clientSecret = c.secretSealed ? ssoSecrets(ctx).decrypt(c.secretSealed) : null;
  } catch {
    throw new OidcProblem(
      'unreachable',
      'its client secret cannot be read (AUTH_SECRET changed since it was saved): an owner must enter it again.',
    );
  }
  return {
    connectionId: c.id,
    version: c.version,
    issuer: c.config.issuer ?? '',
    clientId: c.config.clientId ?? '',
    clientSecret,
  };
}

function attemptCookie(ctx: AppContext, value: string, maxAge: number): string {
  const secure = ctx.config.baseUrl.startsWith('https://') ? '; Secure' : '';
  // Lax: the provider sends the browser back with a top-level GET, which carries it.
  return `${ATTEMPT_COOKIE}=${value}; Max-Age=${maxAge}; Path=/api/sso; HttpOnly; SameSite=Lax${secure}`;
}

/**
 * Starts "Sign in with your organisation": answers where to send the browser and the cookie that ties the
 * answer to this browser. An address whose domain no organisation verified, or whose organisation has no
 * provider, answers 400 saying to use the password.
 */
export async function startSsoSignIn(ctx: AppContext, input: StartSsoBody) {
  const found = await findVerifiedDomain(ctx.db, domainOf(input.email));
  if (!found?.connection) {
    throw validationError(
      { email: 'No organisation in Waymark signs in people with this address. Sign in with your password.' },
      'Single sign-on is not set up for this address.',
    );
  }
  let config: Awaited<ReturnType<typeof oidcConfiguration>>;
  try {
    config = await oidcConfiguration(ctx, connectionSettings(ctx, found.connection));
  } catch (err) {
    if (err instanceof OidcProblem) {
      throw new AppError('unavailable', `${found.orgName}'s sign-in service could not be reached: ${err.message}`);
    }
    throw err;
  }
  const pending = await newPendingSignIn();
  const id = randomBytes(24).toString('base64url');
  await insertAttempt(ctx.db, {
    id,
    connectionId: found.connection.id,
    state: pending.state,
    nonce: pending.nonce,
    codeVerifier: pending.codeVerifier,
    returnTo: safePath(input.next),
    expiresAt: new Date(Date.now() + ATTEMPT_MINUTES * 60_000),
  });
  return {
    redirectUrl: authorizationUrl(config, callbackUrlOf(ctx), pending, input.email),
    organisation: found.orgName,
    cookie: attemptCookie(ctx, id, ATTEMPT_MINUTES * 60),
  };
}

/** Where the callback sends the browser, with the cookies to set. */
export interface CallbackOutcome {
  location: string;
  cookies: string[];
}

const failedAt = (problem: SsoProblem) => `/sso/error?problem=${problem}`;
const someone = (client: Client): AuditActor => ({
  userId: null,
  name: 'Someone signing in with single sign-on',
  email: null,
  address: client.ipAddress,
});

/**
 * The provider's answer. Every refusal ends on the error page naming the problem; the attempt is used once,
 * whatever the outcome, and each failure with a known organisation is in its audit log.
 */
export async function finishSsoSignIn(
  ctx: AppContext,
  query: string,
  attemptId: string | undefined,
  client: Client,
): Promise<CallbackOutcome> {
  const clear = attemptCookie(ctx, '', 0);
  const refuse = async (problem: SsoProblem, orgId?: string, by = someone(client), detail?: string) => {
    if (orgId) {
      await recordAudit(ctx.db, by, {
        orgId,
        action: 'sso.sign_in_failed',
        details: { problem, ...(detail && { detail: detail.slice(0, 300) }) },
      });
    }
    return { location: failedAt(problem), cookies: [clear] };
  };
  const attempt = attemptId ? await findAttempt(ctx.db, attemptId) : undefined;
  if (!attempt || attempt.expiresAt.getTime() < Date.now()) return refuse('no_attempt');
  const connection = await findConnectionById(ctx.db, attempt.connectionId);
  if (!connection) return refuse('not_configured');
  const orgId = connection.organizationId;
  if (attempt.usedAt || !(await spendAttempt(ctx.db, attempt.id))) return refuse('used', orgId);

  const params = new URLSearchParams(query);
  if (params.get('error')) return refuse('idp_error', orgId, someone(client), params.get('error') ?? undefined);
  if (params.get('state') !== attempt.state) return refuse('state', orgId);

  let claims: Awaited<ReturnType<typeof finishSignIn>>;
  try {
    const config = await oidcConfiguration(ctx, connectionSettings(ctx, connection));
    claims = await finishSignIn(config, new URL(`${callbackUrlOf(ctx)}?${query}`), attempt);
  } catch (err) {
    if (err instanceof OidcProblem) return refuse(err.problem, orgId, someone(client), err.message);
    throw err;
  }
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (!email) return refuse('no_email', orgId);
  const by: AuditActor = { userId: null, name: String(claims.name ?? email), email, address: client.ipAddress };
  // The provider speaks only for the domains the organisation proved: another address would let it take over
  // someone else's account.
  if (!(await isVerifiedDomainOf(ctx.db, orgId, domainOf(email)))) return refuse('email_domain', orgId, by);

  const name = [claims.name, [claims.given_name, claims.family_name].filter(Boolean).join(' ')].find(
    (n): n is string => typeof n === 'string' && n.trim() !== '',
  );
  const identity = {
    providerId: `sso:${connection.id}`,
    accountId: claims.sub,
    email,
    name: name?.trim().slice(0, 100) ?? '',
    method: 'sso-oidc' as const,
    profile: claims,
  };
  // Two first sign-ins of one person at once (two tabs) race to make the account: the loser finds the winner's.
  const person = await findOrCreateExternalUser(ctx, identity).catch(() => findOrCreateExternalUser(ctx, identity));
  await ctx.db.transaction(async (tx) => {
    const actor: AuditActor = { ...by, userId: person.userId, name: person.name };
    const joined = await joinOrganisation(tx, {
      id: randomUUID(),
      organizationId: orgId,
      userId: person.userId,
      role: connection.defaultRole,
    });
    if (joined) {
      await recordAudit(tx, actor, {
        orgId,
        action: 'sso.joined',
        target: { kind: 'member', id: person.userId, name: person.name },
        details: { role: connection.defaultRole, newAccount: person.created },
      });
      await ctx.changes.announce({ kind: 'memberships', userId: person.userId });
    }
    await recordAudit(tx, actor, {
      orgId,
      action: 'sso.signed_in',
      details: { issuer: connection.config.issuer ?? null },
    });
  });
  const session = await startSession(ctx, person.userId, client);
  return { location: attempt.returnTo === '/' ? `/orgs/${orgId}` : attempt.returnTo, cookies: [clear, session] };
}

/**
 * Password sign-in where an organisation verified the address's domain and requires single sign-on: refused,
 * except for that organisation's owners (their recovery path, recorded as such).
 */
export async function ssoPasswordRule(
  ctx: AppContext,
  email: string,
  userId: string | undefined,
): Promise<PasswordRuling> {
  const domain = domainOf(email);
  const found = await findVerifiedDomain(ctx.db, domain);
  if (!found?.connection?.requireSso) return { kind: 'free' };
  if (userId && (await findMember(ctx.db, found.orgId, userId))?.role === 'owner') {
    return { kind: 'recovery', orgId: found.orgId };
  }
  return {
    kind: 'refused',
    orgId: found.orgId,
    message: `${found.orgName} signs in people with ${domain} addresses through its own sign-in service: choose "Sign in with your organisation" and enter your work e-mail.`,
  };
}
