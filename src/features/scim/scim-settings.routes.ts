import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import { orgParams } from '../orgs/index.js';
import {
  madeScimToken,
  scimMappingBody,
  scimMappingSaved,
  scimSettings,
  scimTokenBody,
  scimTokenParams,
} from './scim.schema.js';
import { makeScimToken, readScimSettings, revokeOrgScimToken, setScimMapping } from './scim-tokens.service.js';

/** The owner's page: Organisation → Provisioning (SCIM). */
export const scimSettingsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['provisioning'];
    app.get(
      '/api/orgs/:orgId/scim',
      {
        schema: {
          tags,
          summary: 'Provisioning from the directory (SCIM): base URL, tokens and group mapping (owners)',
          params: orgParams,
          response: { 200: scimSettings, ...errors(401, 403, 404) },
        },
      },
      async (req) => readScimSettings(ctx, await req.actor(), req.params.orgId),
    );
    app.put(
      '/api/orgs/:orgId/scim/mapping',
      {
        schema: {
          tags,
          summary:
            "Set what the directory's groups set on members: departments, teams or roles (owners); applied at once",
          params: orgParams,
          body: scimMappingBody,
          response: { 200: scimMappingSaved, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) => setScimMapping(ctx, await req.actor(), req.params.orgId, req.body),
    );
    app.post(
      '/api/orgs/:orgId/scim/tokens',
      {
        schema: {
          tags,
          summary: 'Make a SCIM token for the directory (owners; its secret is in this answer only)',
          params: orgParams,
          body: scimTokenBody,
          response: { 201: madeScimToken, ...errors(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await makeScimToken(ctx, await req.actor(), req.params.orgId, req.body)),
    );
    app.delete(
      '/api/orgs/:orgId/scim/tokens/:tokenId',
      {
        schema: {
          tags,
          summary: 'Revoke a SCIM token (owners): the directory using it is refused at once',
          params: scimTokenParams,
          response: { 204: z.null(), ...errors(401, 403, 404) },
        },
      },
      async (req, reply) => {
        await revokeOrgScimToken(ctx, await req.actor(), req.params.orgId, req.params.tokenId);
        return reply.status(204).send(null);
      },
    );
  };
