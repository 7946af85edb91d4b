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
import { membership, organization } from './orgs.js';

/** PRODUCT.md's one taxonomy of forms of learning, used by reflections, the log and insights alike. */
export const learningForms = [
  'peer_to_peer',
  'coaching',
  'mentoring',
  'community_of_practice',
  'self_directed',
  'team_based',
  'on_the_job',
  'formal_course',
  'social_online',
  'conference_event',
  'reading_listening',
] as const;
export const learningForm = pgEnum('learning_form', learningForms);

export const goalStatuses = ['idea', 'active', 'achieved', 'paused', 'dropped'] as const;
export const goalStatus = pgEnum('goal_status', goalStatuses);

export const networkKinds = ['person', 'community', 'resource'] as const;
export const networkKind = pgEnum('network_kind', networkKinds);

export const enlistmentStates = ['to_ask', 'asked', 'agreed', 'declined', 'active', 'ended'] as const;
export const enlistmentState = pgEnum('enlistment_state', enlistmentStates);

/** One learner's plan for one cycle ("2027"). Its parts live in the tables below; its history in plan_revision. */
export const plan = pgTable(
  'plan',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    memberId: text('member_id')
      .notNull()
      .references(() => membership.id, { onDelete: 'cascade' }),
    // Denormalised from the membership: the read path checks ownership without a join.
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    cycle: text('cycle').notNull(),
    title: text('title').notNull().default(''),
    templateId: text('template_id'),
    carriedFromPlanId: text('carried_from_plan_id'),
    // Where the learner was in the guide, so they come back to exactly that prompt.
    guidePart: integer('guide_part').notNull().default(1),
    guideStep: integer('guide_step').notNull().default(0),
    // The last revision number: bumped (row-locked) by every write, which orders the history and serialises writers.
    revisionSeq: integer('revision_seq').notNull().default(0),
    // Set when the year-end review is signed: the cycle is closed (later changes show as made after it).
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('plan_member_idx').on(t.memberId), index('plan_org_idx').on(t.organizationId)],
);

/** Part 1: a past learning experience the learner enjoyed. */
export const reflection = pgTable(
  'plan_reflection',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    what: text('what').notNull().default(''),
    happenedWhen: text('happened_when').notNull().default(''),
    form: learningForm('form'),
    people: text('people').notNull().default(''),
    enjoyable: text('enjoyable').notNull().default(''),
    learnedAboutMe: text('learned_about_me').notNull().default(''),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('plan_reflection_plan_idx').on(t.planId)],
);

/** Part 2: a goal answering the six questions. */
export const goal = pgTable(
  'plan_goal',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    what: text('what').notNull().default(''),
    why: text('why').notNull().default(''),
    how: text('how').notNull().default(''),
    evidence: text('evidence').notNull().default(''),
    startDate: date('start_date'),
    targetDate: date('target_date'),
    links: text('links').notNull().default(''),
    reflectionIds: text('reflection_ids').array().notNull().default(sql`'{}'::text[]`),
    status: goalStatus('status').notNull().default('idea'),
    progress: integer('progress').notNull().default(0),
    milestones: jsonb('milestones')
      .$type<{ id: string; title: string; dueDate: string | null; done: boolean }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    carriedFromGoalId: text('carried_from_goal_id'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('plan_goal_plan_idx').on(t.planId)],
);

/** Part 3: a person, community or resource in the learner's network, linked to the goals it helps. */
export const networkEntry = pgTable(
  'plan_network_entry',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    kind: networkKind('kind').notNull(),
    name: text('name').notNull(),
    relation: text('relation'),
    memberId: text('member_id').references(() => membership.id, { onDelete: 'set null' }),
    url: text('url'),
    enlistment: enlistmentState('enlistment').notNull().default('to_ask'),
    notes: text('notes').notNull().default(''),
    goalIds: text('goal_ids').array().notNull().default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('plan_network_entry_plan_idx').on(t.planId),
    // A mentor's active mentees are counted from the entries naming them (matching shows whether they have room).
    index('plan_network_entry_member_idx').on(t.memberId).where(sql`${t.memberId} is not null`),
  ],
);

/** Part 4: how, with whom and how often the learner will share what they learn for one goal. */
export const shareCommitment = pgTable(
  'plan_share',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    goalId: text('goal_id'),
    how: text('how').notNull(),
    detail: text('detail').notNull().default(''),
    audience: text('audience').notNull().default(''),
    cadence: text('cadence').notNull(),
    startsOn: date('starts_on'),
    success: text('success').notNull().default(''),
    records: jsonb('records')
      .$type<{ id: string; doneOn: string; link: string | null; note: string }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('plan_share_plan_idx').on(t.planId)],
);

/**
 * Every change to a plan: the entity's content before and after. Replaying `before` values backwards from
 * the newest revision gives the plan as it was at any earlier revision (see revisions.service.ts).
 */
export const planRevision = pgTable(
  'plan_revision',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    actorUserId: text('actor_user_id').references(() => user.id, { onDelete: 'set null' }),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    before: jsonb('before').$type<Record<string, unknown> | null>(),
    after: jsonb('after').$type<Record<string, unknown> | null>(),
    ...timestamps,
  },
  (t) => [uniqueIndex('plan_revision_plan_seq_uq').on(t.planId, t.seq)],
);

/** An organisation's adaptation of the guide's prompts; absent means the built-in guide. */
export const guide = pgTable('plan_guide', {
  organizationId: text('organization_id')
    .primaryKey()
    .references(() => organization.id, { onDelete: 'cascade' }),
  // Part 2 (goals) may carry the SMART check's examples as the organisation adapted them.
  parts: jsonb('parts')
    .$type<
      {
        part: number;
        intro: string;
        prompts: string[];
        examples?: { outcome: string; vague: string; specific: string };
      }[]
    >()
    .notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
  ...timestamps,
});

/** A starting point an L&D admin offers ("New librarians"): goals, network and shares copied into a new plan. */
export const planTemplate = pgTable(
  'plan_template',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    published: boolean('published').notNull().default(false),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('plan_template_org_idx').on(t.organizationId)],
);
