import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../server/context.js';
import { AppError, validationError } from '../../server/errors.js';
import type { PasswordRuling } from '../auth/index.js';
import {
  authorizationUrl,
  endSessionUrl,
  finishSignIn,
  newPendingSignIn,
  OidcProblem,
  oidcConfiguration,
} from './oidc-client.js';
import { startSamlRequest } from './saml-sign-in.service.js';
import {
  ATTEMPT_MINUTES,
  admitPerson,
  attemptCookie,
  attemptInThisBrowser,
  type CallbackOutcome,
  type Client,
  domainOf,
  refuser,
  someone,
} from './sign-in-steps.js';
import {
  type ConnectionRow,
  findMember,
  findSsoSession,
  findVerifiedDomain,
  insertAttempt,
  spendAttempt,
} from './sso.repository.js';
import type { StartSsoBody } from './sso.schema.js';
import { callbackUrlOf, ssoSecrets } from './sso-settings.service.js';

/*
 * Signing in with the organisation's provider: the work address's verified domain names the organisation, the
 * browser goes to its provider (SAML: saml-sign-in.service.ts; OIDC here, with PKCE, state and nonce (kept in `sso_sign_in_attempt`, its id in a cookie of
 * this browser), and comes back to the callback, which checks everything, finds or makes the person, lets them
 * join with the organisation's default role, and starts a normal better-auth session).
 */

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
  const id = randomBytes(24).toString('base64url');
  const returnTo = safePath(input.next);
  const expiresAt = new Date(Date.now() + ATTEMPT_MINUTES * 60_000);
  const cookie = attemptCookie(ctx, id, ATTEMPT_MINUTES * 60);
  if (found.connection.protocol === 'saml') {
    const redirectUrl = await startSamlRequest(ctx, found.connection, { id, returnTo, expiresAt });
    return { redirectUrl, organisation: found.orgName, cookie };
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
  await insertAttempt(ctx.db, {
    id,
    connectionId: found.connection.id,
    state: pending.state,
    nonce: pending.nonce,
    codeVerifier: pending.codeVerifier,
    returnTo,
    expiresAt,
  });
  return {
    redirectUrl: authorizationUrl(config, callbackUrlOf(ctx), pending, input.email),
    organisation: found.orgName,
    cookie,
  };
}

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
  const refuse = refuser(ctx, client);
  const found = await attemptInThisBrowser(ctx, refuse, attemptId, 'oidc');
  if (found.refusal) return found.refusal;
  const { attempt, connection, orgId } = found;
  if (attempt.usedAt || !(await spendAttempt(ctx.db, attempt.id))) return refuse('used', orgId);

  const params = new URLSearchParams(query);
  if (params.get('error')) return refuse('idp_error', orgId, someone(client), params.get('error') ?? undefined);
  if (params.get('state') !== attempt.state) return refuse('state', orgId);

  let answer: Awaited<ReturnType<typeof finishSignIn>>;
  try {
    const config = await oidcConfiguration(ctx, connectionSettings(ctx, connection));
    answer = await finishSignIn(config, new URL(`${callbackUrlOf(ctx)}?${query}`), {
      state: attempt.state,
      nonce: attempt.nonce ?? '',
      codeVerifier: attempt.codeVerifier ?? '',
    });
  } catch (err) {
    if (err instanceof OidcProblem) return refuse(err.problem, orgId, someone(client), err.message);
    throw err;
  }
  const { claims, idToken } = answer;
  const name = [claims.name, [claims.given_name, claims.family_name].filter(Boolean).join(' ')].find(
    (n): n is string => typeof n === 'string' && n.trim() !== '',
  );
  return admitPerson(
    ctx,
    connection,
    {
      subject: claims.sub,
      email: typeof claims.email === 'string' ? claims.email : '',
      name: name ?? '',
      method: 'sso-oidc',
      profile: claims,
      issuer: connection.config.issuer ?? null,
      idToken,
    },
    client,
    attempt.returnTo,
  );
}

/**
 * Signing out of a session that began at an OIDC provider whose discovery names an end_session_endpoint: where
 * the browser goes to end the provider's session too (ID token as hint, back to the sign-in page), else null.
 */
export async function providerSignOutUrl(ctx: AppContext, sessionId: string): Promise<string | null> {
  const found = await findSsoSession(ctx.db, sessionId);
  if (found?.connection.protocol !== 'oidc') return null;
  const config = await oidcConfiguration(ctx, connectionSettings(ctx, found.connection));
  return endSessionUrl(config, ssoSecrets(ctx).decrypt(found.idTokenSealed), `${ctx.config.baseUrl}/sign-in`);
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
