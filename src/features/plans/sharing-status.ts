import { addDays, addMonths, addQuarters, addWeeks, format, isAfter, isBefore, isValid, max, parseISO } from 'date-fns';
import { cyclePeriod } from './cycle-period.js';
import type { cadences, ShareView } from './plans.schema.js';

/*
 * How a sharing commitment is going: how many shares were due by today, how many were recorded, and when
 * the next one is due. Pure (no Node APIs) so the web app shows the same numbers as the exports.
 *
 * Share number k is due on start + k periods ('once': start + 30 days, but never after the cycle's last day).
 * The due day itself still counts as on time, so a share is expected only once its due date is before today.
 */

type Cadence = (typeof cadences)[number];

/** The state of one sharing commitment on a given day; dates are YYYY-MM-DD. */
export type SharingStatus = {
  /** Shares whose due date has passed. */
  expected: number;
  /** Shares recorded on or after the start date. */
  done: number;
  /** Fewer shares recorded than expected. */
  behind: boolean;
  /** Due date of the next share to record (in the past when behind); null once a 'once' share is done. */
  nextDue: string | null;
  /** The latest recorded share counted in `done`. */
  lastDone: string | null;
};

/**
 * What the status needs beyond the commitment: today (YYYY-MM-DD), when the plan was created (ISO) and the
 * plan's cycle ("2027"), whose period bounds when shares fall due.
 */
export type SharingContext = { today: string; planCreatedAt: string; cycle: string };

/** Days a one-off share may take after the start. */
const ONCE_WITHIN_DAYS = 30;

/*
 * Each due date is computed from the start rather than from the previous one, so monthly shares started on
 * the 31st come back to the 31st after a short month instead of drifting to the 28th.
 */
const dueDateOf: Record<Cadence, (start: Date, k: number) => Date> = {
  once: (start) => addDays(start, ONCE_WITHIN_DAYS),
  weekly: (start, k) => addWeeks(start, k),
  fortnightly: (start, k) => addWeeks(start, 2 * k),
  monthly: (start, k) => addMonths(start, k),
  quarterly: (start, k) => addQuarters(start, k),
};

/** YYYY-MM-DD, or null for an invalid date (format would throw, and a status should never break a page). */
const day = (date: Date) => (isValid(date) ? format(date, 'yyyy-MM-dd') : null);

/**
 * The start of a commitment: its own start date, else the day the plan was created, or the cycle's first day
 * when the plan was made ahead of its cycle (a 2027 plan written in December 2026 starts sharing in 2027).
 * The creation day is read from the ISO timestamp as written (UTC), so the server and every browser agree.
 */
function startOf(share: ShareView, planCreatedAt: string, cycleStart: Date | null): Date {
  if (share.startsOn) return parseISO(share.startsOn);
  const created = parseISO(planCreatedAt.slice(0, 10));
  return cycleStart && isBefore(created, cycleStart) ? cycleStart : created;
}

/** A one-off share is due 30 days after the start, but within the cycle when it started inside it. */
function onceDue(start: Date, cycleEnd: Date | null): Date {
  const due = dueDateOf.once(start, 1);
  return cycleEnd && !isAfter(start, cycleEnd) && isAfter(due, cycleEnd) ? cycleEnd : due;
}

/** Shares due before `today`; 'once' has a single due date. */
function expectedBy(cadence: Cadence, start: Date, today: Date, cycleEnd: Date | null): number {
  const dueDate = dueDateOf[cadence];
  if (cadence === 'once') return isBefore(onceDue(start, cycleEnd), today) ? 1 : 0;
  let k = 0;
  while (isBefore(dueDate(start, k + 1), today)) k++;
  return k;
}

/**
 * How a sharing commitment is going on `context.today`: shares expected so far (one per period elapsed since
 * the start, or one within 30 days for 'once'), shares recorded since the start, whether it is behind, and
 * when the next share is due. Records dated before the start are ignored.
 */
export function sharingStatus(share: ShareView, context: SharingContext): SharingStatus {
  const period = cyclePeriod(context.cycle);
  const start = startOf(share, context.planCreatedAt, period && parseISO(period.start));
  const cycleEnd = period && parseISO(period.end);
  const today = parseISO(context.today);
  const counted = share.records.map((r) => parseISO(r.doneOn)).filter((d) => isValid(d) && !isBefore(d, start));
  const done = counted.length;
  const expected = expectedBy(share.cadence, start, today, cycleEnd);
  const finished = share.cadence === 'once' && done >= 1;
  const next = share.cadence === 'once' ? onceDue(start, cycleEnd) : dueDateOf[share.cadence](start, done + 1);
  return {
    expected,
    done,
    behind: done < expected,
    // The next share is the one after those recorded, so a learner who shares early sees a later date.
    nextDue: finished ? null : day(next),
    lastDone: done > 0 ? day(max(counted)) : null,
  };
}
