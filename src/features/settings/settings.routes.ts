import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../server/context.js';
import { errors } from '../../server/schemas.js';
import { settingsView, updateSettingsBody } from './settings.schema.js';
import { getMySettings, updateMySettings } from './settings.service.js';

export const settingsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/settings',
      {
        schema: {
          tags: ['settings'],
          summary: 'Your settings for check-ins, reminders and the calendar feed',
          response: { 200: settingsView, ...errors(401) },
        },
      },
      async (req) => getMySettings(ctx, await req.actor()),
    );

    app.patch(
      '/api/settings',
      {
        schema: {
          tags: ['settings'],
          summary: 'Change your time zone, check-in cadence or which reminder e-mails you get',
          body: updateSettingsBody,
          response: { 200: settingsView, ...errors(400, 401, 409) },
        },
      },
      async (req) => updateMySettings(ctx, await req.actor(), req.body),
    );
  };
