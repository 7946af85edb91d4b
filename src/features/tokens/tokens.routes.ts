import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import { orgParams } from '../orgs/index.js';
import {
  madeToken,
  organisationTokenBody,
  orgTokenParams,
  personalTokenBody,
  tokenList,
  tokenParams,
} from './tokens.schema.js';
import {
  listOrganisationTokens,
  listPersonalTokens,
  makeOrganisationToken,
  makePersonalToken,
  revokeOrganisationToken,
  revokePersonalToken,
} from './tokens.service.js';

export const tokensRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['tokens'];
    app.get(
      '/api/me/tokens',
      {
        schema: { tags, summary: 'Your personal API tokens', response: { 200: tokenList, ...errors(401, 404) } },
      },
      async (req) => listPersonalTokens(ctx, await req.actor()),
    );
    app.post(
      '/api/me/tokens',
      {
        schema: {
          tags,
          summary: 'Make a personal API token (its secret is in this answer only)',
          body: personalTokenBody,
          response: { 201: madeToken, ...errors(400, 401, 404) },
        },
      },
      async (req, reply) => reply.status(201).send(await makePersonalToken(ctx, await req.actor(), req.body)),
    );
    app.delete(
      '/api/me/tokens/:tokenId',
      {
        schema: {
          tags,
          summary: 'Revoke one of your personal API tokens',
          params: tokenParams,
          response: { 204: z.null(), ...errors(401, 404) },
        },
      },
      async (req, reply) => {
        await revokePersonalToken(ctx, await req.actor(), req.params.tokenId);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/api/orgs/:orgId/tokens',
      {
        schema: {
          tags,
          summary: "The organisation's API tokens (owners and L&D admins)",
          params: orgParams,
          response: { 200: tokenList, ...errors(401, 403, 404) },
        },
      },
      async (req) => listOrganisationTokens(ctx, await req.actor(), req.params.orgId),
    );
    app.post(
      '/api/orgs/:orgId/tokens',
      {
        schema: {
          tags,
          summary: 'Make an organisation API token (owners and L&D admins; its secret is in this answer only)',
          params: orgParams,
          body: organisationTokenBody,
          response: { 201: madeToken, ...errors(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await makeOrganisationToken(ctx, await req.actor(), req.params.orgId, req.body)),
    );
    app.delete(
      '/api/orgs/:orgId/tokens/:tokenId',
      {
        schema: {
          tags,
          summary: 'Revoke an organisation API token (owners and L&D admins)',
          params: orgTokenParams,
          response: { 204: z.null(), ...errors(401, 403, 404) },
        },
      },
      async (req, reply) => {
        await revokeOrganisationToken(ctx, await req.actor(), req.params.orgId, req.params.tokenId);
        return reply.status(204).send(null);
      },
    );
  };
