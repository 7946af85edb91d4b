import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import { answerSecretFeed } from '../../server/secret-feed-answer.js';
import {
  atomDocument,
  cohortFeedLinkStatus,
  cohortFeedLinkView,
  cohortFeedParams,
  cohortParams,
  opmlDocument,
} from './cohort-feeds.schema.js';
import {
  makeFeedLink,
  readFeedLinkStatus,
  renderBlogsOpml,
  renderReflectionsAtom,
  turnOffFeedLink,
} from './cohort-feeds.service.js';

const tags = ['programmes'];
const signedOut =
  'No sign-in: the secret token in the address is the key, and the gate is asked again as its holder. ' +
  'Unknown or revoked tokens, and holders no longer in the cohort, answer 404. ' +
  'Answers 304 to an If-None-Match that names the current ETag.';

export const cohortFeedsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/cohorts/:cohortId/feed-link',
      {
        schema: {
          tags,
          summary: 'Whether you have a link to the cohort’s feeds (participants and organisers)',
          params: cohortParams,
          response: { 200: cohortFeedLinkStatus, ...errors(401, 403, 404) },
        },
      },
      async (req) => readFeedLinkStatus(ctx, await req.actor(), req.params.cohortId),
    );
    app.post(
      '/api/cohorts/:cohortId/feed-link',
      {
        schema: {
          tags,
          summary: 'Make a new personal link to the cohort’s feeds (the old one stops working)',
          description: 'Answers the Atom and OPML addresses once: only a fingerprint of the secret is kept.',
          params: cohortParams,
          response: { 201: cohortFeedLinkView, ...errors(401, 403, 404) },
        },
      },
      async (req, reply) => {
        const link = await makeFeedLink(ctx, await req.actor(), req.params.cohortId);
        // The addresses are secrets: no cache may keep the answer that carries them.
        return reply.status(201).header('cache-control', 'no-store').send(link);
      },
    );
    app.delete(
      '/api/cohorts/:cohortId/feed-link',
      {
        schema: {
          tags,
          summary: 'Turn your link to the cohort’s feeds off (its addresses answer 404 from then on)',
          params: cohortParams,
          response: { 204: z.null(), ...errors(401, 403, 404) },
        },
      },
      async (req, reply) => {
        await turnOffFeedLink(ctx, await req.actor(), req.params.cohortId);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/api/cohort-feeds/:token/reflections.atom',
      {
        schema: {
          tags,
          summary: 'A cohort’s reflections (Atom) that the link’s holder may read',
          description: signedOut,
          security: [],
          params: cohortFeedParams,
          response: { 200: atomDocument, 304: z.null(), ...errors(404) },
        },
      },
      async (req, reply) => {
        const { body, etag } = await renderReflectionsAtom(ctx, req.params.token);
        const type = 'application/atom+xml; charset=utf-8';
        return answerSecretFeed(req, reply, { body, etag, type, fileName: 'cohort-reflections.atom' });
      },
    );
    app.get(
      '/api/cohort-feeds/:token/blogs.opml',
      {
        schema: {
          tags,
          summary: 'The blogs of a cohort’s participants (OPML), to import into a feed reader',
          description: signedOut,
          security: [],
          params: cohortFeedParams,
          response: { 200: opmlDocument, 304: z.null(), ...errors(404) },
        },
      },
      async (req, reply) => {
        const { body, etag } = await renderBlogsOpml(ctx, req.params.token);
        const type = 'text/x-opml; charset=utf-8';
        return answerSecretFeed(req, reply, { body, etag, type, fileName: 'cohort-blogs.opml' });
      },
    );
  };
