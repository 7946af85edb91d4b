import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { user } from './auth.js';

export const memberRole = pgEnum('member_role', ['owner', 'admin', 'member']);

export const organization = pgTable('organization', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** How long a removed member's data is kept for them to download (member_archive), in days. */
  removedDataDays: integer('removed_data_days').notNull().default(30),
  /** How long the audit log keeps an event, in days (a daily job erases older ones). */
  auditRetentionDays: integer('audit_retention_days').notNull().default(365),
  /**
   * What the organisation's directory's groups (SCIM) set on its members: their department, their team, or their
   * role (members of the group named `scimAdminGroup` are L&D admins; owners are never changed by the directory).
   */
  scimGroupMapping: text('scim_group_mapping', { enum: ['departments', 'teams', 'roles'] })
    .notNull()
    .default('departments'),
  scimAdminGroup: text('scim_admin_group'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A person's place in one organisation. Supervision and mentoring offers live here, not on the user,
 * because a person can belong to several organisations with a different supervisor in each.
 */
export const membership = pgTable(
  'membership',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    role: memberRole('role').notNull().default('member'),
    title: text('title'),
    supervisorId: text('supervisor_id').references((): AnyPgColumn => membership.id, { onDelete: 'set null' }),
    offersMentoring: boolean('offers_mentoring').notNull().default(false),
    mentoringTopics: text('mentoring_topics').array().notNull().default(sql`'{}'::text[]`),
    /** How many mentees they can take at once (0: no limit stated). */
    mentoringCapacity: integer('mentoring_capacity').notNull().default(0),
    /** In their own words: what they can help with and how they like to mentor. */
    mentoringAbout: text('mentoring_about').notNull().default(''),
    /** Whether they may be suggested as a peer to others learning the same topics (off until they say yes). */
    peerMatching: boolean('peer_matching').notNull().default(false),
    /** Where they sit, set by owners and L&D admins: what insights are filtered by. */
    team: text('team'),
    department: text('department'),
    /**
     * Whether their plan and log count, anonymously, in the organisation's insights (off until they say yes).
     * Private to them: never part of what others read about a member.
     */
    insightsConsent: boolean('insights_consent').notNull().default(false),
    insightsConsentAt: timestamp('insights_consent_at', { withTimezone: true }),
    /**
     * Set while the organisation's directory (SCIM `active: false`) suspends them: the gate treats them as not a
     * member of this organisation; their own data stays theirs (their plans' export still works).
     */
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
    /** Who suspended them, as told to them ("the organisation's directory"). */
    suspendedBy: text('suspended_by'),
    version: integer('version').notNull().default(1),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('membership_org_user_uq').on(t.organizationId, t.userId),
    index('membership_user_idx').on(t.userId),
    index('membership_supervisor_idx').on(t.supervisorId),
    // Insights count the opted-in learners of each department and team on every request.
    index('membership_insights_idx').on(t.organizationId, t.department, t.team).where(sql`${t.insightsConsent}`),
    // Matching searches mentors' own words: without it every mentor's text is parsed for every goal.
    index('membership_mentor_about_search_idx')
      .using('gin', sql`to_tsvector('english', ${t.mentoringAbout})`)
      .where(sql`${t.offersMentoring}`),
    check('membership_not_own_supervisor', sql`${t.supervisorId} is null or ${t.supervisorId} <> ${t.id}`),
  ],
);

export const invitation = pgTable(
  'invitation',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: memberRole('role').notNull().default('member'),
    /** SHA-256 of the token in the link: a leaked database does not leak usable invitations. */
    tokenHash: text('token_hash').notNull().unique(),
    invitedById: text('invited_by_id').references(() => user.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('invitation_org_idx').on(t.organizationId),
    // At most one open invitation per address and organisation.
    uniqueIndex('invitation_open_uq')
      .on(t.organizationId, t.email)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
  ],
);
