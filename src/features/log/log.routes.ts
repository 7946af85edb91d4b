import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { errors, ifMatch, versionFrom } from '../../server/schemas.js';
import { evidenceView } from '../evidence/index.js';
import { shareView } from '../plans/index.js';
import {
  createLogBody,
  listLogQuery,
  logEntryParams,
  logEntryView,
  logPage,
  logToEvidenceBody,
  logToShareBody,
  myGoalList,
  updateLogBody,
} from './log.schema.js';
import {
  captureLearning,
  deleteLogEntry,
  getLogEntry,
  listMyGoals,
  listMyLogJson,
  updateLogEntry,
} from './log.service.js';
import { logEntryToEvidence, logEntryToShare } from './log-uses.service.js';

export const logRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/log',
      {
        schema: {
          tags: ['log'],
          summary: 'Log something you learned (quick capture)',
          description:
            'With a `captureKey`, sending the same capture again (after an answer that never arrived) answers 200 ' +
            'with the entry the first one made, never a second entry.',
          body: createLogBody,
          response: { 201: logEntryView, 200: logEntryView, ...errors(400, 401, 404, 409) },
        },
      },
      async (req, reply) => {
        const { created, entry } = await captureLearning(ctx, await req.actor(), req.body);
        return reply.status(created ? 201 : 200).send(entry);
      },
    );

    app.get(
      '/api/log',
      {
        schema: {
          tags: ['log'],
          summary: 'Your learning log, newest first: filter by goal, form and dates, search, page by cursor',
          querystring: listLogQuery,
          response: { 200: logPage, ...errors(400, 401, 404) },
        },
      },
      async (req, reply) => {
        // Built by the database in the documented shape (log.test.ts checks it against the schema).
        const json = await listMyLogJson(ctx, await req.actor(), req.query);
        return reply.type('application/json; charset=utf-8').send(json as unknown as z.infer<typeof logPage>);
      },
    );

    app.get(
      '/api/log/:entryId',
      {
        schema: {
          tags: ['log'],
          summary: 'One entry of your log',
          params: logEntryParams,
          response: { 200: logEntryView, ...errors(401, 404) },
        },
      },
      async (req) => getLogEntry(ctx, await req.actor(), req.params.entryId),
    );

    app.patch(
      '/api/log/:entryId',
      {
        schema: {
          tags: ['log'],
          summary: 'Edit an entry of your log',
          params: logEntryParams,
          headers: ifMatch,
          body: updateLogBody,
          response: { 200: logEntryView, ...errors(400, 401, 404, 409) },
        },
      },
      async (req) =>
        updateLogEntry(ctx, await req.actor(), req.params.entryId, {
          ...req.body,
          version: versionFrom(req.headers['if-match'], req.body.version),
        }),
    );

    app.delete(
      '/api/log/:entryId',
      {
        schema: {
          tags: ['log'],
          summary: 'Delete an entry of your log',
          params: logEntryParams,
          response: { 204: z.null(), ...errors(401, 404) },
        },
      },
      async (req, reply) => {
        await deleteLogEntry(ctx, await req.actor(), req.params.entryId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/goals',
      {
        schema: {
          tags: ['plans'],
          summary: 'Your goals across your plans in an organisation',
          querystring: z.object({ orgId: z.string().min(1).max(64) }),
          response: { 200: myGoalList, ...errors(400, 401, 404) },
        },
      },
      async (req) => ({ goals: await listMyGoals(ctx, await req.actor(), req.query.orgId) }),
    );

    app.post(
      '/api/log/:entryId/evidence',
      {
        schema: {
          tags: ['log'],
          summary: 'Use a log entry as evidence of its goal (or of the goal named)',
          params: logEntryParams,
          body: logToEvidenceBody,
          response: { 201: evidenceView, ...errors(400, 401, 404) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await logEntryToEvidence(ctx, await req.actor(), req.params.entryId, req.body)),
    );

    app.post(
      '/api/log/:entryId/share',
      {
        schema: {
          tags: ['log'],
          summary: 'Record a log entry as a share done for one of your sharing commitments',
          params: logEntryParams,
          body: logToShareBody,
          response: { 201: shareView, ...errors(400, 401, 404, 409) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await logEntryToShare(ctx, await req.actor(), req.params.entryId, req.body)),
    );
  };
