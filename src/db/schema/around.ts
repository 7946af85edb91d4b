import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { user } from './auth.js';
import { timestamps } from './columns.js';
import { logEntry } from './log.js';
import { membership, organization } from './orgs.js';
import { plan } from './plans.js';

/*
 * What keeps a plan alive through the year ("Around the plan" in PRODUCT.md): evidence of goals, the
 * portfolio's secret links, check-ins, reminders and the learner's own settings for them.
 */

export const evidenceKinds = ['note', 'link', 'file'] as const;
export const evidenceKind = pgEnum('evidence_kind', evidenceKinds);

/**
 * Evidence of one goal: a note, a link or a file (kept by a FileStore under `storageKey`), possibly made
 * from a log entry. Not tied to the goal row by a foreign key: a goal restored from history finds its
 * evidence again.
 */
export const evidence = pgTable(
  'evidence',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    goalId: text('goal_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    kind: evidenceKind('kind').notNull(),
    title: text('title').notNull(),
    note: text('note').notNull().default(''),
    url: text('url'),
    logEntryId: text('log_entry_id').references(() => logEntry.id, { onDelete: 'set null' }),
    occurredOn: date('occurred_on').notNull(),
    storageKey: text('storage_key'),
    fileName: text('file_name'),
    contentType: text('content_type'),
    byteSize: integer('byte_size'),
    sha256: text('sha256'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('evidence_goal_idx').on(t.goalId), index('evidence_plan_idx').on(t.planId)],
);

/**
 * A secret link to a learner's portfolio (their achieved goals and evidence in one organisation). Only
 * the SHA-256 of the token is kept, so the link is shown once; revoked or expired links answer 404.
 */
export const portfolioLink = pgTable(
  'portfolio_link',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    memberId: text('member_id')
      .notNull()
      .references(() => membership.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    label: text('label').notNull().default(''),
    /** The learner chose to show their badges on this link (each linking to its public verification page). */
    showBadges: boolean('show_badges').notNull().default(false),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastOpenedAt: timestamp('last_opened_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('portfolio_link_member_idx').on(t.memberId)],
);

/**
 * A check-in: a short reflection on one plan with learner-mindset prompts, and the goal progress it
 * updated (before and after, so the timeline can say "40% → 60%").
 */
export const checkin = pgTable(
  'checkin',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    checkedOn: date('checked_on').notNull(),
    answers: jsonb('answers').$type<{ prompt: string; answer: string }[]>().notNull(),
    progress: jsonb('progress')
      .$type<{ goalId: string; from: number; to: number }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    ...timestamps,
  },
  (t) => [index('checkin_plan_idx').on(t.planId, t.checkedOn.desc()), index('checkin_user_idx').on(t.userId)],
);

export const checkinCadences = ['none', 'daily', 'weekly', 'monthly'] as const;
export const checkinCadence = pgEnum('checkin_cadence', checkinCadences);

/**
 * One person's settings for what keeps the plan alive: check-in cadence, the time zone reminders follow,
 * which kinds of reminder e-mail they unsubscribed from, and the fingerprint of their calendar feed token.
 */
export const learnerSettings = pgTable('learner_settings', {
  userId: text('user_id')
    .primaryKey()
    .references(() => user.id, { onDelete: 'cascade' }),
  timeZone: text('time_zone').notNull().default('UTC'),
  checkinCadence: checkinCadence('checkin_cadence').notNull().default('none'),
  emailOptOut: text('email_opt_out').array().notNull().default(sql`'{}'::text[]`),
  calendarTokenHash: text('calendar_token_hash').unique(),
  version: integer('version').notNull().default(1),
  ...timestamps,
});

/**
 * An in-app notification (and the e-mail that went with it). `dedupeKey` names the event ("target date of
 * goal X nears, due 2027-03-01"), so a retried or repeated reminder job never notifies twice.
 */
export const notification = pgTable(
  'notification',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id').references(() => organization.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link'),
    dedupeKey: text('dedupe_key').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('notification_dedupe_uq').on(t.userId, t.dedupeKey),
    index('notification_user_idx').on(t.userId, t.createdAt.desc()),
  ],
);
