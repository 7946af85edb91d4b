import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import { replyUnavailable } from '../../server/unavailable.js';
import { APP_VERSION } from '../../server/version.js';

export const healthRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/health',
      {
        schema: {
          tags: ['health'],
          summary: 'Liveness: the process answers (without asking the database, which may be away or stuck)',
          response: {
            200: z.object({
              status: z.literal('ok'),
              db: z.enum(['pglite', 'postgres']),
              version: z.string(),
              /** What is known of the database: `unwritable` after a full disk, `unreachable` after a lost connection. */
              database: z.object({ state: z.enum(['ok', 'unreachable', 'unwritable']), reason: z.string().optional() }),
            }),
          },
        },
      },
      async () => ({
        status: 'ok' as const,
        db: ctx.database.kind,
        version: APP_VERSION,
        database: ctx.database.status(),
      }),
    );

    app.get(
      '/api/ready',
      {
        schema: {
          tags: ['health'],
          summary: 'Readiness: the database answers (503 when it does not, and while this process shuts down)',
          response: { 200: z.object({ status: z.literal('ready') }), ...errors(503) },
        },
      },
      async (req, reply) => {
        if (ctx.leaving) return replyUnavailable(reply, 'Waymark is shutting down here; another instance will answer.');
        const known = ctx.database.status();
        if (known.state === 'unwritable') {
          return replyUnavailable(reply, `The database is unwritable: ${known.reason}.`);
        }
        try {
          await ctx.database.ping();
          return { status: 'ready' as const };
        } catch (err) {
          req.log.warn({ err }, 'readiness check failed');
          return replyUnavailable(reply, 'The database cannot be reached.');
        }
      },
    );
  };
