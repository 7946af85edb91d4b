import { X509Certificate } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import xpath from 'xpath';
import type { AppContext } from '../../server/context.js';
import { checkIssuerAddress, OidcProblem } from './oidc-client.js';

/*
 * The identity provider's SAML metadata, read from the owner's upload or fetched from its URL (https on a public
 * address, the guard OIDC's issuers pass, unless SSO_ALLOW_INSECURE_ISSUERS): its entity id, where to send
 * people (HTTP-Redirect preferred, else HTTP-POST) and the certificates its signatures must verify with.
 */

export const BINDING_REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
export const BINDING_POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
const MAX_METADATA_BYTES = 512 * 1024;
const TIMEOUT_MS = 10_000;

/** What Waymark keeps of an identity provider's metadata. */
export interface IdpMetadata {
  entityId: string;
  ssoUrl: string;
  /** How the AuthnRequest travels: HTTP-Redirect when the provider offers it, else HTTP-POST. */
  ssoBinding: 'redirect' | 'post';
  /** Base64 DER, as in the metadata's X509Certificate elements. */
  certificates: string[];
}

/** A certificate as the owner sees it. */
export interface CertificateSummary {
  subject: string;
  notAfter: string;
  fingerprint: string;
}

/** Metadata that cannot be used, naming the field the owner filled in and why. */
export class MetadataProblem extends Error {
  constructor(
    readonly field: 'metadataUrl' | 'metadataXml',
    message: string,
  ) {
    super(message);
  }
}

// biome-ignore lint/correctness/useHookAtTopLevel: xpath's namespace binder, not a React hook.
const select = xpath.useNamespaces({
  md: 'urn:oasis:names:tc:SAML:2.0:metadata',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
});

const text = (nodes: unknown): string[] =>
  (Array.isArray(nodes) ? nodes : []).map((n) =>
    String(
      (n as { nodeValue?: string; textContent?: string }).nodeValue ??
        (n as { textContent?: string }).textContent ??
        '',
    ).trim(),
  );

/** Reads an identity provider's metadata XML; anything missing or unusable is a problem naming `field`. */
export function parseIdpMetadata(xml: string, field: MetadataProblem['field']): IdpMetadata {
  const fail = (why: string) => new MetadataProblem(field, why);
  if (/<!DOCTYPE/i.test(xml)) throw fail('The metadata must not contain a DOCTYPE (entities are not accepted).');
  const problems: string[] = [];
  const doc = new DOMParser({
    errorHandler: {
      warning: () => {},
      error: (message: string) => problems.push(message),
      fatalError: (message: string) => problems.push(message),
    },
  }).parseFromString(xml, 'text/xml');
  const root = doc?.documentElement;
  if (problems.length > 0 || !root)
    throw fail(`This is not well-formed XML: ${(problems[0] ?? 'empty').split('\n')[0]}`);
  const entity =
    root.localName === 'EntityDescriptor'
      ? root
      : (select('//md:EntityDescriptor[md:IDPSSODescriptor]', doc, true) as Element | undefined);
  if (entity?.namespaceURI !== 'urn:oasis:names:tc:SAML:2.0:metadata') {
    throw fail('This is not SAML 2.0 metadata: no md:EntityDescriptor was found.');
  }
  const entityId = entity.getAttribute('entityID')?.trim() ?? '';
  if (!entityId) throw fail('The metadata has no entityID.');
  const idp = select('md:IDPSSODescriptor', entity, true) as Element | undefined;
  if (!idp) throw fail('The metadata describes no identity provider (no IDPSSODescriptor).');
  const services = (select('md:SingleSignOnService', idp) as Element[]).map((s) => ({
    binding: s.getAttribute('Binding') ?? '',
    location: s.getAttribute('Location')?.trim() ?? '',
  }));
  const chosen =
    services.find((s) => s.binding === BINDING_REDIRECT && s.location) ??
    services.find((s) => s.binding === BINDING_POST && s.location);
  if (!chosen) {
    throw fail('The metadata has no SingleSignOnService with the HTTP-Redirect or HTTP-POST binding.');
  }
  let ssoUrl: URL;
  try {
    ssoUrl = new URL(chosen.location);
  } catch {
    throw fail(`The sign-in address in the metadata (${chosen.location.slice(0, 200)}) is not a web address.`);
  }
  if (ssoUrl.protocol !== 'https:' && ssoUrl.protocol !== 'http:') {
    throw fail('The sign-in address in the metadata must be an http(s) address.');
  }
  const keys = (select('md:KeyDescriptor', idp) as Element[]).filter((k) => {
    const use = k.getAttribute('use');
    return !use || use === 'signing';
  });
  const certificates = keys
    .flatMap((k) => text(select('ds:KeyInfo/ds:X509Data/ds:X509Certificate/text()', k)))
    .map((c) => c.replace(/\s+/g, ''))
    .filter((c, i, all) => c && all.indexOf(c) === i);
  if (certificates.length === 0) throw fail('The metadata has no signing certificate (X509Certificate).');
  for (const c of certificates) {
    try {
      new X509Certificate(Buffer.from(c, 'base64'));
    } catch {
      throw fail('A signing certificate in the metadata could not be read.');
    }
  }
  return {
    entityId: entityId.slice(0, 1000),
    ssoUrl: ssoUrl.toString(),
    ssoBinding: chosen.binding === BINDING_REDIRECT ? 'redirect' : 'post',
    certificates,
  };
}

