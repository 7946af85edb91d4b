import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { decodeProtectedHeader, importJWK, jwtVerify, SignJWT } from 'jose';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { issuerKeys } from './badges.repository.js';
import type { Credential } from './credential.js';
import { orgOfDid } from './issuer-identity.js';
import { signingKeyPair } from './issuer-keys.js';

/*
 * The same credential as a VC-JWT (Open Badges 3.0, "JSON Web Token Proof Format"), for wallets and verifiers
 * that read JWTs: a compact JWS, EdDSA (Ed25519) by the very key that made the credential's Data Integrity proof.
 * The JOSE header is { alg, kid, typ: "JWT" } (the kid is that key's id in the issuer's DID document); the
 * payload is the signed credential (its embedded proof made first, as the specification asks) with the claims
 * iss (issuer.id), jti (id), nbf (validFrom) and exp (validUntil). `sub` is left out: the subject has no id
 * (learners have no DID; they are named in `identifier`). Ed25519 signatures are deterministic, so the token
 * is the same every time it is made: it is made on download, not stored.
 */

const numericDate = (dateTime: unknown) =>
  typeof dateTime === 'string' ? Math.floor(Date.parse(dateTime) / 1000) : undefined;

/** The key that signed a credential's Data Integrity proof, as its DID URL (did:web:...#key-n). */
export function signingKeyIdOf(credential: Credential): string {
  const proof = [credential.proof].flat()[0] as { verificationMethod?: unknown } | undefined;
  if (typeof proof?.verificationMethod !== 'string') throw new Error('The credential has no proof to follow.');
  return proof.verificationMethod;
}

/** The JWT payload of a credential: the credential with the registered claims Open Badges 3.0 maps to it. */
export function jwtPayloadOf(credential: Credential) {
  const issuer = credential.issuer as { id: string };
  const exp = numericDate(credential.validUntil);
  return {
    ...credential,
    iss: issuer.id,
    jti: credential.id as string,
    nbf: numericDate(credential.validFrom) as number,
    ...(exp !== undefined && { exp }),
  };
}

/** Signs an issued credential as a VC-JWT with the issuer key that signed it (rotated keys are kept). */
export async function credentialJwt(ctx: AppContext, credential: Credential): Promise<string> {
  const kid = signingKeyIdOf(credential);
  const [did = '', fragment] = kid.split('#');
  const orgId = orgOfDid(ctx.config.baseUrl, did);
  const key = orgId ? (await issuerKeys(ctx.db, orgId)).find((k) => k.fragment === fragment) : undefined;
  if (!key) throw notFound('Credential');
  const jwk = await Ed25519Multikey.toJwk({ keyPair: await signingKeyPair(ctx, key), secretKey: true });
  // The library keeps the secret key NaCl-style (the 32-byte seed, then the public key); a JWK's `d` is the seed.
  const seed = Buffer.from(jwk.d as string, 'base64url')
    .subarray(0, 32)
    .toString('base64url');
  const privateKey = await importJWK({ ...jwk, d: seed }, 'EdDSA');
  return new SignJWT(jwtPayloadOf(credential)).setProtectedHeader({ alg: 'EdDSA', kid, typ: 'JWT' }).sign(privateKey);
}

/** The registered claims a VC-JWT adds around the credential (taken off to get the credential back). */
const JWT_CLAIMS = ['iss', 'jti', 'nbf', 'exp', 'sub', 'iat'] as const;

export type JwtCheck = { passed: true; credential: Credential; message: string } | { passed: false; message: string };

/**
 * Checks a VC-JWT as Open Badges 3.0 says: the key named by `kid` is one the issuer's DID document publishes (our
 * issuers only: nothing is fetched), jose verifies the EdDSA signature with it, and iss/jti/nbf/exp equal the
 * credential's issuer, id, validFrom and validUntil. The credential inside is then checked like any other.
 */
export async function checkCredentialJwt(ctx: AppContext, jwt: string): Promise<JwtCheck> {
  let kid: unknown;
  try {
    const header = decodeProtectedHeader(jwt);
    if (header.alg !== 'EdDSA') return { passed: false, message: `Its JWT is signed with ${header.alg}, not EdDSA.` };
    kid = header.kid;
  } catch {
    return { passed: false, message: 'It is not a readable JWT.' };
  }
  const [did = '', fragment] = typeof kid === 'string' ? kid.split('#') : [];
  const orgId = orgOfDid(ctx.config.baseUrl, did);
  const key = orgId ? (await issuerKeys(ctx.db, orgId)).find((k) => k.fragment === fragment) : undefined;
  if (!key)
    return { passed: false, message: `The key that signed its JWT (${String(kid)}) is not one its issuer publishes.` };
  const publicKey = await Ed25519Multikey.from({
    '@context': 'https://w3id.org/security/multikey/v1',
    type: 'Multikey',
    id: kid,
    controller: did,
    publicKeyMultibase: key.publicKeyMultibase,
  });
  let payload: Record<string, unknown>;
  try {
    // Dates are their own check (expiry): the signature is judged as of the day the credential took effect.
    const unverified = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
    const at = typeof unverified.nbf === 'number' ? new Date(unverified.nbf * 1000) : new Date();
    ({ payload } = await jwtVerify(
      jwt,
      await importJWK({ ...(await Ed25519Multikey.toJwk({ keyPair: publicKey })) }, 'EdDSA'),
      {
        algorithms: ['EdDSA'],
        currentDate: at,
      },
    ));
  } catch {
    return {
      passed: false,
      message: 'The signature of its JWT is not valid: it was changed after it was signed, or signed with another key.',
    };
  }
  const credential = Object.fromEntries(
    Object.entries(payload).filter(([k]) => !(JWT_CLAIMS as readonly string[]).includes(k)),
  ) as Credential;
  const expected = jwtPayloadOf(credential);
  const wrong = (['iss', 'jti', 'nbf', 'exp'] as const).filter((claim) => payload[claim] !== expected[claim as 'iss']);
  if (wrong.length > 0) {
    return { passed: false, message: `Its JWT's claims ${wrong.join(', ')} do not match the credential it holds.` };
  }
  return { passed: true, credential, message: `Its JWT's signature (EdDSA, ${String(kid)}) is valid.` };
}
