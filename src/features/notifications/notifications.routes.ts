import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import {
  listNotificationsQuery,
  notificationPage,
  notificationParams,
  notificationView,
  readAllResult,
  unreadCount,
} from './notifications.schema.js';
import { listMyNotifications, myUnreadCount, readAllNotifications, readNotification } from './notifications.service.js';

export const notificationsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/notifications',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Your notifications, newest first, paged by cursor, with the number unread',
          querystring: listNotificationsQuery,
          response: { 200: notificationPage, ...errors(400, 401) },
        },
      },
      async (req) => listMyNotifications(ctx, await req.actor(), req.query),
    );

    app.get(
      '/api/notifications/unread-count',
      {
        schema: {
          tags: ['notifications'],
          summary: 'How many of your notifications are unread (for the header, asked every minute)',
          response: { 200: unreadCount, ...errors(401) },
        },
      },
      async (req) => myUnreadCount(ctx, await req.actor()),
    );

    app.post(
      '/api/notifications/:id/read',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Mark one of your notifications read',
          params: notificationParams,
          response: { 200: notificationView, ...errors(401, 404) },
        },
      },
      async (req) => readNotification(ctx, await req.actor(), req.params.id),
    );

    app.post(
      '/api/notifications/read-all',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Mark all your notifications read',
          response: { 200: readAllResult, ...errors(401) },
        },
      },
      async (req) => readAllNotifications(ctx, await req.actor()),
    );
  };
