import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { errors, ifMatch, versionFrom } from '../../server/schemas.js';
import { changeCohort, listProgrammeCohorts, openCohort, removeCohort } from './programme-cohorts.service.js';
import {
  addThing,
  addWeek,
  changeThing,
  changeWeek,
  removeThing,
  removeWeek,
  thingRevisions,
} from './programme-content.service.js';
import { exportProgramme, importProgramme, startFromStarter } from './programme-transfer.service.js';
import {
  cohortBody,
  cohortList,
  cohortParams,
  cohortView,
  createProgrammeBody,
  createThingBody,
  createWeekBody,
  orgParams,
  programmeDocument,
  programmeList,
  programmeOutlineView,
  programmeParams,
  revisionList,
  thingParams,
  updateCohortBody,
  updateProgrammeBody,
  updateThingBody,
  updateWeekBody,
  weekParams,
} from './programmes.schema.js';
import {
  archiveProgramme,
  copyProgramme,
  createProgramme,
  getProgrammeForAuthor,
  listProgrammesForAuthors,
  publishProgramme,
  updateProgramme,
} from './programmes.service.js';

/** Authoring programmes: L&D admins and owners of the organisation (everyone else: 403, or 404 for a draft). */
export const programmesRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['programmes'];
    const outline = { 200: programmeOutlineView };

    app.get(
      '/api/orgs/:orgId/programmes',
      {
        schema: {
          tags,
          summary: 'The organisation’s programmes for their authors, drafts included',
          params: orgParams,
          response: { 200: programmeList, ...errors(401, 403, 404) },
        },
      },
      async (req) => ({ programmes: await listProgrammesForAuthors(ctx, await req.actor(), req.params.orgId) }),
    );
    app.post(
      '/api/orgs/:orgId/programmes',
      {
        schema: {
          tags,
          summary: 'Start a draft programme',
          params: orgParams,
          body: createProgrammeBody,
          response: { 201: programmeOutlineView, ...errors(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await createProgramme(ctx, await req.actor(), req.params.orgId, req.body)),
    );
    app.post(
      '/api/orgs/:orgId/programmes/import',
      {
        schema: {
          tags,
          summary: 'Import a programme exported as JSON (format "waymark-programme", version 1) as a draft',
          description:
            'The body is a programme document as GET /api/programmes/{programmeId}/export answers it. It is checked ' +
            'as a whole: a 400 names every failing field by its path, e.g. `weeks[1].things[0].title`.',
          params: orgParams,
          body: z.unknown().meta({ description: 'A programme document (see the export).' }),
          response: { 201: programmeOutlineView, ...errors(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await importProgramme(ctx, await req.actor(), req.params.orgId, req.body)),
    );
    app.post(
      '/api/orgs/:orgId/programmes/starter',
      {
        schema: {
          tags,
          summary: 'Start a draft from Waymark’s starter programme ("Learning out loud in 12 things")',
          params: orgParams,
          response: { 201: programmeOutlineView, ...errors(401, 403, 404) },
        },
      },
      async (req, reply) => reply.status(201).send(await startFromStarter(ctx, await req.actor(), req.params.orgId)),
    );

    app.get(
      '/api/programmes/:programmeId',
      {
        schema: {
          tags,
          summary: 'A programme’s editable outline: details, weeks and things, a sample release calendar',
          params: programmeParams,
          response: { ...outline, ...errors(401, 403, 404) },
        },
      },
      async (req) => getProgrammeForAuthor(ctx, await req.actor(), req.params.programmeId),
    );
    app.patch(
      '/api/programmes/:programmeId',
      {
        schema: {
          tags,
          summary: 'Change a programme’s details (with the version edited; 409 with the current when stale)',
          params: programmeParams,
          headers: ifMatch,
          body: updateProgrammeBody,
          response: { ...outline, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        const version = versionFrom(req.headers['if-match'], req.body.version);
        return updateProgramme(ctx, await req.actor(), req.params.programmeId, { ...req.body, version });
      },
    );
    for (const [step, summary, act] of [
      ['publish', 'Publish a draft (409 saying why when it is not ready)', publishProgramme],
      ['archive', 'Archive a programme', archiveProgramme],
    ] as const) {
      app.post(
        `/api/programmes/:programmeId/${step}`,
        {
          schema: { tags, summary, params: programmeParams, response: { ...outline, ...errors(401, 403, 404, 409) } },
        },
        async (req) => act(ctx, await req.actor(), req.params.programmeId),
      );
    }
    app.post(
      '/api/programmes/:programmeId/copy',
      {
        schema: {
          tags,
          summary: 'Copy a programme into a new draft "Copy of …" (weeks and things; no cohorts or participants)',
          params: programmeParams,
          response: { 201: programmeOutlineView, ...errors(401, 403, 404) },
        },
      },
      async (req, reply) => reply.status(201).send(await copyProgramme(ctx, await req.actor(), req.params.programmeId)),
    );
    app.get(
      '/api/programmes/:programmeId/export',
      {
        schema: {
          tags,
          summary: 'The programme as a JSON document (format "waymark-programme", version 1), to download',
          params: programmeParams,
          response: { 200: programmeDocument, ...errors(401, 403, 404) },
        },
      },
      async (req, reply) => {
        const doc = await exportProgramme(ctx, await req.actor(), req.params.programmeId);
        const name = doc.programme.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'programme';
        return reply.header('content-disposition', `attachment; filename="${encodeURIComponent(name)}.json"`).send(doc);
      },
    );

    app.post(
      '/api/programmes/:programmeId/weeks',
      {
        schema: {
          tags,
          summary: 'Add a week at the end',
          params: programmeParams,
          body: createWeekBody,
          response: { 201: programmeOutlineView, ...errors(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await addWeek(ctx, await req.actor(), req.params.programmeId, req.body)),
    );
    app.patch(
      '/api/programme-weeks/:weekId',
      {
        schema: {
          tags,
          summary: 'Rename a week, mark it a catch-up week, or move it (its things move with it)',
          params: weekParams,
          body: updateWeekBody,
          response: { ...outline, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) => changeWeek(ctx, await req.actor(), req.params.weekId, req.body),
    );
    app.delete(
      '/api/programme-weeks/:weekId',
      {
        schema: {
          tags,
          summary: 'Remove an empty week (409 while it has things)',
          params: weekParams,
          response: { ...outline, ...errors(401, 403, 404, 409) },
        },
      },
      async (req) => removeWeek(ctx, await req.actor(), req.params.weekId),
    );

    app.post(
      '/api/programmes/:programmeId/things',
      {
        schema: {
          tags,
          summary: 'Add a thing at the end of a week',
          params: programmeParams,
          body: createThingBody,
          response: { 201: programmeOutlineView, ...errors(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await addThing(ctx, await req.actor(), req.params.programmeId, req.body)),
    );
    app.patch(
      '/api/programme-things/:thingId',
      {
        schema: {
          tags,
          summary:
            'Change a thing and/or move it (with the version edited); a released thing keeps its previous state ' +
            'as a revision, and participants are told only with `tellParticipants`',
          params: thingParams,
          headers: ifMatch,
          body: updateThingBody,
          response: { ...outline, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        const version = versionFrom(req.headers['if-match'], req.body.version);
        return changeThing(ctx, await req.actor(), req.params.thingId, { ...req.body, version });
      },
    );
    app.delete(
      '/api/programme-things/:thingId',
      {
        schema: {
          tags,
          summary: 'Remove a thing nobody has started (409 otherwise)',
          params: thingParams,
          response: { ...outline, ...errors(401, 403, 404, 409) },
        },
      },
      async (req) => removeThing(ctx, await req.actor(), req.params.thingId),
    );
    app.get(
      '/api/programme-things/:thingId/revisions',
      {
        schema: {
          tags,
          summary: 'A thing’s history: its earlier states, newest first',
          params: thingParams,
          response: { 200: revisionList, ...errors(401, 403, 404) },
        },
      },
      async (req) => ({ revisions: await thingRevisions(ctx, await req.actor(), req.params.thingId) }),
    );

    app.get(
      '/api/programmes/:programmeId/cohorts',
      {
        schema: {
          tags,
          summary: 'The programme’s cohorts with how many take part in each',
          params: programmeParams,
          response: { 200: cohortList, ...errors(401, 403, 404) },
        },
      },
      async (req) => ({ cohorts: await listProgrammeCohorts(ctx, await req.actor(), req.params.programmeId) }),
    );
    app.post(
      '/api/programmes/:programmeId/cohorts',
      {
        schema: {
          tags,
          summary: 'Open a cohort (start date, optional capacity and last day to join)',
          params: programmeParams,
          body: cohortBody,
          response: { 201: cohortView, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await openCohort(ctx, await req.actor(), req.params.programmeId, req.body)),
    );
    app.patch(
      '/api/programme-cohorts/:cohortId',
      {
        schema: {
          tags,
          summary: 'Change a cohort',
          params: cohortParams,
          body: updateCohortBody,
          response: { 200: cohortView, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) => changeCohort(ctx, await req.actor(), req.params.cohortId, req.body),
    );
    app.delete(
      '/api/programme-cohorts/:cohortId',
      {
        schema: {
          tags,
          summary: 'Delete a cohort nobody has joined (409 otherwise)',
          params: cohortParams,
          response: { 204: z.null(), ...errors(401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        await removeCohort(ctx, await req.actor(), req.params.cohortId);
        return reply.status(204).send(null);
      },
    );
  };
