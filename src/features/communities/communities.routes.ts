import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import {
  communityList,
  communityMembers,
  communityParams,
  communityView,
  createCommunityBody,
  listCommunitiesQuery,
  updateCommunityBody,
} from './communities.schema.js';
import {
  createCommunity,
  featureCommunity,
  getCommunity,
  joinCommunity,
  leaveCommunity,
  listOrgCommunities,
  membersOfCommunity,
} from './communities.service.js';

export const communitiesRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['communities'];
    app.get(
      '/api/communities',
      {
        schema: {
          tags,
          summary: 'The communities of practice of an organisation, featured first',
          querystring: listCommunitiesQuery,
          response: { 200: communityList, ...errors(400, 401, 404) },
        },
      },
      async (req) => ({ communities: await listOrgCommunities(ctx, await req.actor(), req.query.orgId) }),
    );
    app.post(
      '/api/communities',
      {
        schema: {
          tags,
          summary: 'Start a community around a topic (you join it)',
          body: createCommunityBody,
          response: { 201: communityView, ...errors(400, 401, 404, 409) },
        },
      },
      async (req, reply) => reply.status(201).send(await createCommunity(ctx, await req.actor(), req.body)),
    );
    app.get(
      '/api/communities/:communityId',
      {
        schema: {
          tags,
          summary: 'One community',
          params: communityParams,
          response: { 200: communityView, ...errors(401, 404) },
        },
      },
      async (req) => getCommunity(ctx, await req.actor(), req.params.communityId),
    );
    app.patch(
      '/api/communities/:communityId',
      {
        schema: {
          tags,
          summary: 'Feature a community, or stop featuring it (L&D admins)',
          params: communityParams,
          body: updateCommunityBody,
          response: { 200: communityView, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) => featureCommunity(ctx, await req.actor(), req.params.communityId, req.body.featured),
    );
    app.post(
      '/api/communities/:communityId/join',
      {
        schema: {
          tags,
          summary: 'Join a community',
          params: communityParams,
          response: { 200: communityView, ...errors(401, 404) },
        },
      },
      async (req) => joinCommunity(ctx, await req.actor(), req.params.communityId),
    );
    app.post(
      '/api/communities/:communityId/leave',
      {
        schema: {
          tags,
          summary: 'Leave a community',
          params: communityParams,
          response: { 200: communityView, ...errors(401, 404) },
        },
      },
      async (req) => leaveCommunity(ctx, await req.actor(), req.params.communityId),
    );
    app.get(
      '/api/communities/:communityId/members',
      {
        schema: {
          tags,
          summary: 'Who is in a community',
          params: communityParams,
          response: { 200: communityMembers, ...errors(401, 404) },
        },
      },
      async (req) => ({ members: await membersOfCommunity(ctx, await req.actor(), req.params.communityId) }),
    );
  };
