import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { achievement, badgeAward } from './badges.js';
import { membership, organization } from './orgs.js';
import { goal, plan } from './plans.js';

/*
 * Recognition on request: a learner asks for one of the organisation's achievements (those open to requests)
 * for a goal they achieved; their supervisor or an L&D admin approves (the badge is awarded) or declines.
 * docs/decisions/2026-12-06-recognition-requests.md
 */

export const recognitionStates = ['open', 'approved', 'declined'] as const;
export const recognitionState = pgEnum('recognition_state', recognitionStates);

export const recognitionRequest = pgTable(
  'recognition_request',
  {
    id: text('id').primaryKey(),
    organizationId: text('organization_id')
      .notNull()
      .references(() => organization.id, { onDelete: 'cascade' }),
    learnerMemberId: text('learner_member_id')
      .notNull()
      .references(() => membership.id, { onDelete: 'cascade' }),
    planId: text('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    goalId: text('goal_id')
      .notNull()
      .references(() => goal.id, { onDelete: 'cascade' }),
    achievementId: text('achievement_id')
      .notNull()
      .references(() => achievement.id, { onDelete: 'cascade' }),
    message: text('message').notNull(),
    /**
     * The goal's evidence when the learner asked, by id: asking shows exactly these to the approvers (the plan
     * itself stays private). Evidence deleted since is simply no longer listed.
     */
    evidenceIds: text('evidence_ids').array().notNull().default(sql`'{}'::text[]`),
    state: recognitionState('state').notNull().default('open'),
    decidedByMemberId: text('decided_by_member_id').references(() => membership.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Why it was declined, told to the learner. */
    declineReason: text('decline_reason'),
    /** The badge awarded on approval. */
    awardId: text('award_id').references(() => badgeAward.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One open request per goal and achievement: two asks at once cannot both land.
    uniqueIndex('recognition_request_open_uq').on(t.goalId, t.achievementId).where(sql`${t.state} = 'open'`),
    index('recognition_request_org_state_idx').on(t.organizationId, t.state),
    index('recognition_request_learner_idx').on(t.learnerMemberId),
  ],
);
