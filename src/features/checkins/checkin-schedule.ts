import { addDays, addMonths, formatISO, parseISO } from 'date-fns';
import type { checkinCadences } from '../../db/schema/index.js';

export type CheckinCadence = (typeof checkinCadences)[number];

const dateOnly = (d: Date) => formatISO(d, { representation: 'date' });

/**
 * The date (YYYY-MM-DD, the learner's own calendar) the next check-in is due: one period after the last
 * check-in, or `since` (e.g. today, or the day the cadence was chosen) if there was none. No cadence, no date.
 * Shared by the check-in page, the reminders and the calendar feed so all three agree.
 */
export function checkinDueOn(cadence: CheckinCadence, lastCheckedOn: string | null, since: string): string | null {
  if (cadence === 'none') return null;
  if (!lastCheckedOn) return since;
  const last = parseISO(lastCheckedOn);
  if (cadence === 'daily') return dateOnly(addDays(last, 1));
  if (cadence === 'weekly') return dateOnly(addDays(last, 7));
  return dateOnly(addMonths(last, 1));
}

/** iCalendar's name for a cadence's repeat, for the calendar feed. */
export const cadenceFrequency = { daily: 'DAILY', weekly: 'WEEKLY', monthly: 'MONTHLY' } as const;
