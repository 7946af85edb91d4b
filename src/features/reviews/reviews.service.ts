import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../server/context.js';
import { conflict, type FieldErrors, notFound, validationError } from '../../server/errors.js';
import type { Actor } from '../access/index.js';
import { findReviewWithParties, type Granted, type ReviewRecord, requireAccess } from '../access/index.js';
import { lockPlan } from '../plans/index.js';
import { checkShareTarget, insertGrant, revokeGrantsFrom } from '../sharing/index.js';
import { tellReviewRequested, tellReviewWithdrawn } from './review-notices.js';
import { awaitingOf, reviewViewFor } from './review-view.js';
import {
  findOpenReview,
  findSupervisorOf,
  insertReview,
  listReviewsOfPlan,
  listReviewsOfSupervisor,
  lockReview,
  type ReviewRow,
  updateReview,
} from './reviews.repository.js';
import type {
  ChangesSince,
  InboxItem,
  RequestReviewInput,
  ReviewSide,
  ReviewView,
  ShareItem,
  UpdateReviewInput,
} from './reviews.schema.js';

/** One of a review's two people, as the gate found them: the learner or the supervisor named on it. */
export type ReviewParty = Granted<'review:read', { review: string }>;

/**
 * A 409 carrying the review as it is now, so the client can show what changed. Built after the transaction
 * that found the problem, from a fresh read.
 */
export async function conflictWithCurrent(ctx: AppContext, party: ReviewParty, message: string) {
  const record = (await findReviewWithParties(ctx.db, party.record.review.id)) as ReviewRecord;
  return conflict(message, undefined, { current: await reviewViewFor(ctx.db, record, party.side) });
}

/** Why an open review cannot take a change any more, if it cannot. */
export function closedReason(review: Pick<ReviewRow, 'state'>): string | null {
  if (review.state === 'agreed') return 'This review is agreed already; nothing in it changes any more.';
  if (review.state === 'withdrawn') return 'This review was withdrawn.';
  return null;
}

/** The same share twice in one request is one share. */
const keyOf = (t: { scope: string; part: string | null; goalId: string | null }) => `${t.scope}:${t.part}:${t.goalId}`;

/** Checks each item as a share is checked, naming the failing item's field ("share.1.goalId"). */
async function checkShareItems(ctx: AppContext, planId: string, items: ShareItem[], fields: FieldErrors) {
  const targets = new Map<string, { scope: ShareItem['scope']; part: string | null; goalId: string | null }>();
  for (const [i, item] of items.entries()) {
    const checked = await checkShareTarget(ctx.db, planId, item, `share.${i}.`);
    Object.assign(fields, checked.fields);
    const target = { scope: item.scope, part: checked.part, goalId: checked.goalId };
    targets.set(keyOf(target), target);
  }
  return [...targets.values()];
}

/**
 * The learner asks their supervisor in the plan's organisation to review the plan: the learning agreement, or
 * the year-end review that closes the cycle. What the review needs is shared with the supervisor to comment
 * on (the whole plan unless the learner picks parts or goals); those shares end with the review's withdrawal.
 */
export async function requestReview(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  input: RequestReviewInput,
): Promise<ReviewView> {
  const { user, plan } = await requireAccess(ctx, actor, 'review:request', { plan: planId });
  const fields: FieldErrors = {};
  const supervisor = await findSupervisorOf(ctx.db, plan.memberId);
  if (!supervisor) {
    fields.supervisor =
      'You have no supervisor in this organisation yet. Ask an L&D admin to name one on the members page.';
  }
  const targets = await checkShareItems(ctx, planId, input.share ?? [{ scope: 'plan' }], fields);
  if (!supervisor || Object.keys(fields).length > 0) throw validationError(fields);

  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    // The plan's row lock puts two requests for the same plan one after the other: only one review stays open.
    const locked = await lockPlan(tx, planId);
    if (!locked) throw notFound('Plan');
    if (input.kind === 'year_end' && locked.plan.closedAt) {
      throw conflict('This cycle is closed already: its year-end review is agreed.', {
        kind: 'The cycle is closed already.',
      });
    }
    if (await findOpenReview(tx, planId, input.kind)) {
      throw conflict('A review of this kind is open already. Sign or withdraw it first.', {
        kind: 'Already requested and not yet agreed.',
      });
    }
    await insertReview(tx, {
      id,
      planId,
      kind: input.kind,
      supervisorMemberId: supervisor.memberId,
      learnerNote: input.note ?? '',
    });
    await insertGrant(
      tx,
      targets.map((t) => ({
        id: randomUUID(),
        planId,
        granteeMemberId: supervisor.memberId,
        ...t,
        access: 'comment' as const,
        reason: 'review',
        sourceId: id,
        grantedBy: user.userId,
      })),
    );
  });
  const record = (await findReviewWithParties(ctx.db, id)) as ReviewRecord;
  await tellReviewRequested(ctx, record);
  return reviewViewFor(ctx.db, record, 'learner');
}

