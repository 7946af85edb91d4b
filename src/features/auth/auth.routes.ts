import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { rateLimited } from '../../server/errors.js';
import { errors } from '../../server/schemas.js';
import {
  forgotPasswordBody,
  messageResponse,
  resetPasswordBody,
  signInBody,
  signUpBody,
  userResponse,
  verifyEmailBody,
} from './auth.schema.js';
import { requestPasswordReset, resetPassword, signIn, signOut, signUp, verifyEmail } from './auth.service.js';
import { toWebHeaders } from './session-actor.js';

export const CHECK_INBOX_MESSAGE =
  'Check your inbox: we sent a link to this address. Open it to confirm the address and start. No mail within a few minutes? Look in your spam folder, or sign in to get a new link.';

const emailOf = (req: FastifyRequest) => {
  const email = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.trim().toLowerCase() : '';
};

/** Rate-limit key per IP and e-mail address: one attacker cannot lock everyone out nor try many accounts. */
function ipAndEmail(req: FastifyRequest): string {
  return `${req.ip}|${emailOf(req)}`;
}

/**
 * A second limit on a route (the route's own `config.rateLimit` is the first): @fastify/rate-limit runs one
 * limit per request through its hooks, so this one is asked directly. Counters are in the database, shared by
 * every instance; such a limit has no route to tell its counters apart, so `name` does.
 */
function alsoLimit(app: FastifyInstance, name: string, max: number, keyGenerator: (req: FastifyRequest) => string) {
  const limit = app.createRateLimit({ max, timeWindow: 60_000, keyGenerator: (req) => `${name}|${keyGenerator(req)}` });
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const result = await limit(req);
    if (!result.isAllowed && result.isExceeded) {
      reply.header('retry-after', String(result.ttlInSeconds));
      throw rateLimited();
    }
  };
}

export const authRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/auth/sign-up',
      {
        config: { rateLimit: { max: ctx.config.SIGN_UP_RATE_LIMIT, timeWindow: 60_000, keyGenerator: (r) => r.ip } },
        preHandler: alsoLimit(app, 'sign-up-address', 5, emailOf),
        schema: {
          tags: ['auth'],
          summary: 'Create an account with e-mail and password (rate-limited per IP and per address)',
          description:
            'Without SMTP the account is signed in at once (201), and an address in use answers 409. With SMTP ' +
            'the answer is 202 for a new and an existing address alike: a new one gets a link to confirm it, ' +
            'the owner of an existing one a note. `invitation`, the token of a pending invitation to this ' +
            'address, proves it: 201, signed in. An address whose organisation requires single sign-on answers 403.',
          body: signUpBody,
          response: { 201: userResponse, 202: messageResponse, ...errors(400, 403, 409, 429) },
        },
      },
      async (req, reply) => {
        const result = await signUp(ctx, req.body);
        if (!result.signedIn) return reply.status(202).send({ message: CHECK_INBOX_MESSAGE });
        reply.header('set-cookie', result.cookies);
        return reply.status(201).send({ user: result.user });
      },
    );

    app.post(
      '/api/auth/verify-email',
      {
        config: { rateLimit: { max: 10, timeWindow: 60_000, keyGenerator: (r) => r.ip } },
        schema: {
          tags: ['auth'],
          summary: 'Confirm an e-mail address with the token from a confirmation link, and sign in',
          body: verifyEmailBody,
          response: { 200: z.object({ confirmed: z.literal(true) }), ...errors(400, 429) },
        },
      },
      async (req, reply) => {
        const cookies = await verifyEmail(ctx, req.body.token, toWebHeaders(req.headers));
        if (cookies.length > 0) reply.header('set-cookie', cookies);
        return { confirmed: true as const };
      },
    );

    app.post(
      '/api/auth/sign-in',
      {
        config: {
          rateLimit: { max: ctx.config.SIGN_IN_RATE_LIMIT, timeWindow: 60_000, keyGenerator: ipAndEmail },
        },
        preHandler: alsoLimit(app, 'sign-in-ip', ctx.config.SIGN_IN_IP_RATE_LIMIT, (r) => r.ip),
        schema: {
          tags: ['auth'],
          summary: 'Sign in with e-mail and password (rate-limited per IP and address, and per IP)',
          description: 'With SMTP, an account whose address is not confirmed answers 403 and is sent a new link.',
          body: signInBody,
          response: { 200: userResponse, ...errors(400, 403, 429) },
        },
      },
      async (req, reply) => {
        const result = await signIn(ctx, req.body, toWebHeaders(req.headers), req.ip);
        reply.header('set-cookie', result.cookies);
        return { user: result.user };
      },
    );

    app.post(
      '/api/auth/sign-out',
      {
        schema: {
          tags: ['auth'],
          summary: 'Sign out of this browser',
          description:
            "204, or 200 with the organisation's provider's sign-out address when the session began there (OpenID " +
            'Connect with an end_session_endpoint): the browser goes there to end that session too.',
          response: { 200: z.object({ providerSignOutUrl: z.string() }), 204: z.null() },
        },
      },
      async (req, reply) => {
        const { cookies, providerSignOutUrl } = await signOut(ctx, toWebHeaders(req.headers));
        if (cookies.length > 0) reply.header('set-cookie', cookies);
        if (providerSignOutUrl) return reply.status(200).send({ providerSignOutUrl });
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
          response: { 202: messageResponse, ...errors(400, 429) },
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
        config: { rateLimit: { max: 10, timeWindow: 60_000, keyGenerator: (r) => r.ip } },
        schema: {
          tags: ['auth'],
          summary: 'Choose a new password with the token from a reset link; signs out every session',
          body: resetPasswordBody,
          response: { 204: z.null(), ...errors(400, 429) },
        },
      },
      async (req, reply) => {
        await resetPassword(ctx, req.body);
        return reply.status(204).send(null);
      },
    );
  };
