import { DID_V1_CONTEXT, MULTIKEY_CONTEXT } from './credential-contexts.js';

/*
 * How an organisation is named as an issuer: did:web on BASE_URL, one DID per organisation under a path
 * (docs/decisions/2026-12-05-badge-issuer-identity.md). `did:web:host%3Aport:orgs:<id>` resolves, by the did:web
 * method, to `<BASE_URL>/orgs/<id>/did.json`.
 */

/** The organisation's DID: the host (a port's colon percent-encoded) and any path of BASE_URL, then orgs:<id>. */
export function issuerDid(baseUrl: string, orgId: string): string {
  const url = new URL(baseUrl);
  const segments = url.pathname.split('/').filter(Boolean).map(encodeURIComponent);
  return ['did:web', encodeURIComponent(url.host), ...segments, 'orgs', encodeURIComponent(orgId)].join(':');
}

/** Where a did:web DID's document is published (the did:web method's rule, for a DID with a path). */
export function didDocumentUrl(baseUrl: string, orgId: string): string {
  return `${baseUrl}/orgs/${encodeURIComponent(orgId)}/did.json`;
}

/** The organisation a DID of this app names, or undefined for any other DID. */
export function orgOfDid(baseUrl: string, did: string): string | undefined {
  const prefix = issuerDid(baseUrl, 'ORG').replace(/ORG$/, '');
  if (!did.startsWith(prefix)) return undefined;
  const rest = did.slice(prefix.length);
  return rest && !rest.includes(':') ? decodeURIComponent(rest) : undefined;
}

/** Where the organisation's revocation list (a BitstringStatusList credential) is published. */
export function statusListUrl(baseUrl: string, orgId: string): string {
  return `${baseUrl}/api/badges/status-lists/${encodeURIComponent(orgId)}`;
}

/** The organisation a status list address of this app names. */
export function orgOfStatusList(baseUrl: string, url: string): string | undefined {
  const prefix = statusListUrl(baseUrl, 'ORG').replace(/ORG$/, '');
  if (!url.startsWith(prefix)) return undefined;
  const rest = url.slice(prefix.length);
  return rest && !rest.includes('/') ? decodeURIComponent(rest) : undefined;
}

export type PublishedKey = { fragment: string; publicKeyMultibase: string };

/**
 * The DID document: every key the organisation ever signed with (retired ones too, so credentials they signed
 * still verify), each a Multikey and an assertion method.
 */
export function didDocument(did: string, keys: PublishedKey[]) {
  const methods = keys.map((k) => ({
    id: `${did}#${k.fragment}`,
    type: 'Multikey',
    controller: did,
    publicKeyMultibase: k.publicKeyMultibase,
  }));
  return {
    '@context': [DID_V1_CONTEXT, MULTIKEY_CONTEXT],
    id: did,
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
  };
}

/** One verification method of the document, as a document of its own (what a proof's verifier loads). */
export function verificationMethodDocument(document: ReturnType<typeof didDocument>, methodId: string) {
  const method = document.verificationMethod.find((m) => m.id === methodId);
  return method && { '@context': MULTIKEY_CONTEXT, ...method };
}
