import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import { meView, updateMeBody } from './me.schema.js';
import { getMe, updateMe } from './me.service.js';

export const meRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/me',
      {
        schema: {
          tags: ['me'],
          summary: 'You and your organisations',
          response: { 200: meView, ...errors(401) },
        },
      },
      async (req) => getMe(ctx, await req.actor()),
    );

    app.patch(
      '/api/me',
      {
        schema: {
          tags: ['me'],
          summary: 'Change your display name',
          body: updateMeBody,
          response: { 200: meView, ...errors(400, 401) },
        },
      },
      async (req) => updateMe(ctx, await req.actor(), req.body),
    );
  };
