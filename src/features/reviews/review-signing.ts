import type { Database } from '../../db/client.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import type { Actor } from '../access/index.js';
import { requireAccess } from '../access/index.js';
import type { PlanHistory, PlanRow } from '../plans/index.js';
import { writePlan, writePlanOnBehalf } from '../plans/index.js';
import { tellSigned } from './review-notices.js';
import { changedBetween, lockReview, type ReviewRow, updateReview } from './reviews.repository.js';
import type { ReviewSide, SignResult } from './reviews.schema.js';
import { closedReason, conflictWithCurrent, getReview } from './reviews.service.js';

type Outcome = { agreed: boolean; signAgain: ReviewSide | null; seq: number };
type Change = (tx: Database, plan: PlanRow, history: PlanHistory) => Promise<Outcome | string>;

const signedSeq = (review: ReviewRow, side: ReviewSide) =>
  side === 'learner' ? review.learnerSignedSeq : review.supervisorSignedSeq;
const signatureOf = (side: ReviewSide, at: Date | null, seq: number | null) =>
  side === 'learner'
    ? { learnerSignedAt: at, learnerSignedSeq: seq }
    : { supervisorSignedAt: at, supervisorSignedSeq: seq };

/**
 * Signs a review as its learner or its supervisor. The signature is recorded with the time and the plan's
 * revision number, and as a revision of its own in the plan's history (action 'sign', the signer as actor:
 * the supervisor's through `writePlanOnBehalf`). With both signatures on an unchanged plan the review is
 * agreed, and an agreed year-end review closes the cycle. If the plan's content changed after the first
 * signature, that signature no longer counts: it is cleared and `signAgain` names who must sign again.
 * `version`, when given, must be the review's current one: nobody signs a note they have not read.
 */
export async function signReview(
  ctx: AppContext,
  actor: Actor,
  reviewId: string,
  input: { version?: number },
): Promise<SignResult> {
  const party = await requireAccess(ctx, actor, 'review:sign', { review: reviewId });
  const { side } = party;
  const other: ReviewSide = side === 'learner' ? 'supervisor' : 'learner';
  const planId = party.record.review.planId;

  const sign: Change = async (tx, plan, history) => {
    // Under the plan's row lock: signatures and edits to this plan happen one at a time.
    const review = await lockReview(tx, reviewId);
    if (!review) throw notFound('Review');
    const closed = closedReason(review);
    if (closed) return closed;
    if (input.version !== undefined && input.version !== review.version) {
      return 'This review was changed meanwhile. Read it again before you sign.';
    }
    if (signedSeq(review, side) !== null) return 'You have signed this review already.';

    await history.record('plan', plan.id, 'sign', null, { reviewId, kind: review.kind, signer: side });
    const seq = history.seq;
    const now = new Date();
    const otherSeq = signedSeq(review, other);
    const changes: Partial<ReviewRow> = { ...signatureOf(side, now, seq), version: review.version + 1 };
    let outcome: Outcome = { agreed: false, signAgain: null, seq };
    if (otherSeq !== null && (await changedBetween(tx, planId, otherSeq, seq))) {
      Object.assign(changes, signatureOf(other, null, null));
      outcome = { ...outcome, signAgain: other };
    } else if (otherSeq !== null) {
      Object.assign(changes, { state: 'agreed', agreedAt: now });
      if (review.kind === 'year_end') history.changePlan({ closedAt: now });
      outcome = { ...outcome, agreed: true };
    }
    await updateReview(tx, reviewId, changes);
    return outcome;
  };

  const outcome =
    side === 'learner'
      ? await writePlan(ctx, actor, planId, sign)
      : await writePlanOnBehalf(ctx, party.user.userId, planId, sign);
  if (typeof outcome === 'string') throw await conflictWithCurrent(ctx, party, outcome);
  await tellSigned(ctx, party.record, side, outcome);
  return { ...(await getReview(ctx, actor, reviewId)), signAgain: outcome.signAgain };
}
