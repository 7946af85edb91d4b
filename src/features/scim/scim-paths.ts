import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { errorBody } from './scim-errors.js';

/*
 * SCIM endpoints as directories spell them: Microsoft's reference client asks for `/users`, `/Users/?filter=…`
 * and `/serviceConfiguration`. Read before routing (Fastify's `rewriteUrl`), so each endpoint is one route.
 */

const ENDPOINTS: Record<string, string> = {
  users: 'Users',
  groups: 'Groups',
  schemas: 'Schemas',
  resourcetypes: 'ResourceTypes',
  serviceproviderconfig: 'ServiceProviderConfig',
  serviceproviderconfigs: 'ServiceProviderConfig',
  serviceconfiguration: 'ServiceProviderConfig',
};

/** The URL with its SCIM endpoint spelled as routed (any other URL unchanged). */
export function canonicalScimUrl(url: string): string {
  const match = /^\/scim\/v2\/([A-Za-z]+)(\/?)([^?]*)(\?.*)?$/i.exec(url);
  if (!match || !/^\/scim\/v2\//i.test(url)) return url;
  const [, endpoint = '', slash = '', rest = '', query = ''] = match;
  const named = ENDPOINTS[endpoint.toLowerCase()];
  if (!named) return url;
  // `/Users/` with nothing after it is the list itself.
  const tail = rest === '' ? '' : `${slash}${rest}`;
  return `/scim/v2/${named}${tail}${query}`;
}

/**
 * Whatever answers a /scim/ address before a SCIM route does (a malformed escape, no such route, unstorable
 * text in the address) answers in SCIM's error shape too: a directory reads only that one. Register on the root.
 */
export function scimErrorsInScimShape(app: FastifyInstance) {
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.statusCode < 400 || typeof payload !== 'string' || !isScimUrl(req.url)) return payload;
    let body: { error?: { message?: unknown } } | undefined;
    try {
      body = JSON.parse(payload);
    } catch {
      return payload;
    }
    if (typeof body?.error?.message !== 'string') return payload;
    reply.type('application/scim+json');
    const scimType = reply.statusCode === 400 ? 'invalidValue' : undefined;
    return JSON.stringify(errorBody(reply.statusCode, body.error.message, scimType));
  });
}

export const isScimUrl = (url: string | undefined) => /^\/scim\//i.test(url ?? '');

/** Errors Fastify answers before routing (a malformed escape, a path part too long) for a /scim/ address. */
export function scimFrameworkError(err: FastifyError, reply: FastifyReply) {
  const tooLong = err.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const status = tooLong ? 414 : (err.statusCode ?? 400);
  const detail = tooLong
    ? 'A part of the address is too long.'
    : err.code === 'FST_ERR_BAD_URL'
      ? 'The address holds a malformed escape (%).'
      : 'The request could not be read.';
  reply
    .status(status)
    .type('application/scim+json')
    .send(errorBody(status, detail, status === 400 ? 'invalidSyntax' : undefined));
}
