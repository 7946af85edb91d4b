import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { user } from './auth.js';
import { achievement } from './badges.js';
import { timestamps } from './columns.js';
import { membership, organization } from './orgs.js';
import { post } from './posts.js';

/*
 * Programmes ("23 Things" style, PRODUCT.md): a self-directed course of short "things" grouped into weeks and
 * released on a schedule, each with a task to try and a prompt to reflect on. Learners enrol alone (self-paced)
 * or join a cohort; their progress is one row per thing they touched; reflections are Waymark posts, links to
 * their own blog, or posts read from their blog's feed.
 */

export const programmeStatuses = ['draft', 'published', 'archived'] as const;
export const programmeStatus = pgEnum('programme_status', programmeStatuses);

/**
 * How a learner who enrols alone gets the things: not at all (cohorts only), week by week from the day they
 * enrol, or everything at once.
 */
export const selfPacedModes = ['off', 'weekly', 'all_at_once'] as const;
export const selfPacedMode = pgEnum('programme_self_paced', selfPacedModes);

export const enrolmentStatuses = ['active', 'completed', 'left'] as const;
export const enrolmentStatus = pgEnum('programme_enrolment_status', enrolmentStatuses);

/** A programme an L&D author builds; learners see it once published. */
export const programme = pgTable(
  'programme',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** Who it is for, in the author's words ("everyone new to the library", "ward managers"). */
    audience: text('audience').notNull().default(''),
    /** A stored file's key (the files seam), shown as the programme's cover. */
    coverImageKey: text('cover_image_key'),
    status: programmeStatus('status').notNull().default('draft'),
    selfPaced: selfPacedMode('self_paced').notNull().default('weekly'),
    /** Completion: every required thing and at least this many optional ones. */
    minOptional: integer('min_optional').notNull().default(0),
    /** A participant this many days behind the schedule gets one kind reminder (0: never). */
    behindAfterDays: integer('behind_after_days').notNull().default(7),
    /**
     * The word or tag participants put on their own blog posts for this programme (`#learning-out-loud`):
     * how a post read from a blog feed is known to belong here.
     */
    tag: text('tag').notNull().default(''),
    /** Whether enrolling offers to add the programme to the learner's plan as a goal (weeks as milestones). */
    offersGoal: boolean('offers_goal').notNull().default(true),
    /** The badge completing it awards (an achievement of the same organisation), if any. */
    achievementId: text('achievement_id').references(() => achievement.id, { onDelete: 'set null' }),
    copiedFromId: text('copied_from_id'),
    createdByMemberId: text('created_by_member_id').references(() => membership.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('programme_org_idx').on(t.organizationId, t.status)],
);

/** A week of a programme, in order; a catch-up week releases nothing and lets people catch their breath. */
export const programmeWeek = pgTable(
  'programme_week',
  {
    id: text('id').primaryKey(),
    programmeId: text('programme_id')
      .notNull()
      .references(() => programme.id, { onDelete: 'cascade' }),
    /** 0-based: week `position` is released `position` weeks after the start. */
    position: integer('position').notNull(),
    title: text('title').notNull().default(''),
    catchUp: boolean('catch_up').notNull().default(false),
  },
  (t) => [index('programme_week_programme_idx').on(t.programmeId, t.position)],
);

/** One "thing": what it is and how to try it (Markdown), the task, the reflection prompt. */
export const programmeThing = pgTable(
  'programme_thing',
  {
    id: text('id').primaryKey(),
    programmeId: text('programme_id')
      .notNull()
      .references(() => programme.id, { onDelete: 'cascade' }),
    weekId: text('week_id')
      .notNull()
      .references(() => programmeWeek.id, { onDelete: 'cascade' }),
    /** Order within the whole programme (things are numbered 1..n for people). */
    position: integer('position').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    task: text('task').notNull().default(''),
    prompt: text('prompt').notNull().default(''),
    links: jsonb('links').$type<{ title: string; url: string }[]>().notNull().default(sql`'[]'::jsonb`),
    minutes: integer('minutes').notNull().default(15),
    required: boolean('required').notNull().default(true),
    /** A reflection written in Waymark has at least this many words (0: any length). */
    minWords: integer('min_words').notNull().default(0),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('programme_thing_programme_idx').on(t.programmeId, t.position),
    index('programme_thing_week_idx').on(t.weekId),
  ],
);

