import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendDownload } from '../../server/attachment.js';
import type { AppContext } from '../../server/context.js';
import { errors, ifMatch, versionFrom } from '../../server/schemas.js';
import { receiveUpload } from '../../server/upload.js';
import {
  createEvidenceBody,
  evidenceList,
  evidenceParams,
  evidenceView,
  goalParams,
  updateEvidenceBody,
} from './evidence.schema.js';
import {
  addEvidence,
  addFileEvidence,
  deleteEvidence,
  listEvidence,
  openEvidenceFile,
  updateEvidence,
} from './evidence.service.js';

export const evidenceRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // Only these routes take multipart bodies. One file and a few short fields per request; the file's own
    // size limit is checked while it is stored (one byte over is enough to know), so busboy's is set above it.
    await app.register(fastifyMultipart, {
      limits: { files: 1, fields: 8, fieldSize: 10_000, parts: 10, fileSize: ctx.config.EVIDENCE_MAX_BYTES + 1 },
      throwFileSizeLimit: false,
    });

    const base = '/api/plans/:planId/goals/:goalId/evidence';

    app.get(
      base,
      {
        schema: {
          tags: ['evidence'],
          summary: "A goal's evidence: notes, links and files, newest first",
          params: goalParams,
          response: { 200: evidenceList, ...errors(401, 404) },
        },
      },
      async (req) => listEvidence(ctx, await req.actor(), req.params.planId, req.params.goalId),
    );

    app.post(
      base,
      {
        schema: {
          tags: ['evidence'],
          summary: 'Add a note or a link as evidence of a goal',
          params: goalParams,
          body: createEvidenceBody,
          response: { 201: evidenceView, ...errors(400, 401, 404) },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await addEvidence(ctx, await req.actor(), req.params.planId, req.params.goalId, req.body)),
    );

    app.post(
      `${base}/files`,
      {
        schema: {
          tags: ['evidence'],
          summary:
            'Upload a file as evidence (multipart/form-data: optional fields title, note, occurredOn, then one field `file`)',
          params: goalParams,
          consumes: ['multipart/form-data'],
          response: { 201: evidenceView, ...errors(400, 401, 404, 413) },
        },
      },
      async (req, reply) => {
        const view = await addFileEvidence(ctx, await req.actor(), req.params.planId, req.params.goalId, () =>
          receiveUpload(req, 'a file'),
        );
        return reply.status(201).send(view);
      },
    );

    app.patch(
      '/api/plans/:planId/evidence/:evidenceId',
      {
        schema: {
          tags: ['evidence'],
          summary: 'Edit evidence (title, note, link, date); takes the version',
          params: evidenceParams,
          headers: ifMatch,
          body: updateEvidenceBody,
          response: { 200: evidenceView, ...errors(400, 401, 404, 409) },
        },
      },
      async (req) =>
        updateEvidence(ctx, await req.actor(), req.params.planId, req.params.evidenceId, {
          ...req.body,
          version: versionFrom(req.headers['if-match'], req.body.version),
        }),
    );

    app.delete(
      '/api/plans/:planId/evidence/:evidenceId',
      {
        schema: {
          tags: ['evidence'],
          summary: 'Remove evidence (and its file)',
          params: evidenceParams,
          response: { 204: z.null(), ...errors(401, 404) },
        },
      },
      async (req, reply) => {
        await deleteEvidence(ctx, await req.actor(), req.params.planId, req.params.evidenceId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/plans/:planId/evidence/:evidenceId/file',
      {
        schema: {
          tags: ['evidence'],
          summary: 'Download the file of file evidence (only for those who may see the goal)',
          params: evidenceParams,
          response: { 200: z.unknown(), ...errors(401, 404) },
        },
      },
      async (req, reply) =>
        sendDownload(reply, await openEvidenceFile(ctx, await req.actor(), req.params.planId, req.params.evidenceId)),
    );
  };
