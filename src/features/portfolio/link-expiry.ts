/*
 * When a secret link stops working. People choose a day ("until 31 March"), which means the end of that day
 * where they live, so a date alone is read in the learner's time zone; an exact date-time is taken as given.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone`'s wall clock is ahead of UTC at the instant `at`, in milliseconds. */
function offsetAt(timeZone: string, at: number): number {
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
  const p = Object.fromEntries(f.formatToParts(new Date(at)).map((x) => [x.type, Number(x.value)]));
  const wall = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return wall - Math.floor(at / 1000) * 1000;
}

/**
 * The instant the day after `date` (YYYY-MM-DD) begins in `timeZone`: the end of `date` there. Checked a
 * second time with the offset found, because the first guess can fall on the other side of a clock change.
 */
export function endOfDayIn(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const nextMidnightAsUtc = Date.UTC(y, m - 1, d + 1);
  let instant = nextMidnightAsUtc - offsetAt(timeZone, nextMidnightAsUtc);
  const corrected = nextMidnightAsUtc - offsetAt(timeZone, instant);
  if (corrected !== instant) instant = corrected;
  return new Date(instant);
}

/** The expiry an API caller asked for, as an instant: a date-time as given, a date at its end in `timeZone`. */
export function expiryInstant(input: string, timeZone: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(input) ? endOfDayIn(input, timeZone) : new Date(input);
}
