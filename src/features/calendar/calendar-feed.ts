import { addDays, formatISO, getDate, parseISO } from 'date-fns';
import ical, {
  ICalCalendarMethod,
  ICalEventRepeatingFreq,
  ICalEventStatus,
  ICalEventTransparency,
} from 'ical-generator';
import { type CheckinCadence, cadenceFrequency, checkinDueOn } from '../checkins/index.js';
import { goalStatusLabels } from '../plans/index.js';
import { weekReleaseDate } from '../programmes/index.js';
import type { FeedOwner, FeedRow, ProgrammeReleaseRow } from './calendar.repository.js';

/*
 * A learner's calendar feed as an iCalendar document (RFC 5545), built with ical-generator.
 *
 * Every event is all-day: a target date, a milestone's due date or a check-in is a day, not a time. All-day
 * dates are "floating" (the same calendar day wherever the calendar app is), so the document needs no
 * VTIMEZONE; the learner's time zone decides which day "today" is when the next check-in is worked out.
 * (ical-generator's calendar time zone is deliberately not set: it would print DTSTAMP in local time, which
 * RFC 5545 forbids.)
 *
 * The output is deterministic for unchanged data: DTSTAMP is when an item was last revised (what RFC 5545
 * asks of a published calendar without METHOD), never "now", so the feed's ETag only changes when the feed
 * does and polling calendar apps mostly get 304.
 */

export interface FeedInput {
  owner: Pick<FeedOwner, 'name' | 'cadence' | 'settingsUpdatedAt'>;
  rows: FeedRow[];
  /** The programmes they take part in: their weeks' release dates are all-day events too. */
  programmes?: ProgrammeReleaseRow[];
  /** The learner's own date today (YYYY-MM-DD, in their time zone). */
  today: string;
  /** Where the web app is (config.baseUrl): event links and the host part of UIDs. */
  baseUrl: string;
}

/** How often calendar apps that honour it should fetch the feed again. */
export const REFRESH_SECONDS = 60 * 60;

const dayStart = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);
const shift = (isoDate: string, days: number) =>
  formatISO(addDays(parseISO(isoDate), days), { representation: 'date' });
const nextDay = (isoDate: string) => dayStart(shift(isoDate, 1));
const previousDay = (isoDate: string) => shift(isoDate, -1);
const latest = (...dates: (Date | null | undefined)[]) =>
  new Date(Math.max(...dates.filter((d): d is Date => d instanceof Date).map((d) => d.getTime())));

/**
 * ical-generator prints the calendar's name as given (it escapes event text, not this), so TEXT escaping
 * (RFC 5545 §3.3.11) is done here: a name with a comma or a line break must not break the document.
 */
const calendarText = (s: string) =>
  s
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '\\n')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed here.
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');

const planLabel = (row: FeedRow) => row.title.trim() || `Learning plan ${row.cycle}`;

/**
 * The repeat of a check-in series. A monthly series from the 31st would skip every shorter month (RFC 5545
 * drops dates that do not exist), so it repeats on the last day of each month instead, as the check-in
 * schedule does (a month after 31 January is 28 February). From the 29th or 30th only February can be
 * skipped; saying "that day or the month's last" needs BYSETPOS with BYMONTHDAY, which ical.js and libical
 * (behind several calendar apps) do not expand, so the plain rule is the one every app reads alike.
 */
function checkinRepeat(cadence: Exclude<CheckinCadence, 'none'>, dueOn: string) {
  const freq = ICalEventRepeatingFreq[cadenceFrequency[cadence]];
  if (cadence === 'monthly' && getDate(parseISO(dueOn)) === 31) return { freq, byMonthDay: [-1] };
  return { freq };
}

const cadenceWords = { daily: 'Every day', weekly: 'Every week', monthly: 'Every month' } as const;

/**
 * The learner's feed: goal target dates, milestones and the next check-in of each plan, repeating; and the
 * release dates of the weeks of the programmes they take part in.
 */