/** A thing as it was before an edit to a released thing, and whether participants were told. */
export const programmeThingRevision = pgTable(
  'programme_thing_revision',
  {
    id: text('id').primaryKey(),
    thingId: text('thing_id')
      .notNull()
      .references(() => programmeThing.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    editedByMemberId: text('edited_by_member_id').references(() => membership.id, { onDelete: 'set null' }),
    participantsTold: boolean('participants_told').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('programme_thing_revision_thing_idx').on(t.thingId, t.version.desc())],
);

/** A cohort: people who start together on a date; its weeks are released from `startsOn`. */
export const programmeCohort = pgTable(
  'programme_cohort',
  {
    id: text('id').primaryKey(),
    programmeId: text('programme_id')
      .notNull()
      .references(() => programme.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Week 0 is released on this date (in each participant's own time zone). */
    startsOn: date('starts_on').notNull(),
    /** At most this many participants (null: no limit). */
    capacity: integer('capacity'),
    /** The last day to join (null: open until the programme ends). */
    joinBy: date('join_by'),
    ...timestamps,
  },
  (t) => [index('programme_cohort_programme_idx').on(t.programmeId, t.startsOn)],
);

/** A member taking part in a programme: in a cohort, or alone from `startedOn`. */
export const programmeEnrolment = pgTable(
  'programme_enrolment',
  {
    id: text('id').primaryKey(),
    programmeId: text('programme_id')
      .notNull()
      .references(() => programme.id, { onDelete: 'cascade' }),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    memberId: text('member_id')
      .notNull()
      .references(() => membership.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    cohortId: text('cohort_id').references(() => programmeCohort.id, { onDelete: 'set null' }),
    /** A self-paced participant's week 0 (their local date on enrolling). */
    startedOn: date('started_on').notNull(),
    status: enrolmentStatus('status').notNull().default('active'),
    /** The goal the programme became in their plan, if they chose one. */
    planId: text('plan_id'),
    goalId: text('goal_id'),
    /** When they read and accepted what organisers will see of their progress. */
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** The last nudge an organiser sent (one a day at most). */
    lastNudgedAt: timestamp('last_nudged_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('programme_enrolment_member_uq').on(t.programmeId, t.memberId),
    index('programme_enrolment_user_idx').on(t.userId),
    index('programme_enrolment_cohort_idx').on(t.cohortId),
  ],
);

/**
 * A participant's progress on one thing: tried, and reflected on (a Waymark post, a link to their own blog,
 * or a post read from their blog's feed). No row: not started.
 */
export const programmeProgress = pgTable(
  'programme_progress',
  {
    enrolmentId: text('enrolment_id')
      .notNull()
      .references(() => programmeEnrolment.id, { onDelete: 'cascade' }),
    thingId: text('thing_id')
      .notNull()
      .references(() => programmeThing.id, { onDelete: 'cascade' }),
    triedAt: timestamp('tried_at', { withTimezone: true }),
    reflectionPostId: text('reflection_post_id').references(() => post.id, { onDelete: 'set null' }),
    reflectionUrl: text('reflection_url'),
    reflectionTitle: text('reflection_title'),
    reflectedAt: timestamp('reflected_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.enrolmentId, t.thingId] }), index('programme_progress_thing_idx').on(t.thingId)],
);

/** A participant's own blog, whose RSS or Atom feed a background job reads for their reflections. */
export const programmeBlogFeed = pgTable(
  'programme_blog_feed',
  {
    enrolmentId: text('enrolment_id')
      .primaryKey()
      .references(() => programmeEnrolment.id, { onDelete: 'cascade' }),
    feedUrl: text('feed_url').notNull(),
    /** The blog's own page, from the feed (for the cohort's OPML list). */
    siteUrl: text('site_url'),
    title: text('title'),
    etag: text('etag'),
    lastModified: text('last_modified'),
    lastReadAt: timestamp('last_read_at', { withTimezone: true }),
    /** Why the last read failed, in words for the participant (null: it worked). */
    lastError: text('last_error'),
    lastErrorAt: timestamp('last_error_at', { withTimezone: true }),
    nextReadAt: timestamp('next_read_at', { withTimezone: true }).notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [index('programme_blog_feed_due_idx').on(t.nextReadAt)],
);

/** A post read from a participant's blog feed, kept once (by guid, then by link). */
export const programmeFeedItem = pgTable(
  'programme_feed_item',
  {
    id: text('id').primaryKey(),
    enrolmentId: text('enrolment_id')
      .notNull()
      .references(() => programmeEnrolment.id, { onDelete: 'cascade' }),
    guid: text('guid').notNull(),
    link: text('link'),
    title: text('title').notNull().default(''),
    summary: text('summary').notNull().default(''),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** The thing it names (by the thing's number or title), or the one the participant picked. */
    thingId: text('thing_id').references(() => programmeThing.id, { onDelete: 'set null' }),
    /** Whether it became the reflection for `thingId`. */
    accepted: boolean('accepted').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('programme_feed_item_guid_uq').on(t.enrolmentId, t.guid),
    uniqueIndex('programme_feed_item_link_uq').on(t.enrolmentId, t.link).where(sql`${t.link} is not null`),
  ],
);

/**
 * A person's secret link to one cohort's feeds (the Atom feed of its reflections and the OPML list of its
 * participants' blogs), for feed readers, which fetch signed out. One per person and cohort, so a leaked link
 * shows one cohort only; only the token's SHA-256 is kept, and making a new link replaces the row (the old link
 * stops at once). Who may hold one (participants, organisers) is asked again on every fetch.
 */
export const cohortFeedToken = pgTable(
  'cohort_feed_token',
  {
    cohortId: text('cohort_id')
      .notNull()
      .references(() => programmeCohort.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.userId] }), uniqueIndex('cohort_feed_token_hash_uq').on(t.tokenHash)],
);
