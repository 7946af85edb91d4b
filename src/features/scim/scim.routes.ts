import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isDatabaseUnavailable } from '../../db/unavailable.js';
import { isUniqueViolation } from '../../db/unique.js';
import type { AppContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { idParam } from '../../server/schemas.js';
import type { Actor } from '../access/index.js';
import { bearerOf } from '../tokens/index.js';
import { listOf, resourceTypes, schemas, serviceProviderConfig } from './scim-discovery.js';
import { badRequest, errorBody, ScimError, type ScimType } from './scim-errors.js';
import { createGroup, deleteGroup, getGroup, listGroups, patchGroup, replaceGroup } from './scim-groups.service.js';
import { etagOf } from './scim-list.js';
import { actorFromScimToken } from './scim-tokens.service.js';
import {
  createUser,
  deleteUser,
  directoryOf,
  getUser,
  listUsers,
  patchUser,
  replaceUser,
  scimBase,
} from './scim-users.service.js';

/*
 * SCIM 2.0 at /scim/v2 (RFC 7644): the organisation's directory provisions its people. Not cookie routes: only
 * the organisation's SCIM bearer token (`wms_…`) is read, and it acts as that organisation's directory (the
 * gate's `scim:provision` rule). Every answer is application/scim+json; every error in SCIM's own shape.
 */

const SCIM_JSON = 'application/scim+json';
const PREFIX = '/scim/v2';

const scimDoc = z.record(z.string(), z.unknown());
const scimErrors = Object.fromEntries([400, 401, 404, 409, 412, 503].map((s) => [s, scimDoc]));
const listQuery = z.object({
  filter: z.string().max(4000).optional(),
  startIndex: z.string().max(20).optional(),
  count: z.string().max(20).optional(),
  attributes: z.string().max(2000).optional(),
  excludedAttributes: z.string().max(2000).optional(),
});
const readQuery = listQuery.pick({ attributes: true, excludedAttributes: true });
const idParams = z.object({ id: idParam });
const conditional = z.object({
  'if-match': z.string().max(200).optional(),
  'if-none-match': z.string().max(200).optional(),
});

const statusScimType: Record<number, ScimType | undefined> = { 409: 'uniqueness' };

/** Any failure under /scim/v2 as SCIM's error (RFC 7644 §3.12); a 5xx never shows internal text. */
function sendScimError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  reply.type(SCIM_JSON);
  if (err instanceof ScimError) return reply.status(err.status).send(errorBody(err.status, err.detail, err.scimType));
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issue = err.validation[0];
    const where = `${err.validationContext}${issue?.instancePath.replaceAll('/', '.') ?? ''}`;
    return reply.status(400).send(errorBody(400, `${where}: ${issue?.message ?? 'invalid'}`, 'invalidValue'));
  }
  if (err instanceof AppError) {
    if (err.status === 401) reply.header('www-authenticate', 'Bearer realm="scim"');
    const detail = err.status === 401 ? 'A valid SCIM token of the organisation is required.' : err.message;
    return reply.status(err.status).send(errorBody(err.status, detail, statusScimType[err.status]));
  }
  if (isUniqueViolation(err)) return reply.status(409).send(errorBody(409, 'That exists already.', 'uniqueness'));
  if (isDatabaseUnavailable(err)) {
    reply.header('retry-after', '5');
    return reply.status(503).send(errorBody(503, 'The database cannot be reached just now. Try again shortly.'));
  }
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const detail = err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ? 'The body is not valid JSON.' : err.message;
    return reply.status(status).send(errorBody(status, detail, status === 400 ? 'invalidSyntax' : undefined));
  }
  req.log.error({ err }, 'unhandled error in SCIM');
  return reply.status(500).send(errorBody(500, 'Something went wrong on our side.'));
}

