import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import { planParams } from '../plans/index.js';
import { homeParams, homeView, planNextStepsView } from './home.schema.js';
import { readHome, readPlanNextSteps } from './home.service.js';

export const homeRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/orgs/:orgId/home',
      {
        schema: {
          tags: ['home'],
          summary:
            'What is next for you in an organisation: the guide or the steps after it, check-ins and dates due, ' +
            'sharing behind, what others wait for from you, recent posts you follow; for admins, the organisation in counts',
          params: homeParams,
          response: { 200: homeView, ...errors(400, 401, 404) },
        },
      },
      async (req) => readHome(ctx, await req.actor(), req.params.orgId),
    );

    app.get(
      '/api/plans/:planId/next-steps',
      {
        schema: {
          tags: ['home'],
          summary:
            "Your plan's steps after the guide, as home suggests them: share it, ask for a learning agreement, set check-ins",
          params: planParams,
          response: { 200: planNextStepsView, ...errors(401, 404) },
        },
      },
      async (req) => readPlanNextSteps(ctx, await req.actor(), req.params.planId),
    );
  };
