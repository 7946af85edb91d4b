/*
 * The dates a plan's cycle covers, read from its name. A cycle is free text ("2027", "Q1 2027"), so only the
 * common shapes are understood; anything else has no known period and callers fall back to what they did
 * before. Pure (no Node APIs): the web app and the reminders read cycles the same way.
 */

/** First and last day of a cycle, YYYY-MM-DD. */
export type CyclePeriod = { start: string; end: string };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
/** Months `first`..`last` (1-based) of `year`. */
const months = (year: number, first: number, last: number): CyclePeriod => ({
  start: `${year}-${pad(first)}-01`,
  end: `${year}-${pad(last)}-${pad(lastDayOf(year, last))}`,
});

const year = '((?:19|20|21)\\d\\d)';
const shapes: [RegExp, (m: RegExpMatchArray) => CyclePeriod | null][] = [
  // 2027
  [new RegExp(`^${year}$`), (m) => months(Number(m[1]), 1, 12)],
  // Q1 2027, 2027 Q1, 2027-Q1, Q1/2027
  [new RegExp(`^q([1-4])[\\s/-]*${year}$`), (m) => quarter(Number(m[2]), Number(m[1]))],
  [new RegExp(`^${year}[\\s/-]*q([1-4])$`), (m) => quarter(Number(m[1]), Number(m[2]))],
  // H1 2027, 2027 H2
  [new RegExp(`^h([12])[\\s/-]*${year}$`), (m) => half(Number(m[2]), Number(m[1]))],
  [new RegExp(`^${year}[\\s/-]*h([12])$`), (m) => half(Number(m[1]), Number(m[2]))],
  // 2027–2028: whole calendar years (a "2027/28" academic or fiscal year starts in a month we cannot know)
  [
    new RegExp(`^${year}\\s*(?:-|–|—|to)\\s*${year}$`),
    (m) => (Number(m[2]) > Number(m[1]) ? { start: `${m[1]}-01-01`, end: `${m[2]}-12-31` } : null),
  ],
];

function quarter(y: number, q: number) {
  return months(y, 3 * q - 2, 3 * q);
}
function half(y: number, h: number) {
  return months(y, 6 * h - 5, 6 * h);
}

/** The period a cycle's name stands for, or null when the name is not one of the shapes above. */
export function cyclePeriod(cycle: string): CyclePeriod | null {
  const name = cycle.trim().toLowerCase().replace(/\s+/g, ' ');
  for (const [shape, period] of shapes) {
    const match = name.match(shape);
    if (match) return period(match);
  }
  return null;
}
