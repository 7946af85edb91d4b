import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { errors, ifMatch, versionFrom } from '../../server/schemas.js';
import { createItem, recordShareDone, removeItem, updateItemFields } from './plan-items.service.js';
import { type PartKind, partKinds, planParts } from './plan-parts.js';
import {
  createGoalBody,
  createNetworkBody,
  createReflectionBody,
  createShareBody,
  goalView,
  networkView,
  planItemParams,
  planParams,
  recordShareBody,
  reflectionView,
  shareView,
  updateGoalBody,
  updateNetworkBody,
  updateReflectionBody,
  updateShareBody,
} from './plans.schema.js';
import { readPlan } from './plans.service.js';

const schemas = {
  reflection: { create: createReflectionBody, update: updateReflectionBody, view: reflectionView },
  goal: { create: createGoalBody, update: updateGoalBody, view: goalView },
  network: { create: createNetworkBody, update: updateNetworkBody, view: networkView },
  share: { create: createShareBody, update: updateShareBody, view: shareView },
} satisfies Record<PartKind, { create: z.ZodType; update: z.ZodType; view: z.ZodType }>;

type Body = Record<string, unknown> & { version?: number };
// The routes are made in a loop over the four parts; TypeScript sees a union of the four views there, so the
// handlers' results are cast (`as never`). The response schemas still check every answer at run time.

/** The same five routes for each part of a plan: /api/plans/:planId/{reflections,goals,network,shares}[/:id]. */
export const planItemsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    for (const kind of partKinds) {
      const { path, label } = planParts[kind];
      const { create, update, view } = schemas[kind];
      const base = `/api/plans/:planId/${path}`;
      const tags = ['plans'];

      app.get(
        base,
        {
          schema: {
            tags,
            summary: `The plan's ${path}`,
            params: planParams,
            response: { 200: z.object({ items: z.array(view) }), ...errors(401, 404) },
          },
        },
        async (req) => {
          const { view: plan } = await readPlan(ctx, await req.actor(), req.params.planId);
          return { items: plan[path] };
        },
      );

      app.post(
        base,
        {
          schema: {
            tags,
            summary: `Add a ${label.toLowerCase()}`,
            params: planParams,
            body: create,
            response: { 201: view, ...errors(400, 401, 404) },
          },
        },
        async (req, reply) =>
          reply
            .status(201)
            .send((await createItem(ctx, await req.actor(), req.params.planId, kind, req.body as Body)) as never),
      );

      app.get(
        `${base}/:id`,
        {
          schema: {
            tags,
            summary: `One ${label.toLowerCase()}`,
            params: planItemParams,
            response: { 200: view, ...errors(401, 404) },
          },
        },
        async (req) => {
          const { view: plan } = await readPlan(ctx, await req.actor(), req.params.planId);
          const item = (plan[path] as { id: string }[]).find((i) => i.id === req.params.id);
          if (!item) throw notFound(label);
          return item as never;
        },
      );

      app.patch(
        `${base}/:id`,
        {
          schema: {
            tags,
            summary: `Change a ${label.toLowerCase()} (send the version you edited; 409 if it changed meanwhile)`,
            params: planItemParams,
            headers: ifMatch,
            body: update,
            response: { 200: view, ...errors(400, 401, 404, 409) },
          },
        },
        async (req) => {
          const body = req.body as Body;
          const version = versionFrom(req.headers['if-match'], body.version);
          const item = await updateItemFields(ctx, await req.actor(), req.params.planId, kind, req.params.id, {
            ...body,
            version,
          });
          return item as never;
        },
      );

      app.delete(
        `${base}/:id`,
        {
          schema: {
            tags,
            summary: `Remove a ${label.toLowerCase()} (kept in the plan's history)`,
            params: planItemParams,
            response: { 204: z.null(), ...errors(401, 404) },
          },
        },
        async (req, reply) => {
          await removeItem(ctx, await req.actor(), req.params.planId, kind, req.params.id);
          return reply.status(204).send(null);
        },
      );
    }

    app.post(
      '/api/plans/:planId/shares/:id/done',
      {
        schema: {
          tags: ['plans'],
          summary: 'Record that you shared, with a link or a note',
          params: planItemParams,
          body: recordShareBody,
          response: { 201: shareView, ...errors(400, 401, 404, 409) },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await recordShareDone(ctx, await req.actor(), req.params.planId, req.params.id, req.body)),
    );
  };
