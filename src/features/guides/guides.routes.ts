import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import { orgParams } from '../orgs/index.js';
import { guideView, updateGuideBody } from './guides.schema.js';
import { getGuide, resetGuide, updateGuide } from './guides.service.js';

export const guidesRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/guides/:orgId',
      {
        schema: {
          tags: ['guides'],
          summary: "The organisation's guide: the prompts for each part of a plan",
          params: orgParams,
          response: { 200: guideView, ...errors(401, 404) },
        },
      },
      async (req) => getGuide(ctx, await req.actor(), req.params.orgId),
    );

    app.put(
      '/api/guides/:orgId',
      {
        schema: {
          tags: ['guides'],
          summary: "Adapt the guide's prompts (L&D admins and owners)",
          params: orgParams,
          body: updateGuideBody,
          response: { 200: guideView, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) => updateGuide(ctx, await req.actor(), req.params.orgId, req.body),
    );

    app.delete(
      '/api/guides/:orgId',
      {
        schema: {
          tags: ['guides'],
          summary: 'Go back to the built-in guide (L&D admins and owners)',
          params: orgParams,
          response: { 200: guideView, ...errors(401, 403, 404) },
        },
      },
      async (req) => resetGuide(ctx, await req.actor(), req.params.orgId),
    );
  };
