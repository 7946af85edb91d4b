import type { ProgrammeOutline } from '../programmes/index.js';
import { daysBehind, type Pacing, type ParticipantSchedule, participantSchedule } from '../programmes/index.js';
import type { ParticipantRow } from './progress.repository.js';

/*
 * Where each participant stands: how many days behind, in their own time zone. A schedule depends only on the
 * start date, the pacing and the time zone, so it is computed once per such triple (a cohort in one zone: once),
 * not once per participant.
 */

export interface Standing {
  daysBehind: number;
  behind: boolean;
}

export function pacingOf(outline: ProgrammeOutline, cohortId: string | null): Pacing {
  if (cohortId) return 'cohort';
  return outline.programme.selfPaced === 'all_at_once' ? 'all_at_once' : 'weekly';
}

/** A function giving each participant's standing at `now`, sharing schedules between participants. */
export function standingsAt(outline: ProgrammeOutline, now: Date) {
  const schedules = new Map<string, ParticipantSchedule>();
  const weekIdAt = new Map(outline.weeks.map((w) => [w.position, w.id]));
  const threshold = outline.programme.behindAfterDays;
  return (p: ParticipantRow): Standing => {
    const pacing = pacingOf(outline, p.cohortId);
    const startsOn = p.cohortStartsOn ?? p.startedOn;
    const key = `${startsOn}|${pacing}|${p.timeZone}`;
    let schedule = schedules.get(key);
    if (!schedule) {
      schedule = participantSchedule(outline.weeks, startsOn, pacing, p.timeZone, now);
      schedules.set(key, schedule);
    }
    const undoneWeek = p.oldestUndoneWeek === null ? undefined : weekIdAt.get(p.oldestUndoneWeek);
    const days = p.status === 'active' && undoneWeek ? Math.max(0, daysBehind(schedule, new Set([undoneWeek]))) : 0;
    return { daysBehind: days, behind: threshold > 0 && days >= threshold };
  };
}
