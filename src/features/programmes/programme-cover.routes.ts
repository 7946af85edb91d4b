import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import { receiveUpload } from '../../server/upload.js';
import { COVER_MAX_BYTES, openProgrammeCover, setProgrammeCover } from './programme-cover.service.js';
import { programmeOutlineView, programmeParams } from './programmes.schema.js';

/** A programme's cover image; multipart is registered for these routes only. */
export const programmeCoverRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(fastifyMultipart, {
      limits: { files: 1, fields: 2, fieldSize: 200, parts: 3, fileSize: COVER_MAX_BYTES + 1 },
      throwFileSizeLimit: false,
    });
    const tags = ['programmes'];
    app.put(
      '/api/programmes/:programmeId/cover',
      {
        schema: {
          tags,
          summary: 'Set the cover image (multipart/form-data, one field `file`: PNG, JPEG or WebP, up to 2 MB)',
          params: programmeParams,
          consumes: ['multipart/form-data'],
          response: { 200: programmeOutlineView, ...errors(400, 401, 403, 404, 413) },
        },
      },
      async (req) =>
        setProgrammeCover(ctx, await req.actor(), req.params.programmeId, () => receiveUpload(req, 'an image')),
    );
    app.get(
      '/api/programmes/:programmeId/cover',
      {
        schema: {
          tags,
          summary: 'The cover image (for members who may see the programme)',
          params: programmeParams,
          response: { 200: z.any(), ...errors(401, 404) },
        },
      },
      async (req, reply) => {
        const cover = await openProgrammeCover(ctx, await req.actor(), req.params.programmeId);
        return reply
          .type(cover.contentType)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'private, max-age=300')
          .send(cover.stream);
      },
    );
  };
