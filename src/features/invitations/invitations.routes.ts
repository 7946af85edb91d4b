import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { errorBody, errors } from '../../server/schemas.js';
import { orgParams } from '../orgs/index.js';
import {
  acceptedInvitation,
  createdInvitation,
  createdInvitations,
  createInvitationBody,
  invitationList,
  invitationParams,
  invitationPreview,
  inviteManyBody,
  refusedList,
  tokenParams,
} from './invitations.schema.js';
import {
  acceptInvitation,
  createInvitation,
  inviteMany,
  listOrgInvitations,
  previewInvitation,
  revokeInvitation,
} from './invitations.service.js';

export const invitationsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/orgs/:orgId/invitations',
      {
        schema: {
          tags: ['invitations'],
          summary: 'Invite someone by e-mail (owners and L&D admins)',
          params: orgParams,
          body: createInvitationBody,
          response: { 201: createdInvitation, ...errors(400, 401, 403, 404, 409, 503) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await createInvitation(ctx, await req.actor(), req.params.orgId, req.body)),
    );

    app.post(
      '/api/orgs/:orgId/invitations/batch',
      {
        schema: {
          tags: ['invitations'],
          summary: 'Invite many people at once from a pasted list or a CSV file (owners and L&D admins)',
          description:
            'Every address is checked first; if any line has a problem, the answer is 400 with `error.lines` ' +
            '(one per problem) and nobody is invited. Otherwise all the invitations are made in one transaction.',
          params: orgParams,
          body: inviteManyBody,
          response: { 201: createdInvitations, 400: refusedList.or(errorBody), ...errors(401, 403, 404, 409, 503) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await inviteMany(ctx, await req.actor(), req.params.orgId, req.body)),
    );

    app.get(
      '/api/orgs/:orgId/invitations',
      {
        schema: {
          tags: ['invitations'],
          summary: 'Pending and recent invitations (owners and L&D admins)',
          params: orgParams,
          response: { 200: invitationList, ...errors(401, 403, 404) },
        },
      },
      async (req) => listOrgInvitations(ctx, await req.actor(), req.params.orgId),
    );

    app.delete(
      '/api/orgs/:orgId/invitations/:invitationId',
      {
        schema: {
          tags: ['invitations'],
          summary: 'Withdraw an invitation',
          params: invitationParams,
          response: { 204: z.null(), ...errors(401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        await revokeInvitation(ctx, await req.actor(), req.params.orgId, req.params.invitationId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/invitations/:token',
      {
        schema: {
          tags: ['invitations'],
          summary: 'What an invitation link is for (no sign-in needed: the link is the secret)',
          params: tokenParams,
          response: { 200: invitationPreview, ...errors(400, 404) },
        },
      },
      async (req) => previewInvitation(ctx, req.params.token),
    );

    app.post(
      '/api/invitations/:token/accept',
      {
        schema: {
          tags: ['invitations'],
          summary: 'Accept an invitation and join the organisation',
          params: tokenParams,
          response: { 200: acceptedInvitation, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) => acceptInvitation(ctx, await req.actor(), req.params.token),
    );
  };
