import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import {
  callbackQuery,
  claimDomainBody,
  discoveryView,
  domainView,
  mailDomainBody,
  saveOidcBody,
  ssoDomainParams,
  ssoParams,
  ssoSettingsView,
  startSsoBody,
  startSsoView,
  testOidcBody,
  verifyDomainBody,
} from './sso.schema.js';
import {
  CALLBACK_PATH,
  claimDomain,
  getSsoSettings,
  mailDomainConfirmation,
  removeDomain,
  removeOidcConnection,
  saveOidcConnection,
  testOidcIssuer,
  verifyDomain,
} from './sso-settings.service.js';
import { ATTEMPT_COOKIE, finishSsoSignIn, startSsoSignIn } from './sso-sign-in.service.js';

/** Owners' calls that reach out (DNS, mail, the provider) are limited per organisation and address. */
const perOrg = (max: number) => ({
  rateLimit: {
    max,
    timeWindow: 60_000,
    keyGenerator: (r: FastifyRequest) => `${r.ip}|${(r.params as { orgId?: string }).orgId ?? ''}`,
  },
});

const cookieValue = (header: string | undefined, name: string) =>
  header
    ?.split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${name}=`))
    ?.slice(name.length + 1);

export const ssoRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const base = '/api/orgs/:orgId/sso';
    const tags = ['sso'];

    app.get(
      base,
      {
        schema: {
          tags,
          summary:
            "The organisation's single sign-on: OIDC connection (never its secret), domains, callback URL (owners)",
          params: ssoParams,
          response: { 200: ssoSettingsView, ...errors(401, 403, 404) },
        },
      },
      async (req) => getSsoSettings(ctx, await req.actor(), req.params.orgId),
    );

    app.put(
      `${base}/oidc`,
      {
        schema: {
          tags,
          summary:
            'Set up OpenID Connect: issuer, client id, client secret (write-only), default role, require SSO (owners)',
          params: ssoParams,
          body: saveOidcBody,
          response: { 200: ssoSettingsView, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) => saveOidcConnection(ctx, await req.actor(), req.params.orgId, req.body),
    );

    app.delete(
      `${base}/oidc`,
      {
        schema: {
          tags,
          summary: 'Remove the OpenID Connect set-up: people sign in with passwords again (owners)',
          params: ssoParams,
          response: { 204: z.null(), ...errors(401, 403, 404) },
        },
      },
      async (req, reply) => {
        await removeOidcConnection(ctx, await req.actor(), req.params.orgId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${base}/oidc/test`,
      {
        config: perOrg(20),
        schema: {
          tags,
          summary: 'Test an issuer: runs discovery and says what it found, or why it failed, in words (owners)',
          params: ssoParams,
          body: testOidcBody,
          response: { 200: discoveryView, ...errors(400, 401, 403, 404, 429) },
        },
      },
      async (req) => testOidcIssuer(ctx, await req.actor(), req.params.orgId, req.body.issuer),
    );

    app.post(
      `${base}/domains`,
      {
        schema: {
          tags,
          summary: 'Claim a mail domain; answers the DNS TXT record that verifies it (owners)',
          params: ssoParams,
          body: claimDomainBody,
          response: { 201: domainView, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await claimDomain(ctx, await req.actor(), req.params.orgId, req.body.domain)),
    );

    app.post(
      `${base}/domains/:domainId/verify`,
      {
        config: perOrg(20),
        schema: {
          tags,
          summary: 'Verify a claimed domain by its DNS TXT record, or by a mailed confirmation (development) (owners)',
          params: ssoDomainParams,
          body: verifyDomainBody,
          response: { 200: domainView, ...errors(400, 401, 403, 404, 409, 429) },
        },
      },
      async (req) => verifyDomain(ctx, await req.actor(), req.params.orgId, req.params.domainId, req.body.mailToken),
    );

    app.post(
      `${base}/domains/:domainId/mail`,
      {
        config: perOrg(5),
        schema: {
          tags,
          summary: 'Development with the outbox: mail a confirmation link to an address at the domain (owners)',
          params: ssoDomainParams,
          body: mailDomainBody,
          response: { 202: z.object({ message: z.string() }), ...errors(400, 401, 403, 404, 409, 429) },
        },
      },
      async (req, reply) => {
        const to = await mailDomainConfirmation(
          ctx,
          await req.actor(),
          req.params.orgId,
          req.params.domainId,
          req.body.mailbox,
        );
        return reply.status(202).send({ message: `A confirmation link is on its way to ${to} (the outbox).` });
      },
    );

    app.delete(
      `${base}/domains/:domainId`,
      {
        schema: {
          tags,
          summary: 'Remove a claimed domain (owners)',
          params: ssoDomainParams,
          response: { 204: z.null(), ...errors(401, 403, 404) },
        },
      },
      async (req, reply) => {
        await removeDomain(ctx, await req.actor(), req.params.orgId, req.params.domainId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/sso/start',
      {
        config: { rateLimit: { max: 30, timeWindow: 60_000, keyGenerator: (r) => r.ip } },
        schema: {
          tags,
          summary: '"Sign in with your organisation": where to send the browser for this work address',
          description:
            "Answers the provider's authorisation URL (code flow with PKCE, state and nonce) and sets a short-lived " +
            'cookie tying the answer to this browser. 400 when no organisation signs in this address.',
          security: [],
          body: startSsoBody,
          response: { 200: startSsoView, ...errors(400, 429, 503) },
        },
      },
      async (req, reply) => {
        const started = await startSsoSignIn(ctx, req.body);
        reply.header('set-cookie', started.cookie);
        return { redirectUrl: started.redirectUrl, organisation: started.organisation };
      },
    );

    app.get(
      CALLBACK_PATH,
      {
        config: { rateLimit: { max: 30, timeWindow: 60_000, keyGenerator: (r) => r.ip } },
        schema: {
          tags,
          summary: "The provider's answer: signs in and goes on, or goes to a page saying why not (303 either way)",
          security: [],
          querystring: callbackQuery,
          response: { 303: z.null(), ...errors(400, 429) },
        },
      },
      async (req, reply) => {
        const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
        const outcome = await finishSsoSignIn(ctx, query, cookieValue(req.headers.cookie, ATTEMPT_COOKIE), {
          ipAddress: req.ip,
          userAgent: String(req.headers['user-agent'] ?? '').slice(0, 500),
        });
        reply.header('set-cookie', outcome.cookies);
        return reply.redirect(outcome.location, 303);
      },
    );
  };
