import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendDownload } from '../../server/attachment.js';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import {
  createdPortfolioLink,
  createPortfolioLinkBody,
  linkParams,
  portfolioLinkList,
  portfolioLinkView,
  portfolioQuery,
  portfolioView,
  sharedFileParams,
  sharedParams,
  updatePortfolioLinkBody,
} from './portfolio.schema.js';
import {
  createLink,
  getMyPortfolio,
  listMyLinks,
  openSharedFile,
  openSharedPortfolio,
  revokeLink,
  setLinkBadges,
} from './portfolio.service.js';

export const portfolioRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/portfolio',
      {
        schema: {
          tags: ['portfolio'],
          summary: 'Your portfolio in an organisation: your achieved goals with their evidence',
          querystring: portfolioQuery,
          response: { 200: portfolioView, ...errors(400, 401, 404) },
        },
      },
      async (req) => getMyPortfolio(ctx, await req.actor(), req.query.orgId),
    );

    app.get(
      '/api/portfolio/links',
      {
        schema: {
          tags: ['portfolio'],
          summary: 'Your secret links to your portfolio in an organisation (never their addresses)',
          querystring: portfolioQuery,
          response: { 200: portfolioLinkList, ...errors(400, 401, 404) },
        },
      },
      async (req) => listMyLinks(ctx, await req.actor(), req.query.orgId),
    );

    app.post(
      '/api/portfolio/links',
      {
        schema: {
          tags: ['portfolio'],
          summary: 'Make a secret link to your portfolio, optionally expiring',
          description: 'Answers the address once: only a fingerprint of its secret is kept.',
          body: createPortfolioLinkBody,
          response: { 201: createdPortfolioLink, ...errors(400, 401, 404) },
        },
      },
      async (req, reply) => {
        const link = await createLink(ctx, await req.actor(), req.body);
        // The address is a secret: no cache may keep the answer that carries it.
        return reply.status(201).header('cache-control', 'no-store').send(link);
      },
    );

    app.delete(
      '/api/portfolio/links/:linkId',
      {
        schema: {
          tags: ['portfolio'],
          summary: 'Revoke a secret link (it answers 404 from then on)',
          params: linkParams,
          response: { 204: z.null(), ...errors(401, 404) },
        },
      },
      async (req, reply) => {
        await revokeLink(ctx, await req.actor(), req.params.linkId);
        return reply.status(204).send(null);
      },
    );

    app.patch(
      '/api/portfolio/links/:linkId',
      {
        schema: {
          tags: ['portfolio'],
          summary: 'Choose whether a secret link shows your badges',
          params: linkParams,
          body: updatePortfolioLinkBody,
          response: { 200: portfolioLinkView, ...errors(400, 401, 404) },
        },
      },
      async (req) => setLinkBadges(ctx, await req.actor(), req.params.linkId, req.body.showBadges),
    );

    // What a secret link opens, for anyone holding it. Its answers (errors too) are kept by no cache and
    // indexed by no search engine, and never pass the address on as a referrer.
    const sharedRoutes: FastifyPluginAsyncZod = async (shared) => {
      shared.addHook('onRequest', async (_req, reply) => {
        reply
          .header('cache-control', 'private, no-store')
          .header('x-robots-tag', 'noindex')
          .header('referrer-policy', 'no-referrer');
      });

      shared.get(
        '/api/portfolio/shared/:token',
        {
          schema: {
            tags: ['portfolio'],
            summary: 'A shared portfolio: achieved goals and their evidence',
            description:
              'No sign-in: the secret token in the address is the key. Unknown, revoked and expired links, and ' +
              'links of someone who left the organisation, answer the same 404.',
            security: [],
            params: sharedParams,
            response: { 200: portfolioView, ...errors(404) },
          },
        },
        async (req) => openSharedPortfolio(ctx, req.params.token),
      );

      shared.get(
        '/api/portfolio/shared/:token/evidence/:evidenceId/file',
        {
          schema: {
            tags: ['portfolio'],
            summary: 'Download a file of a shared portfolio (evidence of one of its achieved goals only)',
            security: [],
            params: sharedFileParams,
            response: { 200: z.unknown(), ...errors(404) },
          },
        },
        async (req, reply) => sendDownload(reply, await openSharedFile(ctx, req.params.token, req.params.evidenceId)),
      );
    };
    await app.register(sharedRoutes);
  };
