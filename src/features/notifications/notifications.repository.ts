import { and, count, desc, eq, getTableColumns, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { membership, notification, user } from '../../db/schema/index.js';

export type NotificationRow = typeof notification.$inferSelect;
export type NewNotification = Omit<typeof notification.$inferInsert, 'createdAt' | 'readAt' | 'emailedAt'>;

/**
 * Stores a notification unless one with the same dedupe key exists for the person. Answers the new row,
 * or undefined when it was already there. The creation time is set here, to the millisecond, so page
 * cursors (which carry JavaScript dates) compare exactly.
 */
export async function insertNotification(db: Database, values: NewNotification): Promise<NotificationRow | undefined> {
  const [row] = await db
    .insert(notification)
    .values({ ...values, createdAt: new Date() })
    .onConflictDoNothing({ target: [notification.userId, notification.dedupeKey] })
    .returning();
  return row;
}

export async function findNotificationByKey(db: Database, userId: string, dedupeKey: string) {
  const [row] = await db
    .select()
    .from(notification)
    .where(and(eq(notification.userId, userId), eq(notification.dedupeKey, dedupeKey)));
  return row;
}

/**
 * Marks the e-mail of a notification as being sent, if nobody did yet: of two deliveries racing for the
 * same notification only one gets `true`, so only one sends.
 */
export async function claimEmail(db: Database, id: string): Promise<boolean> {
  const rows = await db
    .update(notification)
    .set({ emailedAt: new Date() })
    .where(and(eq(notification.id, id), isNull(notification.emailedAt)))
    .returning({ id: notification.id });
  return rows.length === 1;
}

/** Gives the claim back after a failed send, so the retried job may send. */
export async function releaseEmailClaim(db: Database, id: string) {
  await db.update(notification).set({ emailedAt: null }).where(eq(notification.id, id));
}

/** Whom to write to: name, address and whether it is confirmed, or undefined if the account is gone. */
export async function findRecipient(db: Database, userId: string) {
  const [row] = await db
    .select({ name: user.name, email: user.email, emailVerified: user.emailVerified })
    .from(user)
    .where(eq(user.id, userId));
  return row;
}

export async function isMember(db: Database, userId: string, organizationId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: membership.id })
    .from(membership)
    .where(and(eq(membership.userId, userId), eq(membership.organizationId, organizationId)));
  return row !== undefined;
}

/**
 * A person's notifications, newest first, after the (createdAt, id) position of `after`, with how many of all
 * theirs are unread: counted in the same statement, so the bell's list costs one round trip.
 */
export async function listNotifications(
  db: Database,
  userId: string,
  limit: number,
  after?: { createdAt: Date; id: string },
): Promise<{ rows: NotificationRow[]; unread: number }> {
  const unreadOfAll = sql<number>`(select count(*) from ${notification} u
    where u.user_id = ${userId} and u.read_at is null)`.mapWith(Number);
  const found = await db
    .select({ ...getTableColumns(notification), unread: unreadOfAll })
    .from(notification)
    .where(
      and(
        eq(notification.userId, userId),
        after &&
          or(
            lt(notification.createdAt, after.createdAt),
            and(eq(notification.createdAt, after.createdAt), lt(notification.id, after.id)),
          ),
      ),
    )
    .orderBy(desc(notification.createdAt), desc(notification.id))
    .limit(limit);
  const rows = found.map(({ unread: _, ...row }) => row);
  // No row to carry the count: none at all (so none unread), or a page past the last.
  const unread = found[0]?.unread ?? (after ? await countUnread(db, userId) : 0);
  return { rows, unread };
}

export async function countUnread(db: Database, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notification)
    .where(and(eq(notification.userId, userId), isNull(notification.readAt)));
  return Number(row?.n ?? 0);
}

/** Marks one of the person's notifications read (keeping the first reading time); undefined if not theirs. */
export async function markRead(db: Database, userId: string, id: string) {
  const [row] = await db
    .update(notification)
    .set({ readAt: sql`coalesce(${notification.readAt}, now())` })
    .where(and(eq(notification.id, id), eq(notification.userId, userId)))
    .returning();
  return row;
}

export async function markAllRead(db: Database, userId: string): Promise<number> {
  const rows = await db
    .update(notification)
    .set({ readAt: new Date() })
    .where(and(eq(notification.userId, userId), isNull(notification.readAt)))
    .returning({ id: notification.id });
  return rows.length;
}
