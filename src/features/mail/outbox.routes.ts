import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import { listOutbox } from './outbox.service.js';

const outboxList = z.object({
  messages: z.array(
    z.object({ id: z.string(), to: z.string(), subject: z.string(), text: z.string(), createdAt: z.iso.datetime() }),
  ),
});

export const outboxRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/outbox',
      {
        schema: {
          tags: ['mail'],
          summary:
            "Mail kept instead of sent while no SMTP server is configured: yours, and (owners) your organisations'",
          response: { 200: outboxList, ...errors(401, 404) },
        },
      },
      async (req) => listOutbox(ctx, await req.actor()),
    );
  };
