import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import { APP_VERSION } from '../../server/version.js';

export const healthRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/health',
      {
        schema: {
          tags: ['health'],
          summary: 'Liveness: the process answers',
          response: {
            200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() }),
          },
        },
      },
      async () => ({ status: 'ok' as const, db: ctx.database.kind, version: APP_VERSION }),
    );

    app.get(
      '/api/ready',
      {
        schema: {
          tags: ['health'],
          summary: 'Readiness: the database answers (503 when it does not)',
          response: { 200: z.object({ status: z.literal('ready') }), ...errors(503) },
        },
      },
      async (req, reply) => {
        try {
          await ctx.database.ping();
          return { status: 'ready' as const };
        } catch (err) {
          req.log.warn({ err }, 'readiness check failed');
          return reply.status(503).send({ error: { code: 'unavailable', message: 'The database cannot be reached.' } });
        }
      },
    );
  };
