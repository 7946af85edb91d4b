import type { Readable } from 'node:stream';
import { decodeJwt } from 'jose';
import type { AppContext } from '../../server/context.js';
import { notFound, tooLarge, validationError } from '../../server/errors.js';
import { findAward } from './badges.repository.js';
import { bakePng, bakeSvg, extractBakedCredential } from './baked-image.js';
import type { Credential } from './credential.js';
import {
  COMPACT_JWS,
  type FileVerificationView,
  VERIFY_FILE_LIMIT_TEXT,
  VERIFY_FILE_MAX_BYTES,
} from './credential-files.schema.js';
import { checkCredentialJwt, credentialJwt } from './credential-jwt.js';
import { verifyBadgeCredential } from './verify-credential.js';

/*
 * A credential as files anyone with its link may download (public, like its verification page: they hold only
 * what the credential holds), and verification of a file someone uploads.
 */

/** The credential of an award as it was issued and signed; 404 when there is none. */
async function issuedCredential(ctx: AppContext, awardId: string): Promise<Credential> {
  const found = await findAward(ctx.db, awardId);
  if (!found) throw notFound('Credential');
  return JSON.parse(found.award.credential) as Credential;
}

export async function bakedPngOf(ctx: AppContext, awardId: string) {
  return bakePng(await issuedCredential(ctx, awardId));
}

export async function bakedSvgOf(ctx: AppContext, awardId: string) {
  return bakeSvg(await issuedCredential(ctx, awardId));
}

export async function jwtOf(ctx: AppContext, awardId: string) {
  return credentialJwt(ctx, await issuedCredential(ctx, awardId));
}

/** An uploaded file's bytes, refused (413 naming `file`) past the limit. */
export async function readUploadedFile(stream: Readable & { truncated?: boolean }): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > VERIFY_FILE_MAX_BYTES) {
      stream.resume();
      throw tooLarge({ file: `Keep the file under ${VERIFY_FILE_LIMIT_TEXT}.` });
    }
    chunks.push(chunk as Buffer);
  }
  if (stream.truncated) throw tooLarge({ file: `Keep the file under ${VERIFY_FILE_LIMIT_TEXT}.` });
  return Buffer.concat(chunks);
}

/** Verifies a credential sent as JSON. */
export async function verifyJson(ctx: AppContext, credential: Credential): Promise<FileVerificationView> {
  return { ...(await verifyBadgeCredential(ctx, credential)), source: 'json', credential };
}

/** Verifies an uploaded file: a credential's JSON, or a baked PNG or SVG (the credential is taken out of it). */
export async function verifyFile(ctx: AppContext, bytes: Buffer): Promise<FileVerificationView> {
  if (bytes.length === 0) throw validationError({ file: 'That file is empty.' });
  if (/^\s*\{/.test(bytes.subarray(0, 64).toString('utf8'))) {
    let credential: unknown;
    try {
      credential = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw validationError({ file: 'That file starts like JSON but is not valid JSON.' });
    }
    return verifyJson(ctx, credential as Credential);
  }
  const text = bytes.subarray(0, 4096).toString('utf8').trim();
  if (COMPACT_JWS.test(text)) return verifyJwt(ctx, text, 'jwt');
  const { kind, baked } = extractBakedCredential(bytes);
  if (typeof baked === 'string') return verifyJwt(ctx, baked, kind);
  return { ...(await verifyBadgeCredential(ctx, baked)), source: kind, credential: baked };
}

/**
 * Verifies a VC-JWT: its own signature and claims (credential-jwt.ts), then the credential it holds like any
 * other (its Data Integrity proof, issuer, expiry, revocation); the signature check says both.
 */
export async function verifyJwt(
  ctx: AppContext,
  jwt: string,
  source: FileVerificationView['source'],
): Promise<FileVerificationView> {
  const checked = await checkCredentialJwt(ctx, jwt);
  if (!checked.passed) {
    let payload: Credential = {};
    try {
      payload = decodeJwt(jwt) as Credential;
    } catch {}
    return {
      status: 'invalid',
      checks: [{ check: 'signature', passed: false, message: checked.message }],
      source,
      credential: payload,
    };
  }
  const verification = await verifyBadgeCredential(ctx, checked.credential);
  return {
    ...verification,
    checks: verification.checks.map((c) =>
      c.check === 'signature' ? { ...c, message: `${checked.message} ${c.message}` } : c,
    ),
    source,
    credential: checked.credential,
  };
}
