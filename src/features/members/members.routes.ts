import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { errors, ifMatch, versionFrom } from '../../server/schemas.js';
import { orgParams } from '../orgs/index.js';
import {
  listMembersQuery,
  memberList,
  memberParams,
  memberView,
  updateMemberBody,
  updateProfileBody,
} from './members.schema.js';
import { getOrgMember, listOrgMembers, removeOrgMember, updateOrgMember, updateOwnProfile } from './members.service.js';

export const membersRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/orgs/:orgId/members',
      {
        schema: {
          tags: ['members'],
          summary: 'The members of an organisation, searchable',
          params: orgParams,
          querystring: listMembersQuery,
          response: { 200: memberList, ...errors(400, 401, 404) },
        },
      },
      async (req) => listOrgMembers(ctx, await req.actor(), req.params.orgId, req.query),
    );

    app.get(
      '/api/orgs/:orgId/members/:memberId',
      {
        schema: {
          tags: ['members'],
          summary: 'One member',
          params: memberParams,
          response: { 200: memberView, ...errors(401, 404) },
        },
      },
      async (req) => getOrgMember(ctx, await req.actor(), req.params.orgId, req.params.memberId),
    );

    app.patch(
      '/api/orgs/:orgId/members/:memberId',
      {
        schema: {
          tags: ['members'],
          summary: "Change a member's role or supervisor (owners and L&D admins)",
          params: memberParams,
          headers: ifMatch,
          body: updateMemberBody,
          response: { 200: memberView, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) =>
        updateOrgMember(ctx, await req.actor(), req.params.orgId, req.params.memberId, {
          ...req.body,
          version: versionFrom(req.headers['if-match'], req.body.version),
        }),
    );

    app.patch(
      '/api/orgs/:orgId/members/:memberId/profile',
      {
        schema: {
          tags: ['members'],
          summary: 'Update your own title, mentoring offer and peer-matching choice',
          params: memberParams,
          headers: ifMatch,
          body: updateProfileBody,
          response: { 200: memberView, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) =>
        updateOwnProfile(ctx, await req.actor(), req.params.orgId, req.params.memberId, {
          ...req.body,
          version: versionFrom(req.headers['if-match'], req.body.version),
        }),
    );

    app.delete(
      '/api/orgs/:orgId/members/:memberId',
      {
        schema: {
          tags: ['members'],
          summary: 'Remove a member, or leave an organisation yourself',
          params: memberParams,
          response: { 204: z.null(), ...errors(401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        await removeOrgMember(ctx, await req.actor(), req.params.orgId, req.params.memberId);
        return reply.status(204).send(null);
      },
    );
  };