/**
 * The plan's reviews for its learner, newest first, with how much the plan changed since the newest agreed
 * learning agreement and since the year-end review that closed the cycle.
 */
export async function listPlanReviews(ctx: AppContext, actor: Actor, planId: string) {
  await requireAccess(ctx, actor, 'plan:read', { plan: planId });
  const records = await listReviewsOfPlan(ctx.db, planId);
  const reviews = await Promise.all(records.map((r) => reviewViewFor(ctx.db, r, 'learner')));
  const newestAgreed = (kind: ReviewView['kind']): ChangesSince | null =>
    reviews.find((r) => r.kind === kind && r.state === 'agreed')?.changesSince ?? null;
  return {
    reviews,
    changedSinceAgreement: newestAgreed('agreement'),
    changedSinceClosing: newestAgreed('year_end'),
  };
}

/** The reviews a member was asked to do as supervisor in an organisation: the supervisor's inbox. */
export async function listReviewsToDo(ctx: AppContext, actor: Actor, orgId: string): Promise<InboxItem[]> {
  const { memberId } = await requireAccess(ctx, actor, 'review:list-assigned', { org: orgId });
  const rows = await listReviewsOfSupervisor(ctx.db, memberId);
  return rows.map(({ review, plan, learnerName }) => ({
    id: review.id,
    planId: review.planId,
    kind: review.kind,
    state: review.state,
    learner: { name: learnerName },
    plan: { cycle: plan.cycle, title: plan.title },
    awaiting: awaitingOf(review),
    createdAt: review.createdAt.toISOString(),
    updatedAt: review.updatedAt.toISOString(),
    agreedAt: review.agreedAt?.toISOString() ?? null,
  }));
}

/** One review, for its learner or the supervisor named on it. */
export async function getReview(ctx: AppContext, actor: Actor, reviewId: string): Promise<ReviewView> {
  const { record, side } = await requireAccess(ctx, actor, 'review:read', { review: reviewId });
  return reviewViewFor(ctx.db, record, side);
}

const noteOf = { learner: 'learnerNote', supervisor: 'supervisorNote' } as const;
const otherSide = (side: ReviewSide): ReviewSide => (side === 'learner' ? 'supervisor' : 'learner');

/**
 * Each side writes only their own note. A changed note clears both signatures: both must sign what is written.
 * A stale version answers 409 with the review as it is now.
 */
export async function updateReviewNote(
  ctx: AppContext,
  actor: Actor,
  reviewId: string,
  input: UpdateReviewInput,
): Promise<ReviewView> {
  const party = await requireAccess(ctx, actor, 'review:write-note', { review: reviewId });
  const own = noteOf[party.side];
  const theirs = noteOf[otherSide(party.side)];
  const fields: FieldErrors = {};
  if (input[theirs] !== undefined) {
    fields[theirs] =
      party.side === 'learner' ? 'Only your supervisor writes this note.' : 'Only the learner writes this note.';
  } else if (input[own] === undefined) fields[own] = 'Write your note.';
  if (input.version === undefined) fields.version = 'Send the version you edited.';
  if (Object.keys(fields).length > 0) throw validationError(fields);

  const text = input[own] as string;
  const blocked = await ctx.db.transaction(async (tx) => {
    const review = await lockReview(tx, reviewId);
    if (!review) throw notFound('Review');
    const closed = closedReason(review);
    if (closed) return closed;
    if (review.version !== input.version) return 'This review was changed meanwhile. Read it again, then edit.';
    if (review[own] === text) return null;
    await updateReview(tx, reviewId, {
      [own]: text,
      learnerSignedAt: null,
      learnerSignedSeq: null,
      supervisorSignedAt: null,
      supervisorSignedSeq: null,
      version: review.version + 1,
    });
    return null;
  });
  if (blocked) throw await conflictWithCurrent(ctx, party, blocked);
  return getReview(ctx, actor, reviewId);
}

/** The learner takes back an open request: the review is withdrawn and what it shared is shared no more. */
export async function withdrawReview(ctx: AppContext, actor: Actor, reviewId: string): Promise<ReviewView> {
  const party = await requireAccess(ctx, actor, 'review:withdraw', { review: reviewId });
  const blocked = await ctx.db.transaction(async (tx) => {
    const review = await lockReview(tx, reviewId);
    if (!review) throw notFound('Review');
    const closed = closedReason(review);
    if (closed) return closed;
    const now = new Date();
    await updateReview(tx, reviewId, { state: 'withdrawn', version: review.version + 1 });
    await revokeGrantsFrom(tx, reviewId, now);
    return null;
  });
  if (blocked) throw await conflictWithCurrent(ctx, party, blocked);
  await tellReviewWithdrawn(ctx, party.record);
  return getReview(ctx, actor, reviewId);
}
