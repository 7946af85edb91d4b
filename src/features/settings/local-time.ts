/** Dates and hours as the learner sees them on their wall clock, in their own IANA time zone. */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock's fields in `timeZone` at `at`, as numbers. */
function partsIn(timeZone: string, at: Date) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, Number(x.value)]));
  return {
    year: p.year ?? 0,
    month: p.month ?? 1,
    day: p.day ?? 1,
    hour: p.hour ?? 0,
    minute: p.minute ?? 0,
    second: p.second ?? 0,
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/** The calendar date (YYYY-MM-DD) it is at `at` in `timeZone`. */
export function localDate(timeZone: string, at = new Date()): string {
  const p = partsIn(timeZone, at);
  return `${p.year}-${two(p.month)}-${two(p.day)}`;
}

/** The hour of the day (0–23) it is at `at` in `timeZone`. */
export function localHour(timeZone: string, at = new Date()): number {
  return partsIn(timeZone, at).hour;
}

/** How far `timeZone`'s wall clock is ahead of UTC at the instant `at`, in milliseconds. */
function offsetAt(timeZone: string, at: number): number {
  const p = partsIn(timeZone, new Date(at));
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(at / 1000) * 1000;
}

/**
 * The instant the day after `date` (YYYY-MM-DD) begins in `timeZone`: the end of `date` there ("until 31
 * March" means the end of that day where the learner lives). Checked a second time with the offset found,
 * because the first guess can fall on the other side of a clock change.
 */
export function endOfDayIn(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const nextMidnightAsUtc = Date.UTC(y, m - 1, d + 1);
  let instant = nextMidnightAsUtc - offsetAt(timeZone, nextMidnightAsUtc);
  const corrected = nextMidnightAsUtc - offsetAt(timeZone, instant);
  if (corrected !== instant) instant = corrected;
  return new Date(instant);
}

/** An expiry someone asked for, as an instant: a date-time as given, a date alone at its end in `timeZone`. */
export function expiryInstant(input: string, timeZone: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(input) ? endOfDayIn(input, timeZone) : new Date(input);
}
