import { z } from 'zod';
import { idParam } from '../../server/schemas.js';

export const programmeParams = z.object({ programmeId: idParam });

export const progressQuery = z.object({
  cohortId: idParam.optional(),
  filter: z.enum(['all', 'behind']).default('all'),
  cursor: z.string().max(400).optional(),
});
export type ProgressQuery = z.infer<typeof progressQuery>;

/** Not started, tried, reflected on (where the organiser may read it), or reflected on privately. */
export const thingStates = ['not_started', 'tried', 'reflected', 'reflected_private'] as const;
export type ThingState = (typeof thingStates)[number];

export const participantProgress = z.object({
  enrolmentId: z.string(),
  memberId: z.string(),
  name: z.string(),
  cohortId: z.string().nullable(),
  cohortName: z.string().nullable(),
  /** The date they enrolled (YYYY-MM-DD, UTC). */
  enrolledOn: z.string(),
  status: z.enum(['active', 'completed']),
  daysBehind: z.number().int(),
  behind: z.boolean(),
  completedAt: z.string().nullable(),
  /** Whether they registered their own blog's feed: organisers may read what Waymark read from it. */
  hasBlog: z.boolean(),
  things: z.array(
    z.object({
      thingId: z.string(),
      state: z.enum(thingStates),
      /** Where the reflection can be read: only when the organiser may read it. */
      reflectionUrl: z.string().nullable(),
    }),
  ),
});
export type ParticipantProgress = z.infer<typeof participantProgress>;

export const progressView = z.object({
  programme: z.object({ id: z.string(), organizationId: z.string(), title: z.string(), behindAfterDays: z.number() }),
  things: z.array(
    z.object({ id: z.string(), number: z.number(), title: z.string(), week: z.number(), required: z.boolean() }),
  ),
  cohorts: z.array(z.object({ id: z.string(), name: z.string(), startsOn: z.string() })),
  /** Over everyone in the chosen cohort (or the programme), whatever the filter. */
  totals: z.object({ participants: z.number(), behind: z.number(), completed: z.number() }),
  funnel: z.array(z.object({ thingId: z.string(), enrolled: z.number(), tried: z.number(), reflected: z.number() })),
  participants: z.array(participantProgress),
  /** Pass as `cursor` for the next page; null on the last. */
  nextCursor: z.string().nullable(),
});
export type ProgressView = z.infer<typeof progressView>;

export const nudgeBody = z
  .object({
    /** The members to nudge; without it, everyone behind. */
    memberIds: z.array(idParam).min(1).max(5000).optional(),
  })
  .strict();

export const nudgeResult = z.object({
  nudged: z.number(),
  skipped: z.object({
    /** Nudged in the last day already (once a day at most). */
    nudgedToday: z.number(),
    /** Their names, for the organiser who chose them to read who was left out. */
    nudgedTodayNames: z.array(z.string()),
    /** Not taking part any more (completed, left) or never enrolled. */
    notTakingPart: z.number(),
  }),
});
export type NudgeResult = z.infer<typeof nudgeResult>;
