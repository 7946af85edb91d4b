import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import {
  acceptItemBody,
  blogStatusView,
  enrolmentParams,
  feedItemParams,
  registerBlogBody,
} from './blog-feeds.schema.js';
import { readBlogStatus, registerBlog, removeBlog, useItemAsReflection } from './blog-feeds.service.js';

const tags = ['programmes'];

export const blogFeedsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/enrolments/:enrolmentId/blog',
      {
        schema: {
          tags,
          summary: 'Your blog for a programme: its feed’s status and the programme posts found on it',
          description: 'The participant and the programme’s organisers may read it.',
          params: enrolmentParams,
          response: { 200: blogStatusView, ...errors(401, 404) },
        },
      },
      async (req) => readBlogStatus(ctx, await req.actor(), req.params.enrolmentId),
    );
    app.put(
      '/api/enrolments/:enrolmentId/blog',
      {
        schema: {
          tags,
          summary: 'Register (or change) your blog’s RSS or Atom feed',
          description:
            'The address is read at once: one that is not a feed, or cannot be reached, answers 400 naming feedUrl and why.',
          params: enrolmentParams,
          body: registerBlogBody,
          response: { 200: blogStatusView, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) => registerBlog(ctx, await req.actor(), req.params.enrolmentId, req.body),
    );
    app.delete(
      '/api/enrolments/:enrolmentId/blog',
      {
        schema: {
          tags,
          summary: 'Stop reading your blog (posts already used as reflections stay)',
          params: enrolmentParams,
          response: { 204: z.null(), ...errors(401, 403, 404) },
        },
      },
      async (req, reply) => {
        await removeBlog(ctx, await req.actor(), req.params.enrolmentId);
        return reply.status(204).send(null);
      },
    );
    app.post(
      '/api/enrolments/:enrolmentId/blog/items/:itemId/accept',
      {
        schema: {
          tags,
          summary: 'Use a post from your blog as your reflection on a thing',
          params: feedItemParams,
          body: acceptItemBody,
          response: { 200: blogStatusView, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) =>
        useItemAsReflection(ctx, await req.actor(), req.params.enrolmentId, req.params.itemId, req.body.thingId),
    );
  };
