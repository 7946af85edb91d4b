import { z } from 'zod';
import { checkinCadences } from '../../db/schema/index.js';

/** Kinds of reminder a learner can turn off by e-mail (in-app notifications always stay). */
export const reminderKinds = [
  'checkin_due',
  'target_near',
  'share_behind',
  'programme_released',
  'programme_behind',
  'programme_catch_up',
  'programme_last_week',
  'programme_nudge',
  'recognition_decided',
] as const;
export type ReminderKind = (typeof reminderKinds)[number];

const knownTimeZones = new Set(Intl.supportedValuesOf('timeZone'));

/** IANA zone names ("Europe/Helsinki"), as the browser reports them; UTC too, which the list may lack. */
export const timeZone = z
  .string()
  .refine((tz) => tz === 'UTC' || knownTimeZones.has(tz), 'Choose a time zone from the list, e.g. Europe/Helsinki.');

export const settingsView = z.object({
  timeZone: z.string(),
  checkinCadence: z.enum(checkinCadences),
  /** Reminder kinds whose e-mails the learner turned off. */
  emailOptOut: z.array(z.enum(reminderKinds)),
  /** Whether a calendar feed URL exists (the URL itself is shown only when made). */
  hasCalendarFeed: z.boolean(),
  version: z.number().int(),
});
export type SettingsView = z.infer<typeof settingsView>;

export const updateSettingsBody = z
  .object({
    timeZone: timeZone.optional(),
    checkinCadence: z.enum(checkinCadences).optional(),
    emailOptOut: z.array(z.enum(reminderKinds)).max(reminderKinds.length).optional(),
    version: z.number().int().min(0).optional(),
  })
  .strict();
export type UpdateSettingsBody = z.input<typeof updateSettingsBody>;
