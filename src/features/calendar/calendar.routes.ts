import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import { answerSecretFeed } from '../../server/secret-feed-answer.js';
import { calendarDocument, calendarFeedParams, calendarFeedView } from './calendar.schema.js';
import { createCalendarFeed, renderCalendarFeed, turnOffCalendarFeed } from './calendar.service.js';

export const calendarRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/calendar/feed',
      {
        schema: {
          tags: ['calendar'],
          summary: 'Make a new private calendar feed address (the old one stops working)',
          description:
            'Answers the address once: only a fingerprint of its secret is kept. Subscribe to it in a calendar app.',
          response: { 201: calendarFeedView, ...errors(401) },
        },
      },
      async (req, reply) => {
        const feed = await createCalendarFeed(ctx, await req.actor());
        // The address is a secret: no cache may keep the answer that carries it.
        return reply.status(201).header('cache-control', 'no-store').send(feed);
      },
    );

    app.delete(
      '/api/calendar/feed',
      {
        schema: {
          tags: ['calendar'],
          summary: 'Turn your calendar feed off (its address answers 404 from then on)',
          response: { 204: z.null(), ...errors(401) },
        },
      },
      async (req, reply) => {
        await turnOffCalendarFeed(ctx, await req.actor());
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/calendar/:token.ics',
      {
        schema: {
          tags: ['calendar'],
          summary: 'A calendar feed (iCalendar): goal target dates, milestones and check-ins',
          description:
            'No sign-in: the secret token in the address is the key. Unknown or revoked tokens answer 404. ' +
            'Answers 304 to an If-None-Match that names the current ETag.',
          security: [],
          params: calendarFeedParams,
          response: { 200: calendarDocument, 304: z.null(), ...errors(404) },
        },
      },
      async (req, reply) => {
        const { body, etag } = await renderCalendarFeed(ctx, req.params.token);
        return answerSecretFeed(req, reply, {
          body,
          etag,
          type: 'text/calendar; charset=utf-8',
          fileName: 'waymark.ics',
        });
      },
    );
  };
