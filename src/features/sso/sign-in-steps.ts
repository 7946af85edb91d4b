import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../server/context.js';
import { type AuditActor, recordAudit } from '../audit/index.js';
import { findOrCreateExternalUser, startSession } from '../auth/index.js';
import {
  type ConnectionRow,
  findAttempt,
  findConnectionById,
  insertSsoSession,
  isVerifiedDomainOf,
  joinOrganisation,
} from './sso.repository.js';
import type { SsoProblem } from './sso-problems.js';
import { ssoSecrets } from './sso-settings.service.js';

/*
 * The steps every single sign-on ends with, whatever the protocol: the attempt cookie, refusals that end on the
 * error page (and in the audit log), and admitting the person the provider vouched for — the e-mail's domain
 * checked, the person found or made, joined with the default role, recorded, and given a normal session.
 */

export const ATTEMPT_COOKIE = 'waymark.sso_attempt';
export const ATTEMPT_MINUTES = 10;

export interface Client {
  ipAddress: string;
  userAgent: string;
}

/** Where the browser goes next, with the cookies to set. */
export interface CallbackOutcome {
  location: string;
  cookies: string[];
}

export const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

export function attemptCookie(ctx: AppContext, value: string, maxAge: number): string {
  const secure = ctx.config.baseUrl.startsWith('https://') ? '; Secure' : '';
  // Lax: the provider sends the browser back with a top-level GET (OIDC's callback, SAML's finish), which
  // carries it; SAML's cross-site POST does not, which is why it stops at the database (decision 2026-12-06-saml).
  return `${ATTEMPT_COOKIE}=${value}; Max-Age=${maxAge}; Path=/api/sso; HttpOnly; SameSite=Lax${secure}`;
}

export const someone = (client: Client): AuditActor => ({
  userId: null,
  name: 'Someone signing in with single sign-on',
  email: null,
  address: client.ipAddress,
});

/** A refusal: to the error page naming the problem, the attempt cookie cleared, recorded when the organisation is known. */
export function refuser(ctx: AppContext, client: Client) {
  const clear = attemptCookie(ctx, '', 0);
  return async (
    problem: SsoProblem,
    orgId?: string,
    by = someone(client),
    detail?: string,
  ): Promise<CallbackOutcome> => {
    if (orgId) {
      await recordAudit(ctx.db, by, {
        orgId,
        action: 'sso.sign_in_failed',
        details: { problem, ...(detail && { detail: detail.slice(0, 300) }) },
      });
    }
    return { location: `/sso/error?problem=${problem}`, cookies: [clear] };
  };
}

/**
 * The sign-in attempt this browser's cookie names, while it lasts, with its connection of the given protocol; or
 * the refusal to answer instead (no attempt, expired, or the organisation's sign-in is not of this protocol).
 */
export async function attemptInThisBrowser(
  ctx: AppContext,
  refuse: ReturnType<typeof refuser>,
  attemptId: string | undefined,
  protocol: ConnectionRow['protocol'],
) {
  const attempt = attemptId ? await findAttempt(ctx.db, attemptId) : undefined;
  if (!attempt || attempt.expiresAt.getTime() < Date.now()) return { refusal: await refuse('no_attempt') };
  const connection = await findConnectionById(ctx.db, attempt.connectionId);
  if (connection?.protocol !== protocol) return { refusal: await refuse('not_configured') };
  return { attempt, connection, orgId: connection.organizationId };
}

/** Who the provider says the person is. */
export interface VouchedIdentity {
  subject: string;
  email: string;
  name: string;
  method: 'sso-oidc' | 'sso-saml';
  profile: Record<string, unknown>;
  /** The provider, for the audit log (OIDC's issuer, SAML's entity id). */
  issuer: string | null;
  /** OIDC: the ID token, kept sealed with the session for ending the provider's session at sign-out. */
  idToken?: string;
}

/**
 * Admits the person the provider vouched for: their e-mail must be in a domain the organisation verified; they
 * are found by the provider's subject, else by address, else made; they join with the default role; each step
 * is in the audit log; they get a normal session and go on to where they were going.
 */
export async function admitPerson(
  ctx: AppContext,
  connection: ConnectionRow,
  identity: VouchedIdentity,
  client: Client,
  returnTo: string,
): Promise<CallbackOutcome> {
  const refuse = refuser(ctx, client);
  const orgId = connection.organizationId;
  const email = identity.email.trim().toLowerCase();
  if (!email) return refuse('no_email', orgId);
  const by: AuditActor = { userId: null, name: identity.name || email, email, address: client.ipAddress };
  // The provider speaks only for the domains the organisation proved: another address would let it take over
  // someone else's account.
  if (!(await isVerifiedDomainOf(ctx.db, orgId, domainOf(email)))) return refuse('email_domain', orgId, by);

  const external = {
    providerId: `sso:${connection.id}`,
    accountId: identity.subject,
    email,
    name: identity.name.trim().slice(0, 100),
    method: identity.method,
    profile: identity.profile,
  };
  // Two first sign-ins of one person at once (two tabs) race to make the account: the loser finds the winner's.
  const person = await findOrCreateExternalUser(ctx, external).catch(() => findOrCreateExternalUser(ctx, external));
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
      details: { protocol: connection.protocol, issuer: identity.issuer },
    });
  });
  const session = await startSession(ctx, person.userId, client);
  if (identity.idToken) {
    await insertSsoSession(ctx.db, {
      sessionId: session.sessionId,
      connectionId: connection.id,
      idTokenSealed: ssoSecrets(ctx).encrypt(identity.idToken),
    });
  }
  return {
    location: returnTo === '/' ? `/orgs/${orgId}` : returnTo,
    cookies: [attemptCookie(ctx, '', 0), session.cookie],
  };
}
