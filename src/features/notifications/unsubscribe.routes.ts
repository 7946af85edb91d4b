import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import { unsubscribeQuery, unsubscribeView } from './unsubscribe.schema.js';
import { describeUnsubscribe, unsubscribe } from './unsubscribe.service.js';

/*
 * One-click unsubscribe (RFC 8058). Mail programs POST `List-Unsubscribe=One-Click` as a form to the
 * address in the List-Unsubscribe header; the token is in the address, so the body is read and ignored.
 * These parsers live in this plugin only: the rest of the API keeps accepting JSON alone.
 */
const formTypes = ['application/x-www-form-urlencoded', 'multipart/form-data'];

export const unsubscribeRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    for (const type of formTypes) {
      if (!app.hasContentTypeParser(type)) {
        app.addContentTypeParser(type, { parseAs: 'string', bodyLimit: 4096 }, (_req, _body, done) => done(null, {}));
      }
    }

    app.get(
      '/api/unsubscribe',
      {
        schema: {
          tags: ['mail'],
          summary: 'What an unsubscribe link from a reminder e-mail turns off (no sign-in needed)',
          querystring: unsubscribeQuery,
          security: [],
          response: { 200: unsubscribeView, ...errors(400, 404) },
        },
      },
      async (req) => describeUnsubscribe(ctx, req.query.token),
    );

    app.post(
      '/api/unsubscribe',
      {
        schema: {
          tags: ['mail'],
          summary: 'Turn off one kind of reminder e-mail: one-click unsubscribe (RFC 8058), no sign-in needed',
          querystring: unsubscribeQuery,
          security: [],
          response: { 200: unsubscribeView, ...errors(400, 404) },
        },
      },
      async (req) => unsubscribe(ctx, req.query.token),
    );
  };
