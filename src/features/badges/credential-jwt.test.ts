import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { createCast } from '../../test/actors.js';
import { createTestApp, type Json } from '../../test/app.js';
import { awardedToSelf } from '../../test/badge-verifier.js';
import { multipart } from '../../test/multipart.js';

const t = await createTestApp();

/** The public key a verifier finds for a `kid`: the issuer's DID document, as the app publishes it. */
async function publicKeyOf(kid: string, orgId: string) {
  const did = await t.callOk('GET', `/orgs/${orgId}/did.json`, {});
  const method = did.verificationMethod.find((m: Json) => m.id === kid);
  expect(did.assertionMethod).toContain(kid);
  const keyPair = await Ed25519Multikey.from({ '@context': 'https://w3id.org/security/multikey/v1', ...method });
  return importJWK({ ...(await Ed25519Multikey.toJwk({ keyPair })) }, 'EdDSA');
}

describe('the credential as a VC-JWT', () => {
  it('is signed EdDSA by the issuer’s key, which jose verifies from the DID document, before and after rotation', async () => {
    const c = await createCast(t);
    const { admin, awardId, credential } = await awardedToSelf(t, c, { name: 'Data storyteller', expiryDays: 30 });
    const res = await t.app.inject({ method: 'GET', url: `/api/credentials/${awardId}/credential.jwt` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/jwt');
    expect(res.headers['content-disposition']).toContain(`filename="badge-${awardId}.jwt"`);
    const jwt = res.body;

    const header = decodeProtectedHeader(jwt);
    expect(header).toEqual({ alg: 'EdDSA', kid: credential.proof[0].verificationMethod, typ: 'JWT' });
    const { payload } = await jwtVerify(jwt, await publicKeyOf(header.kid as string, c.org.id), {
      issuer: credential.issuer.id,
      algorithms: ['EdDSA'],
    });
    const { iss, jti, nbf, exp, ...inside } = payload;
    expect(inside).toEqual(credential);
    expect(jti).toBe(credential.id);
    expect(nbf).toBe(Date.parse(credential.validFrom) / 1000);
    expect(exp).toBe(Date.parse(credential.validUntil) / 1000);

    // Tampered: the payload changed, the signature no longer matches.
    const [h, p, s] = jwt.split('.');
    const forged = Buffer.from(JSON.stringify({ ...payload, name: 'Data wizard' })).toString('base64url');
    await expect(jwtVerify(`${h}.${forged}.${s}`, await publicKeyOf(header.kid as string, c.org.id))).rejects.toThrow(
      /signature verification failed/,
    );
    expect(p).not.toBe(forged);

    // Our verifier reads it too, sent as JSON or as the downloaded file; the forged one is invalid, in words.
    const ours = await t.callOk('POST', '/api/credentials/verify', {}, { jwt });
    expect(ours).toMatchObject({ status: 'valid', source: 'jwt', credential: { id: credential.id } });
    expect(ours.checks.find((ch: Json) => ch.check === 'signature').message).toContain(
      `Its JWT's signature (EdDSA, ${header.kid}) is valid.`,
    );
    const file = await multipart({}, { name: 'badge.jwt', type: 'application/jwt', bytes: Buffer.from(jwt) });
    const uploaded = await t.app.inject({ method: 'POST', url: '/api/credentials/verify', ...file });
    expect(uploaded.json()).toMatchObject({ status: 'valid', source: 'jwt' });
    const refused = await t.callOk('POST', '/api/credentials/verify', {}, { jwt: `${h}.${forged}.${s}` });
    expect(refused.status).toBe('invalid');
    expect(refused.checks).toEqual([
      {
        check: 'signature',
        passed: false,
        message:
          'The signature of its JWT is not valid: it was changed after it was signed, or signed with another key.',
      },
    ]);

    // After a rotation the token is still made by the key that signed the credential, and still verifies.
    await t.callOk('POST', `/api/orgs/${c.org.id}/badges/issuer/rotate-key`, admin);
    const again = (await t.app.inject({ method: 'GET', url: `/api/credentials/${awardId}/credential.jwt` })).body;
    expect(again).toBe(jwt);
    expect(decodeProtectedHeader(again).kid).toMatch(/#key-1$/);
  });

  it('answers 404 for a credential that does not exist', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/credentials/00000000-0000-4000-8000-000000000000/credential.jwt',
    });
    expect(res.statusCode).toBe(404);
  });
});
