import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import {
  enlistBody,
  enlistmentLists,
  enlistmentsQuery,
  enlistmentView,
  enlistParams,
  type RespondInput,
  requestParams,
  respondBody,
} from './enlistment.schema.js';
import { enlist, listEnlistments, type StepName, takeStep } from './enlistment.service.js';

const stepSummaries: Record<StepName, string> = {
  accept: 'Accept a request to mentor (the member asked): they may then comment on the goals it is about',
  decline: 'Decline a request to mentor (the member asked)',
  withdraw: 'Withdraw a request you sent that is still waiting for an answer',
  end: 'End an accepted mentoring (either side): the access it gave ends at once',
};

export const enlistmentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/plans/:planId/network/:entryId/enlist',
      {
        schema: {
          tags: ['enlistment'],
          summary: 'Ask the member a network entry names to mentor you on the goals the entry is linked to',
          params: enlistParams,
          // No body at all is a request without a message.
          body: enlistBody.nullish(),
          response: { 201: enlistmentView, ...errors(400, 401, 404, 409) },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await enlist(ctx, await req.actor(), req.params.planId, req.params.entryId, req.body ?? {})),
    );

    app.get(
      '/api/enlistments',
      {
        schema: {
          tags: ['enlistment'],
          summary: 'Your mentoring requests in an organisation: asked of you, and sent by you',
          querystring: enlistmentsQuery,
          response: { 200: enlistmentLists, ...errors(400, 401, 404) },
        },
      },
      async (req) => listEnlistments(ctx, await req.actor(), req.query.orgId),
    );

    // The member asked answers with an optional note (no body at all is an answer without one); the learner's
    // withdrawal and either side's end take no body.
    for (const step of ['accept', 'decline', 'withdraw', 'end'] as const) {
      const answers = step === 'accept' || step === 'decline';
      app.post(
        `/api/enlistments/:id/${step}`,
        {
          schema: {
            tags: ['enlistment'],
            summary: stepSummaries[step],
            params: requestParams,
            ...(answers && { body: respondBody.nullish() }),
            response: { 200: enlistmentView, ...errors(400, 401, 403, 404, 409) },
          },
        },
        async (req) =>
          takeStep(
            ctx,
            await req.actor(),
            req.params.id,
            step,
            answers ? ((req.body as RespondInput | null) ?? {}) : {},
          ),
      );
    }
  };
