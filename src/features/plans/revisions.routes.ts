import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import { planParams, planView, restoreBody, revisionList, revisionView } from './plans.schema.js';
import { undoRevision } from './revision-undo.service.js';
import { getRevision, listRevisions, restoreRevision } from './revisions.service.js';

const revisionParams = planParams.extend({ revisionId: z.string().min(1).max(64) });

export const revisionsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/plans/:planId/revisions',
      {
        schema: {
          tags: ['plans'],
          summary: "The plan's history, newest first",
          params: planParams,
          querystring: z.object({
            before: z.coerce.number().int().min(1).optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
            entityId: z.string().min(1).max(64).optional(),
          }),
          response: {
            200: revisionList,
            ...errors(400, 401, 404),
          },
        },
      },
      async (req) => listRevisions(ctx, await req.actor(), req.params.planId, req.query),
    );

    app.get(
      '/api/plans/:planId/revisions/:revisionId',
      {
        schema: {
          tags: ['plans'],
          summary: 'One revision, with the content before and after it',
          params: revisionParams,
          response: {
            200: revisionView,
            ...errors(401, 404),
          },
        },
      },
      async (req) => getRevision(ctx, await req.actor(), req.params.planId, req.params.revisionId),
    );

    app.post(
      '/api/plans/:planId/revisions/:revisionId/restore',
      {
        schema: {
          tags: ['plans'],
          summary:
            'Bring back the whole plan, or only this revision’s item, as it was right after (or right before) this revision',
          params: revisionParams,
          body: restoreBody,
          response: { 200: planView, ...errors(400, 401, 404) },
        },
      },
      async (req) => restoreRevision(ctx, await req.actor(), req.params.planId, req.params.revisionId, req.body),
    );

    app.post(
      '/api/plans/:planId/revisions/:revisionId/undo',
      {
        schema: {
          tags: ['plans'],
          summary: 'Undo this one change: the fields it changed go back, later changes to other fields stay',
          params: revisionParams,
          response: { 200: planView, ...errors(401, 404, 409) },
        },
      },
      async (req) => undoRevision(ctx, await req.actor(), req.params.planId, req.params.revisionId),
    );
  };
