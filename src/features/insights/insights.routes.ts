import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import {
  createInsightAction,
  getInsightActionInvite,
  listInsightActions,
  respondToInsightAction,
} from './actions.service.js';
import { getInsightsConsent, setInsightsConsent } from './consent.service.js';
import { insightsDashboard } from './dashboard.service.js';
import {
  actionInvite,
  actionList,
  actionParams,
  actionView,
  consentBody,
  consentParams,
  consentView,
  createActionBody,
  csvQuery,
  dashboardQuery,
  dashboardView,
  orgParams,
  recountView,
  settingsBody,
  settingsView,
  suggestionBody,
  suggestionList,
  topicBody,
  topicList,
  topicParams,
  topicView,
} from './insights.schema.js';
import { insightsCsv } from './insights-csv.js';
import { getInsightSettings, refreshInsights, updateInsightSettings } from './settings.service.js';
import {
  createTopic,
  deleteTopic,
  dismissSuggestion,
  listTopics,
  mergeTopic,
  topicSuggestions,
  updateTopic,
} from './topics.service.js';

export const insightsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['insights'];
    const base = '/api/orgs/:orgId/insights';

    app.get(
      '/api/orgs/:orgId/members/:memberId/insights-consent',
      {
        schema: {
          tags,
          summary: 'Whether your plan counts in anonymous insights (yours alone to read)',
          params: consentParams,
          response: { 200: consentView, ...errors(401, 403, 404) },
        },
      },
      async (req) => getInsightsConsent(ctx, await req.actor(), req.params.orgId, req.params.memberId),
    );
    app.put(
      '/api/orgs/:orgId/members/:memberId/insights-consent',
      {
        schema: {
          tags,
          summary: 'Say yes or no to counting in anonymous insights; no removes you from the next figures',
          params: consentParams,
          body: consentBody,
          response: { 200: consentView, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) =>
        setInsightsConsent(ctx, await req.actor(), req.params.orgId, req.params.memberId, req.body.consent),
    );

    app.get(
      base,
      {
        schema: {
          tags,
          summary: 'The insights dashboard: aggregates of opted-in learners, each from at least k of them',
          params: orgParams,
          querystring: dashboardQuery,
          response: { 200: dashboardView, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) => insightsDashboard(ctx, await req.actor(), req.params.orgId, req.query),
    );
    app.get(
      `${base}/csv`,
      {
        schema: {
          tags,
          summary: 'One figure of the dashboard as CSV (the numbers of its table view)',
          params: orgParams,
          querystring: csvQuery,
          response: { 200: z.string(), ...errors(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        const { figure, ...query } = req.query;
        const { csv, fileName } = await insightsCsv(ctx, await req.actor(), req.params.orgId, query, figure);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${fileName}"`)
          .send(csv);
      },
    );
    app.post(
      `${base}/refresh`,
      {
        schema: {
          tags,
          summary: 'Count everything again now (it happens every hour anyway): 202 when queued, 200 when done',
          params: orgParams,
          response: { 200: recountView, 202: recountView, ...errors(401, 403, 404) },
        },
      },
      async (req, reply) => {
        const recount = await refreshInsights(ctx, await req.actor(), req.params.orgId);
        return reply.code(recount.counting ? 202 : 200).send(recount);
      },
    );
    app.get(
      `${base}/settings`,
      {
        schema: {
          tags,
          summary: 'k, the smallest group a figure may come from, and when figures were last counted',
          params: orgParams,
          response: { 200: settingsView, ...errors(401, 403, 404) },
        },
      },
      async (req) => getInsightSettings(ctx, await req.actor(), req.params.orgId),
    );
    app.patch(
      `${base}/settings`,
      {
        schema: {
          tags,
          summary: 'Raise k (it never goes down)',
          params: orgParams,
          body: settingsBody,
          response: { 200: settingsView, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) => updateInsightSettings(ctx, await req.actor(), req.params.orgId, req.body),
    );

    app.get(
      `${base}/topics`,
      {
        schema: {
          tags,
          summary: "The organisation's topic list, with other names for each",
          params: orgParams,
          response: { 200: topicList, ...errors(401, 403, 404) },
        },
      },
      async (req) => listTopics(ctx, await req.actor(), req.params.orgId),
    );
    app.post(
      `${base}/topics`,
      {
        schema: {
          tags,
          summary: 'Add a topic to the list',
          params: orgParams,
          body: topicBody,
          response: { 201: topicView, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await createTopic(ctx, await req.actor(), req.params.orgId, req.body)),
    );
    app.patch(
      `${base}/topics/:topicId`,
      {
        schema: {
          tags,
          summary: 'Rename a topic or change its other names',
          params: topicParams,
          body: topicBody,
          response: { 200: topicView, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) => updateTopic(ctx, await req.actor(), req.params.orgId, req.params.topicId, req.body),
    );
    app.delete(
      `${base}/topics/:topicId`,
      {
        schema: {
          tags,
          summary: 'Take a topic off the list (learners’ words count as themselves again)',
          params: topicParams,
          response: { 204: z.null(), ...errors(401, 403, 404) },
        },
      },
      async (req, reply) => {
        await deleteTopic(ctx, await req.actor(), req.params.orgId, req.params.topicId);
        return reply.status(204).send(null);
      },
    );
    app.get(
      `${base}/topic-suggestions`,
      {
        schema: {
          tags,
          summary: 'Learners’ words that look like another topic: merges to review',
          params: orgParams,
          response: { 200: suggestionList, ...errors(401, 403, 404) },
        },
      },
      async (req) => topicSuggestions(ctx, await req.actor(), req.params.orgId),
    );
    app.post(
      `${base}/topic-suggestions/merge`,
      {
        schema: {
          tags,
          summary: 'Merge learners’ words into a topic (a listed one, or one that joins the list)',
          params: orgParams,
          body: suggestionBody,
          response: { 200: topicView, 201: topicView, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) => mergeTopic(ctx, await req.actor(), req.params.orgId, req.body),
    );
    app.post(
      `${base}/topic-suggestions/dismiss`,
      {
        schema: {
          tags,
          summary: 'Not the same topic: do not suggest this merge again',
          params: orgParams,
          body: suggestionBody,
          response: { 204: z.null(), ...errors(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        await dismissSuggestion(ctx, await req.actor(), req.params.orgId, req.body);
        return reply.status(204).send(null);
      },
    );

    app.get(
      `${base}/actions`,
      {
        schema: {
          tags,
          summary: 'What L&D did about insights, with uptake',
          params: orgParams,
          response: { 200: actionList, ...errors(401, 403, 404) },
        },
      },
      async (req) => listInsightActions(ctx, await req.actor(), req.params.orgId),
    );
    app.post(
      `${base}/actions`,
      {
        schema: {
          tags,
          summary: 'Start a mentor call, open a community or recommend a resource for a topic',
          params: orgParams,
          body: createActionBody,
          response: { 201: actionView, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await createInsightAction(ctx, await req.actor(), req.params.orgId, req.body)),
    );
    app.get(
      '/api/insight-actions/:actionId',
      {
        schema: {
          tags,
          summary: 'An action you were told about',
          params: actionParams,
          response: { 200: actionInvite, ...errors(401, 404) },
        },
      },
      async (req) => getInsightActionInvite(ctx, await req.actor(), req.params.actionId),
    );
    app.post(
      '/api/insight-actions/:actionId/respond',
      {
        schema: {
          tags,
          summary: 'Take it up: volunteer to mentor, join the community, add the resource to your plan',
          params: actionParams,
          response: { 200: actionInvite, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) => respondToInsightAction(ctx, await req.actor(), req.params.actionId),
    );
  };
