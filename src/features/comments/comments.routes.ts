import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import {
  commentList,
  commentParams,
  commentView,
  createCommentBody,
  listCommentsQuery,
  planParams,
  updateCommentBody,
} from './comments.schema.js';
import {
  acceptSuggestion,
  addComment,
  deleteComment,
  dismissSuggestion,
  editComment,
  listPlanComments,
} from './comments.service.js';

export const commentsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/plans/:planId/comments',
      {
        schema: {
          tags: ['comments'],
          summary: 'Comments on a goal or reflection (or on all you can see of the plan), oldest first',
          params: planParams,
          querystring: listCommentsQuery,
          response: { 200: commentList, ...errors(400, 401, 404) },
        },
      },
      async (req) => {
        const { targetKind, targetId } = req.query;
        const target = targetKind && targetId ? { kind: targetKind, id: targetId } : undefined;
        return listPlanComments(ctx, await req.actor(), req.params.planId, target);
      },
    );

    app.post(
      '/api/plans/:planId/comments',
      {
        schema: {
          tags: ['comments'],
          summary: 'Comment on a goal or reflection, reply, or suggest new wording for one of its fields',
          params: planParams,
          body: createCommentBody,
          response: { 201: commentView, ...errors(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await addComment(ctx, await req.actor(), req.params.planId, req.body)),
    );

    app.patch(
      '/api/plans/:planId/comments/:commentId',
      {
        schema: {
          tags: ['comments'],
          summary: 'Reword your comment',
          params: commentParams,
          body: updateCommentBody,
          response: { 200: commentView, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) => editComment(ctx, await req.actor(), req.params.planId, req.params.commentId, req.body.body),
    );

    app.delete(
      '/api/plans/:planId/comments/:commentId',
      {
        schema: {
          tags: ['comments'],
          summary: 'Delete a comment (its author, or the learner on their own plan)',
          params: commentParams,
          response: { 204: z.null(), ...errors(401, 403, 404) },
        },
      },
      async (req, reply) => {
        await deleteComment(ctx, await req.actor(), req.params.planId, req.params.commentId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/plans/:planId/comments/:commentId/accept',
      {
        schema: {
          tags: ['comments'],
          summary: 'Take a suggested wording into your plan (the learner only)',
          params: commentParams,
          response: { 200: commentView, ...errors(401, 403, 404, 409) },
        },
      },
      async (req) => acceptSuggestion(ctx, await req.actor(), req.params.planId, req.params.commentId),
    );

    app.post(
      '/api/plans/:planId/comments/:commentId/dismiss',
      {
        schema: {
          tags: ['comments'],
          summary: 'Set a suggestion aside, keeping your wording (the learner only)',
          params: commentParams,
          response: { 200: commentView, ...errors(401, 403, 404, 409) },
        },
      },
      async (req) => dismissSuggestion(ctx, await req.actor(), req.params.planId, req.params.commentId),
    );
  };
