import type { AppContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import {
  authnRequestForPost,
  authnRequestUrl,
  checkSamlResponse,
  inResponseToOf,
  newRequestId,
  SamlProblem,
  serviceProviderMetadata,
  serviceProviderOf,
} from './saml-client.js';
import { idpOf } from './saml-metadata.js';
import {
  admitPerson,
  attemptInThisBrowser,
  type CallbackOutcome,
  type Client,
  refuser,
  someone,
} from './sign-in-steps.js';
import {
  type ConnectionRow,
  claimAttemptAnswer,
  findAttempt,
  findAttemptByRequest,
  findConnectionById,
  insertAttempt,
  rememberAssertion,
  spendAttempt,
  storeAttemptAnswer,
} from './sso.repository.js';

/*
 * SAML 2.0 sign-in, SP-initiated, in three steps:
 * 1. start: an AuthnRequest whose ID is kept as the attempt's `state`; the attempt's id goes in this browser's
 *    SameSite=Lax cookie, and the browser to the provider (HTTP-Redirect; or, for HTTP-POST, through our page
 *    that posts the request);
 * 2. the assertion consumer service: the provider's page POSTs the response cross-site, so no cookie of ours
 *    comes with it. The response's InResponseTo names the attempt (in the database: any instance may receive
 *    it); the response is checked (signed assertion, issuer, audience, recipient, times, InResponseTo), its
 *    assertion id remembered until it expires (a replay is refused), and the identity kept with the attempt;
 * 3. the browser is sent (303) to a same-site GET, which carries the cookie: only the browser that started this
 *    very attempt collects the identity, once, and is signed in (the shared step, as OIDC).
 */

export const SAML_FINISH_PATH = '/api/sso/saml/finish';
export const SAML_SEND_PATH = '/api/sso/saml/send';

const spOf = (ctx: AppContext, c: ConnectionRow) => serviceProviderOf(ctx.config.baseUrl, c.id);

/**
 * Starts an AuthnRequest for the attempt; answers where the browser goes: the provider's URL (HTTP-Redirect), or
 * our page that posts the request to the provider (HTTP-POST).
 */
export async function startSamlRequest(
  ctx: AppContext,
  connection: ConnectionRow,
  attempt: { id: string; returnTo: string; expiresAt: Date },
): Promise<string> {
  const requestId = newRequestId();
  const idp = idpOf(connection.config);
  await insertAttempt(ctx.db, { ...attempt, connectionId: connection.id, state: requestId });
  if (idp.ssoBinding === 'post') return `${ctx.config.baseUrl}${SAML_SEND_PATH}`;
  return authnRequestUrl(spOf(ctx, connection), idp, requestId);
}

/**
 * HTTP-POST binding: the form that carries this browser's AuthnRequest to the provider (the attempt in its
 * cookie, not answered yet), or null when there is none to send.
 */
export async function samlRequestForm(ctx: AppContext, attemptId: string | undefined) {
  const attempt = attemptId ? await findAttempt(ctx.db, attemptId) : undefined;
  if (!attempt || attempt.answeredAt || attempt.usedAt || attempt.expiresAt.getTime() < Date.now()) return null;
  const connection = await findConnectionById(ctx.db, attempt.connectionId);
  if (connection?.protocol !== 'saml') return null;
  const idp = idpOf(connection.config);
  const samlRequest = await authnRequestForPost(spOf(ctx, connection), idp, attempt.state);
  return { action: idp.ssoUrl, samlRequest };
}

/** Our SP metadata for a SAML connection; 404 for anything else. */
export async function samlServiceProviderMetadata(ctx: AppContext, connectionId: string): Promise<string> {
  const connection = await findConnectionById(ctx.db, connectionId);
  if (connection?.protocol !== 'saml') throw new AppError('not_found', 'No SAML connection has this address.');
  return serviceProviderMetadata(spOf(ctx, connection), idpOf(connection.config));
}

/**
 * The provider's POST to the assertion consumer service. Answers where to send the browser: the finish step
 * when the response is good, else the error page (recorded in the organisation's audit log).
 */
export async function receiveSamlResponse(
  ctx: AppContext,
  connectionId: string,
  form: { SAMLResponse: string; RelayState?: string | undefined },
  client: Client,
): Promise<CallbackOutcome> {
  const refuse = refuser(ctx, client);
  const connection = await findConnectionById(ctx.db, connectionId);
  if (connection?.protocol !== 'saml') return refuse('not_configured');
  const orgId = connection.organizationId;
  const requestId = inResponseToOf(form.SAMLResponse);
  // Unsolicited (IdP-initiated) responses answer no request of ours: refused, so every sign-in is tied to one.
  const attempt = requestId ? await findAttemptByRequest(ctx.db, connection.id, requestId) : undefined;
  if (!requestId || !attempt || attempt.expiresAt.getTime() < Date.now()) {
    return refuse('saml_request', orgId, someone(client), requestId ? 'unknown or expired request' : 'no InResponseTo');
  }
  if (!(await claimAttemptAnswer(ctx.db, attempt.id))) return refuse('used', orgId);
  try {
    const identity = await checkSamlResponse(
      spOf(ctx, connection),
      idpOf(connection.config),
      { id: requestId, sentAt: attempt.createdAt },
      form,
    );
    const first = await rememberAssertion(ctx.db, {
      connectionId: connection.id,
      assertionId: identity.assertionId,
      expiresAt: identity.expiresAt,
    });
    if (!first) throw new SamlProblem('replayed', `assertion ${identity.assertionId} was presented before`);
    await storeAttemptAnswer(ctx.db, attempt.id, {
      subject: identity.subject,
      email: identity.email,
      name: identity.name,
      issuer: identity.issuer,
    });
  } catch (err) {
    if (!(err instanceof SamlProblem)) throw err;
    await spendAttempt(ctx.db, attempt.id);
    return refuse(err.problem, orgId, someone(client), err.message);
  }
  return { location: SAML_FINISH_PATH, cookies: [] };
}

/**
 * The same-site GET after the ACS: the attempt in this browser's cookie must hold a checked answer not yet
 * collected; then the person is admitted as with any provider.
 */
export async function finishSamlSignIn(
  ctx: AppContext,
  attemptId: string | undefined,
  client: Client,
): Promise<CallbackOutcome> {
  const refuse = refuser(ctx, client);
  const found = await attemptInThisBrowser(ctx, refuse, attemptId, 'saml');
  if (found.refusal) return found.refusal;
  const { attempt, connection, orgId } = found;
  if (!attempt.answer) return refuse(attempt.usedAt ? 'used' : 'saml_request', orgId);
  if (attempt.usedAt || !(await spendAttempt(ctx.db, attempt.id))) return refuse('used', orgId);
  const { answer } = attempt;
  return admitPerson(
    ctx,
    connection,
    {
      subject: answer.subject,
      email: answer.email,
      name: answer.name,
      method: 'sso-saml',
      profile: { ...answer },
      issuer: answer.issuer,
    },
    client,
    attempt.returnTo,
  );
}
