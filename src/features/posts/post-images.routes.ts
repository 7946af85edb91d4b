import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import { receiveUpload } from '../../server/upload.js';
import { openPostImage, POST_IMAGE_MAX_BYTES, uploadPostImage } from './post-images.service.js';
import { postImageUpload } from './posts.schema.js';

export const postImagesRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // One image per request; its size is checked while it is stored (one byte over is enough to know).
    await app.register(fastifyMultipart, {
      limits: { files: 1, fields: 2, fieldSize: 200, parts: 3, fileSize: POST_IMAGE_MAX_BYTES + 1 },
      throwFileSizeLimit: false,
    });

    app.post(
      '/api/posts/images',
      {
        schema: {
          tags: ['posts'],
          summary: 'Upload an image for a post (multipart/form-data: one field `file`); answers its Markdown',
          querystring: z.object({ orgId: z.string().min(1).max(64) }),
          consumes: ['multipart/form-data'],
          response: { 201: postImageUpload, ...errors(400, 401, 404, 413) },
        },
      },
      async (req, reply) => {
        const image = await uploadPostImage(ctx, await req.actor(), req.query.orgId, () =>
          receiveUpload(req, 'an image'),
        );
        return reply.status(201).send(image);
      },
    );

    app.get(
      '/api/posts/images/:imageId',
      {
        schema: {
          tags: ['posts'],
          summary: 'An image of a post (for whoever may see the post)',
          params: z.object({ imageId: z.string().min(1).max(64) }),
          response: { 200: z.any(), ...errors(401, 404) },
        },
      },
      async (req, reply) => {
        const image = await openPostImage(ctx, await req.actor(), req.params.imageId);
        // Shown inline in posts; the type was checked against the bytes, and nothing else may run from it.
        return reply
          .type(image.contentType)
          .header('content-length', image.byteSize)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'private, max-age=3600')
          .send(image.stream);
      },
    );
  };
