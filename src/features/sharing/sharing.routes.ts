import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import {
  accessLogPage,
  accessLogQuery,
  createGrantBody,
  grantList,
  grantParams,
  grantView,
  planParams,
  sharedPlanView,
  sharedWithMeList,
  sharedWithMeQuery,
} from './sharing.schema.js';
import {
  createGrant,
  listAccessLogPage,
  listGrants,
  listSharedWithMe,
  readSharedPlan,
  revokeShare,
} from './sharing.service.js';

export const sharingRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/plans/:planId/grants',
      {
        schema: {
          tags: ['sharing'],
          summary: 'Who can see what of your plan: every share, active and past',
          params: planParams,
          response: { 200: grantList, ...errors(401, 404) },
        },
      },
      async (req) => ({ grants: await listGrants(ctx, await req.actor(), req.params.planId) }),
    );

    app.post(
      '/api/plans/:planId/grants',
      {
        schema: {
          tags: ['sharing'],
          summary: 'Share your whole plan, one part or one goal with a member, to read or to comment',
          params: planParams,
          body: createGrantBody,
          response: { 201: grantView, ...errors(400, 401, 404, 409) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await createGrant(ctx, await req.actor(), req.params.planId, req.body)),
    );

    app.delete(
      '/api/plans/:planId/grants/:grantId',
      {
        schema: {
          tags: ['sharing'],
          summary: 'Revoke a share at once',
          params: grantParams,
          response: { 200: grantView, ...errors(401, 404) },
        },
      },
      async (req) => revokeShare(ctx, await req.actor(), req.params.planId, req.params.grantId),
    );

    app.get(
      '/api/plans/:planId/access-log',
      {
        schema: {
          tags: ['sharing'],
          summary: 'Who read what of your plan, and when: newest first, page by cursor',
          params: planParams,
          querystring: accessLogQuery,
          response: { 200: accessLogPage, ...errors(400, 401, 404) },
        },
      },
      async (req) => listAccessLogPage(ctx, await req.actor(), req.params.planId, req.query),
    );

    app.get(
      '/api/shared-with-me',
      {
        schema: {
          tags: ['sharing'],
          summary: 'What others in the organisation shared with you',
          querystring: sharedWithMeQuery,
          response: { 200: sharedWithMeList, ...errors(400, 401, 404) },
        },
      },
      async (req) => ({ items: await listSharedWithMe(ctx, await req.actor(), req.query.orgId) }),
    );

    app.get(
      '/api/shared/plans/:planId',
      {
        schema: {
          tags: ['sharing'],
          summary: 'A plan shared with you: exactly the parts and goals shared (each read is logged for its owner)',
          params: planParams,
          response: { 200: sharedPlanView, ...errors(401, 404) },
        },
      },
      async (req) => readSharedPlan(ctx, await req.actor(), req.params.planId),
    );
  };