export function summariseCertificate(base64: string): CertificateSummary {
  const cert = new X509Certificate(Buffer.from(base64, 'base64'));
  return {
    subject: cert.subject.replace(/\n/g, ', '),
    notAfter: new Date(cert.validTo).toISOString(),
    fingerprint: cert.fingerprint256,
  };
}

/** Fetches metadata from the provider's URL through the address guard: no redirects, 10 s, 512 KiB. */
export async function fetchIdpMetadata(ctx: AppContext, url: string): Promise<string> {
  const fail = (why: string) => new MetadataProblem('metadataUrl', why);
  try {
    await checkIssuerAddress(ctx, url);
  } catch (err) {
    if (err instanceof OidcProblem) throw fail(err.message.replace('The issuer', 'The metadata URL'));
    throw err;
  }
  let res: Response;
  try {
    // A redirect could lead to an address the guard did not check: refused rather than followed.
    res = await fetch(url, {
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml' },
    });
  } catch (err) {
    if ((err as Error).name === 'TimeoutError')
      throw fail(`The provider did not answer within ${TIMEOUT_MS / 1000} seconds.`);
    const code = ((err as Error).cause as { code?: string } | undefined)?.code;
    if (code === 'ECONNREFUSED') throw fail('Nothing answers at that address (connection refused).');
    throw fail(
      'The metadata could not be fetched from that address (it may redirect elsewhere, which is not followed).',
    );
  }
  if (!res.ok) throw fail(`The provider answered ${res.status} at that address, not the metadata.`);
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > MAX_METADATA_BYTES) throw fail('The metadata is larger than 512 KiB.');
  const body = await res.text();
  if (Buffer.byteLength(body) > MAX_METADATA_BYTES) throw fail('The metadata is larger than 512 KiB.');
  return body;
}

/** Reads metadata from the URL or the pasted XML, whichever the owner gave. */
export async function readIdpMetadata(
  ctx: AppContext,
  input: { metadataUrl?: string | undefined; metadataXml?: string | undefined },
): Promise<IdpMetadata> {
  if (input.metadataXml) return parseIdpMetadata(input.metadataXml, 'metadataXml');
  if (input.metadataUrl) return parseIdpMetadata(await fetchIdpMetadata(ctx, input.metadataUrl), 'metadataUrl');
  throw new MetadataProblem('metadataUrl', "Enter the provider's metadata URL, or paste or upload its metadata XML.");
}

/** How the metadata is kept in `sso_connection.config` (strings only: certificates one per line). */
export const metadataConfig = (m: IdpMetadata, metadataUrl: string | null): Record<string, string> => ({
  entityId: m.entityId,
  ssoUrl: m.ssoUrl,
  ssoBinding: m.ssoBinding,
  certificates: m.certificates.join('\n'),
  ...(metadataUrl && { metadataUrl }),
});

export const idpOf = (config: Record<string, string>): IdpMetadata => ({
  entityId: config.entityId ?? '',
  ssoUrl: config.ssoUrl ?? '',
  ssoBinding: config.ssoBinding === 'post' ? 'post' : 'redirect',
  certificates: (config.certificates ?? '').split('\n').filter(Boolean),
});
