import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import { goalParams } from '../evidence/index.js';
import { goalMatches, matchesQuery } from './mentoring.schema.js';
import { matchGoal } from './mentoring.service.js';

export const mentoringRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/plans/:planId/goals/:goalId/matches',
      {
        schema: {
          tags: ['mentoring'],
          summary: 'Suggested mentors, and colleagues learning the same topic, for one of your goals, with reasons',
          params: goalParams,
          querystring: matchesQuery,
          response: { 200: goalMatches, ...errors(400, 401, 404) },
        },
      },
      async (req) => matchGoal(ctx, await req.actor(), req.params.planId, req.params.goalId, req.query.limit),
    );
  };
