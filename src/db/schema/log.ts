import { type SQL, sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { user } from './auth.js';
import { tsvector } from './columns.js';
import { membership, organization } from './orgs.js';
import { learningForm } from './plans.js';

/**
 * The learning log: something learned today, captured in seconds. Private to the learner like the plan;
 * may name one of their goals. `search` is kept by PostgreSQL for full-text search over what and source.
 */
export const logEntry = pgTable(
  'log_entry',
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
    learnedOn: date('learned_on').notNull(),
    what: text('what').notNull(),
    form: learningForm('form'),
    source: text('source').notNull().default(''),
    goalId: text('goal_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    search: tsvector('search').generatedAlwaysAs(
      (): SQL => sql`to_tsvector('simple', coalesce(${logEntry.what}, '') || ' ' || coalesce(${logEntry.source}, ''))`,
    ),
  },
  (t) => [
    // Keyset paging, newest first, per learner in an organisation.
    index('log_entry_member_page_idx').on(t.memberId, t.learnedOn.desc(), t.id.desc()),
    index('log_entry_search_idx').using('gin', t.search),
    index('log_entry_goal_idx').on(t.goalId),
  ],
);
