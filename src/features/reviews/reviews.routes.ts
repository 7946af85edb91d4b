import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context.js';
import { errors, ifMatch, versionFrom } from '../../server/schemas.js';
import { signReview } from './review-signing.js';
import {
  inbox,
  planParams,
  planReviews,
  requestReviewBody,
  reviewParams,
  reviewsQuery,
  reviewView,
  signResult,
  signReviewBody,
  updateReviewBody,
} from './reviews.schema.js';
import {
  getReview,
  listPlanReviews,
  listReviewsToDo,
  requestReview,
  updateReviewNote,
  withdrawReview,
} from './reviews.service.js';

export const reviewsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/plans/:planId/reviews',
      {
        schema: {
          tags: ['reviews'],
          summary:
            'Ask your supervisor to review your plan (learning agreement or year-end review), sharing what it needs',
          params: planParams,
          body: requestReviewBody,
          response: { 201: reviewView, ...errors(400, 401, 404, 409) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await requestReview(ctx, await req.actor(), req.params.planId, req.body)),
    );

    app.get(
      '/api/plans/:planId/reviews',
      {
        schema: {
          tags: ['reviews'],
          summary: "Your plan's reviews, and how much the plan changed since the agreement",
          params: planParams,
          response: { 200: planReviews, ...errors(401, 404) },
        },
      },
      async (req) => listPlanReviews(ctx, await req.actor(), req.params.planId),
    );

    app.get(
      '/api/reviews',
      {
        schema: {
          tags: ['reviews'],
          summary: 'The reviews you were asked to do as supervisor in an organisation',
          querystring: reviewsQuery,
          response: { 200: inbox, ...errors(400, 401, 404) },
        },
      },
      async (req) => ({ reviews: await listReviewsToDo(ctx, await req.actor(), req.query.orgId) }),
    );

    app.get(
      '/api/reviews/:reviewId',
      {
        schema: {
          tags: ['reviews'],
          summary: 'One review: notes, signatures and changes since the agreement (its learner and supervisor only)',
          params: reviewParams,
          response: { 200: reviewView, ...errors(401, 404) },
        },
      },
      async (req) => getReview(ctx, await req.actor(), req.params.reviewId),
    );

    app.patch(
      '/api/reviews/:reviewId',
      {
        schema: {
          tags: ['reviews'],
          summary: 'Edit your own note on a review (clears both signatures)',
          params: reviewParams,
          headers: ifMatch,
          body: updateReviewBody,
          response: { 200: reviewView, ...errors(400, 401, 404, 409) },
        },
      },
      async (req) =>
        updateReviewNote(ctx, await req.actor(), req.params.reviewId, {
          ...req.body,
          version: versionFrom(req.headers['if-match'], req.body.version),
        }),
    );

    app.post(
      '/api/reviews/:reviewId/sign',
      {
        schema: {
          tags: ['reviews'],
          summary: 'Sign a review; agreed once both signed the same plan',
          params: reviewParams,
          body: signReviewBody,
          response: { 200: signResult, ...errors(400, 401, 404, 409) },
        },
      },
      async (req) => signReview(ctx, await req.actor(), req.params.reviewId, req.body),
    );

    app.post(
      '/api/reviews/:reviewId/withdraw',
      {
        schema: {
          tags: ['reviews'],
          summary: 'Withdraw your review request: its shares end at once',
          params: reviewParams,
          response: { 200: reviewView, ...errors(401, 403, 404, 409) },
        },
      },
      async (req) => withdrawReview(ctx, await req.actor(), req.params.reviewId),
    );
  };
