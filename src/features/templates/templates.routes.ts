import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import {
  createTemplateBody,
  listTemplatesQuery,
  templateList,
  templateParams,
  templateView,
  updateTemplateBody,
} from './templates.schema.js';
import { createTemplate, deleteTemplate, getTemplate, listTemplates, updateTemplate } from './templates.service.js';

export const templatesRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/templates',
      {
        schema: {
          tags: ['templates'],
          summary: "The organisation's plan templates (drafts too for L&D admins)",
          querystring: listTemplatesQuery,
          response: { 200: templateList, ...errors(400, 401, 404) },
        },
      },
      async (req) => ({ templates: await listTemplates(ctx, await req.actor(), req.query.orgId) }),
    );

    app.post(
      '/api/templates',
      {
        schema: {
          tags: ['templates'],
          summary: 'Create a plan template, or copy one from your plan (L&D admins and owners)',
          body: createTemplateBody,
          response: { 201: templateView, ...errors(400, 401, 403, 404) },
        },
      },
      async (req, reply) => reply.status(201).send(await createTemplate(ctx, await req.actor(), req.body)),
    );

    app.get(
      '/api/templates/:templateId',
      {
        schema: {
          tags: ['templates'],
          summary: 'One template with its content',
          params: templateParams,
          response: { 200: templateView, ...errors(401, 404) },
        },
      },
      async (req) => getTemplate(ctx, await req.actor(), req.params.templateId),
    );

    app.patch(
      '/api/templates/:templateId',
      {
        schema: {
          tags: ['templates'],
          summary: 'Change, publish or unpublish a template (L&D admins and owners)',
          params: templateParams,
          body: updateTemplateBody,
          response: { 200: templateView, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) => updateTemplate(ctx, await req.actor(), req.params.templateId, req.body),
    );

    app.delete(
      '/api/templates/:templateId',
      {
        schema: {
          tags: ['templates'],
          summary: 'Delete a template; plans started from it keep their content',
          params: templateParams,
          response: { 204: z.null(), ...errors(401, 403, 404) },
        },
      },
      async (req, reply) => {
        await deleteTemplate(ctx, await req.actor(), req.params.templateId);
        return reply.status(204).send(null);
      },
    );
  };
