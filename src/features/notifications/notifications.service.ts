import type { z } from 'zod';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { decodeCursor, encodeCursor, isInstant } from '../../server/keyset-cursor.js';
import { renderMarkdown } from '../../server/markdown.js';
import type { Actor } from '../access/index.js';
import { requireUser } from '../access/index.js';
import {
  countUnread,
  listNotifications,
  markAllRead,
  markRead,
  type NotificationRow,
} from './notifications.repository.js';
import type { listNotificationsQuery, NotificationView } from './notifications.schema.js';

const viewOf = (row: NotificationRow): NotificationView => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  body: row.body,
  // Rendered as read, as comments are: notifications are short, and a page holds 20 of them.
  html: renderMarkdown(row.body),
  link: row.link,
  organizationId: row.organizationId,
  read: row.readAt !== null,
  readAt: row.readAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

/** Your notifications, newest first, a page at a time, with how many are unread in all. */
export async function listMyNotifications(
  ctx: AppContext,
  actor: Actor,
  query: z.infer<typeof listNotificationsQuery>,
) {
  const me = requireUser(actor);
  const cursor = query.cursor ? decodeCursor(query.cursor, isInstant) : undefined;
  const after = cursor && { createdAt: new Date(cursor.position), id: cursor.id };
  // One more than asked tells whether an older page exists.
  const { rows, unread } = await listNotifications(ctx.db, me.userId, query.limit + 1, after);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    notifications: page.map(viewOf),
    unread,
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

export async function myUnreadCount(ctx: AppContext, actor: Actor) {
  const me = requireUser(actor);
  return { unread: await countUnread(ctx.db, me.userId) };
}

/** Marks one of your notifications read; someone else's answers 404 like a missing one. */
export async function readNotification(ctx: AppContext, actor: Actor, id: string) {
  const me = requireUser(actor);
  const row = await markRead(ctx.db, me.userId, id);
  if (!row) throw notFound('Notification');
  return viewOf(row);
}

export async function readAllNotifications(ctx: AppContext, actor: Actor) {
  const me = requireUser(actor);
  const marked = await markAllRead(ctx.db, me.userId);
  return { marked, unread: await countUnread(ctx.db, me.userId) };
}
