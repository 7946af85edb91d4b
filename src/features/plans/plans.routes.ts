import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentHeader } from '../../server/attachment.js';
import type { AppContext } from '../../server/context.js';
import { errors, ifMatch, versionFrom } from '../../server/schemas.js';
import { planDocument } from './plan-content.js';
import { createPlanFrom, exportPlan, importPlan } from './plan-transfer.service.js';
import { createPlanBody, listPlansQuery, planList, planParams, planView, updatePlanBody } from './plans.schema.js';
import { deletePlan, listMyPlans, readPlan, updatePlan } from './plans.service.js';

export const plansRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/plans',
      {
        schema: {
          tags: ['plans'],
          summary: 'Your plans in an organisation',
          querystring: listPlansQuery,
          response: { 200: planList, ...errors(400, 401, 404) },
        },
      },
      async (req) => ({ plans: await listMyPlans(ctx, await req.actor(), req.query.orgId) }),
    );

    app.post(
      '/api/plans',
      {
        schema: {
          tags: ['plans'],
          summary: 'Start a plan for a cycle: empty, from a template, or carrying forward unfinished goals',
          body: createPlanBody,
          response: { 201: planView, ...errors(400, 401, 404) },
        },
      },
      async (req, reply) => reply.status(201).send(await createPlanFrom(ctx, await req.actor(), req.body)),
    );

    app.post(
      '/api/plans/import',
      {
        schema: {
          tags: ['plans'],
          summary: 'Import a plan from its JSON export',
          body: z.object({ organizationId: z.string().min(1).max(64), document: planDocument }),
          response: { 201: planView, ...errors(400, 401, 404) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await importPlan(ctx, await req.actor(), req.body.organizationId, req.body.document)),
    );

    app.get(
      '/api/plans/:planId',
      {
        schema: {
          tags: ['plans'],
          summary: 'The whole plan: details and all four parts',
          params: planParams,
          response: { 200: planView, 304: z.null(), ...errors(401, 404) },
        },
      },
      async (req, reply) => {
        const plan = await readPlan(ctx, await req.actor(), req.params.planId);
        const { etag } = plan;
        reply.header('etag', etag).header('cache-control', 'private, no-cache').header('vary', 'accept-encoding');
        if (req.headers['if-none-match'] === etag) return reply.status(304).send(null);
        // Serialised once per change of the plan (see readPlan), compressed once per encoding asked for.
        reply.type('application/json; charset=utf-8');
        const accepts = req.headers['accept-encoding'] ?? '';
        if (/\bbr\b/.test(accepts)) {
          return reply
            .header('content-encoding', 'br')
            .send(plan.compressed('br') as unknown as z.infer<typeof planView>);
        }
        if (/\bgzip\b/.test(accepts)) {
          return reply
            .header('content-encoding', 'gzip')
            .send(plan.compressed('gzip') as unknown as z.infer<typeof planView>);
        }
        return reply.send(plan.json as unknown as z.infer<typeof planView>);
      },
    );

    app.patch(
      '/api/plans/:planId',
      {
        schema: {
          tags: ['plans'],
          summary: "Change the plan's cycle or title (with its version), or your place in the guide",
          params: planParams,
          headers: ifMatch,
          body: updatePlanBody,
          response: { 200: planView, ...errors(400, 401, 404, 409) },
        },
      },
      async (req) =>
        updatePlan(ctx, await req.actor(), req.params.planId, {
          ...req.body,
          version: versionFrom(req.headers['if-match'], req.body.version),
        }),
    );

    app.delete(
      '/api/plans/:planId',
      {
        schema: {
          tags: ['plans'],
          summary: 'Delete a plan and its history',
          params: planParams,
          response: { 204: z.null(), ...errors(401, 404) },
        },
      },
      async (req, reply) => {
        await deletePlan(ctx, await req.actor(), req.params.planId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/plans/:planId/export',
      {
        schema: {
          tags: ['plans'],
          summary: 'Download the plan as JSON (re-importable), Markdown or PDF',
          params: planParams,
          querystring: z.object({
            format: z.enum(['json', 'md', 'pdf'], { error: 'Choose json, md or pdf.' }).default('json'),
          }),
          response: { 200: z.unknown(), ...errors(400, 401, 404) },
        },
      },
      async (req, reply) => {
        const file = await exportPlan(ctx, await req.actor(), req.params.planId, req.query.format);
        return reply
          .type(file.contentType)
          .header('content-disposition', attachmentHeader(file.filename))
          .send(file.body);
      },
    );
  };
