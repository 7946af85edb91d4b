import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { user } from './auth.js';
import { membership } from './orgs.js';
import { plan } from './plans.js';

/*
 * Bringing others in, exactly as far as the learner chooses ("Mentors & supervisors" in PRODUCT.md).
 */

export const grantScopes = ['plan', 'part', 'goal'] as const;
export const grantScope = pgEnum('grant_scope', grantScopes);
export const grantAccesses = ['read', 'comment'] as const;
export const grantAccess = pgEnum('grant_access', grantAccesses);

/**
 * One share of (part of) a plan with one member: the whole plan, one part ('reflections', 'goals',
 * 'network', 'shares') or one goal; to read or to comment. Revoking keeps the row (the learner sees who
 * could see what, when); an optional expiry ends it by itself. `reason` says where it came from: a share
 * the learner made, an accepted enlistment, or a supervisor review.
 */
export const planGrant = pgTable(
  'plan_grant',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    granteeMemberId: text('grantee_member_id')
      .notNull()
      .references(() => membership.id, { onDelete: 'cascade' }),
    scope: grantScope('scope').notNull(),
    part: text('part'),
    goalId: text('goal_id'),
    access: grantAccess('access').notNull().default('read'),
    reason: text('reason').notNull().default('share'),
    /** The enlistment request or review a grant came from (reason 'enlistment' or 'review'), ended with it. */
    sourceId: text('source_id'),
    grantedBy: text('granted_by').references(() => user.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('plan_grant_plan_idx').on(t.planId),
    index('plan_grant_grantee_idx').on(t.granteeMemberId),
    // One share of the same thing with the same person at a time: a double click cannot make two, and
    // revoking the one ends it. An expired share is revoked (at its expiry) before the same is shared again.
    uniqueIndex('plan_grant_share_uq')
      .on(t.planId, t.granteeMemberId, t.scope, sql`coalesce(${t.part}, '')`, sql`coalesce(${t.goalId}, '')`)
      .where(sql`${t.reason} = 'share' and ${t.revokedAt} is null`),
  ],
);

/** Every read of a shared plan, part or goal by someone other than the learner, for the learner to see. */
export const planAccessLog = pgTable(
  'plan_access_log',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    grantId: text('grant_id').references(() => planGrant.id, { onDelete: 'set null' }),
    viewerUserId: text('viewer_user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    /** What was read: 'plan', 'part:goals', 'goal:<id>', 'evidence:<id>'... */
    what: text('what').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_access_log_plan_idx').on(t.planId, t.at.desc())],
);
