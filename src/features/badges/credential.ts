import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import type { KeyPair } from '@digitalbazaar/ed25519-multikey';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { bundledDocumentLoader, OB_V3_CONTEXT, VC_V2_CONTEXT } from './credential-contexts.js';
import { issuerDid } from './issuer-identity.js';

/*
 * The credential itself: an OpenBadgeCredential (VC data model 2.0, Open Badges 3.0), signed with a Data Integrity
 * proof of the eddsa-rdfc-2022 cryptosuite by the organisation's key.
 */

export type Credential = Record<string, unknown>;

export type CredentialInput = {
  awardId: string;
  orgId: string;
  issuer: { name: string; url: string | null; imageUrl: string | null };
  achievement: { id: string; name: string; description: string; criteria: string; image: string; tags: string[] };
  recipientName: string;
  issuedAt: Date;
  expiresAt: Date | null;
  statusIndex: number;
  statusListUrl: string;
};

/** Seconds, no milliseconds: the XML Schema dateTimeStamp VC 2.0 asks for, as most verifiers print it. */
const stamp = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

/** The public address of the credential: its verification page, the link the learner shares. */
export const credentialUrl = (baseUrl: string, awardId: string) => `${baseUrl}/credentials/${awardId}`;
export const achievementUrl = (baseUrl: string, achievementId: string) => `${baseUrl}/achievements/${achievementId}`;

/** The unsigned OpenBadgeCredential for one award. */
export function buildCredential(baseUrl: string, input: CredentialInput): Credential {
  const { achievement: a, issuer } = input;
  const profile = {
    id: issuerDid(baseUrl, input.orgId),
    type: ['Profile'],
    name: issuer.name,
    ...(issuer.url && { url: issuer.url }),
    ...(issuer.imageUrl && { image: { id: issuer.imageUrl, type: 'Image' } }),
  };
  return {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: credentialUrl(baseUrl, input.awardId),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: a.name,
    issuer: profile,
    validFrom: stamp(input.issuedAt),
    ...(input.expiresAt && { validUntil: stamp(input.expiresAt) }),
    credentialSubject: {
      type: ['AchievementSubject'],
      // Learners have no DID: the subject is named (not hashed) so that whoever they show it to sees who earned it.
      identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: input.recipientName }],
      achievement: {
        id: achievementUrl(baseUrl, a.id),
        type: ['Achievement'],
        name: a.name,
        description: a.description,
        criteria: { narrative: a.criteria },
        image: { id: a.image, type: 'Image' },
        ...(a.tags.length > 0 && { tag: a.tags }),
        creator: profile,
      },
    },
    credentialStatus: {
      id: `${input.statusListUrl}#${input.statusIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(input.statusIndex),
      statusListCredential: input.statusListUrl,
    },
  };
}

/** Signs a credential (a badge, or a status list) with the issuer's key pair. */
export async function signCredential(keyPair: KeyPair, credential: Credential, at = new Date()): Promise<Credential> {
  const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite, date: at });
  // Signing reads only bundled contexts (no DID is resolved to sign).
  return vc.issue({ credential, suite, documentLoader: bundledDocumentLoader() });
}

/**
 * Signs an OpenBadgeCredential. Its proof is given as a set (an array of one), as the official Open Badges 3.0
 * JSON Schema requires (`proof` is an array there); in JSON-LD a proof and a set of one are the same, and the
 * proof is not part of what it signs, so the signature is unchanged (credential-schema.test.ts).
 */
export async function signBadgeCredential(keyPair: KeyPair, credential: Credential, at = new Date()) {
  const signed = await signCredential(keyPair, credential, at);
  return { ...signed, proof: [signed.proof].flat() };
}

/** The suite that checks eddsa-rdfc-2022 proofs (no signer: it only verifies). */
export const verifyingSuite = () => new DataIntegrityProof({ cryptosuite });