export function buildCalendarFeed(input: FeedInput): string {
  const { owner, rows, today, baseUrl, programmes = [] } = input;
  const host = new URL(baseUrl).hostname;
  const cal = ical({
    name: calendarText(`Waymark — ${owner.name}`),
    description: calendarText('Goal target dates, milestones and check-ins from your Waymark learning plans.'),
    prodId: { company: 'Waymark', product: 'Learning plan calendar', language: 'EN' },
    url: `${baseUrl}/settings`,
    ttl: REFRESH_SECONDS,
  });
  // PUBLISH: a feed to subscribe to, not an invitation to answer.
  cal.method(ICalCalendarMethod.PUBLISH);

  const allDay = (isoDate: string) => ({
    allDay: true,
    start: dayStart(isoDate),
    end: nextDay(isoDate),
    // A reminder of a date, not a meeting: it must not make the learner look busy.
    transparency: ICalEventTransparency.TRANSPARENT,
  });

  const plansSeen = new Set<string>();
  for (const row of rows) {
    const planUrl = `${baseUrl}/orgs/${row.organizationId}/plans/${row.planId}`;
    const inPlan = `Plan: ${planLabel(row)} · ${row.organizationName}`;

    if (!plansSeen.has(row.planId)) {
      plansSeen.add(row.planId);
      const dueOn = checkinDueOn(owner.cadence, row.lastCheckedOn, today);
      if (dueOn && owner.cadence !== 'none') {
        // Revised when the cadence changed or a check-in was made. With none made yet the due day is today,
        // which moves each day, so the day counts as a revision too: as the start of the day before in UTC,
        // which no time zone's today starts before, so it is never in the future and the same all day.
        const firstDue = row.lastCheckedOn ? null : dayStart(previousDay(dueOn));
        cal.createEvent({
          id: `checkin-${row.planId}@${host}`,
          ...allDay(dueOn),
          repeating: checkinRepeat(owner.cadence, dueOn),
          stamp: latest(owner.settingsUpdatedAt, row.lastCheckinAt, row.planCreatedAt, firstDue),
          summary: `Check-in: ${planLabel(row)}`,
          description: [
            'A few minutes to revisit your plan: what you are learning, what is working, what you will try next.',
            `${cadenceWords[owner.cadence]}, from the next one due on ${dueOn}.`,
            inPlan,
            `Check in on Waymark: ${planUrl}/checkins`,
          ].join('\n'),
          url: `${planUrl}/checkins`,
        });
      }
    }

    const g = row.goal;
    if (!g) continue;
    const goalUrl = `${planUrl}/goals`;
    const goalName = g.what.trim() || 'Untitled goal';
    const revised = { stamp: g.updatedAt, lastModified: g.updatedAt, sequence: g.version };
    if (g.targetDate) {
      cal.createEvent({
        id: `goal-${g.id}@${host}`,
        ...allDay(g.targetDate),
        ...revised,
        summary: `Target: ${goalName}`,
        description: [
          `Status: ${goalStatusLabels[g.status]} · Progress: ${g.progress}%`,
          inPlan,
          `Open the goal in Waymark: ${goalUrl}`,
        ].join('\n'),
        url: goalUrl,
        // A dropped goal's date no longer stands; calendar apps show it as cancelled.
        ...(g.status === 'dropped' && { status: ICalEventStatus.CANCELLED }),
      });
    }
    for (const m of g.milestones) {
      if (!m.dueDate) continue;
      cal.createEvent({
        id: `milestone-${g.id}-${m.id}@${host}`,
        ...allDay(m.dueDate),
        ...revised,
        summary: `Milestone: ${m.title}`,
        description: [
          m.done ? 'Done ✓' : 'Not done yet.',
          `Goal: ${goalName}`,
          inPlan,
          `Open the goal in Waymark: ${goalUrl}`,
        ].join('\n'),
        url: goalUrl,
      });
    }
  }
  for (const p of programmes) {
    // A week is released on a date of the participant's own calendar, so a floating all-day date is exact.
    const url = `${baseUrl}/orgs/${p.organizationId}/programmes/${p.programmeId}`;
    const pacing = p.cohortId ? 'cohort' : p.selfPaced === 'all_at_once' ? 'all_at_once' : 'weekly';
    const weeks = pacing === 'all_at_once' ? p.weeks.slice(0, 1) : p.weeks.filter((w) => !w.catchUp);
    for (const w of weeks) {
      const releasedOn = weekReleaseDate(p.startsOn, w.position, pacing);
      cal.createEvent({
        id: `programme-${p.enrolmentId}-week-${w.position}@${host}`,
        ...allDay(releasedOn),
        stamp: p.revisedAt,
        lastModified: p.revisedAt,
        summary:
          pacing === 'all_at_once' ? `${p.title}: every week released` : `${p.title}: week ${w.position + 1} released`,
        description: [`Open the programme in Waymark: ${url}`].join('\n'),
        url,
      });
    }
  }
  // ical-generator ends the last line (END:VCALENDAR) without CRLF; RFC 5545 ends every content line with one.
  return `${cal.toString()}\r\n`;
}
