import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE_PREFIX } from '../features/auth/index.js';
import { forbidden } from './errors.js';

/*
 * Defences every route gets without thinking of them (issue 15, "safe by default"):
 * - cross-site writes are refused: a state-changing request that carries Waymark's session cookie must come
 *   from Waymark's own pages. Browsers say where a request comes from (Sec-Fetch-Site, else Origin); API
 *   clients send neither and pass, as does anything without a session (nothing to forge). A form posted by
 *   another site, even one on the same host at another port ("same-site", which SameSite=Lax cookies reach),
 *   no longer writes a suggestion into a goal or signs a person out;
 * - answers are never sniffed as another type (nosniff), and API answers are not kept by caches unless the
 *   route chose otherwise (the calendar feed's revalidated copy, an image's hour): they hold people's plans,
 *   sessions and secret links.
 */

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Routes a person's mail program calls from outside, authorised by the signed token in their address, not
 * by the session: one-click unsubscribe (RFC 8058) must work whoever sends it.
 */
const TOKEN_AUTHORISED = new Set(['/api/unsubscribe']);

/**
 * SAML's assertion consumer service: the identity provider's page posts the signed response from its own site
 * (HTTP-POST binding), by design. What authorises it is the provider's signature and the sign-in attempt it
 * answers, never a session; it signs no one in by itself (decision 2026-12-06-saml).
 */
const POSTED_BY_PROVIDER = new Set(['/api/sso/saml/:connectionId/acs']);

const hasSession = (cookie: string | undefined) =>
  !!cookie && cookie.split(';').some((c) => c.trim().startsWith(`${SESSION_COOKIE_PREFIX}.`));

/** Whether the browser says the request comes from Waymark itself (or says nothing: not a browser). */
function fromOwnPages(req: FastifyRequest, ownOrigin: string): boolean {
  const site = req.headers['sec-fetch-site'];
  // 'none': the person typed or bookmarked it. 'same-origin' is also what Vite's dev proxy (5173) yields.
  if (site) return site === 'same-origin' || site === 'none';
  const origin = req.headers.origin;
  if (origin) return origin === ownOrigin;
  return true;
}

/** Refuses (403) state-changing requests with a session from another site; `baseUrl` is Waymark's BASE_URL. */
export function refuseCrossSiteWrites(app: FastifyInstance, baseUrl: string) {
  const ownOrigin = new URL(baseUrl).origin;
  app.addHook('onRequest', (req, _reply, done) => {
    if (
      SAFE_METHODS.has(req.method) ||
      TOKEN_AUTHORISED.has(req.routeOptions.url ?? '') ||
      POSTED_BY_PROVIDER.has(req.routeOptions.url ?? '') ||
      !hasSession(req.headers.cookie) ||
      fromOwnPages(req, ownOrigin)
    ) {
      done();
      return;
    }
    done(forbidden('This request came from another site. Make the change in Waymark itself.'));
  });
}

/** The docs page and its assets are the same for everyone; everything else under /api is someone's. */
const isPersonal = (req: FastifyRequest) => req.url.startsWith('/api/') && !req.url.startsWith('/api/docs');

/** nosniff on every answer; `Cache-Control: no-store` on API answers that did not choose their own caching. */
export function addResponseHeaders(app: FastifyInstance) {
  app.addHook('onSend', (req, reply: FastifyReply, payload, done) => {
    if (!reply.hasHeader('x-content-type-options')) reply.header('x-content-type-options', 'nosniff');
    if (isPersonal(req) && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}
