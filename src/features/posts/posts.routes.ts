import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import {
  commentOnPost,
  commentsOfPost,
  deleteCommentOnPost,
  myFollows,
  react,
  setFollow,
} from './post-interactions.service.js';
import {
  createPostBody,
  feedPage,
  feedQuery,
  followBody,
  followList,
  postCommentBody,
  postCommentList,
  postCommentParams,
  postCommentView,
  postParams,
  postView,
  reactionParams,
  updatePostBody,
} from './posts.schema.js';
import { createPost, editPost, getPost, readFeed, removePost } from './posts.service.js';

export const postsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['posts'];
    app.get(
      '/api/feed',
      {
        schema: {
          tags,
          summary: 'The organisation feed: posts you may see, newest first, page by cursor',
          querystring: feedQuery,
          response: { 200: feedPage, ...errors(400, 401, 404) },
        },
      },
      async (req) => readFeed(ctx, await req.actor(), req.query),
    );
    app.post(
      '/api/posts',
      {
        schema: {
          tags,
          summary: 'Write a post (from a log entry, reflection, evidence or check-in, or for a sharing commitment)',
          body: createPostBody,
          response: { 201: postView, ...errors(400, 401, 404) },
        },
      },
      async (req, reply) => reply.status(201).send(await createPost(ctx, await req.actor(), req.body)),
    );
    app.get(
      '/api/posts/:postId',
      { schema: { tags, summary: 'One post', params: postParams, response: { 200: postView, ...errors(401, 404) } } },
      async (req) => getPost(ctx, await req.actor(), req.params.postId),
    );
    app.patch(
      '/api/posts/:postId',
      {
        schema: {
          tags,
          summary: 'Edit your post',
          params: postParams,
          body: updatePostBody,
          response: { 200: postView, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) => editPost(ctx, await req.actor(), req.params.postId, req.body),
    );
    app.delete(
      '/api/posts/:postId',
      {
        schema: {
          tags,
          summary: 'Delete your post',
          params: postParams,
          response: { 204: z.null(), ...errors(401, 403, 404) },
        },
      },
      async (req, reply) => {
        await removePost(ctx, await req.actor(), req.params.postId);
        return reply.status(204).send(null);
      },
    );
    for (const [method, on] of [
      ['put', true],
      ['delete', false],
    ] as const) {
      app[method](
        '/api/posts/:postId/reactions/:kind',
        {
          schema: {
            tags,
            summary: on ? 'React to a post' : 'Take your reaction back',
            params: reactionParams,
            response: { 200: postView, ...errors(400, 401, 404) },
          },
        },
        async (req) => react(ctx, await req.actor(), req.params.postId, req.params.kind, on),
      );
    }
    app.get(
      '/api/posts/:postId/comments',
      {
        schema: {
          tags,
          summary: 'Comments on a post, oldest first',
          params: postParams,
          response: { 200: postCommentList, ...errors(401, 404) },
        },
      },
      async (req) => ({ comments: await commentsOfPost(ctx, await req.actor(), req.params.postId) }),
    );
    app.post(
      '/api/posts/:postId/comments',
      {
        schema: {
          tags,
          summary: 'Comment on a post',
          params: postParams,
          body: postCommentBody,
          response: { 201: postCommentView, ...errors(400, 401, 404) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await commentOnPost(ctx, await req.actor(), req.params.postId, req.body.body)),
    );
    app.delete(
      '/api/posts/:postId/comments/:commentId',
      {
        schema: {
          tags,
          summary: 'Delete a comment (its author or the post’s author)',
          params: postCommentParams,
          response: { 204: z.null(), ...errors(401, 403, 404) },
        },
      },
      async (req, reply) => {
        await deleteCommentOnPost(ctx, await req.actor(), req.params.postId, req.params.commentId);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/api/follows',
      {
        schema: {
          tags,
          summary: 'The people and topics you follow',
          querystring: z.object({ orgId: z.string().min(1).max(64) }),
          response: { 200: followList, ...errors(400, 401, 404) },
        },
      },
      async (req) => ({ follows: await myFollows(ctx, await req.actor(), req.query.orgId) }),
    );
    for (const [method, on] of [
      ['put', true],
      ['delete', false],
    ] as const) {
      app[method](
        '/api/follows',
        {
          schema: {
            tags,
            summary: on ? 'Follow a person or a topic' : 'Stop following a person or a topic',
            body: followBody,
            response: { 200: followList, ...errors(400, 401, 404) },
          },
        },
        async (req) => ({ follows: await setFollow(ctx, await req.actor(), req.body, on) }),
      );
    }
  };
