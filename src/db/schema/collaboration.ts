import { index, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from './auth.js';
import { membership } from './orgs.js';
import { networkEntry, plan } from './plans.js';

/*
 * Working on a plan with others ("Mentors & supervisors" in PRODUCT.md): comments and suggested changes,
 * enlistment requests to mentors, and supervisor reviews ending in a signed learning agreement.
 */

export const commentTargets = ['goal', 'reflection'] as const;
export const commentTarget = pgEnum('comment_target', commentTargets);
export const suggestionStates = ['open', 'accepted', 'dismissed'] as const;
export const suggestionState = pgEnum('suggestion_state', suggestionStates);

/**
 * A comment on a goal or reflection by the learner or someone with comment access, possibly a reply
 * (`parentId`, one level of threading) and possibly suggesting new wording for one field of the item, which
 * the learner accepts (the item changes, with history) or dismisses. Not tied to the item by a foreign key:
 * an item restored from history finds its comments again. Deleting keeps the row (replies stay readable).
 */
export const planComment = pgTable(
  'plan_comment',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    targetKind: commentTarget('target_kind').notNull(),
    targetId: text('target_id').notNull(),
    parentId: text('parent_id'),
    authorUserId: text('author_user_id').references(() => user.id, { onDelete: 'set null' }),
    /** Markdown as written; rendered and sanitised on the way out. */
    body: text('body').notNull(),
    suggestion: jsonb('suggestion').$type<{ field: string; text: string } | null>(),
    suggestionState: suggestionState('suggestion_state'),
    suggestionDecidedAt: timestamp('suggestion_decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('plan_comment_target_idx').on(t.planId, t.targetKind, t.targetId, t.createdAt)],
);

export const enlistmentRequestStates = ['pending', 'accepted', 'declined', 'withdrawn', 'ended'] as const;
export const enlistmentRequestState = pgEnum('enlistment_request_state', enlistmentRequestStates);

/**
 * "Would you mentor me on X?": a request from a network entry naming a member of the organisation. On
 * acceptance the member gets comment access to the linked goals (plan_grant rows with reason 'enlistment'
 * and this id as their source); ending the relation, by either side, revokes them.
 */
export const enlistmentRequest = pgTable(
  'enlistment_request',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    networkEntryId: text('network_entry_id')
      .notNull()
      .references(() => networkEntry.id, { onDelete: 'cascade' }),
    learnerMemberId: text('learner_member_id')
      .notNull()
      .references(() => membership.id, { onDelete: 'cascade' }),
    mentorMemberId: text('mentor_member_id')
      .notNull()
      .references(() => membership.id, { onDelete: 'cascade' }),
    /** The goals the request is about (those linked to the entry when it was sent). */
    goalIds: text('goal_ids').array().notNull(),
    message: text('message').notNull().default(''),
    response: text('response').notNull().default(''),
    state: enlistmentRequestState('state').notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    index('enlistment_request_mentor_idx').on(t.mentorMemberId),
    index('enlistment_request_plan_idx').on(t.planId),
  ],
);

export const reviewKinds = ['agreement', 'year_end'] as const;
export const reviewKind = pgEnum('review_kind', reviewKinds);
export const reviewStates = ['requested', 'agreed', 'withdrawn'] as const;
export const reviewState = pgEnum('review_state', reviewStates);

/**
 * A review of a cycle's plan by the learner's supervisor: the learning agreement at the start of a cycle, or
 * the year-end review that closes it. The learner chooses what is shared for it (plan_grant rows with reason
 * 'review'). Each signature records the plan's revision number it was given on; the review is agreed when
 * both signed the same revision, so a change between two signatures asks for the first one again.
 */
export const planReview = pgTable(
  'plan_review',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    kind: reviewKind('kind').notNull(),
    supervisorMemberId: text('supervisor_member_id')
      .notNull()
      .references(() => membership.id, { onDelete: 'cascade' }),
    state: reviewState('state').notNull().default('requested'),
    /** The learner's note with the request; for a year-end review, their look back on the year. */
    learnerNote: text('learner_note').notNull().default(''),
    /** The supervisor's summary (what they agree to support; at year end, their view of the year). */
    supervisorNote: text('supervisor_note').notNull().default(''),
    learnerSignedAt: timestamp('learner_signed_at', { withTimezone: true }),
    learnerSignedSeq: integer('learner_signed_seq'),
    supervisorSignedAt: timestamp('supervisor_signed_at', { withTimezone: true }),
    supervisorSignedSeq: integer('supervisor_signed_seq'),
    agreedAt: timestamp('agreed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_review_plan_idx').on(t.planId), index('plan_review_supervisor_idx').on(t.supervisorMemberId)],
);
