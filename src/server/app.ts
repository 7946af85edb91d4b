import dnsPromises from 'node:dns/promises';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/client.js';
import type { Actor } from '../features/access/index.js';
import { archiveJobs, archivesRoutes } from '../features/archives/index.js';
import { auditJobs, auditRoutes } from '../features/audit/index.js';
import {
  acceptAddressProof,
  authRoutes,
  createAuth,
  resolveActor,
  ruleOnPasswords,
  signOutAtProviderWith,
} from '../features/auth/index.js';
import { badgesRoutes, credentialFilesRoutes, recognitionRoutes } from '../features/badges/index.js';
import { blogFeedJobs, blogFeedsRoutes } from '../features/blog-feeds/index.js';
import { calendarRoutes } from '../features/calendar/index.js';
import { checkinsRoutes } from '../features/checkins/index.js';
import { cohortFeedsRoutes } from '../features/cohort-feeds/index.js';
import { commentsRoutes } from '../features/comments/index.js';
import { communitiesRoutes } from '../features/communities/index.js';
import { enlistmentRoutes } from '../features/enlistment/index.js';
import {
  createDatabaseFileStore,
  createDiskFileStore,
  evidenceJobs,
  evidenceRoutes,
} from '../features/evidence/index.js';
import { guidesRoutes } from '../features/guides/index.js';
import { healthRoutes } from '../features/health/index.js';
import { homeRoutes } from '../features/home/index.js';
import { insightJobs, insightsRoutes } from '../features/insights/index.js';
import { invitationProvesAddress, invitationsRoutes } from '../features/invitations/index.js';
import { type JobsOptions, startJobQueue } from '../features/jobs/index.js';
import { logRoutes } from '../features/log/index.js';
import { createOutboxMailer, createSmtpMailer } from '../features/mail/index.js';
import { meRoutes } from '../features/me/index.js';
import { membersRoutes } from '../features/members/index.js';
import { mentoringRoutes } from '../features/mentoring/index.js';
import { notificationJobs, notificationsRoutes, unsubscribeRoutes } from '../features/notifications/index.js';
import { orgsRoutes } from '../features/orgs/index.js';
import { planItemsRoutes, plansRoutes, revisionsRoutes, startPlansFromTemplates } from '../features/plans/index.js';
import { portfolioRoutes } from '../features/portfolio/index.js';
import { postImagesRoutes, postsRoutes } from '../features/posts/index.js';
import { programmeProgressRoutes } from '../features/programme-progress/index.js';
import { enrolmentsRoutes, programmeCoverRoutes, programmesRoutes } from '../features/programmes/index.js';
import { reminderJobs } from '../features/reminders/index.js';
import { reviewsRoutes } from '../features/reviews/index.js';
import {
  canonicalScimUrl,
  isScimUrl,
  scimErrorsInScimShape,
  scimFrameworkError,
  scimRoutes,
  scimSettingsRoutes,
} from '../features/scim/index.js';
import { searchRoutes } from '../features/search/index.js';
import { settingsRoutes } from '../features/settings/index.js';
import { sharingRoutes } from '../features/sharing/index.js';
import { providerSignOutUrl, ssoPasswordRule, ssoRoutes } from '../features/sso/index.js';
import { readTemplateForPlan, templatesRoutes } from '../features/templates/index.js';
import { timelineRoutes } from '../features/timeline/index.js';
import { actorFromToken, bearerOf, guardTokenRequests, tokensRoutes } from '../features/tokens/index.js';
import { createChangeFeed } from './change-feed.js';
import type { AppContext } from './context.js';
import { clientErrorHandler, frameworkErrors, registerErrorHandler } from './error-handler.js';
import { registerOwnWrites } from './own-writes.js';
import {
  DOCS_CONTENT_SECURITY_POLICY,
  pageSecurityHeaders,
  sendPage,
  WORKER_CONTENT_SECURITY_POLICY,
} from './page-security.js';
import type { FileStore, Mailer, TxtResolver } from './ports.js';
import { rateLimitJobs } from './rate-limit.jobs.js';
import { databaseRateLimitStore } from './rate-limit-store.js';
import { createCacheRegistry } from './read-cache.js';
import { addResponseHeaders, refuseCrossSiteWrites } from './request-security.js';
import { cutText } from './text.js';
import { refuseBadText } from './text-guard.js';
import { refuseWhileClosing } from './unavailable.js';
import { APP_VERSION } from './version.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking; the session is looked up on first use only, so public routes never touch the database. */
    actor(): Promise<Actor>;
  }
}

