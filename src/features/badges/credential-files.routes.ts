import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentHeader } from '../../server/attachment.js';
import type { AppContext } from '../../server/context.js';
import { validationError } from '../../server/errors.js';
import { errors } from '../../server/schemas.js';
import { receiveUpload } from '../../server/upload.js';
import { awardParams } from './badges.schema.js';
import { fileVerificationView, VERIFY_FILE_MAX_BYTES, verifyRequestBody } from './credential-files.schema.js';
import {
  bakedPngOf,
  bakedSvgOf,
  jwtOf,
  readUploadedFile,
  verifyFile,
  verifyJson,
  verifyJwt,
} from './credential-files.service.js';

/**
 * Public by design, like the credential's page: the baked badge images of a credential, and verification of a
 * credential sent as JSON or as a file (its JSON, or a baked PNG or SVG). Multipart is registered here only.
 */
export const credentialFilesRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['badges'];
    await app.register(fastifyMultipart, {
      limits: { files: 1, fields: 0, parts: 1, fileSize: VERIFY_FILE_MAX_BYTES + 1 },
      throwFileSizeLimit: false,
    });

    /** A file to download, never shown as a page of ours (an SVG could otherwise be rendered at our origin). */
    const download = (type: string, fileName: string) => ({
      'content-type': type,
      'content-disposition': attachmentHeader(fileName),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
    });

    // The credential as files: the baked badge images and the VC-JWT, each a download named after the award.
    const files = [
      {
        file: 'badge.png',
        type: 'image/png',
        summary: 'The badge as a PNG with its credential baked in (iTXt "openbadgecredential"; public)',
        make: bakedPngOf,
      },
      {
        file: 'badge.svg',
        type: 'image/svg+xml; charset=utf-8',
        summary: 'The badge as an SVG with its credential baked in (<openbadges:credential>; public)',
        make: bakedSvgOf,
      },
      {
        file: 'credential.jwt',
        type: 'application/jwt',
        summary: 'The credential as a VC-JWT (compact JWS, EdDSA by the key that signed it; public)',
        make: jwtOf,
      },
    ];
    for (const { file, type, summary, make } of files) {
      const extension = file.split('.')[1];
      app.get(
        `/api/credentials/:awardId/${file}`,
        { schema: { tags, summary, params: awardParams, response: { 200: z.any(), ...errors(404) } } },
        async (req, reply) => {
          const body = await make(ctx, req.params.awardId);
          return reply.headers(download(type, `badge-${req.params.awardId}.${extension}`)).send(body);
        },
      );
    }
    app.post(
      '/api/credentials/verify',
      {
        schema: {
          tags,
          summary:
            'Verify an Open Badges 3.0 credential (JSON { credential } or { jwt }, or multipart/form-data: one field ' +
            '`file`, its JSON, its VC-JWT or a baked PNG or SVG): signature, issuer, expiry and revocation, in words',
          consumes: ['application/json', 'multipart/form-data'],
          body: verifyRequestBody,
          response: { 200: fileVerificationView, ...errors(400, 413) },
        },
      },
      async (req) => {
        if (req.isMultipart()) {
          const upload = await receiveUpload(req, 'a badge image (PNG or SVG) or a credential (JSON)');
          return verifyFile(ctx, await readUploadedFile(upload.stream));
        }
        if (req.body?.jwt) return verifyJwt(ctx, req.body.jwt, 'jwt');
        if (!req.body?.credential) {
          throw validationError({
            credential:
              'Send the credential as JSON ({ "credential": … }) or a VC-JWT ({ "jwt": … }), or upload a file.',
          });
        }
        return verifyJson(ctx, req.body.credential);
      },
    );
  };
