import type { NotifyInput } from '../notifications/index.js';
import { daysBehind, type ProgrammeOutline, participantSchedule } from '../programmes/index.js';
import type { ActiveParticipant } from './programme-reminders.repository.js';

/*
 * A programme participant's reminders, on their own calendar: a week's things released (on its release day), a
 * catch-up week begun, the last week begun, and falling behind by the programme's `behindAfterDays` (once for
 * each place they stopped at). Kind words, never pressure: people learn in their own time.
 */

const list = (titles: string[]) => titles.join(', ');

/** The reminders due today for one participant of `outline`. */
export function programmeReminders(p: ActiveParticipant, outline: ProgrammeOutline, now: Date): NotifyInput[] {
  const { programme } = outline;
  const pacing = p.cohortId ? 'cohort' : programme.selfPaced === 'all_at_once' ? 'all_at_once' : 'weekly';
  const schedule = participantSchedule(outline.weeks, p.startsOn, pacing, p.timeZone, now);
  const base = {
    userId: p.userId,
    organizationId: p.organizationId,
    link: `/orgs/${p.organizationId}/programmes/${programme.id}`,
  };
  const due: NotifyInput[] = [];
  const releasedToday = schedule.weeks.filter((w) => w.releasedOn === schedule.today);
  for (const week of releasedToday.filter((w) => !w.catchUp)) {
    const things = outline.things.filter((t) => t.weekId === week.weekId).map((t) => t.title);
    if (things.length === 0) continue;
    due.push({
      ...base,
      kind: 'programme_released',
      title: `Week ${week.position + 1} is out: ${list(things)} — ${programme.title}`,
      body: `Week ${week.position + 1} of ${programme.title} is out: ${list(things)}. Try them whenever suits you.`,
      dedupeKey: `programme_released:${p.enrolmentId}:${week.weekId}`,
    });
  }
  const catchUp = releasedToday.find((w) => w.catchUp);
  if (catchUp) {
    due.push({
      ...base,
      kind: 'programme_catch_up',
      title: `This week is a catch-up week — ${programme.title}`,
      body: 'This week is a catch-up week: nothing new, time to go back to a thing you missed or take a breather.',
      dedupeKey: `programme_catch_up:${p.enrolmentId}:${catchUp.weekId}`,
    });
  }
  const last = schedule.weeks.at(-1);
  if (pacing !== 'all_at_once' && schedule.weeks.length > 1 && last?.releasedOn === schedule.today) {
    due.push({
      ...base,
      kind: 'programme_last_week',
      title: `The last week of ${programme.title}`,
      body: `This is the last week of ${programme.title}. Well done for coming this far.`,
      dedupeKey: `programme_last_week:${p.enrolmentId}`,
    });
  }
  const undoneWeek = outline.weeks.find((w) => w.position === p.oldestUndoneWeek);
  const threshold = programme.behindAfterDays;
  if (undoneWeek && threshold > 0 && daysBehind(schedule, new Set([undoneWeek.id])) >= threshold) {
    const next = outline.things.find((t) => t.weekId === undoneWeek.id && t.required);
    due.push({
      ...base,
      kind: 'programme_behind',
      title: `No rush — here’s where you left off in ${programme.title}`,
      body: `No rush — here’s where you left off${next ? `: ${next.title}` : ''}. Pick it up whenever you have a moment.`,
      dedupeKey: `programme_behind:${p.enrolmentId}:${undoneWeek.id}`,
    });
  }
  return due;
}
