import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden, rateLimited } from '../../server/errors.js';
import { scopeOfRoute } from './token-scopes.js';

/** The bearer token of a request, if it sends one (`Authorization: Bearer <token>`). */
export function bearerOf(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) return undefined;
  return header.slice('Bearer '.length).trim() || undefined;
}

/**
 * Holds requests made with an API token to what the token was given: a route no scope opens refuses every
 * token, a token without the route's scope is refused naming it, and each token has its own rate limit
 * (counted in the database like every limit, so all instances share it). Also tells the OpenAPI document which
 * scope each route needs. Register before the routes.
 */
export function guardTokenRequests(app: FastifyInstance, perMinute: number) {
  app.addHook('onRoute', (route) => {
    const method = Array.isArray(route.method) ? route.method[0] : route.method;
    const scope = scopeOfRoute(String(method), route.url);
    if (scope && route.schema) route.schema = { ...route.schema, security: [{ session: [] }, { token: [scope] }] };
  });

  const limit = app.createRateLimit({
    max: perMinute,
    timeWindow: 60_000,
    keyGenerator: async (req) => {
      const actor = await req.actor();
      return `token|${actor.kind === 'user' ? actor.token?.id : 'none'}`;
    },
  });

  // Before validation: a token that may not use a route is told so, whatever the request holds.
  app.addHook('onRequest', async (req, reply) => {
    if (!bearerOf(req)) return;
    const actor = await req.actor();
    // An unknown, revoked or expired token is no one: the route answers as for anyone not signed in.
    if (actor.kind !== 'user' || !actor.token) return;
    const scope = scopeOfRoute(req.method, req.routeOptions.url);
    if (!scope) throw forbidden('API tokens cannot use this route: it is for people signed in to Waymark.');
    if (!actor.token.scopes.includes(scope)) throw forbidden(`This token lacks the scope ${scope}.`);
    const result = await limit(req);
    if (!result.isAllowed && result.isExceeded) {
      reply.header('retry-after', String(result.ttlInSeconds));
      throw rateLimited();
    }
  });
}
