import { randomBytes } from 'node:crypto';
import { type CacheProvider, type Profile, SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import { DOMParser } from '@xmldom/xmldom';
import type { IdpMetadata } from './saml-metadata.js';
import type { SsoProblem } from './sso-problems.js';

/*
 * The SAML 2.0 service provider, on @node-saml/node-saml (decision 2026-12-06-saml): SP-initiated sign-in by
 * HTTP-Redirect (or HTTP-POST), and the provider's POST to our assertion consumer service checked for a signed
 * assertion (an unsigned one, or one wrapped beside a forged one, is refused), its issuer, audience (our entity id), the
 * InResponseTo of the request we sent, and its times with a minute of clock skew. node-saml does not check the
 * Recipient and Destination: we do, on the verified assertion.
 */

export const NAMEID_EMAIL = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
/** Milliseconds of clock difference tolerated on NotBefore and NotOnOrAfter (as OIDC's minute). */
export const SAML_CLOCK_SKEW_MS = 60_000;

/** Where the provider knows us: one entity id and assertion consumer service per connection. */
export interface ServiceProvider {
  entityId: string;
  acsUrl: string;
}

export const samlPaths = (connectionId: string) => ({
  metadata: `/api/sso/saml/${connectionId}/metadata`,
  acs: `/api/sso/saml/${connectionId}/acs`,
});

export function serviceProviderOf(baseUrl: string, connectionId: string): ServiceProvider {
  const paths = samlPaths(connectionId);
  return { entityId: `${baseUrl}${paths.metadata}`, acsUrl: `${baseUrl}${paths.acs}` };
}

/** A SAML answer Waymark refuses, with the problem code for the error page and the detail for the audit log. */
export class SamlProblem extends Error {
  constructor(
    readonly problem: SsoProblem,
    message: string,
  ) {
    super(message);
  }
}

const pem = (base64: string) =>
  `-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g)?.join('\n')}\n-----END CERTIFICATE-----`;

/**
 * InResponseTo is matched against the one request this sign-in attempt sent (kept in the database, so any
 * instance may receive the answer); node-saml asks its cache, which here knows only that request.
 */
const oneRequest = (requestId: string | null, sentAt: Date): CacheProvider => ({
  saveAsync: async (key, value) => ({ value, createdAt: key ? Date.now() : 0 }),
  // node-saml reads the value as the time the request was sent (it must be younger than 10 minutes).
  getAsync: async (key) => (requestId !== null && key === requestId ? sentAt.toISOString() : null),
  removeAsync: async (key) => key,
});

function samlFor(sp: ServiceProvider, idp: IdpMetadata, requestId: string | null, sentAt = new Date()) {
  return new SAML({
    issuer: sp.entityId,
    callbackUrl: sp.acsUrl,
    audience: sp.entityId,
    entryPoint: idp.ssoUrl,
    idpIssuer: idp.entityId,
    idpCert: idp.certificates.map(pem),
    identifierFormat: NAMEID_EMAIL,
    wantAssertionsSigned: true,
    // Many providers sign only the assertion; the assertion's own signature is what is required.
    wantAuthnResponseSigned: false,
    acceptedClockSkewMs: SAML_CLOCK_SKEW_MS,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: 10 * 60_000,
    cacheProvider: oneRequest(requestId, sentAt),
    disableRequestedAuthnContext: true,
    // HTTP-POST carries the request as plain base64 (deflating is the Redirect binding's alone).
    skipRequestCompression: idp.ssoBinding === 'post',
    generateUniqueId: () => requestId ?? `_${randomBytes(20).toString('hex')}`,
  });
}

export const newRequestId = () => `_${randomBytes(20).toString('hex')}`;

/** HTTP-Redirect: the provider's URL carrying the AuthnRequest with this ID. */
export function authnRequestUrl(sp: ServiceProvider, idp: IdpMetadata, requestId: string): Promise<string> {
  return samlFor(sp, idp, requestId).getAuthorizeUrlAsync('', undefined, {});
}

/** HTTP-POST: the base64 AuthnRequest with this ID, for a form posted to the provider's URL. */
export async function authnRequestForPost(sp: ServiceProvider, idp: IdpMetadata, requestId: string) {
  const message = await samlFor(sp, idp, requestId).getAuthorizeMessageAsync('', undefined, {});
  return String(message.SAMLRequest);
}

/** Our SP metadata: entity id, ACS (HTTP-POST), e-mail NameID, assertions must be signed. */
export function serviceProviderMetadata(sp: ServiceProvider, idp: IdpMetadata): string {
  return samlFor(sp, idp, null)
    .generateServiceProviderMetadata(null, null)
    .replace('AuthnRequestsSigned="false"', 'AuthnRequestsSigned="false" WantAssertionsSigned="true"');
}

/** An attribute of the response's root element, when the root is a Response (parsed as node-saml parses it). */
function responseAttribute(samlResponse: string, name: 'InResponseTo' | 'Destination'): string | null {
  const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
  const root = new DOMParser({
    errorHandler: { warning: () => {}, error: () => {}, fatalError: () => {} },
  }).parseFromString(xml, 'text/xml')?.documentElement;
  if (root?.localName !== 'Response' || !root.hasAttribute(name)) return null;
  return root.getAttribute(name);
}

/** The InResponseTo a response names (read before it is checked, to find the attempt it answers). */
export function inResponseToOf(samlResponse: string): string | null {
  const value = responseAttribute(samlResponse, 'InResponseTo');
  return value && value.length <= 200 ? value : null;
}

/** What a checked assertion says about the person, and how long its ID must be remembered. */
export interface SamlIdentity {
  assertionId: string;
  expiresAt: Date;
  subject: string;
  email: string;
  name: string;
  issuer: string;
}

const EMAIL_ATTRIBUTES = [
  'email',
  'mail',
  'emailAddress',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
  'urn:oid:0.9.2342.19200300.100.1.3',
];
const GIVEN = [
  'givenName',
  'firstName',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
  'urn:oid:2.5.4.42',
];
const SURNAME = [
  'surname',
  'sn',
  'lastName',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
  'urn:oid:2.5.4.4',
];
const DISPLAY = [
  'displayName',
  'name',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name',
  'urn:oid:2.16.840.1.113730.3.1.241',
];

function attribute(attrs: Record<string, unknown>, names: string[]): string {
  for (const n of names) {
    const v = attrs[n];
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === 'string' && first.trim()) return first.trim();
  }
  return '';
}

