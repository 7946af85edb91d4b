import { z } from 'zod';
import { credentialJson, verificationView } from './badges.schema.js';

/*
 * A credential as files (baked PNG and SVG, VC-JWT) and verification of a file: the shapes of
 * credential-files.routes.ts.
 */

/** The largest image or JSON file taken for verification: a baked badge with its image holds ~300 KB at most. */
export const VERIFY_FILE_MAX_BYTES = 1024 * 1024;
export const VERIFY_FILE_LIMIT_TEXT = '1 MB';

/** JSON: `{ credential }`; or a baked PNG/SVG sent as multipart/form-data (no JSON body then). */
export const verifyRequestBody = z
  .object({ credential: credentialJson })
  .nullish()
  .meta({ description: 'The credential as JSON, or nothing with a multipart upload of a baked PNG or SVG.' });

export const fileVerificationView = verificationView
  .extend({
    /** Where the credential came from: sent as JSON, or baked in an uploaded PNG or SVG. */
    source: z.enum(['json', 'png', 'svg']),
    /** The credential as it was found (the page shows what it says), or its VC-JWT payload. */
    credential: credentialJson,
  })
  .meta({ id: 'CredentialFileVerification' });
export type FileVerificationView = z.infer<typeof fileVerificationView>;