export interface BuildAppOptions {
  config: Config;
  database: DatabaseHandle;
  authSecret: string;
  mailer?: Mailer;
  /** Store for uploaded files; by default the one FILE_STORE names (a folder `files` in the data directory, or the database). */
  files?: FileStore;
  logger?: FastifyServerOptions['logger'];
  /** DNS TXT look-ups for claimed domains; node:dns/promises unless a test answers them. */
  dns?: TxtResolver;
  /** Folder of the built web app; served with a single-page-app fallback when present. */
  webRoot?: string;
  /**
   * On PostgreSQL, hear other instances' changes on a connection of its own (default on): without it this
   * instance's caches could serve what another instance changed.
   */
  listenForChanges?: boolean;
  /**
   * Rate-limit counters are kept under this namespace. Every real instance leaves it to the shared default, so
   * they count together; tests give each app its own (all their requests come from 127.0.0.1).
   */
  rateLimitNamespace?: string;
  /** Run background jobs (reminders, notification e-mails) with pg-boss; off unless asked (`JOBS` in main.ts). */
  jobs?: boolean | JobsOptions;
  /**
   * Answer before the job queue is set up (main.ts: it then awaits `ctx.jobs.ready` after listening). Jobs sent
   * meanwhile wait for it. Otherwise buildApp resolves once the workers run, as tests expect.
   */
  jobsInBackground?: boolean;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

// Two folders up is the project root from src/server (tsx) and from dist/server (the compiled server).
const defaultWebRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

/** Builds the whole Waymark server without listening, so tests can `inject` into it. */
export async function buildApp(opts: BuildAppOptions) {
  const { config, database } = opts;
  const app = Fastify({
    logger: opts.logger ?? { level: config.LOG_LEVEL },
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    // Errors raised before routing (bad % escapes, long path parameters, what Node's parser refuses) in our shape.
    // …and under /scim/ in SCIM's own shape, the only one a directory reads.
    frameworkErrors: (err, req, reply) =>
      isScimUrl(req.url) ? scimFrameworkError(err, reply) : frameworkErrors(err, req, reply),
    clientErrorHandler,
    // Ours answers instead, in the one error shape (refuseWhileClosing).
    return503OnClosing: false,
    // SCIM endpoints as directories spell them (`/scim/v2/users`): one route each.
    rewriteUrl: (req) => canonicalScimUrl(req.url ?? '/'),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const mailer =
    opts.mailer ??
    (config.mailTransport === 'smtp' && config.SMTP_URL
      ? createSmtpMailer(config.SMTP_URL, config.MAIL_FROM)
      : createOutboxMailer(database.db, config.NODE_ENV === 'production' ? undefined : app.log));
  const changes = createChangeFeed({ database, log: app.log, listen: opts.listenForChanges ?? true });
  app.addHook('onClose', async () => changes.close());
  const auth = createAuth({
    db: database.db,
    mailer,
    secret: opts.authSecret,
    baseUrl: config.baseUrl,
    changes,
    log: app.log,
  });
  const caches = createCacheRegistry(changes);
  const files =
    opts.files ??
    (config.fileStore === 'database'
      ? createDatabaseFileStore(database.db)
      : createDiskFileStore(path.join(config.dataDir, 'files')));
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    auth,
    mailer,
    files,
    log: app.log,
    dns: opts.dns ?? { resolveTxt: (name) => dnsPromises.resolveTxt(name) },
    changes,
    caches,
    authSecret: opts.authSecret,
  };

  // A lower feature that needs a higher one is handed it here, so imports between features only go down
  // (docs/decisions/2026-12-05-feature-boundaries.md).
  acceptAddressProof(invitationProvesAddress);
  startPlansFromTemplates(readTemplateForPlan);
  ruleOnPasswords(ssoPasswordRule);
  signOutAtProviderWith(providerSignOutUrl);

  registerErrorHandler(app);
  registerOwnWrites(app, changes, config.baseUrl.startsWith('https://'));
  refuseWhileClosing(app);
  refuseCrossSiteWrites(app, config.baseUrl);
  addResponseHeaders(app);
  refuseBadText(app);
  scimErrorsInScimShape(app);
  app.decorateRequest('actor');
  app.addHook('onRequest', async (req) => {
    let actor: Promise<Actor> | undefined;
    req.actor = () => {
      // A request with an API token acts as the token says, whatever cookie it carries.
      const bearer = bearerOf(req);
      actor ??= bearer ? actorFromToken(ctx, bearer, req.ip) : resolveActor(auth, req);
      return actor;
    };
  });

  // preHandler, not onRequest: the sign-in limit keys on the e-mail address, so it needs the parsed body.
  // Counters in the database: every instance counts against the same limit.
  await app.register(fastifyRateLimit, {
    global: false,
    hook: 'preHandler',
    store: databaseRateLimitStore(database.db, opts.rateLimitNamespace),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Waymark API',
        version: APP_VERSION,
        description:
          'Personal learning plans. Sign in with POST /api/auth/sign-in: the session is an HttpOnly cookie. ' +
          'Every error answers `{ error: { code, message, fields? } }`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'waymark.session_token' },
          token: {
            type: 'http',
            scheme: 'bearer',
            description:
              'A personal (`wmp_…`) or organisation (`wmo_…`) API token, made in Waymark. A route open to tokens ' +
              'names the scope it needs; every other route refuses tokens with 403.',
          },
        },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    // Swagger UI needs no inline script or style: its page gets a policy as strict as the app's own.
    staticCSP: DOCS_CONTENT_SECURITY_POLICY,
    uiHooks: {
      onRequest: (_req, reply, done) => {
        reply.header('x-frame-options', 'DENY');
        done();
      },
    },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  guardTokenRequests(app, config.TOKEN_RATE_LIMIT);

  for (const routes of [
    healthRoutes,
    authRoutes,
    meRoutes,
    orgsRoutes,
    homeRoutes,
    membersRoutes,
    archivesRoutes,
    invitationsRoutes,
    plansRoutes,
    planItemsRoutes,
    revisionsRoutes,
    guidesRoutes,
    templatesRoutes,
    logRoutes,
    settingsRoutes,
    calendarRoutes,
    evidenceRoutes,
    timelineRoutes,
    portfolioRoutes,
    checkinsRoutes,
    notificationsRoutes,
    unsubscribeRoutes,
    sharingRoutes,
    mentoringRoutes,
    commentsRoutes,
    communitiesRoutes,
    postsRoutes,
    postImagesRoutes,
    searchRoutes,
    enlistmentRoutes,
    reviewsRoutes,
    insightsRoutes,
    auditRoutes,
    tokensRoutes,
    scimRoutes,
    scimSettingsRoutes,
    ssoRoutes,
    programmeProgressRoutes,
    enrolmentsRoutes,
    blogFeedsRoutes,
    cohortFeedsRoutes,
    programmesRoutes,
    programmeCoverRoutes,
    badgesRoutes,
    recognitionRoutes,
    credentialFilesRoutes,
  ]) {
    await app.register(routes(ctx));
  }

  const webRoot = opts.webRoot ?? defaultWebRoot;
  const serveWeb = fs.existsSync(path.join(webRoot, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      // Source maps would hand out the whole client source: built (hidden) for debugging, never served in production.
      allowedPath: (file) => !(config.NODE_ENV === 'production' && file.endsWith('.map')),
      // Compressed at build time (vite.config.ts): the brotli or gzip file the browser accepts, else the plain one.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, sent) => {
        const file = sent.replace(/\.(br|gz)$/, ''); // the file a compressed variant stands for
        // index.html asked for by name is the same page as every client-side route below.
        if (file.endsWith('.html')) res.headers(pageSecurityHeaders);
        if (/[\\/]sw\.js$/.test(file)) res.header('content-security-policy', WORKER_CONTENT_SECURITY_POLICY);
        // Built assets carry a hash of their content in their name: a new build makes new names, so browsers may
        // keep these for a year without asking. Everything else (the page, icons) is checked on every load.
        res.header('cache-control', /[\\/]assets[\\/]/.test(file) ? IMMUTABLE : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    // Client-side routes (/orgs/..., /invite/...) all load the single page; unknown /api paths stay JSON.
    const page = !req.url.startsWith('/api/') && !/\.map(\?|$)/.test(req.url);
    if (serveWeb && (req.method === 'GET' || req.method === 'HEAD') && page) {
      return sendPage(reply);
    }
    // The path only, cut short: the query string may be 16 KB of anything.
    const where = cutText(req.url.split('?')[0] as string, 200);
    return reply.status(404).send({ error: { code: 'not_found', message: `No route for ${req.method} ${where}.` } });
  });

  if (opts.jobs) {
    const jobs = startJobQueue(ctx, opts.jobs === true ? {} : opts.jobs, [
      notificationJobs,
      reminderJobs,
      insightJobs,
      auditJobs,
      archiveJobs,
      evidenceJobs,
      rateLimitJobs,
      blogFeedJobs,
    ]);
    // preClose: running jobs finish (or are failed, to be retried) before the mailer and database close.
    app.addHook('preClose', async () => jobs.stop());
    if (!opts.jobsInBackground) await jobs.ready;
  }
  app.addHook('onClose', async () => mailer.close());
  return { app, ctx };
}

export type App = Awaited<ReturnType<typeof buildApp>>['app'];