export const scimRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['scim'];
    const base = scimBase(ctx);
    // Directories send application/scim+json (and sometimes plain JSON): both are read as JSON.
    // Some send the content type on a GET or DELETE too: an empty body is no body.
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser([SCIM_JSON, 'application/json'], { parseAs: 'string' }, (_req, text, done) => {
      if (typeof text !== 'string' || text.trim() === '') return done(null, undefined);
      try {
        done(null, JSON.parse(text));
      } catch {
        done(badRequest('invalidSyntax', 'The body is not valid JSON.'));
      }
    });
    app.setErrorHandler(sendScimError);
    // Only the SCIM token counts here, whatever cookie or API token the request carries.
    app.addHook('onRequest', async (req) => {
      let actor: Promise<Actor> | undefined;
      req.actor = () => {
        const bearer = bearerOf(req);
        actor ??= bearer ? actorFromScimToken(ctx, bearer, req.ip) : Promise.resolve({ kind: 'anonymous' });
        return actor;
      };
    });
    app.addHook('onSend', async (_req, reply, payload) => {
      reply.type(SCIM_JSON);
      return payload;
    });

    const send = (reply: FastifyReply, status: number, found: { doc: object; version: number }) =>
      reply.status(status).header('etag', etagOf(found.version)).send(found.doc);
    /** GET with If-None-Match naming the version the client holds: 304, nothing sent again. */
    const notModified = (req: FastifyRequest, version: number) =>
      (req.headers['if-none-match'] ?? '')
        .split(',')
        .map((t) => t.trim())
        .includes(etagOf(version));

    const discovery = (url: string, summary: string, body: () => Record<string, unknown>) =>
      app.get(
        `${PREFIX}${url}`,
        { schema: { tags, summary, response: { 200: scimDoc, ...scimErrors } } },
        async (req) => {
          await directoryGate(await req.actor());
          return body();
        },
      );
    const directoryGate = (actor: Actor) => directoryOf(ctx, actor);
    discovery('/ServiceProviderConfig', 'What Waymark’s SCIM supports', () => serviceProviderConfig(base));
    discovery('/ResourceTypes', 'SCIM resource types: User and Group', () => listOf(resourceTypes(base)));
    discovery('/Schemas', 'SCIM schemas: User, EnterpriseUser, Group', () => listOf(schemas(base)));
    app.get(
      `${PREFIX}/ResourceTypes/:id`,
      {
        schema: {
          tags,
          summary: 'One SCIM resource type',
          params: idParams,
          response: { 200: scimDoc, ...scimErrors },
        },
      },
      async (req) => {
        await directoryGate(await req.actor());
        const found = resourceTypes(base).find((r) => r.id === req.params.id);
        if (!found) throw new ScimError(404, `Resource type ${req.params.id} not found.`);
        return found;
      },
    );
    app.get(
      `${PREFIX}/Schemas/:id`,
      { schema: { tags, summary: 'One SCIM schema', params: idParams, response: { 200: scimDoc, ...scimErrors } } },
      async (req) => {
        await directoryGate(await req.actor());
        const found = schemas(base).find((s) => s.id === req.params.id);
        if (!found) throw new ScimError(404, `Schema ${req.params.id} not found.`);
        return found;
      },
    );

    const resources = [
      {
        name: 'Users',
        list: listUsers,
        get: getUser,
        create: createUser,
        replace: replaceUser,
        patch: patchUser,
        remove: deleteUser,
      },
      {
        name: 'Groups',
        list: listGroups,
        get: getGroup,
        create: createGroup,
        replace: replaceGroup,
        patch: patchGroup,
        remove: deleteGroup,
      },
    ] as const;
    for (const r of resources) {
      const one = `${PREFIX}/${r.name}/:id`;
      app.get(
        `${PREFIX}/${r.name}`,
        {
          schema: {
            tags,
            summary: `List or filter ${r.name} (filter, startIndex, count, attributes)`,
            querystring: listQuery,
            response: { 200: scimDoc, ...scimErrors },
          },
        },
        async (req) => r.list(ctx, await req.actor(), req.query),
      );
      app.post(
        `${PREFIX}/${r.name}`,
        {
          schema: {
            tags,
            summary: `Create one of ${r.name}`,
            body: scimDoc,
            response: { 201: scimDoc, ...scimErrors },
          },
        },
        async (req, reply) => send(reply, 201, await r.create(ctx, await req.actor(), req.body)),
      );
      app.get(
        one,
        {
          schema: {
            tags,
            summary: `Read one of ${r.name} (ETag; If-None-Match answers 304)`,
            params: idParams,
            querystring: readQuery,
            headers: conditional,
            response: { 200: scimDoc, 304: z.null(), ...scimErrors },
          },
        },
        async (req, reply) => {
          const found = await r.get(ctx, await req.actor(), req.params.id, req.query);
          if (notModified(req, found.version))
            return reply.status(304).header('etag', etagOf(found.version)).send(null);
          return send(reply, 200, found);
        },
      );
      app.put(
        one,
        {
          schema: {
            tags,
            summary: `Replace one of ${r.name} (If-Match)`,
            params: idParams,
            headers: conditional,
            body: scimDoc,
            response: { 200: scimDoc, ...scimErrors },
          },
        },
        async (req, reply) =>
          send(reply, 200, await r.replace(ctx, await req.actor(), req.params.id, req.body, req.headers['if-match'])),
      );
      app.patch(
        one,
        {
          schema: {
            tags,
            summary: `Change one of ${r.name} with PatchOp operations (If-Match)`,
            params: idParams,
            headers: conditional,
            body: scimDoc,
            response: { 204: z.null(), ...scimErrors },
          },
        },
        async (req, reply) => {
          const saved = await r.patch(ctx, await req.actor(), req.params.id, req.body, req.headers['if-match']);
          return reply.status(204).header('etag', etagOf(saved.version)).send(null);
        },
      );
      app.delete(
        one,
        {
          schema: {
            tags,
            summary: `Delete one of ${r.name} (a user's membership is removed, their data archived for them)`,
            params: idParams,
            headers: conditional,
            response: { 204: z.null(), ...scimErrors },
          },
        },
        async (req, reply) => {
          await r.remove(ctx, await req.actor(), req.params.id, req.headers['if-match']);
          return reply.status(204).send(null);
        },
      );
    }
  };
