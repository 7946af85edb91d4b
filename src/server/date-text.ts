/*
 * Dates the server writes into text people read (e-mails, error messages about a date): in English like the
 * rest of Waymark, on the reader's clock (their stored time zone, named, since an e-mail may be read
 * anywhere), never `toUTCString()`'s "Sat, 12 Dec 2026 18:49:31 GMT". The web app has its own (src/web/lib/
 * dates.ts), in the browser's language and zone.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', ...(withTime && { timeStyle: 'short' }), timeZone });
    formatters.set(key, f);
  }
  return f;
}

/** "12 December 2026 at 18:49 (Europe/Helsinki time)". */
export const instantText = (at: Date, timeZone: string) => `${formatter(timeZone, true).format(at)} (${timeZone} time)`;

/** The day an instant falls on in `timeZone`: "12 December 2026". */
export const dayText = (at: Date, timeZone: string) => formatter(timeZone, false).format(at);
