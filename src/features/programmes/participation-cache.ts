import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { defineReadCache, readThrough } from '../../server/read-cache.js';
import { getLearnerSettings, localDate } from '../settings/index.js';
import {
  type CohortRow,
  type EnrolmentRow,
  findCohort,
  type ProgressRow,
  progressOf,
} from './enrolments.repository.js';
import { type EnrolmentView, enrolmentView } from './enrolments.schema.js';
import { loadProgrammeOutline, type ProgrammeOutline } from './programme-outline.js';
import { thisWeek } from './this-week.js';

/*
 * What a participant's "this week" and each thing's page are made from, cached: hundreds of participants open
 * them many times a week, and without these every visit was seven queries (measured: 382 req/s, p99 185 ms for
 * 200 participants at once). Writers announce what they changed (changes.ts): authoring and cohort edits a
 * `programme` change (programmes.repository.ts, where every such write locks or touches the programme), progress
 * and enrolling an `enrolment` change (progress.ts, updateEnrolment), a deleted reflection post a `feed` change
 * naming it, the time zone a `settings` change. Cached values are shared: callers read them and never change them.
 */

/** A programme's outline: the same for every participant, changed only by its authors. */
export const programmeOutlineCache = defineReadCache<string, ProgrammeOutline | undefined>({
  name: 'programme outlines',
  ttlMs: 10 * 60_000,
  maxEntries: 2_000,
  keyOf: (programmeId) => programmeId,
  load: (ctx, programmeId) => loadProgrammeOutline(ctx.db, programmeId),
  forgets: { programme: (change, cache) => cache.forget(change.programmeId) },
});

interface CohortKey {
  programmeId: string;
  cohortId: string;
}

/** A cohort's dates, keyed under its programme so that a change to the programme forgets its cohorts too. */
export const cohortsCache = defineReadCache<CohortKey, CohortRow | undefined>({
  name: 'programme cohorts',
  ttlMs: 10 * 60_000,
  maxEntries: 10_000,
  keyOf: ({ programmeId, cohortId }) => `${programmeId}/${cohortId}`,
  load: (ctx, { cohortId }) => findCohort(ctx.db, cohortId),
  forgets: { programme: (change, cache) => cache.forgetWhere((key) => key.startsWith(`${change.programmeId}/`)) },
});

interface ParticipantKey {
  userId: string;
  enrolmentId: string;
}

export interface ParticipantState {
  progress: ProgressRow[];
  timeZone: string;
}

/** One participant's progress on one enrolment, with the time zone their days are counted in. */
export const participantsCache = defineReadCache<ParticipantKey, ParticipantState>({
  name: 'programme participants',
  ttlMs: 10 * 60_000,
  maxEntries: 100_000,
  keyOf: ({ userId, enrolmentId }) => `${userId}/${enrolmentId}`,
  load: async (ctx, { userId, enrolmentId }) => {
    const [progress, settings] = await Promise.all([
      progressOf(ctx.db, enrolmentId),
      getLearnerSettings(ctx.db, userId),
    ]);
    return { progress, timeZone: settings.timeZone };
  },
  forgets: {
    enrolment: (change, cache) => cache.forget(`${change.userId}/${change.enrolmentId}`),
    settings: (change, cache) => cache.forgetWhere((key) => key.startsWith(`${change.userId}/`)),
    // A reflection whose post was deleted now links to the blog post it named, or nowhere.
    feed: ({ removedPostId }, cache) => {
      if (removedPostId) cache.forgetValues((s) => s.progress.some((p) => p.reflectionPostId === removedPostId));
    },
  },
});

/** Everything "this week" is made from for one enrolment, from the caches (`participant` is the cached entry). */
export async function participationInputs(ctx: AppContext, enrolment: EnrolmentRow) {
  const [outline, cohort, participant] = await Promise.all([
    readThrough(ctx, programmeOutlineCache, enrolment.programmeId),
    enrolment.cohortId
      ? readThrough(ctx, cohortsCache, { programmeId: enrolment.programmeId, cohortId: enrolment.cohortId })
      : Promise.resolve(undefined),
    readThrough(ctx, participantsCache, { userId: enrolment.userId, enrolmentId: enrolment.id }),
  ]);
  return { outline, cohort, participant, ...participant };
}

/** "This week" as made for one participant on one day, from these cached inputs. */
interface MadeView {
  enrolment: EnrolmentRow;
  outline: ProgrammeOutline;
  cohort: CohortRow | undefined;
  today: string;
  view: EnrolmentView;
  /** The view checked against its schema and serialised, on the first read that sends it. */
  json?: string;
}

/*
 * "This week" depends on the time only through the participant's local date, so one participant's view is made
 * once a day and again only when one of its inputs was read afresh (each cached input is a new object then). Kept
 * beside the participant's cached entry, and gone with it.
 */
const madeViews = new WeakMap<ParticipantState, MadeView>();

/** The participant's "this week" on their local date at `now`, made again only when something changed. */
export async function participationView(ctx: AppContext, enrolment: EnrolmentRow, now: Date): Promise<MadeView> {
  const { outline, cohort, participant } = await participationInputs(ctx, enrolment);
  if (!outline) throw notFound('Enrolment');
  const today = localDate(participant.timeZone, now);
  const made = madeViews.get(participant);
  if (made?.enrolment === enrolment && made.outline === outline && made.cohort === cohort && made.today === today) {
    return made;
  }
  const { progress, timeZone } = participant;
  const fresh = {
    enrolment,
    outline,
    cohort,
    today,
    view: thisWeek({ enrolment, outline, cohort, progress, timeZone, now }),
  };
  madeViews.set(participant, fresh);
  return fresh;
}

/** The view as the route sends it: serialised once per made view. */
export function serialisedView(made: MadeView): string {
  made.json ??= JSON.stringify(enrolmentView.parse(made.view));
  return made.json;
}
