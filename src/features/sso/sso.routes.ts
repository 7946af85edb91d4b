import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import { previewSamlMetadata, removeSamlConnection, saveSamlConnection } from './saml-settings.service.js';
import {
  finishSamlSignIn,
  receiveSamlResponse,
  SAML_FINISH_PATH,
  SAML_SEND_PATH,
  samlRequestForm,
  samlServiceProviderMetadata,
} from './saml-sign-in.service.js';
import { ATTEMPT_COOKIE, type Client } from './sign-in-steps.js';
import {
  callbackQuery,
  claimDomainBody,
  discoveryView,
  domainView,
  mailDomainBody,
  readSamlMetadataBody,
  samlAcsBody,
  samlConnectionParams,
  samlMetadataView,
  saveOidcBody,
  saveSamlBody,
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
import { finishSsoSignIn, startSsoSignIn } from './sso-sign-in.service.js';

/** Owners' calls that reach out (DNS, mail, the provider) are limited per organisation and address. */
const perOrg = (max: number) => ({
  rateLimit: {
    max,
    timeWindow: 60_000,
    keyGenerator: (r: FastifyRequest) => `${r.ip}|${(r.params as { orgId?: string }).orgId ?? ''}`,
  },
});

/** The formats an identity provider's POST comes in (HTTP-POST binding): parsed in this plugin only. */
const FORM = 'application/x-www-form-urlencoded';

/** The sign-in routes anyone may call, limited per address like the password sign-in. */
const publicLimit = { rateLimit: { max: 30, timeWindow: 60_000, keyGenerator: (r: FastifyRequest) => r.ip } };

const clientOf = (req: FastifyRequest): Client => ({
  ipAddress: req.ip,
  userAgent: String(req.headers['user-agent'] ?? '').slice(0, 500),
});

const html = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The HTTP-POST binding's page: a form carrying the AuthnRequest to the provider, sent at once by a script
 * allowed by its nonce alone (a button if scripts are off). Its policy lets forms go to the provider only.
 */
function requestFormPage(form: { action: string; samlRequest: string }, nonce: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Going to your organisation’s sign-in</title></head><body><main><h1>Going to your organisation’s sign-in…</h1><form method="post" action="${html(form.action)}"><input type="hidden" name="SAMLRequest" value="${html(form.samlRequest)}"><button type="submit">Continue to your organisation’s sign-in</button></form></main><script nonce="${nonce}">document.forms[0].submit()</script></body></html>`;
}

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
    if (!app.hasContentTypeParser(FORM)) {
      app.addContentTypeParser(FORM, { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(String(body))));
      });
    }

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
        config: publicLimit,
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
        config: publicLimit,
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
        const outcome = await finishSsoSignIn(
          ctx,
          query,
          cookieValue(req.headers.cookie, ATTEMPT_COOKIE),
          clientOf(req),
        );
        reply.header('set-cookie', outcome.cookies);
        return reply.redirect(outcome.location, 303);
      },
    );

    app.put(
      `${base}/saml`,
      {
        config: perOrg(20),
        schema: {
          tags,
          summary:
            "Set up SAML 2.0: the provider's metadata by URL or XML, default role, require SSO; answers our SP's entity id, ACS and metadata URLs (owners)",
          params: ssoParams,
          body: saveSamlBody,
          response: { 200: ssoSettingsView, ...errors(400, 401, 403, 404, 409, 429) },
        },
      },
      async (req) => saveSamlConnection(ctx, await req.actor(), req.params.orgId, req.body),
    );

    app.delete(
      `${base}/saml`,
      {
        schema: {
          tags,
          summary: 'Remove the SAML set-up: people sign in with passwords again (owners)',
          params: ssoParams,
          response: { 204: z.null(), ...errors(401, 403, 404) },
        },
      },
      async (req, reply) => {
        await removeSamlConnection(ctx, await req.actor(), req.params.orgId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      `${base}/saml/metadata`,
      {
        config: perOrg(20),
        schema: {
          tags,
          summary: "Read a provider's SAML metadata (URL or XML) and say what was found, saving nothing (owners)",
          params: ssoParams,
          body: readSamlMetadataBody,
          response: { 200: samlMetadataView, ...errors(400, 401, 403, 404, 429) },
        },
      },
      async (req) => previewSamlMetadata(ctx, await req.actor(), req.params.orgId, req.body),
    );

    app.get(
      '/api/sso/saml/:connectionId/metadata',
      {
        config: publicLimit,
        schema: {
          tags,
          summary: "Our service provider's SAML metadata for one connection: entity id, ACS URL, NameID format",
          security: [],
          params: samlConnectionParams,
          response: { 200: z.string(), ...errors(400, 404, 429) },
        },
      },
      async (req, reply) =>
        reply
          .type('application/samlmetadata+xml; charset=utf-8')
          .send(await samlServiceProviderMetadata(ctx, req.params.connectionId)),
    );

    app.post(
      '/api/sso/saml/:connectionId/acs',
      {
        config: publicLimit,
        schema: {
          tags,
          summary:
            "The identity provider's POST (HTTP-POST binding): checks the response, then 303 to the finish step or the error page",
          description:
            'Cross-site by nature, so it carries none of our cookies: the response is tied to its sign-in attempt ' +
            'by InResponseTo, and the browser finishes at a same-site GET that checks its attempt cookie.',
          security: [],
          params: samlConnectionParams,
          consumes: [FORM],
          body: samlAcsBody,
          response: { 303: z.null(), ...errors(400, 429) },
        },
      },
      async (req, reply) => {
        const outcome = await receiveSamlResponse(ctx, req.params.connectionId, req.body, clientOf(req));
        if (outcome.cookies.length > 0) reply.header('set-cookie', outcome.cookies);
        return reply.redirect(outcome.location, 303);
      },
    );

    app.get(
      SAML_SEND_PATH,
      {
        config: publicLimit,
        schema: {
          tags,
          summary:
            "HTTP-POST binding: the page that posts this browser's AuthnRequest to the provider (or 303 to the error page)",
          security: [],
          response: { 200: z.string(), 303: z.null(), ...errors(429) },
        },
      },
      async (req, reply) => {
        const form = await samlRequestForm(ctx, cookieValue(req.headers.cookie, ATTEMPT_COOKIE));
        if (!form) return reply.redirect('/sso/error?problem=no_attempt', 303);
        const nonce = randomBytes(16).toString('base64');
        return reply
          .type('text/html; charset=utf-8')
          .header(
            'content-security-policy',
            `default-src 'none'; script-src 'nonce-${nonce}'; form-action ${new URL(form.action).origin}; base-uri 'none'; frame-ancestors 'none'`,
          )
          .header('referrer-policy', 'no-referrer')
          .send(requestFormPage(form, nonce));
      },
    );

    app.get(
      SAML_FINISH_PATH,
      {
        config: publicLimit,
        schema: {
          tags,
          summary:
            'After the ACS: signs in the browser that started this SAML sign-in, or goes to the error page (303)',
          security: [],
          response: { 303: z.null(), ...errors(429) },
        },
      },
      async (req, reply) => {
        const outcome = await finishSamlSignIn(ctx, cookieValue(req.headers.cookie, ATTEMPT_COOKIE), clientOf(req));
        reply.header('set-cookie', outcome.cookies);
        return reply.redirect(outcome.location, 303);
      },
    );
  };
