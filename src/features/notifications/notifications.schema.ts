import { z } from 'zod';
import { idParam, pageLimit } from '../../server/schemas.js';

/** One notification as its owner sees it. */
export const notificationView = z
  .object({
    id: z.string(),
    /** What it is about: a reminder kind (checkin_due, target_near, share_behind) or another feature's. */
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    /** `body` as it reads: Markdown (a comment's excerpt, say) rendered and sanitised like comments and posts. */
    html: z.string(),
    /** Where in the app the item is (a path such as /orgs/…/plans/…/goals), if anywhere. */
    link: z.string().nullable(),
    organizationId: z.string().nullable(),
    read: z.boolean(),
    readAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Notification' });
export type NotificationView = z.infer<typeof notificationView>;

export const notificationPage = z.object({
  notifications: z.array(notificationView),
  /** All of the person's unread notifications, not only this page's. */
  unread: z.number().int(),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type NotificationPage = z.infer<typeof notificationPage>;

export const listNotificationsQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: pageLimit(100, 20),
});

export const notificationParams = z.object({ id: idParam });

export const unreadCount = z.object({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof unreadCount>;
export const readAllResult = z.object({ marked: z.number().int(), unread: z.number().int() });
export type ReadAllResult = z.infer<typeof readAllResult>;
