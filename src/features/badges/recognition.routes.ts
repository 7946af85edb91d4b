import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import { publicAchievement } from './achievement-page.js';
import { achievementParams, orgParams } from './badges.schema.js';
import {
  askRecognitionBody,
  declineRecognitionBody,
  goalRecognitionParams,
  publicAchievementView,
  recognitionList,
  recognitionParams,
  recognitionView,
  requestableList,
} from './recognition.schema.js';
import {
  approveRequest,
  askForRecognition,
  declineRequest,
  getRequest,
  listMyRequests,
  listRequestableAchievements,
  listRequestsToDecide,
} from './recognition.service.js';

/**
 * Recognition on request: a learner asks for a badge for an achieved goal; an approver decides. And the public
 * face of what is recognised: the achievement's own page, which every credential names.
 */
export const recognitionRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['badges'];
    app.get(
      '/api/orgs/:orgId/recognition/achievements',
      {
        schema: {
          tags,
          summary: 'The organisation’s achievements a member may ask for',
          params: orgParams,
          response: { 200: requestableList, ...errors(401, 404) },
        },
      },
      async (req) => ({
        achievements: await listRequestableAchievements(ctx, await req.actor(), req.params.orgId),
      }),
    );
    app.post(
      '/api/plans/:planId/goals/:goalId/recognition-requests',
      {
        schema: {
          tags,
          summary: 'Ask for recognition of an achieved goal: an achievement, a message, the goal’s evidence',
          params: goalRecognitionParams,
          body: askRecognitionBody,
          response: { 201: recognitionView, ...errors(400, 401, 404, 409) },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await askForRecognition(ctx, await req.actor(), req.params.planId, req.params.goalId, req.body)),
    );
    app.get(
      '/api/orgs/:orgId/recognition-requests/mine',
      {
        schema: {
          tags,
          summary: 'Your requests for recognition and where each stands',
          params: orgParams,
          response: { 200: recognitionList, ...errors(401, 404) },
        },
      },
      async (req) => ({ requests: await listMyRequests(ctx, await req.actor(), req.params.orgId) }),
    );
    app.get(
      '/api/orgs/:orgId/recognition-requests/to-decide',
      {
        schema: {
          tags,
          summary: 'Open requests you decide on: your supervisees’, or everyone’s for L&D admins and owners',
          params: orgParams,
          response: { 200: recognitionList, ...errors(401, 404) },
        },
      },
      async (req) => ({ requests: await listRequestsToDecide(ctx, await req.actor(), req.params.orgId) }),
    );
    app.get(
      '/api/recognition-requests/:requestId',
      {
        schema: {
          tags,
          summary: 'One request for recognition (its learner and its approvers)',
          params: recognitionParams,
          response: { 200: recognitionView, ...errors(401, 404) },
        },
      },
      async (req) => getRequest(ctx, await req.actor(), req.params.requestId),
    );
    app.post(
      '/api/recognition-requests/:requestId/approve',
      {
        schema: {
          tags,
          summary: 'Approve a request: the badge is awarded, the request its reason',
          params: recognitionParams,
          response: { 200: recognitionView, ...errors(401, 403, 404, 409) },
        },
      },
      async (req) => approveRequest(ctx, await req.actor(), req.params.requestId),
    );
    app.post(
      '/api/recognition-requests/:requestId/decline',
      {
        schema: {
          tags,
          summary: 'Decline a request, with a reason the learner is told',
          params: recognitionParams,
          body: declineRecognitionBody,
          response: { 200: recognitionView, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) => declineRequest(ctx, await req.actor(), req.params.requestId, req.body.reason),
    );
    // Public by design: a credential names its achievement by an address a verifier may open.
    app.get(
      '/api/achievements/:achievementId/public',
      {
        schema: {
          tags,
          summary: 'An achievement and its issuer, as its credentials name it (public: anyone)',
          params: achievementParams,
          response: { 200: publicAchievementView, ...errors(404) },
        },
      },
      async (req) => publicAchievement(ctx, req.params.achievementId),
    );
  };
