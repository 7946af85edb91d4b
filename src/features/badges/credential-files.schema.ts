import { z } from 'zod';
import { credentialJson, verificationView } from './badges.schema.js';

/*
 * A credential as files (baked PNG and SVG, VC-JWT) and verification of a file: the shapes of
 * credential-files.routes.ts.
 */

/** The largest image or JSON file taken for verification: a baked badge with its image holds ~300 KB at most. */
export const VERIFY_FILE_MAX_BYTES = 1024 * 1024;
export const VERIFY_FILE_LIMIT_TEXT = '1 MB';

/** A compact JWS: three base64url parts. */
export const COMPACT_JWS = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/** JSON: `{ credential }` or `{ jwt }`; or a file sent as multipart/form-data (no JSON body then). */
export const verifyRequestBody = z
  .object({
    credential: credentialJson.optional(),
    jwt: z
      .string()
      .trim()
      .max(VERIFY_FILE_MAX_BYTES, { error: `Keep the JWT under ${VERIFY_FILE_LIMIT_TEXT}.` })
      .regex(COMPACT_JWS, { error: 'A VC-JWT is three parts of letters, digits, - and _ joined by dots.' })
      .optional(),
  })
  .nullish()
  .meta({ description: 'The credential as JSON or as a VC-JWT, or nothing with a multipart upload of a file.' });

export const fileVerificationView = verificationView
  .extend({
    /** Where the credential came from: sent as JSON or as a VC-JWT, or baked in an uploaded PNG or SVG. */
    source: z.enum(['json', 'jwt', 'png', 'svg']),
    /** The credential as it was found (the page shows what it says), or its VC-JWT payload. */
    credential: credentialJson,
  })
  .meta({ id: 'CredentialFileVerification' });
export type FileVerificationView = z.infer<typeof fileVerificationView>;
