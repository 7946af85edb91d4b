import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import { createOrgBody, orgParams, orgView, updateOrgBody } from './orgs.schema.js';
import { createOrganization, getOrganization, updateOrganization } from './orgs.service.js';

export const orgsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/orgs',
      {
        schema: {
          tags: ['organisations'],
          summary: 'Create an organisation; you become its owner',
          body: createOrgBody,
          response: { 201: orgView, ...errors(400, 401) },
        },
      },
      async (req, reply) => reply.status(201).send(await createOrganization(ctx, await req.actor(), req.body)),
    );

    app.get(
      '/api/orgs/:orgId',
      {
        schema: {
          tags: ['organisations'],
          summary: 'One organisation you belong to',
          params: orgParams,
          response: { 200: orgView, ...errors(401, 404) },
        },
      },
      async (req) => getOrganization(ctx, await req.actor(), req.params.orgId),
    );

    app.patch(
      '/api/orgs/:orgId',
      {
        schema: {
          tags: ['organisations'],
          summary: 'Rename an organisation (owners)',
          params: orgParams,
          body: updateOrgBody,
          response: { 200: orgView, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) => updateOrganization(ctx, await req.actor(), req.params.orgId, req.body),
    );
  };
