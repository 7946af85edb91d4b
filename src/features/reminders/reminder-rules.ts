import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { cutText, oneLine } from '../../server/text.js';
import { type CheckinCadence, checkinDueOn } from '../checkins/index.js';
import type { NotifyInput } from '../notifications/index.js';
import type { ShareView } from '../plans/index.js';
import { shareHowLabels, sharingStatus } from '../plans/index.js';
import { localDate, localHour } from '../settings/index.js';

/*
 * When each reminder is due, in the learner's own calendar, and what it says. Pure: the scan feeds it
 * rows and an instant. Each reminder's dedupe key names its event and period, so it is delivered once.
 */

/** Reminders are delivered from 08:00 on the learner's wall clock: nobody is woken at 3 a.m. */
export const FIRST_HOUR = 8;
/** A target date or milestone is "near" this many days ahead (today included). */
export const NEAR_DAYS = 7;

export const isDeliveryHour = (timeZone: string, now: Date) => localHour(timeZone, now) >= FIRST_HOUR;

/** A goal's name for a sentence: quoted, one line, not too long. */
function quoted(what: string | null) {
  const name = oneLine(what ?? '');
  if (!name) return 'an untitled goal';
  return `“${cutText(name, 60)}”`;
}

const longDate = (day: string) => format(parseISO(day), 'EEEE d MMMM yyyy');
function inDays(days: number) {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `in ${days} days`;
}

/**
 * The start of the check-in period `today` is in, once the first due date has come: daily today, weekly
 * the latest due weekday, monthly the latest due date a whole number of months on. Null before it is due.
 */
export function checkinPeriod(cadence: CheckinCadence, firstDue: string | null, today: string): string | null {
  if (!firstDue || today < firstDue) return null;
  if (cadence === 'daily') return today;
  if (cadence === 'weekly') {
    const weeks = Math.floor(differenceInCalendarDays(parseISO(today), parseISO(firstDue)) / 7);
    return format(addDays(parseISO(firstDue), weeks * 7), 'yyyy-MM-dd');
  }
  let period = firstDue;
  for (;;) {
    const next = checkinDueOn(cadence, period, period);
    if (!next || next > today) return period;
    period = next;
  }
}

export interface CheckinFacts {
  userId: string;
  timeZone: string;
  cadence: CheckinCadence;
  /** When the learner last changed their settings: counts as the start when they never checked in. */
  settingsChangedAt: Date | null;
  lastCheckin: string | null;
  latestPlanId: string;
  latestPlanOrgId: string;
}

const cadenceWords = { daily: 'daily', weekly: 'weekly', monthly: 'monthly' } as const;

/** The check-in reminder due for a learner now, if any: once per period while no check-in is made. */
export function checkinReminder(l: CheckinFacts, now: Date): NotifyInput | null {
  if (l.cadence === 'none') return null;
  const today = localDate(l.timeZone, now);
  const since = localDate(l.timeZone, l.settingsChangedAt ?? now);
  const period = checkinPeriod(l.cadence, checkinDueOn(l.cadence, l.lastCheckin, since), today);
  if (!period) return null;
  return {
    userId: l.userId,
    organizationId: l.latestPlanOrgId,
    kind: 'checkin_due',
    title: 'Time for your check-in',
    body:
      `Your ${cadenceWords[l.cadence]} check-in is due: a few minutes to look back at what you are learning, ` +
      'what is working and what you will try next, and to update your goals.',
    link: `/orgs/${l.latestPlanOrgId}/plans/${l.latestPlanId}/checkins`,
    dedupeKey: `checkin_due:${period}`,
  };
}

export interface GoalFacts {
  userId: string;
  organizationId: string;
  planId: string;
  goalId: string;
  what: string;
  targetDate: string | null;
  milestones: { id: string; title: string; dueDate: string | null; done: boolean }[];
}

/** Reminders for a goal whose target date, or a milestone not yet done, is at most a week away. */
export function targetReminders(g: GoalFacts, timeZone: string, now: Date): NotifyInput[] {
  const today = localDate(timeZone, now);
  const daysTo = (day: string) => differenceInCalendarDays(parseISO(day), parseISO(today));
  const near = (day: string | null): day is string => day !== null && daysTo(day) >= 0 && daysTo(day) <= NEAR_DAYS;
  const base = {
    userId: g.userId,
    organizationId: g.organizationId,
    kind: 'target_near',
    link: `/orgs/${g.organizationId}/plans/${g.planId}/goals`,
  };
  const reminders: NotifyInput[] = [];
  if (near(g.targetDate)) {
    reminders.push({
      ...base,
      title: `Target date ${inDays(daysTo(g.targetDate))}: ${quoted(g.what)}`,
      body: `Your goal ${quoted(g.what)} has its target date ${inDays(daysTo(g.targetDate))}, ${longDate(g.targetDate)}. A good moment to record your progress and evidence, or to move the date.`,
      dedupeKey: `target_near:${g.goalId}:${g.targetDate}`,
    });
  }
  for (const m of g.milestones) {
    if (m.done || !near(m.dueDate)) continue;
    const title = quoted(m.title).replace('an untitled goal', 'an untitled milestone');
    reminders.push({
      ...base,
      title: `Milestone due ${inDays(daysTo(m.dueDate))}: ${title}`,
      body: `The milestone ${title} of your goal ${quoted(g.what)} is due ${inDays(daysTo(m.dueDate))}, ${longDate(m.dueDate)}.`,
      dedupeKey: `milestone_near:${g.goalId}:${m.id}:${m.dueDate}`,
    });
  }
  return reminders;
}

export interface ShareFacts {
  userId: string;
  organizationId: string;
  planId: string;
  planCreatedAt: Date;
  planCycle: string;
  shareId: string;
  how: string;
  cadence: string;
  startsOn: string | null;
  records: { id: string; doneOn: string; link: string | null; note: string }[];
  goalWhat: string | null;
}

/** A reminder for a sharing commitment with fewer shares recorded than were due: once per missed share. */
export function shareReminder(s: ShareFacts, timeZone: string, now: Date): NotifyInput | null {
  const commitment = { cadence: s.cadence, startsOn: s.startsOn, records: s.records } as ShareView;
  const status = sharingStatus(commitment, {
    today: localDate(timeZone, now),
    planCreatedAt: s.planCreatedAt.toISOString(),
    cycle: s.planCycle,
  });
  if (!status.behind) return null;
  const how = (shareHowLabels[s.how as keyof typeof shareHowLabels] ?? 'A share').toLowerCase();
  const about = s.goalWhat === null ? 'your learning' : quoted(s.goalWhat);
  const due = status.nextDue ? ` The next was due on ${longDate(status.nextDue)}.` : '';
  return {
    userId: s.userId,
    organizationId: s.organizationId,
    kind: 'share_behind',
    title: `Sharing behind: ${how} about ${about}`,
    body: `You planned to share ${how} about ${about}: ${status.expected} ${status.expected === 1 ? 'was' : 'were'} due by now and ${status.done} ${status.done === 1 ? 'is' : 'are'} recorded.${due} Record a share you made, or adjust the commitment.`,
    link: `/orgs/${s.organizationId}/plans/${s.planId}/sharing`,
    dedupeKey: `share_behind:${s.shareId}:${status.expected}`,
  };
}
