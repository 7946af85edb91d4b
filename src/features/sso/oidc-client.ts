import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import * as oidc from 'openid-client';
import { isPrivateAddress } from '../../server/address-guard.js';
import type { AppContext } from '../../server/context.js';
import type { DiscoveryView } from './sso.schema.js';
import type { SsoProblem } from './sso-problems.js';

/*
 * The OpenID Connect relying party, on openid-client (decision 2026-12-06-single-sign-on): discovery, the
 * authorisation code flow with PKCE (S256), state and nonce, the ID token's signature, issuer, audience and times
 * checked with a minute's tolerance for clocks that disagree.
 */

/** Seconds of clock difference tolerated on the ID token's iat, exp and nbf. */
export const CLOCK_TOLERANCE_SECONDS = 60;
const TIMEOUT_SECONDS = 10;
/** Discovered configurations are kept this long per connection version: sign-ins do not ask every time. */
const DISCOVERY_TTL_MS = 60 * 60 * 1000;

export interface OidcSettings {
  connectionId: string;
  version: number;
  issuer: string;
  clientId: string;
  clientSecret: string | null;
}

/** A problem reaching or trusting the provider, in words for the owner or the person signing in. */
export class OidcProblem extends Error {
  constructor(
    readonly problem: SsoProblem,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Refuses an issuer the server must not call: plain http, or a host on a loopback or private network (SSRF),
 * unless SSO_ALLOW_INSECURE_ISSUERS is set (tests, development). The host is resolved and every address checked.
 */
export async function checkIssuerAddress(ctx: AppContext, issuer: string): Promise<void> {
  if (ctx.config.SSO_ALLOW_INSECURE_ISSUERS) return;
  const url = new URL(issuer);
  if (url.protocol !== 'https:') {
    throw new OidcProblem(
      'unreachable',
      'The issuer must be an https:// address: tokens must not travel in the clear.',
    );
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0) throw new OidcProblem('unreachable', `${host} could not be found (DNS).`);
  if (addresses.some(isPrivateAddress)) {
    throw new OidcProblem(
      'unreachable',
      `${host} is an address inside a private network, which Waymark does not call.`,
    );
  }
}

const discovered = new Map<string, { at: number; config: oidc.Configuration }>();

async function discover(ctx: AppContext, issuer: string, clientId: string, secret: string | null) {
  await checkIssuerAddress(ctx, issuer);
  const metadata: Partial<oidc.ClientMetadata> = { [oidc.clockTolerance]: CLOCK_TOLERANCE_SECONDS };
  if (secret) metadata.client_secret = secret;
  try {
    return await oidc.discovery(
      new URL(issuer),
      clientId,
      metadata,
      secret ? oidc.ClientSecretPost(secret) : oidc.None(),
      {
        timeout: TIMEOUT_SECONDS,
        ...(ctx.config.SSO_ALLOW_INSECURE_ISSUERS && { execute: [oidc.allowInsecureRequests] }),
      },
    );
  } catch (err) {
    throw new OidcProblem('unreachable', discoveryFailure(err));
  }
}

function discoveryFailure(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: string }).code;
  if (code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED') {
    return 'The provider answered, but its document names another issuer: enter the issuer exactly as it states it.';
  }
  if (code === 'OAUTH_RESPONSE_IS_NOT_JSON' || code === 'OAUTH_RESPONSE_IS_NOT_CONFORM') {
    return 'Nothing at <issuer>/.well-known/openid-configuration looks like an OpenID Connect discovery document.';
  }
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return `The provider did not answer within ${TIMEOUT_SECONDS} seconds.`;
  }
  // The system error (ECONNREFUSED, ENOTFOUND) is some way down the chain of causes.
  let cause: string | undefined;
  for (let e = err as { cause?: unknown; code?: unknown } | undefined; e && !cause; e = e.cause as typeof e) {
    if (typeof e.code === 'string' && e.code.startsWith('E')) cause = e.code;
  }
  if (cause === 'ECONNREFUSED') return 'Nothing answers at that address (connection refused).';
  if (cause === 'ENOTFOUND') return 'That host name could not be found (DNS).';
  return `The provider's discovery document could not be read: ${message}`;
}

