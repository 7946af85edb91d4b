/** Dates and hours as the learner sees them on their wall clock, in their own IANA time zone. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(timeZone: string, at: Date) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value])) as Record<string, string>;
}

/** The calendar date (YYYY-MM-DD) it is at `at` in `timeZone`. */
export function localDate(timeZone: string, at = new Date()): string {
  const p = partsIn(timeZone, at);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The hour of the day (0–23) it is at `at` in `timeZone`. */
export function localHour(timeZone: string, at = new Date()): number {
  return Number(partsIn(timeZone, at).hour);
}
