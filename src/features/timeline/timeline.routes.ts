import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import { goalParams } from '../evidence/index.js';
import { goalTimelineView } from './timeline.schema.js';
import { goalTimeline } from './timeline.service.js';

export const timelineRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/plans/:planId/goals/:goalId/timeline',
      {
        schema: {
          tags: ['evidence'],
          summary: "A goal's timeline: its log entries, evidence, check-ins and shares, newest first",
          params: goalParams,
          response: { 200: goalTimelineView, ...errors(401, 404) },
        },
      },
      async (req) => goalTimeline(ctx, await req.actor(), req.params.planId, req.params.goalId),
    );
  };
