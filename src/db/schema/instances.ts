import { sql } from 'drizzle-orm';
import { check, index, integer, pgSequence, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/*
 * What every instance of Waymark on one database must agree on, kept where they all read it
 * (decision 2026-12-05-shared-state).
 */

/**
 * Fixed-window request counters of @fastify/rate-limit (server/rate-limit-store.ts), so a limit counts the
 * hits of every instance. `key` is the limit's name and its client key; rows past `resets_at` are swept.
 */
export const rateLimitCounter = pgTable(
  'rate_limit_counter',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    resetsAt: timestamp('resets_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limit_counter_resets_idx').on(t.resetsAt)],
);

/**
 * The fingerprint (HMAC-SHA256 of a fixed label, keyed by the secret) of the AUTH_SECRET the instances of this
 * database sign sessions with: one row. Never the secret itself. An instance with another secret refuses to
 * start (server/secret-fingerprint.ts).
 */
export const authSecretFingerprint = pgTable(
  'auth_secret_fingerprint',
  {
    id: integer('id').primaryKey().default(1),
    fingerprint: text('fingerprint').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('auth_secret_fingerprint_one_row', sql`${t.id} = 1`)],
);

/**
 * Numbers each committed batch of announced changes (server/change-feed.ts). A write's answer carries its number
 * to the writer's browser; an instance that has not yet heard that number serves the writer's next read from
 * the database rather than a cache, so everyone reads their own writes on any instance.
 */
export const changeSequence = pgSequence('waymark_change_seq', { cache: 1 });