/** The provider's configuration for a connection, from the cache while the connection is unchanged. */
export async function oidcConfiguration(ctx: AppContext, s: OidcSettings): Promise<oidc.Configuration> {
  const key = `${s.connectionId}:${s.version}`;
  const hit = discovered.get(key);
  if (hit && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.config;
  const config = await discover(ctx, s.issuer, s.clientId, s.clientSecret);
  for (const k of discovered.keys()) if (k.startsWith(`${s.connectionId}:`)) discovered.delete(k);
  discovered.set(key, { at: Date.now(), config });
  return config;
}

/** Runs discovery for the owner's "Test the connection": what was found, or why not, in words. */
export async function describeIssuer(ctx: AppContext, issuer: string): Promise<DiscoveryView> {
  try {
    const m = (await discover(ctx, issuer, 'waymark-test', null)).serverMetadata();
    const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
    return {
      ok: true,
      issuer: m.issuer,
      authorizationEndpoint: m.authorization_endpoint ?? '',
      tokenEndpoint: m.token_endpoint ?? '',
      userinfoEndpoint: m.userinfo_endpoint ?? null,
      jwksUri: m.jwks_uri ?? null,
      scopes: list(m.scopes_supported),
      pkceMethods: list(m.code_challenge_methods_supported),
      signingAlgorithms: list(m.id_token_signing_alg_values_supported),
    };
  } catch (err) {
    if (err instanceof OidcProblem) return { ok: false, problem: err.message };
    throw err;
  }
}

/** What a sign-in must carry to the provider and expect back. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export async function newPendingSignIn(): Promise<PendingSignIn & { codeChallenge: string }> {
  const codeVerifier = oidc.randomPKCECodeVerifier();
  return {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    codeVerifier,
    codeChallenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
  };
}

export function authorizationUrl(
  config: oidc.Configuration,
  redirectUri: string,
  pending: PendingSignIn & { codeChallenge: string },
  loginHint: string,
): string {
  return oidc
    .buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge: pending.codeChallenge,
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
      login_hint: loginHint,
    })
    .toString();
}

/**
 * Exchanges the code for tokens, checks the ID token (signature, issuer, audience, times, nonce) and answers the
 * claims, completed from the userinfo endpoint when the ID token carries only the subject.
 */
export async function finishSignIn(
  config: oidc.Configuration,
  callbackUrl: URL,
  pending: PendingSignIn,
): Promise<{ claims: Record<string, unknown> & { sub: string }; idToken: string }> {
  try {
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) throw new OidcProblem('bad_token', 'No ID token.');
    if (claims.email && claims.name) return { claims: { ...claims }, idToken: tokens.id_token };
    const info = config.serverMetadata().userinfo_endpoint
      ? await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)
      : {};
    return { claims: { ...info, ...claims }, idToken: tokens.id_token };
  } catch (err) {
    throw err instanceof OidcProblem ? err : new OidcProblem(problemOf(err), err instanceof Error ? err.message : '');
  }
}

/**
 * RP-initiated logout: where to send the browser to end the provider's session (with the ID token as hint, our
 * client id, and the way back), or null when the provider's discovery names no end_session_endpoint.
 */
export function endSessionUrl(config: oidc.Configuration, idToken: string, backTo: string): string | null {
  if (!config.serverMetadata().end_session_endpoint) return null;
  return oidc
    .buildEndSessionUrl(config, {
      id_token_hint: idToken,
      client_id: config.clientMetadata().client_id,
      post_logout_redirect_uri: backTo,
    })
    .toString();
}

/** Which refusal an error from the code exchange or the ID token's checks is. */
function problemOf(err: unknown): SsoProblem {
  if (err instanceof oidc.AuthorizationResponseError) return 'idp_error';
  if (err instanceof oidc.ResponseBodyError) return err.error === 'invalid_grant' ? 'code_refused' : 'idp_error';
  const { code } = err as { code?: string };
  // openid-client wraps oauth4webapi's error; the claim that failed is named in the wrapped one's message.
  const said = `${(err as Error).message} ${((err as Error).cause as Error | undefined)?.message ?? ''}`;
  if (code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') return 'token_expired';
  if (code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED') {
    if (/"(aud|azp)"/.test(said)) return 'wrong_audience';
    if (/"iss"/.test(said)) return 'wrong_issuer';
    if (/"nonce"/.test(said)) return 'nonce';
  }
  if (code === 'OAUTH_INVALID_RESPONSE' && /"state"/.test(said)) return 'state';
  if (err instanceof TypeError || (err as Error)?.name === 'TimeoutError') return 'unreachable';
  return 'bad_token';
}
