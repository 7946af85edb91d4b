import { z } from 'zod';
import { reviewKinds, reviewStates } from '../../db/schema/collaboration.js';
import { grantScopes } from '../../db/schema/sharing.js';
import { sharedParts } from '../access/index.js';

/*
 * Supervisor reviews: the learner asks their supervisor to review the cycle's plan (the learning agreement,
 * or the year-end review that closes the cycle), shares what the review needs, and both sign.
 */

const id = z.string().min(1).max(64);
const note = (max: number) =>
  z.string({ error: 'The note must be text.' }).max(max, { error: `Use at most ${max} characters.` });

export const reviewSides = ['learner', 'supervisor'] as const;
export type ReviewSide = (typeof reviewSides)[number];

/** One thing to share with the supervisor for the review, as a share of the sharing feature names it. */
export const shareItem = z.discriminatedUnion(
  'scope',
  [
    z.object({ scope: z.literal('plan') }),
    z.object({
      scope: z.literal('part'),
      part: z.enum(sharedParts, { error: 'Choose reflections, goals, network or sharing.' }),
    }),
    z.object({
      scope: z.literal('goal'),
      goalId: z.string({ error: 'Choose the goal to share.' }).min(1, { error: 'Choose the goal to share.' }).max(64),
    }),
  ],
  { error: 'Choose what to share: the whole plan, a part or a goal.' },
);
export type ShareItem = z.infer<typeof shareItem>;

export const requestReviewBody = z.object({
  kind: z.enum(reviewKinds, { error: 'Choose the learning agreement or the year-end review.' }),
  note: note(4000).optional(),
  share: z
    .array(shareItem, { error: 'List what to share.' })
    .min(1, { error: 'Share at least something with your supervisor, or leave it out to share the whole plan.' })
    .max(50, { error: 'Keep to 50 things to share.' })
    .optional(),
});
export type RequestReviewInput = z.infer<typeof requestReviewBody>;
export type RequestReviewBody = z.input<typeof requestReviewBody>;

export const planParams = z.object({ planId: id });
export const reviewParams = z.object({ reviewId: id });
export const reviewsQuery = z.object({ orgId: id });

const version = z.number({ error: 'Send the version you edited.' }).int().min(1);

/** The version may come as `If-Match` instead; the service asks for one either way. */
export const updateReviewBody = z.object({
  learnerNote: note(4000).optional(),
  supervisorNote: note(4000).optional(),
  version: version.optional(),
});
export type UpdateReviewInput = z.infer<typeof updateReviewBody>;
export type UpdateReviewBody = z.input<typeof updateReviewBody>;

/** Signing may name the version read, so nobody signs a note they have not seen. */
export const signReviewBody = z.object({ version: version.optional() }).default({});
export type SignReviewBody = z.input<typeof signReviewBody>;

const signature = z.object({ at: z.iso.datetime(), revision: z.number().int() }).nullable();

/** One item whose agreed content changed since the agreement: added, removed, or these fields changed. */
export const agreedChange = z
  .object({
    entityType: z.enum(['plan', 'goal', 'network', 'share']),
    entityId: z.string(),
    /** "Goal: Run a workshop", as the history names it. */
    label: z.string(),
    action: z.enum(['added', 'changed', 'removed']),
    /** For a change: the fields of what was agreed that differ now (goal `what`, `targetDate`, ...). */
    fields: z.array(z.string()),
  })
  .meta({ id: 'AgreedChange' });
export type AgreedChange = z.infer<typeof agreedChange>;

/**
 * How much of what was agreed changed after a review was agreed (only what the viewer may see of it): goals as
 * written, the network and the sharing plan; not progress, status moves, shares recorded or reflections.
 */
export const changesSince = z
  .object({
    reviewId: z.string(),
    kind: z.enum(reviewKinds),
    agreedAt: z.iso.datetime(),
    /** The plan's revision number at the second signature. */
    revision: z.number().int(),
    /** How many items' agreed content changed: one per item, however often it was edited. */
    count: z.number().int(),
    lastChangedAt: z.iso.datetime().nullable(),
    changes: z.array(agreedChange),
  })
  .meta({ id: 'ChangesSinceReview' });
export type ChangesSince = z.infer<typeof changesSince>;

export const reviewView = z
  .object({
    id: z.string(),
    planId: z.string(),
    organizationId: z.string(),
    kind: z.enum(reviewKinds),
    state: z.enum(reviewStates),
    plan: z.object({ cycle: z.string(), title: z.string(), closedAt: z.iso.datetime().nullable() }),
    learner: z.object({ name: z.string() }),
    supervisor: z.object({ memberId: z.string(), name: z.string() }),
    /** Which side the reader is on. */
    you: z.enum(reviewSides),
    learnerNote: z.string(),
    supervisorNote: z.string(),
    signatures: z.object({ learner: signature, supervisor: signature }),
    /** Who still has to sign while the review is open. */
    awaiting: z.array(z.enum(reviewSides)),
    agreedAt: z.iso.datetime().nullable(),
    /** What the review shares with the supervisor (for the supervisor: what is still shared). */
    shared: z.array(
      z.object({
        scope: z.enum(grantScopes),
        part: z.enum(sharedParts).nullable(),
        goal: z.object({ id: z.string(), what: z.string() }).nullable(),
        active: z.boolean(),
      }),
    ),
    changesSince: changesSince.nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'PlanReview' });
export type ReviewView = z.infer<typeof reviewView>;

/** The answer to a signature: the review, and who must sign again when the plan changed in between. */
export const signResult = reviewView
  .extend({ signAgain: z.enum(reviewSides).nullable() })
  .meta({ id: 'PlanReviewSigned' });
export type SignResult = z.infer<typeof signResult>;

export const planReviews = z.object({
  reviews: z.array(reviewView),
  /** Changes after the newest agreed learning agreement. */
  changedSinceAgreement: changesSince.nullable(),
  /** Changes after the year-end review that closed the cycle. */
  changedSinceClosing: changesSince.nullable(),
});
export type PlanReviews = z.infer<typeof planReviews>;

export const inboxItem = z
  .object({
    id: z.string(),
    planId: z.string(),
    kind: z.enum(reviewKinds),
    state: z.enum(reviewStates),
    learner: z.object({ name: z.string() }),
    plan: z.object({ cycle: z.string(), title: z.string() }),
    awaiting: z.array(z.enum(reviewSides)),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    agreedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ReviewInboxItem' });
export type InboxItem = z.infer<typeof inboxItem>;
export const inbox = z.object({ reviews: z.array(inboxItem) });
export type Inbox = z.infer<typeof inbox>;
