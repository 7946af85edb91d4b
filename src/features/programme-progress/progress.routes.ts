import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentHeader } from '../../server/attachment.js';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import { nudgeParticipants } from './nudge.service.js';
import { nudgeBody, nudgeResult, programmeParams, progressQuery, progressView } from './progress.schema.js';
import { programmeProgress, programmeProgressCsv } from './progress.service.js';

export const programmeProgressRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['programmes'];
    app.get(
      '/api/programmes/:programmeId/progress',
      {
        schema: {
          tags,
          summary: 'Participants’ progress thing by thing, the completion funnel and who is behind (organisers)',
          params: programmeParams,
          querystring: progressQuery,
          response: { 200: progressView, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) => programmeProgress(ctx, await req.actor(), req.params.programmeId, req.query),
    );
    app.get(
      '/api/programmes/:programmeId/progress.csv',
      {
        schema: {
          tags,
          summary: 'Every participant’s progress as CSV, a column per thing (organisers)',
          params: programmeParams,
          response: { 200: z.string(), ...errors(401, 403, 404) },
        },
      },
      async (req, reply) => {
        const { fileName, csv } = await programmeProgressCsv(ctx, await req.actor(), req.params.programmeId);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', attachmentHeader(fileName))
          .header('cache-control', 'private, no-store')
          .send(csv);
      },
    );
    app.post(
      '/api/programmes/:programmeId/nudges',
      {
        schema: {
          tags,
          summary: 'Nudge participants (by default those behind), each at most once a day (organisers)',
          params: programmeParams,
          body: nudgeBody,
          response: { 200: nudgeResult, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) => nudgeParticipants(ctx, await req.actor(), req.params.programmeId, req.body.memberIds),
    );
  };
