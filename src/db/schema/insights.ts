import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { membership, organization } from './orgs.js';
import { community } from './posts.js';

/**
 * An organisation's insight settings and the state of its facts. `k` is the smallest group any figure may
 * come from; it starts at 5 and only ever goes up. `anchorMonth` is the month of bit 0 of every fact's
 * `months` (see insightFact); `refreshedAt` says when the facts were last rebuilt from plans and logs.
 */
export const insightSettings = pgTable(
  'insight_settings',
  {
    organizationId: text('organization_id')
      .primaryKey()
      .references(() => organization.id, { onDelete: 'cascade' }),
    k: integer('k').notNull().default(5),
    /** Months since year 0 (year × 12 + month − 1) of the newest month the facts cover. */
    anchorMonth: integer('anchor_month'),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('insight_settings_k_floor', sql`${t.k} >= 5`)],
);

/**
 * What insights count, one row per opted-in learner and thing they did: a topic they learn, a form of learning
 * they logged, a goal status they had, a resource in their network... `months` has bit i set when it was true
 * in the month `anchorMonth − i` (62 months back), so one row answers "how many learners, in this period" with
 * a bitwise AND, and a learner counts once per row however many goals or entries they had. Only learners who
 * opted in have rows: opting out deletes them in the same transaction (docs/decisions/2026-11-27-insights.md).
 */
export const insightFact = pgTable(
  'insight_fact',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    memberId: text('member_id')
      .notNull()
      .references(() => membership.id, { onDelete: 'cascade' }),
    team: text('team'),
    department: text('department'),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    months: bigint('months', { mode: 'bigint' }).notNull(),
  },
  (t) => [
    uniqueIndex('insight_fact_member_kind_key_uq').on(t.memberId, t.kind, t.key),
    index('insight_fact_org_kind_idx').on(t.organizationId, t.kind),
  ],
);

/**
 * The facts counted: how many opted-in learners have a fact of this kind, key and months in one department and
 * team. The dashboard filtered to a department or team sums these instead of counting facts: a learner sits in
 * one team, so any group of teams adds up, and learners with the same months share a row. Kept equal to
 * insight_fact by triggers on it (migration 0009): every change to facts (a refresh, consent, a move, a member
 * leaving) is counted in the same statement. Emptied rows are deleted (the partial index finds them).
 */
export const insightCount = pgTable(
  'insight_count',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    department: text('department'),
    team: text('team'),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    months: bigint('months', { mode: 'bigint' }).notNull(),
    learners: integer('learners').notNull(),
  },
  (t) => [
    // Filters by department and team read a range of it; the triggers add to a row by it (nulls alike).
    unique('insight_count_cell_uq')
      .on(t.organizationId, t.department, t.team, t.kind, t.key, t.months)
      .nullsNotDistinct(),
    index('insight_count_emptied_idx').on(t.organizationId).where(sql`${t.learners} = 0`),
  ],
);

/**
 * The same for the whole organisation, which the unfiltered dashboard reads: without departments and teams,
 * learners with the same months fold into far fewer rows (1.9 million facts, 1.2 million counts per team,
 * 0.5 million here at 100,000 learners). Kept by the same triggers.
 */
export const insightOrgCount = pgTable(
  'insight_org_count',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    months: bigint('months', { mode: 'bigint' }).notNull(),
    learners: integer('learners').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.kind, t.key, t.months] }),
    index('insight_org_count_emptied_idx').on(t.organizationId).where(sql`${t.learners} = 0`),
  ],
);

/** The organisation's list of topics: what learners' own words are folded onto (by name or synonym). */
export const orgTopic = pgTable(
  'org_topic',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    synonyms: text('synonyms').array().notNull().default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('org_topic_org_name_uq').on(t.organizationId, sql`lower(${t.name})`)],
);

/** A suggested merge of two topics the admin said are not the same: not suggested again. */
export const topicMergeDismissal = pgTable(
  'topic_merge_dismissal',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    phrase: text('phrase').notNull(),
    target: text('target').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.phrase, t.target] })],
);

export const insightActionKinds = ['mentor_call', 'community', 'resource'] as const;

/** Something L&D did about an insight: a mentor programme call, a community opened, a resource recommended. */
export const insightAction = pgTable(
  'insight_action',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: insightActionKinds }).notNull(),
    topic: text('topic').notNull(),
    title: text('title').notNull(),
    message: text('message').notNull().default(''),
    url: text('url'),
    communityId: text('community_id').references(() => community.id, { onDelete: 'set null' }),
    createdByMemberId: text('created_by_member_id').references(() => membership.id, { onDelete: 'set null' }),
    /** How many people it reached (notified). */
    recipients: integer('recipients').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('insight_action_org_idx').on(t.organizationId, t.createdAt)],
);

/** Who took an action up: volunteered for a mentor call, or added a recommended resource to their network. */
export const insightActionResponse = pgTable(
  'insight_action_response',
  {
    actionId: text('action_id')
      .notNull()
      .references(() => insightAction.id, { onDelete: 'cascade' }),
    memberId: text('member_id')
      .notNull()
      .references(() => membership.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.memberId] })],
);

/** Who was told about an action: they, and only they, may open it and respond. */
export const insightActionRecipient = pgTable(
  'insight_action_recipient',
  {
    actionId: text('action_id')
      .notNull()
      .references(() => insightAction.id, { onDelete: 'cascade' }),
    memberId: text('member_id')
      .notNull()
      .references(() => membership.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.actionId, t.memberId] }),
    index('insight_action_recipient_member_idx').on(t.memberId),
  ],
);
