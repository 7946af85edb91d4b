import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { etagOf } from '../../server/secret-feed-answer.js';
import { hashSecretToken, looksLikeSecretToken, newSecretToken } from '../../server/secret-token.js';
import type { Actor } from '../access/index.js';
import { requireUser } from '../access/index.js';
import { getLearnerSettings, localDate, saveSettings } from '../settings/index.js';
import { findFeedOwner, listFeedRows, listProgrammeReleases } from './calendar.repository.js';
import type { CalendarFeedView } from './calendar.schema.js';
import { buildCalendarFeed } from './calendar-feed.js';

export const feedPath = (token: string) => `/api/calendar/${token}.ics`;

/**
 * Makes a new private feed address for the signed-in person. The new token replaces the old one in the same
 * write, so an old address stops working at once.
 */
export async function createCalendarFeed(ctx: AppContext, actor: Actor): Promise<CalendarFeedView> {
  const me = requireUser(actor);
  const token = newSecretToken();
  await saveSettings(ctx.db, me.userId, { calendarTokenHash: hashSecretToken(token) });
  return { url: `${ctx.config.baseUrl}${feedPath(token)}` };
}

/** Turns the person's feed off: its address answers 404 from now on. Nothing to do if there was none. */
export async function turnOffCalendarFeed(ctx: AppContext, actor: Actor): Promise<void> {
  const me = requireUser(actor);
  await ctx.db.transaction(async (tx) => {
    const current = await getLearnerSettings(tx, me.userId);
    if (current.calendarTokenHash !== null) await saveSettings(tx, me.userId, { calendarTokenHash: null });
  });
}

/**
 * The iCalendar document behind a feed address, with an ETag of its content. No sign-in: the token is the
 * key. Unknown, revoked and malformed tokens all answer the same 404, so a guess learns nothing.
 */
export async function renderCalendarFeed(ctx: AppContext, token: string, now = new Date()) {
  const owner = looksLikeSecretToken(token) ? await findFeedOwner(ctx.db, hashSecretToken(token)) : undefined;
  if (!owner) throw notFound('Calendar feed');
  const rows = await listFeedRows(ctx.db, owner.userId);
  const programmes = await listProgrammeReleases(ctx.db, owner.userId);
  const body = buildCalendarFeed({
    owner,
    rows,
    programmes,
    today: localDate(owner.timeZone, now),
    baseUrl: ctx.config.baseUrl,
  });
  return { body, etag: etagOf(body) };
}
