import { z } from 'zod';
import { idParam } from '../../server/schemas.js';

/*
 * The home page's one read: what is next for the signed-in person in one organisation. Each list is short
 * and already cut to what the person may see; the web app shows each item as a card with one action.
 */

export const homeParams = z.object({ orgId: idParam });

/** Where the person stands with the guide of their current plan (the newest one not closed). */
const guide = z.object({
  planId: z.string(),
  cycle: z.string(),
  state: z.enum(['not_started', 'in_progress', 'done']),
  /** The place the learner left the guide at, which "Continue the guide" opens. */
  part: z.number().int(),
  step: z.number().int(),
  /** The first thing the guide still asks for (null once done). */
  nextCheck: z.string().nullable(),
  checksDone: z.number().int(),
  checksTotal: z.number().int(),
});

export const nextStepKinds = ['share_plan', 'ask_review', 'set_checkins'] as const;
export type NextStepKind = (typeof nextStepKinds)[number];

const upcoming = z.object({
  kind: z.enum(['target_date', 'milestone', 'checkin']),
  date: z.string(),
  title: z.string(),
  /** The goal it belongs to (target dates and milestones). */
  goalId: z.string().nullable(),
});

const sharingBehind = z.object({
  shareId: z.string(),
  how: z.string(),
  /** The goal's wording, or null for a commitment about the learning in general. */
  goalWhat: z.string().nullable(),
  expected: z.number().int(),
  done: z.number().int(),
  nextDue: z.string().nullable(),
});

const reviewToDo = z.object({
  reviewId: z.string(),
  kind: z.enum(['agreement', 'year_end']),
  learnerName: z.string(),
  cycle: z.string(),
});

const mentoringRequest = z.object({ requestId: z.string(), learnerName: z.string(), createdAt: z.iso.datetime() });

const unseenComment = z.object({ title: z.string(), link: z.string().nullable(), createdAt: z.iso.datetime() });

const recentPost = z.object({
  id: z.string(),
  authorName: z.string(),
  title: z.string(),
  createdAt: z.iso.datetime(),
});

/** A programme the person takes part in: "4 of 12 things", the next release, "Catch up" when behind. */
const programmeInProgress = z.object({
  enrolmentId: z.string(),
  programmeId: z.string(),
  title: z.string(),
  doneCount: z.number().int(),
  totalCount: z.number().int(),
  /** "Thing 5 on Monday 8 March", or null when everything is out. */
  next: z.object({ label: z.string(), releasedOn: z.string() }).nullable(),
  /** Where "Catch up" takes them (the oldest released required thing not done), only when they are behind. */
  catchUp: z.object({ thingId: z.string(), number: z.number().int() }).nullable(),
});

/** How the organisation is doing, for L&D admins and owners: counts, never people. */
const organisation = z.object({
  members: z.number().int(),
  joinedLast30Days: z.number().int(),
  /** Members with a plan here; null when fewer than k (the insights' smallest group) would be shown. */
  plansStarted: z.number().int().nullable(),
  optedIn: z.number().int(),
  k: z.number().int(),
});

export const homeView = z
  .object({
    today: z.string(),
    /** Null when the person has no open plan in this organisation yet. */
    guide: guide.nullable(),
    /** Once the guide is done: what to do next with the plan, each only while not done. */
    nextSteps: z.array(z.enum(nextStepKinds)),
    checkinDue: z.object({ planId: z.string(), dueOn: z.string() }).nullable(),
    upcoming: z.array(upcoming),
    sharingBehind: z.array(sharingBehind),
    requests: z.object({
      reviews: z.array(reviewToDo),
      mentoring: z.array(mentoringRequest),
      openSuggestions: z.number().int(),
      unseenComments: z.array(unseenComment),
    }),
    posts: z.array(recentPost),
    programmes: z.array(programmeInProgress),
    organisation: organisation.nullable(),
  })
  .meta({ id: 'Home' });
export type HomeView = z.infer<typeof homeView>;

/** The steps after the guide for one plan (GET /api/plans/:planId/next-steps). */
export const planNextStepsView = z
  .object({
    planId: z.string(),
    /** The owner's current plan: home suggests steps for it only. */
    current: z.boolean(),
    guideDone: z.boolean(),
    steps: z.array(z.enum(nextStepKinds)),
  })
  .meta({ id: 'PlanNextSteps' });
export type PlanNextStepsView = z.infer<typeof planNextStepsView>;
