import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import { searchQuery, searchResults } from './search.schema.js';
import { search } from './search.service.js';

export const searchRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/search',
      {
        schema: {
          tags: ['search'],
          summary: 'Search posts, your goals and resources, mentors and communities: only what you may open',
          querystring: searchQuery,
          response: { 200: searchResults, ...errors(400, 401, 404) },
        },
      },
      async (req) => ({
        results: await search(ctx, await req.actor(), req.query.orgId, req.query.q, req.query.limit),
      }),
    );
  };
