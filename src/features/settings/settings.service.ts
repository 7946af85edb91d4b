import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../../db/client.js';
import { learnerSettings } from '../../db/schema/index.js';
import type { AppContext } from '../../server/context.js';
import { conflict } from '../../server/errors.js';
import type { Actor } from '../access/index.js';
import { requireUser } from '../access/index.js';
import type { ReminderKind, SettingsView, updateSettingsBody } from './settings.schema.js';

export type LearnerSettings = typeof learnerSettings.$inferSelect;

/** Settings of someone who never changed them: no row is stored until they do. */
const defaults = (userId: string): LearnerSettings => ({
  userId,
  timeZone: 'UTC',
  checkinCadence: 'none',
  emailOptOut: [],
  calendarTokenHash: null,
  version: 0,
  createdAt: new Date(0),
  updatedAt: new Date(0),
});

/** A person's settings, or the defaults. For other features (reminders, check-ins, the calendar). */
export async function getLearnerSettings(db: Database, userId: string): Promise<LearnerSettings> {
  const [row] = await db.select().from(learnerSettings).where(eq(learnerSettings.userId, userId));
  return row ?? defaults(userId);
}

export const wantsEmail = (settings: LearnerSettings, kind: ReminderKind) =>
  !(settings.emailOptOut as string[]).includes(kind);

const viewOf = (s: LearnerSettings): SettingsView => ({
  timeZone: s.timeZone,
  checkinCadence: s.checkinCadence,
  emailOptOut: s.emailOptOut as ReminderKind[],
  hasCalendarFeed: s.calendarTokenHash !== null,
  version: s.version,
});

export async function getMySettings(ctx: AppContext, actor: Actor) {
  const me = requireUser(actor);
  return viewOf(await getLearnerSettings(ctx.db, me.userId));
}

/**
 * Changes some of a person's own settings (an upsert: the first change stores the row). With a version,
 * a stale write answers 409 with the current settings.
 */
export async function updateMySettings(ctx: AppContext, actor: Actor, input: z.infer<typeof updateSettingsBody>) {
  const me = requireUser(actor);
  return ctx.db.transaction(async (tx) => {
    const current = await getLearnerSettings(tx, me.userId);
    if (input.version !== undefined && input.version !== current.version && current.version !== 0) {
      throw conflict('Your settings were changed elsewhere. Reload to see them.', undefined, {
        current: viewOf(current),
      });
    }
    const change = {
      ...(input.timeZone !== undefined && { timeZone: input.timeZone }),
      ...(input.checkinCadence !== undefined && { checkinCadence: input.checkinCadence }),
      ...(input.emailOptOut !== undefined && { emailOptOut: [...new Set(input.emailOptOut)] }),
    };
    const saved = await saveSettings(tx, me.userId, change);
    // Their time zone decides what "today" is on every page that counts days (programmes cache it).
    if (change.timeZone !== undefined) await ctx.changes.announce({ kind: 'settings', userId: me.userId });
    return viewOf(saved);
  });
}

/**
 * Stores a change to someone's settings, creating their row on the first change. The version counts the
 * changes a person makes on the settings form; the calendar token is not one (making a feed link must not
 * make an open form stale), so it leaves the version as it is, and the time of the last change too: the calendar
 * feed stamps its check-in event with that time, and a new feed link changes nothing in the feed.
 */
export async function saveSettings(db: Database, userId: string, change: Partial<LearnerSettings>) {
  const formChange = Object.keys(change).some((k) => k !== 'calendarTokenHash');
  const [row] = await db
    .insert(learnerSettings)
    .values({ userId, ...change, ...(!formChange && { version: 0 }) })
    .onConflictDoUpdate({
      target: learnerSettings.userId,
      set: { ...change, ...(formChange && { version: sql`${learnerSettings.version} + 1`, updatedAt: new Date() }) },
    })
    .returning();
  return row as LearnerSettings;
}
