import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import { toWebHeaders } from '../access/actor.js';
import { forgotPasswordBody, resetPasswordBody, signInBody, signUpBody, userView } from './auth.schema.js';
import { requestPasswordReset, resetPassword, signIn, signOut, signUp } from './auth.service.js';

const userResponse = z.object({ user: userView });

/** Rate-limit key per IP and e-mail address: one attacker cannot lock everyone out nor try many accounts. */
function ipAndEmail(req: FastifyRequest): string {
  const email = (req.body as { email?: unknown } | undefined)?.email;
  return `${req.ip}|${typeof email === 'string' ? email.trim().toLowerCase() : ''}`;
}

export const authRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/auth/sign-up',
      {
        schema: {
          tags: ['auth'],
          summary: 'Create an account with e-mail and password, and sign in',
          body: signUpBody,
          response: { 201: userResponse, ...errors(400, 409) },
        },
      },
      async (req, reply) => {
        const result = await signUp(ctx, req.body);
        reply.header('set-cookie', result.cookies);
        return reply.status(201).send({ user: result.user });
      },
    );

    app.post(
      '/api/auth/sign-in',
      {
        config: {
          rateLimit: { max: ctx.config.SIGN_IN_RATE_LIMIT, timeWindow: 60_000, keyGenerator: ipAndEmail },
        },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with e-mail and password (rate-limited)',
          body: signInBody,
          response: { 200: userResponse, ...errors(400, 429) },
        },
      },
      async (req, reply) => {
        const result = await signIn(ctx, req.body, toWebHeaders(req.headers));
        reply.header('set-cookie', result.cookies);
        return { user: result.user };
      },
    );

    app.post(
      '/api/auth/sign-out',
      {
        schema: { tags: ['auth'], summary: 'Sign out of this browser', response: { 204: z.null() } },
      },
      async (req, reply) => {
        const cookies = await signOut(ctx, toWebHeaders(req.headers));
        if (cookies.length > 0) reply.header('set-cookie', cookies);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/auth/forgot-password',
      {
        config: { rateLimit: { max: 5, timeWindow: 60_000, keyGenerator: ipAndEmail } },
        schema: {
          tags: ['auth'],
          summary: 'E-mail a password-reset link (answers the same whether or not the address has an account)',
          body: forgotPasswordBody,
          response: { 202: z.object({ message: z.string() }), ...errors(400, 429) },
        },
      },
      async (req, reply) => {
        await requestPasswordReset(ctx, req.body.email);
        return reply
          .status(202)
          .send({ message: 'If an account uses this address, a reset link is on its way. It works for one hour.' });
      },
    );

    app.post(
      '/api/auth/reset-password',
      {
        schema: {
          tags: ['auth'],
          summary: 'Choose a new password with the token from a reset link; signs out every session',
          body: resetPasswordBody,
          response: { 204: z.null(), ...errors(400) },
        },
      },
      async (req, reply) => {
        await resetPassword(ctx, req.body);
        return reply.status(204).send(null);
      },
    );
  };
