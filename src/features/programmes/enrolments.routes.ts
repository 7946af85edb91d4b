import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentHeader } from '../../server/attachment.js';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import { enrolmentCertificate } from './certificate-pdf.js';
import { listCohortParticipants, listCohortReflections } from './cohort-pages.js';
import {
  catalogue,
  cohortParams,
  cohortParticipants,
  cohortReflections,
  cohortThingParams,
  type EnrolmentView,
  enrolBody,
  enrolmentParams,
  enrolmentSummary,
  enrolmentThingParams,
  enrolmentView,
  orgParams,
  programmeOverview,
  programmeParams,
  reflectionBody,
  thingView,
  triedBody,
} from './enrolments.schema.js';
import { enrol, leaveProgramme, listCatalogue, programmeOverview as overviewOf } from './enrolments.service.js';
import { getEnrolmentJson, getThing, markTried } from './participation.service.js';
import { reflectOnThing } from './reflections.js';

/** Taking part in programmes: the catalogue, a programme's page, enrolling, "this week", things, cohorts. */
export const enrolmentsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['programmes'];
    app.get(
      '/api/orgs/:orgId/catalogue',
      {
        schema: {
          tags,
          summary: 'The published programmes of an organisation, with open cohorts and your enrolment',
          params: orgParams,
          response: { 200: catalogue, ...errors(401, 404) },
        },
      },
      async (req) => ({ programmes: await listCatalogue(ctx, await req.actor(), req.params.orgId) }),
    );
    app.get(
      '/api/programmes/:programmeId/overview',
      {
        schema: {
          tags,
          summary: 'A programme’s outline, open cohorts, your enrolment and what organisers see (a preview for drafts)',
          params: programmeParams,
          response: { 200: programmeOverview, ...errors(401, 404) },
        },
      },
      async (req) => overviewOf(ctx, await req.actor(), req.params.programmeId),
    );
    app.post(
      '/api/programmes/:programmeId/enrolments',
      {
        schema: {
          tags,
          summary: 'Enrol alone or into a cohort, optionally adding the programme to your plan as a goal',
          params: programmeParams,
          body: enrolBody,
          response: { 201: enrolmentSummary, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await enrol(ctx, await req.actor(), req.params.programmeId, req.body)),
    );
    app.get(
      '/api/enrolments/:enrolmentId',
      {
        schema: {
          tags,
          summary: '"This week": released things with your progress, what comes next, how far behind',
          params: enrolmentParams,
          response: { 200: enrolmentView, ...errors(401, 404) },
        },
      },
      async (req, reply) =>
        reply
          .type('application/json; charset=utf-8')
          .send((await getEnrolmentJson(ctx, await req.actor(), req.params.enrolmentId)) as unknown as EnrolmentView),
    );
    app.post(
      '/api/enrolments/:enrolmentId/leave',
      {
        schema: {
          tags,
          summary: 'Leave a programme (what you did is kept; you can rejoin)',
          params: enrolmentParams,
          response: { 200: enrolmentSummary, ...errors(401, 403, 404, 409) },
        },
      },
      async (req) => leaveProgramme(ctx, await req.actor(), req.params.enrolmentId),
    );
    app.get(
      '/api/enrolments/:enrolmentId/things/:thingId',
      {
        schema: {
          tags,
          summary: 'A released thing: what it is, the task, the prompt, links and your progress',
          params: enrolmentThingParams,
          response: { 200: thingView, ...errors(401, 404) },
        },
      },
      async (req) => getThing(ctx, await req.actor(), req.params.enrolmentId, req.params.thingId),
    );
    app.put(
      '/api/enrolments/:enrolmentId/things/:thingId/tried',
      {
        schema: {
          tags,
          summary: 'Mark a thing tried, or not tried',
          params: enrolmentThingParams,
          body: triedBody,
          response: { 200: enrolmentView, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) => markTried(ctx, await req.actor(), req.params.enrolmentId, req.params.thingId, req.body.tried),
    );
    app.post(
      '/api/enrolments/:enrolmentId/things/:thingId/reflection',
      {
        schema: {
          tags,
          summary: 'Reflect on a thing: a post (private, chosen people, your cohort, everyone) or a link to your blog',
          params: enrolmentThingParams,
          body: reflectionBody,
          response: { 200: enrolmentView, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) => reflectOnThing(ctx, await req.actor(), req.params.enrolmentId, req.params.thingId, req.body),
    );
    app.get(
      '/api/enrolments/:enrolmentId/certificate.pdf',
      {
        schema: {
          tags,
          summary: 'Your certificate of completion (PDF); 409 until the programme is completed',
          params: enrolmentParams,
          response: { 200: z.unknown(), ...errors(401, 404, 409) },
        },
      },
      async (req, reply) => {
        const file = await enrolmentCertificate(ctx, await req.actor(), req.params.enrolmentId);
        return reply
          .type('application/pdf')
          .header('content-disposition', attachmentHeader(file.filename))
          .send(file.body);
      },
    );
    app.get(
      '/api/cohorts/:cohortId/things/:thingId/reflections',
      {
        schema: {
          tags,
          summary: 'What the cohort’s participants shared on a thing (participants and organisers)',
          params: cohortThingParams,
          response: { 200: cohortReflections, ...errors(401, 403, 404) },
        },
      },
      async (req) => listCohortReflections(ctx, await req.actor(), req.params.cohortId, req.params.thingId),
    );
    app.get(
      '/api/cohorts/:cohortId/participants',
      {
        schema: {
          tags,
          summary: 'Who takes part in a cohort and how far each is (participants and organisers)',
          params: cohortParams,
          response: { 200: cohortParticipants, ...errors(401, 403, 404) },
        },
      },
      async (req) => listCohortParticipants(ctx, await req.actor(), req.params.cohortId),
    );
  };
