import { format, parseISO } from 'date-fns';
import type { CohortRow, EnrolmentRow, ProgressRow } from './enrolments.repository.js';
import type { EnrolmentSummary, EnrolmentView } from './enrolments.schema.js';
import type { ProgrammeOutline } from './programme-outline.js';
import { thingDone } from './programme-outline.js';
import { daysBehind, type Pacing, participantSchedule } from './release-schedule.js';

/*
 * "This week" for one participant: which things are out on their own calendar, what they did, what comes next
 * and when, how far behind they are and where "Catch up" takes them. Pure: the caller reads the rows and the
 * clock, so schedules can be tested at any moment in any time zone.
 */

/** How a participant gets the things: with their cohort, or alone as the programme's self-paced mode says. */
export function pacingOf(enrolment: Pick<EnrolmentRow, 'cohortId'>, outline: ProgrammeOutline): Pacing {
  if (enrolment.cohortId) return 'cohort';
  // A programme whose self-paced mode was turned off after someone enrolled alone keeps them going weekly.
  return outline.programme.selfPaced === 'all_at_once' ? 'all_at_once' : 'weekly';
}

/** "Monday 8 March": how a release date is said to people. */
export function sayDay(isoDate: string): string {
  return format(parseISO(isoDate), 'EEEE d MMMM');
}

export function summaryOf(e: EnrolmentRow): EnrolmentSummary {
  return {
    id: e.id,
    programmeId: e.programmeId,
    cohortId: e.cohortId,
    status: e.status,
    startedOn: e.startedOn,
    completedAt: e.completedAt?.toISOString() ?? null,
    planId: e.planId,
    goalId: e.goalId,
  };
}

/** Where a reflection is read: a Waymark post's page, or the blog post itself. */
export function reflectionOf(orgId: string, p: ProgressRow | undefined) {
  if (!p?.reflectedAt) return null;
  const link = p.reflectionPostId ? `/orgs/${orgId}/posts/${p.reflectionPostId}` : (p.reflectionUrl ?? '');
  return {
    postId: p.reflectionPostId,
    url: p.reflectionUrl,
    title: p.reflectionTitle,
    link,
    at: p.reflectedAt.toISOString(),
  };
}

export interface ThisWeekInput {
  enrolment: EnrolmentRow;
  outline: ProgrammeOutline;
  cohort: CohortRow | undefined;
  progress: ProgressRow[];
  timeZone: string;
  now: Date;
}

/** The participant's calendar: each week's release date, each thing's, on their local today. */
export function scheduleOf({ enrolment, outline, cohort, timeZone, now }: Omit<ThisWeekInput, 'progress'>) {
  const pacing = pacingOf(enrolment, outline);
  const startsOn = cohort && pacing === 'cohort' ? cohort.startsOn : enrolment.startedOn;
  return participantSchedule(outline.weeks, startsOn, pacing, timeZone, now);
}

export function thisWeek(input: ThisWeekInput): EnrolmentView {
  const { enrolment, outline, cohort, progress } = input;
  const schedule = scheduleOf(input);
  const weekOf = new Map(schedule.weeks.map((w) => [w.weekId, w]));
  const byThing = new Map(progress.map((p) => [p.thingId, p]));
  const orgId = outline.programme.organizationId;

  const things = outline.things.map((t, i) => {
    const week = weekOf.get(t.weekId);
    const p = byThing.get(t.id);
    return {
      id: t.id,
      number: i + 1,
      title: t.title,
      minutes: t.minutes,
      required: t.required,
      weekId: t.weekId,
      releasedOn: week?.releasedOn ?? schedule.today,
      released: week?.released ?? false,
      triedAt: p?.triedAt?.toISOString() ?? null,
      reflection: reflectionOf(orgId, p),
      done: thingDone(p),
    };
  });
  const undoneRequired = things.filter((t) => t.released && t.required && !t.done);
  const behindDays =
    enrolment.status === 'active' ? daysBehind(schedule, new Set(undoneRequired.map((t) => t.weekId))) : 0;
  const nextThing = things.find((t) => !t.released);
  const oldest = undoneRequired[0];
  const pointer = (t: (typeof things)[number]) => ({ thingId: t.id, number: t.number, title: t.title });
  const behindAfter = outline.programme.behindAfterDays;

  return {
    enrolment: summaryOf(enrolment),
    programme: {
      id: outline.programme.id,
      organizationId: orgId,
      title: outline.programme.title,
      minOptional: outline.programme.minOptional,
    },
    cohort: cohort && enrolment.cohortId ? { id: cohort.id, name: cohort.name, startsOn: cohort.startsOn } : null,
    today: schedule.today,
    weeks: outline.weeks.map((w) => ({
      id: w.id,
      position: w.position,
      title: w.title,
      catchUp: w.catchUp,
      releasedOn: weekOf.get(w.id)?.releasedOn ?? schedule.today,
      released: weekOf.get(w.id)?.released ?? false,
    })),
    things,
    doneCount: things.filter((t) => t.done).length,
    totalCount: things.length,
    releasedCount: things.filter((t) => t.released).length,
    next: nextThing
      ? {
          ...pointer(nextThing),
          releasedOn: nextThing.releasedOn,
          label: `Thing ${nextThing.number} on ${sayDay(nextThing.releasedOn)}`,
        }
      : null,
    catchUp: oldest ? pointer(oldest) : null,
    daysBehind: behindDays,
    behind: behindAfter > 0 && behindDays >= behindAfter,
    inCatchUpWeek: schedule.inCatchUpWeek,
    inLastWeek: schedule.inLastWeek,
    completed: enrolment.status === 'completed',
  };
}