/** Which refusal an error of node-saml's is. */
function problemOf(message: string): SsoProblem {
  if (/InResponseTo/i.test(message)) return 'saml_request';
  if (/audience/i.test(message)) return 'wrong_audience';
  // node-saml says "no valid subject confirmation" when every SubjectConfirmationData is out of its time window.
  if (/NotBefore|NotOnOrAfter|expired|not yet valid|no valid subject confirmation/i.test(message)) {
    return 'token_expired';
  }
  if (/issuer/i.test(message)) return 'wrong_issuer';
  if (/status|provider returned/i.test(message)) return 'idp_error';
  return 'saml_signature';
}

type XmlNode = { $?: Record<string, string>; [k: string]: unknown };
const first = (v: unknown) => (Array.isArray(v) ? (v[0] as XmlNode | undefined) : undefined);

/**
 * Checks the provider's POSTed response for the sign-in that sent `request` and answers who it says the
 * person is; anything wrong is a SamlProblem. Recipient (in the signed assertion) and Destination (when the
 * response names one) must be our ACS.
 */
export async function checkSamlResponse(
  sp: ServiceProvider,
  idp: IdpMetadata,
  request: { id: string; sentAt: Date },
  form: { SAMLResponse: string; RelayState?: string | undefined },
): Promise<SamlIdentity> {
  let profile: Profile | null;
  try {
    ({ profile } = await samlFor(sp, idp, request.id, request.sentAt).validatePostResponseAsync({
      SAMLResponse: form.SAMLResponse,
    }));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new SamlProblem(problemOf(message), message);
  }
  if (!profile) throw new SamlProblem('saml_signature', 'The response holds no assertion.');
  const destination = responseAttribute(form.SAMLResponse, 'Destination');
  if (destination !== null && destination !== sp.acsUrl) {
    throw new SamlProblem('saml_recipient', `The response is addressed to ${destination.slice(0, 200)}.`);
  }
  const assertion = (profile.getAssertion?.() as { Assertion?: XmlNode } | undefined)?.Assertion;
  const confirmations = (first(assertion?.Subject)?.SubjectConfirmation as XmlNode[] | undefined) ?? [];
  const data = confirmations.map((c) => first(c.SubjectConfirmationData)?.$ ?? {});
  if (data.length === 0 || data.some((d) => d.Recipient !== sp.acsUrl)) {
    throw new SamlProblem('saml_recipient', 'The assertion is meant for another recipient than our ACS URL.');
  }
  const assertionId = assertion?.$?.ID;
  if (!assertionId) throw new SamlProblem('saml_signature', 'The assertion has no ID.');
  const notOnOrAfter = [first(assertion?.Conditions)?.$?.NotOnOrAfter, ...data.map((d) => d.NotOnOrAfter)]
    .filter((v): v is string => typeof v === 'string')
    .map((v) => Date.parse(v))
    .filter((v) => Number.isFinite(v));
  const expiresAt = new Date(Math.max(Date.now() + 10 * 60_000, ...notOnOrAfter) + SAML_CLOCK_SKEW_MS);

  const attrs = (profile.attributes ?? {}) as Record<string, unknown>;
  const nameIdIsEmail = profile.nameIDFormat === NAMEID_EMAIL || /@/.test(profile.nameID ?? '');
  const email = (attribute(attrs, EMAIL_ATTRIBUTES) || (nameIdIsEmail ? (profile.nameID ?? '') : '')).toLowerCase();
  const name =
    attribute(attrs, DISPLAY) || [attribute(attrs, GIVEN), attribute(attrs, SURNAME)].filter(Boolean).join(' ');
  return {
    assertionId: assertionId.slice(0, 200),
    expiresAt,
    subject: (profile.nameID ?? '').slice(0, 500) || email,
    email,
    name: name.slice(0, 100),
    issuer: profile.issuer ?? idp.entityId,
  };
}
