import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentHeader } from '../../server/attachment.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { errors, ifMatch, versionFrom } from '../../server/schemas.js';
import {
  createAchievement,
  editAchievement,
  getAchievement,
  getIssuer,
  listOrgAchievements,
  rotateIssuerKey,
  updateIssuerProfile,
} from './achievements.service.js';
import {
  awardFromRequest,
  listAchievementAwards,
  listMyBadges,
  publicCredential,
  revokeBadge,
} from './awards.service.js';
import {
  achievementList,
  achievementParams,
  achievementView,
  achievementWithAwards,
  awardBody,
  awardList,
  awardParams,
  awardResult,
  awardView,
  createAchievementBody,
  credentialJson,
  issuerView,
  orgParams,
  publicCredentialView,
  revokeBody,
  updateAchievementBody,
  updateIssuerBody,
} from './badges.schema.js';
import { publishedDidDocument } from './issuer-keys.js';
import { closeSigners } from './signing-pool.js';
import { signedStatusList } from './status-list.js';

export const badgesRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['badges'];
    app.addHook('onClose', closeSigners); // the signing threads stop with the app
    app.get(
      '/api/orgs/:orgId/badges/issuer',
      {
        schema: {
          tags,
          summary: 'The organisation as a badge issuer: profile, DID and keys (L&D admins)',
          params: orgParams,
          response: { 200: issuerView, ...errors(401, 403, 404) },
        },
      },
      async (req) => getIssuer(ctx, await req.actor(), req.params.orgId),
    );
    app.put(
      '/api/orgs/:orgId/badges/issuer',
      {
        schema: {
          tags,
          summary: 'Change how the organisation is named on its credentials (L&D admins)',
          params: orgParams,
          headers: ifMatch,
          body: updateIssuerBody,
          response: { 200: issuerView, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        const version = versionFrom(req.headers['if-match'], req.body.version);
        return updateIssuerProfile(ctx, await req.actor(), req.params.orgId, { ...req.body, version });
      },
    );
    app.post(
      '/api/orgs/:orgId/badges/issuer/rotate-key',
      {
        schema: {
          tags,
          summary: 'Make a new signing key; the old one stays published so its credentials still verify',
          params: orgParams,
          response: { 200: issuerView, ...errors(401, 403, 404) },
        },
      },
      async (req) => rotateIssuerKey(ctx, await req.actor(), req.params.orgId),
    );
    app.get(
      '/api/orgs/:orgId/achievements',
      {
        schema: {
          tags,
          summary: 'The organisation’s achievements (L&D admins)',
          params: orgParams,
          response: { 200: achievementList, ...errors(401, 403, 404) },
        },
      },
      async (req) => ({ achievements: await listOrgAchievements(ctx, await req.actor(), req.params.orgId) }),
    );
    app.post(
      '/api/orgs/:orgId/achievements',
      {
        schema: {
          tags,
          summary: 'Define an achievement (L&D admins)',
          params: orgParams,
          body: createAchievementBody,
          response: { 201: achievementView, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await createAchievement(ctx, await req.actor(), req.params.orgId, req.body)),
    );
    app.get(
      '/api/achievements/:achievementId',
      {
        schema: {
          tags,
          summary: 'One achievement and everyone it was awarded to (L&D admins)',
          params: achievementParams,
          response: { 200: achievementWithAwards, ...errors(401, 403, 404) },
        },
      },
      async (req) => {
        const actor = await req.actor();
        return {
          achievement: await getAchievement(ctx, actor, req.params.achievementId),
          awards: await listAchievementAwards(ctx, actor, req.params.achievementId),
        };
      },
    );
    app.put(
      '/api/achievements/:achievementId',
      {
        schema: {
          tags,
          summary: 'Change an achievement (credentials already issued keep what they hold)',
          params: achievementParams,
          headers: ifMatch,
          body: updateAchievementBody,
          response: { 200: achievementView, ...errors(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        const version = versionFrom(req.headers['if-match'], req.body.version);
        return editAchievement(ctx, await req.actor(), req.params.achievementId, { ...req.body, version });
      },
    );
    app.post(
      '/api/achievements/:achievementId/awards',
      {
        schema: {
          tags,
          summary: 'Award an achievement to members, with a reason: one signed credential each',
          params: achievementParams,
          body: awardBody,
          response: { 201: awardResult, ...errors(400, 401, 403, 404) },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .type('application/json; charset=utf-8')
          // Already JSON (made in slices: awardFromRequest); the schema above documents its shape.
          .send(
            (await awardFromRequest(ctx, await req.actor(), req.params.achievementId, req.body)) as unknown as z.infer<
              typeof awardResult
            >,
          ),
    );
    app.post(
      '/api/badge-awards/:awardId/revoke',
      {
        schema: {
          tags,
          summary: 'Revoke an awarded badge, with a reason (published in the status list)',
          params: awardParams,
          body: revokeBody,
          response: { 200: awardView, ...errors(400, 401, 403, 404) },
        },
      },
      async (req) => revokeBadge(ctx, await req.actor(), req.params.awardId, req.body.reason),
    );
    app.get(
      '/api/orgs/:orgId/my-badges',
      {
        schema: {
          tags,
          summary: 'The badges you hold in an organisation',
          params: orgParams,
          response: { 200: awardList, ...errors(401, 404) },
        },
      },
      async (req) => ({ awards: await listMyBadges(ctx, await req.actor(), req.params.orgId) }),
    );

    // Public by design: a credential's page, its issuer's DID document and status list, and verification are
    // for anyone the learner shows the credential to, signed in or not.
    app.get(
      '/api/credentials/:awardId',
      {
        schema: {
          tags,
          summary: 'A credential and its verification (public: anyone with the link)',
          params: awardParams,
          response: { 200: publicCredentialView, ...errors(404) },
        },
      },
      async (req) => publicCredential(ctx, req.params.awardId),
    );
    app.get(
      '/api/credentials/:awardId/download',
      {
        schema: {
          tags,
          summary: 'The credential as a JSON file (public: anyone with the link)',
          params: awardParams,
          response: { 200: credentialJson, ...errors(404) },
        },
      },
      async (req, reply) => {
        const { credential } = await publicCredential(ctx, req.params.awardId);
        reply.header('content-disposition', attachmentHeader(`badge-${req.params.awardId}.json`));
        return credential;
      },
    );
    app.get(
      '/api/badges/status-lists/:orgId',
      {
        schema: {
          tags,
          summary: 'The organisation’s revocation list: a signed BitstringStatusList credential (public)',
          params: orgParams,
          response: { 200: credentialJson, ...errors(404) },
        },
      },
      async (req) => {
        if (!(await publishedDidDocument(ctx, req.params.orgId))) throw notFound('Status list');
        return signedStatusList(ctx, req.params.orgId);
      },
    );
    app.get(
      '/orgs/:orgId/did.json',
      {
        schema: {
          tags,
          summary: 'The organisation’s DID document (did:web), with every key it has signed with (public)',
          params: orgParams,
          response: { 200: z.record(z.string(), z.unknown()), ...errors(404) },
        },
      },
      async (req) => {
        const document = await publishedDidDocument(ctx, req.params.orgId);
        if (!document) throw notFound('DID document');
        return document;
      },
    );
  };
