import { desc, eq, like } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { outboxMessage } from '../../db/schema/index.js';

export type OutboxMessageRow = typeof outboxMessage.$inferSelect;

/**
 * Mail kept instead of sent (no SMTP server), newest first, optionally for one address. Only the
 * operator's command line (`npm run outbox`) reads it: no route serves it.
 */
export async function listOutboxMessages(db: Database, options: { to?: string; limit?: number } = {}) {
  return db
    .select()
    .from(outboxMessage)
    .where(options.to ? eq(outboxMessage.to, options.to.trim().toLowerCase()) : undefined)
    .orderBy(desc(outboxMessage.createdAt))
    .limit(options.limit ?? 20);
}

/** Kept messages whose id starts with `idPrefix` (the list shows the first eight characters). */
export async function findOutboxMessages(db: Database, idPrefix: string) {
  const escaped = idPrefix.replace(/[\\%_]/g, (c) => `\\${c}`);
  return db
    .select()
    .from(outboxMessage)
    .where(like(outboxMessage.id, `${escaped}%`))
    .limit(2);
}
