import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import { planParams } from '../plans/index.js';
import { checkinParams, checkinsOfPlanView, checkinView, createCheckinBody } from './checkins.schema.js';
import { createCheckin, getCheckin, listCheckins, removeCheckin } from './checkins.service.js';

export const checkinsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/plans/:planId/checkins',
      {
        schema: {
          tags: ['check-ins'],
          summary: "A plan's check-ins, newest first, with your cadence, the next due date and the questions",
          params: planParams,
          response: { 200: checkinsOfPlanView, ...errors(401, 404) },
        },
      },
      async (req) => listCheckins(ctx, await req.actor(), req.params.planId),
    );

    app.post(
      '/api/plans/:planId/checkins',
      {
        schema: {
          tags: ['check-ins'],
          summary: 'Check in: answer the reflective questions and update the progress of goals of this plan',
          params: planParams,
          body: createCheckinBody,
          response: { 201: checkinView, ...errors(400, 401, 404, 409) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await createCheckin(ctx, await req.actor(), req.params.planId, req.body)),
    );

    app.get(
      '/api/plans/:planId/checkins/:checkinId',
      {
        schema: {
          tags: ['check-ins'],
          summary: 'One check-in of a plan',
          params: checkinParams,
          response: { 200: checkinView, ...errors(401, 404) },
        },
      },
      async (req) => getCheckin(ctx, await req.actor(), req.params.planId, req.params.checkinId),
    );

    app.delete(
      '/api/plans/:planId/checkins/:checkinId',
      {
        schema: {
          tags: ['check-ins'],
          summary: 'Delete a check-in (the goal progress it recorded stays)',
          params: checkinParams,
          response: { 204: z.null(), ...errors(401, 404) },
        },
      },
      async (req, reply) => {
        await removeCheckin(ctx, await req.actor(), req.params.planId, req.params.checkinId);
        return reply.status(204).send(null);
      },
    );
  };
