/*
 * Every date and time the web app shows goes through here, so they read one way: the reader's language
 * (the browser's) and the clock they are on (the browser's time zone), "30 Apr 2027" or "Apr 30, 2027" as
 * their locale writes it, with the time as they tell it ("9:41 PM" or "21:41").
 *
 * Two kinds of value come from the server and are never confused:
 * - a calendar day ("2027-04-30": target dates, milestones, check-ins, the day something was learned) is
 *   the same day everywhere: it is formatted in UTC from its own year, month and day, so it never moves a
 *   day east or west of Greenwich;
 * - an instant ("2026-12-01T21:41:19.000Z": when a comment was written, a share ends) is shown on the
 *   reader's clock.
 *
 * `options` exist for tests (a fixed locale and zone); pages leave them out.
 */

export interface DateFormatOptions {
  /** BCP 47 language tag(s); the browser's language when left out. */
  locale?: string | string[];
  /** IANA time zone for instants; the browser's when left out. Calendar days ignore it. */
  timeZone?: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Intl formatters are costly to make and cheap to reuse: one per locale, zone and style. */
function formatter(style: Intl.DateTimeFormatOptions, options: DateFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([options.locale ?? null, options.timeZone ?? null, style]);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(options.locale, { ...style, ...(options.timeZone && { timeZone: options.timeZone }) });
    formatters.set(key, f);
  }
  return f;
}

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const CALENDAR_MONTH = /^(\d{4})-(\d{2})$/;

/**
 * A calendar day ("2027-04-30", or the day part of a timestamp) as the reader writes dates: "30 Apr 2027",
 * "Apr 30, 2027"… Anything else is shown as it came rather than break the page it is on.
 */
export function formatDay(day: string, options: DateFormatOptions = {}): string {
  const m = CALENDAR_DAY.exec(day.slice(0, 10));
  if (!m) return day;
  const midnightUtc = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return formatter({ dateStyle: 'medium', timeZone: 'UTC' }, { locale: options.locale }).format(midnightUtc);
}

/** A calendar month ("2027-04") as "Apr 2027" (`short`) or "April 2027" (`long`); else as it came. */
export function formatMonth(month: string, style: 'short' | 'long' = 'short', options: DateFormatOptions = {}) {
  const m = CALENDAR_MONTH.exec(month);
  if (!m) return month;
  const first = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return formatter({ month: style, year: 'numeric', timeZone: 'UTC' }, { locale: options.locale }).format(first);
}

/** An instant as a date and time on the reader's clock: "1 Dec 2026, 21:41". */
export function formatDateTime(instant: string | Date, options: DateFormatOptions = {}): string {
  return formatter({ dateStyle: 'medium', timeStyle: 'short' }, options).format(new Date(instant));
}

/** The day an instant falls on, on the reader's clock: "1 Dec 2026" (when only the day matters). */
export function formatDateOf(instant: string | Date, options: DateFormatOptions = {}): string {
  return formatter({ dateStyle: 'medium' }, options).format(new Date(instant));
}

/**
 * The calendar day ("2026-12-01") an instant falls on in a time zone, the browser's by default: what
 * "today" means to the person, which `toISOString().slice(0, 10)` (Greenwich's day) is not after dark in
 * America or before dawn in Asia.
 */
export function calendarDayOf(instant: string | Date = new Date(), options: Pick<DateFormatOptions, 'timeZone'> = {}) {
  // en-CA writes dates as YYYY-MM-DD; only the digits are used, so the locale never shows.
  const parts = formatter({ year: 'numeric', month: '2-digit', day: '2-digit' }, { locale: 'en-CA', ...options })
    .formatToParts(new Date(instant))
    .reduce<Record<string, string>>((acc, p) => Object.assign(acc, { [p.type]: p.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Today on the person's calendar (see `calendarDayOf`). */
export const today = () => calendarDayOf();
