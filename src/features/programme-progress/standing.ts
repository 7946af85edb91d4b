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

/**
 * A function giving each participant's standing at `now`: behind from the release of the oldest required thing
 * they have not done. Schedules and their days behind are shared between participants with the same start,
 * pacing and time zone.
 */
export function standingsAt(outline: ProgrammeOutline, now: Date) {
  const schedules = new Map<string, ParticipantSchedule>();
  const days = new Map<string, number>();
  const weekOf = new Map(outline.weeks.map((w) => [w.id, w]));
  // Required things in release order: the first one not done is the oldest undone.
  const required = outline.things
    .filter((t) => t.required)
    .map((t) => ({ position: t.position, weekId: t.weekId, week: weekOf.get(t.weekId)?.position ?? 0 }))
    .sort((a, b) => a.week - b.week || a.position - b.position);
  const threshold = outline.programme.behindAfterDays;
  return (p: ParticipantRow): Standing => {
    if (p.status !== 'active') return { daysBehind: 0, behind: false };
    const done = new Set(p.requiredDone);
    const undone = required.find((t) => !done.has(t.position));
    if (!undone) return { daysBehind: 0, behind: false };
    const pacing = pacingOf(outline, p.cohortId);
    const startsOn = p.cohortStartsOn ?? p.startedOn;
    const key = `${startsOn}|${pacing}|${p.timeZone}`;
    let behindDays = days.get(`${key}|${undone.weekId}`);
    if (behindDays === undefined) {
      let schedule = schedules.get(key);
      if (!schedule) {
        schedule = participantSchedule(outline.weeks, startsOn, pacing, p.timeZone, now);
        schedules.set(key, schedule);
      }
      behindDays = Math.max(0, daysBehind(schedule, new Set([undone.weekId])));
      days.set(`${key}|${undone.weekId}`, behindDays);
    }
    return { daysBehind: behindDays, behind: threshold > 0 && behindDays >= threshold };
  };
}
