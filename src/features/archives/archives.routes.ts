import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentHeader, sendDownload } from '../../server/attachment.js';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import { orgParams } from '../orgs/index.js';
import { archiveFileParams, archiveList, archiveParams, removedMemberList } from './archives.schema.js';
import { downloadArchive, listMyArchives, listRemovedMembers, openArchivedFile } from './archives.service.js';

export const archivesRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/me/archives',
      {
        schema: {
          tags: ['me'],
          summary: 'Your data from organisations you left or were removed from, kept for you to download',
          response: { 200: archiveList, ...errors(401) },
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'private, no-store');
        return listMyArchives(ctx, await req.actor());
      },
    );

    app.get(
      '/api/me/archives/:archiveId/download',
      {
        schema: {
          tags: ['me'],
          summary: 'Download one archive as JSON: plans (importable), check-ins, evidence, log and posts',
          params: archiveParams,
          response: { 200: z.string(), ...errors(401, 404) },
        },
      },
      async (req, reply) => {
        const file = await downloadArchive(ctx, await req.actor(), req.params.archiveId);
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', attachmentHeader(file.fileName))
          .header('cache-control', 'private, no-store')
          .send(file.body);
      },
    );

    app.get(
      '/api/me/archives/:archiveId/files/:fileId',
      {
        schema: {
          tags: ['me'],
          summary: 'Download one evidence file kept with an archive',
          params: archiveFileParams,
          response: { 200: z.any(), ...errors(401, 404) },
        },
      },
      async (req, reply) =>
        sendDownload(reply, await openArchivedFile(ctx, await req.actor(), req.params.archiveId, req.params.fileId)),
    );

    app.get(
      '/api/orgs/:orgId/removed-members',
      {
        schema: {
          tags: ['members'],
          summary: 'People removed from the organisation whose data is still kept for them (owners and L&D admins)',
          params: orgParams,
          response: { 200: removedMemberList, ...errors(401, 403, 404) },
        },
      },
      async (req) => listRemovedMembers(ctx, await req.actor(), req.params.orgId),
    );
  };
