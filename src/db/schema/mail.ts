import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Messages kept instead of sent when no SMTP server is configured, so that sign-up, invitations and
 * password resets work on a fresh machine. Only the operator reads them, on the server (`npm run outbox`, and
 * the log in development): no route serves them (decision 2026-12-01-mail-for-the-operator).
 */
export const outboxMessage = pgTable(
  'outbox_message',
  {
    id: text('id').primaryKey(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('outbox_created_idx').on(t.createdAt)],
);
