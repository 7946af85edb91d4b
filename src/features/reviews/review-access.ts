import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { requireUser, type SignedIn } from '../access/access.js';
import type { Actor } from '../access/actor.js';
import { myMemberships } from '../me/memberships-cache.js';
import { findReview, type ReviewRecord } from './reviews.repository.js';
import type { ReviewSide } from './reviews.schema.js';

export interface ReviewParty {
  user: SignedIn;
  record: ReviewRecord;
  side: ReviewSide;
}

/**
 * The gate for every call on one review: only its two people get past it — the learner whose plan it is and
 * the supervisor named on it (still members of the organisation). Anyone else, an admin, the org owner or the
 * learner's next supervisor included, gets 404 exactly as for a review that does not exist.
 */
export async function requireReviewParty(ctx: AppContext, actor: Actor, reviewId: string): Promise<ReviewParty> {
  const user = requireUser(actor);
  const record = await findReview(ctx.db, reviewId);
  if (!record) throw notFound('Review');
  const memberships = await myMemberships(ctx, user.userId);
  const mine = memberships.find((m) => m.organizationId === record.plan.organizationId);
  if (mine?.memberId === record.plan.memberId) return { user, record, side: 'learner' };
  if (mine?.memberId === record.review.supervisorMemberId) return { user, record, side: 'supervisor' };
  throw notFound('Review');
}
