import { parseISO } from 'date-fns';
import { localDate } from '../settings/index.js';

/*
 * When each week of a programme is released to one participant. A week is released on a calendar date, at the
 * start of that day in the participant's own time zone: a thing released "on Monday" is Monday for them,
 * wherever they are. Week k is released k weeks after the start (the cohort's start date, or the day a
 * self-paced participant enrolled); "all at once" releases every week on the start date. Catch-up weeks take
 * their place in the calendar and release nothing.
 */

export type Pacing = 'cohort' | 'weekly' | 'all_at_once';

export interface ScheduleWeek {
  id: string;
  /** 0-based order of the week. */
  position: number;
  catchUp: boolean;
}

export interface WeekRelease {
  weekId: string;
  position: number;
  catchUp: boolean;
  /** The participant's local date the week is released on (YYYY-MM-DD). */
  releasedOn: string;
  released: boolean;
}

export interface ParticipantSchedule {
  weeks: WeekRelease[];
  /** The participant's local date now. */
  today: string;
  /** The week they are in (the last released one), or null before the start. */
  currentWeekId: string | null;
  /** The next week still to come, or null when everything is out. */
  next: WeekRelease | null;
  /** Whether today falls in a catch-up week. */
  inCatchUpWeek: boolean;
  /** Whether the last week has been released. */
  inLastWeek: boolean;
}

/** The date (YYYY-MM-DD) week `position` is released on, counted from `startsOn`. */
export function weekReleaseDate(startsOn: string, position: number, pacing: Pacing): string {
  if (pacing === 'all_at_once') return startsOn;
  // Calendar arithmetic on the date alone, in UTC (no time zone can shift it): date-fns' format parsed its
  // pattern for every week of every "this week", a third of the page's work.
  const day = new Date(`${startsOn}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + position * 7);
  return day.toISOString().slice(0, 10);
}

/**
 * One participant's release calendar: which weeks are out on their local `today`, which is next and when.
 * `weeks` may come in any order.
 */
export function participantSchedule(
  weeks: readonly ScheduleWeek[],
  startsOn: string,
  pacing: Pacing,
  timeZone: string,
  now: Date,
): ParticipantSchedule {
  const today = localDate(timeZone, now);
  const ordered = [...weeks].sort((a, b) => a.position - b.position);
  const releases = ordered.map((w) => {
    const releasedOn = weekReleaseDate(startsOn, w.position, pacing);
    return { weekId: w.id, position: w.position, catchUp: w.catchUp, releasedOn, released: releasedOn <= today };
  });
  const out = releases.filter((w) => w.released);
  const current = out.at(-1) ?? null;
  const last = releases.at(-1);
  return {
    weeks: releases,
    today,
    currentWeekId: current?.weekId ?? null,
    next: releases.find((w) => !w.released) ?? null,
    inCatchUpWeek: current?.catchUp ?? false,
    inLastWeek: Boolean(last?.released) && pacing !== 'all_at_once',
  };
}

/**
 * How many days a participant is behind: from the release date of the oldest released required thing they have
 * not done, to their local today (0 when nothing released is left undone). A week's grace is the author's
 * `behindAfterDays`, applied by the caller.
 */
export function daysBehind(schedule: ParticipantSchedule, requiredUndoneWeekIds: ReadonlySet<string>): number {
  const oldest = schedule.weeks.find((w) => w.released && requiredUndoneWeekIds.has(w.weekId));
  if (!oldest) return 0;
  return Math.round((parseISO(schedule.today).getTime() - parseISO(oldest.releasedOn).getTime()) / 86_400_000);
}
