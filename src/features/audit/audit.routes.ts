import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import { auditList, auditParams, auditQuery, auditSettingsBody, auditSettingsView } from './audit.schema.js';
import { auditCsv, listAudit, setAuditRetention } from './audit.service.js';

export const auditRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/orgs/:orgId/audit',
      {
        schema: {
          tags: ['audit'],
          summary: "The organisation's audit log, newest first (owners and L&D admins)",
          params: auditParams,
          querystring: auditQuery,
          response: { 200: auditList, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) => listAudit(ctx, await req.actor(), req.params.orgId, req.query),
    );

    app.get(
      '/api/orgs/:orgId/audit.csv',
      {
        schema: {
          tags: ['audit'],
          summary: 'The audit log as CSV, as filtered (owners and L&D admins; the download is recorded)',
          params: auditParams,
          querystring: auditQuery,
          response: { 200: z.string(), ...errors(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        const { csv, fileName } = await auditCsv(ctx, await req.actor(), req.params.orgId, req.query);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${fileName}"`)
          .header('cache-control', 'private, no-store')
          .send(csv);
      },
    );

    app.put(
      '/api/orgs/:orgId/audit/settings',
      {
        schema: {
          tags: ['audit'],
          summary: 'How long the audit log keeps events (owners)',
          params: auditParams,
          body: auditSettingsBody,
          response: { 200: auditSettingsView, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) => setAuditRetention(ctx, await req.actor(), req.params.orgId, req.body.retentionDays),
    );
  };
