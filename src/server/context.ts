import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { DatabaseHandle } from '../db/client.js';
import type { PlanOwnership } from '../features/access/plan-access.js';
import type { Auth } from '../features/auth/auth.js';
import type { FileStore } from '../features/evidence/file-store.js';
import type { JobQueue } from '../features/jobs/job-queue.js';
import type { Mailer } from '../features/mail/mailer.js';
import type { MyMembership } from '../features/me/me.repository.js';
import type { CachedPlan } from '../features/plans/plans.service.js';
import type { FeedPageView } from '../features/posts/posts.schema.js';
import type { ReadCache } from './read-cache.js';

/** What services need from the running app, passed explicitly so tests can build one per database. */
export interface AppContext {
  config: Config;
  database: DatabaseHandle;
  db: DatabaseHandle['db'];
  auth: Auth;
  mailer: Mailer;
  /** Where evidence files are kept (the data directory unless another store is given). */
  files: FileStore;
  log: FastifyBaseLogger;
  caches: AppCaches;
  /** The secret the app signs with (sessions; unsubscribe links use a key derived from it). */
  authSecret: string;
  /** Background jobs (pg-boss), when the app was started with them; see features/jobs. */
  jobs?: JobQueue;
}

/** In-process caches of hot, rarely written data; see read-cache.ts for how writers keep them honest. */
export interface AppCaches {
  /** The organisations each person belongs to (by user id): cleared by every organisation or membership write. */
  memberships: ReadCache<string, MyMembership[]>;
  /** Whole plans (by plan id), as viewed and as serialised JSON: forgotten by every write to the plan. */
  plans: ReadCache<string, CachedPlan>;
  /** Who owns each plan (by plan id): fixed for a plan's life, forgotten when it is deleted. */
  planOwners: ReadCache<string, PlanOwnership | undefined>;
  /**
   * Pages of learning logs as finished JSON (by member id and the page asked for): forgotten for a learner by
   * every write to their log, goals or plans, since a page names each entry's goal and cycle.
   */
  logPages: ReadCache<string, string>;
  /** Feed pages (by organisation, viewer and page asked for): forgotten for an organisation by every write to its feed. */
  feedPages: ReadCache<string, FeedPageView>;
}
