import type { Database } from '../../db/client.js';
import type { ReviewRecord } from '../access/index.js';
import { coverageOf, type SharedPart } from '../access/index.js';
import { listGrantsFrom } from '../sharing/index.js';
import { changesSinceReview } from './changes-since.js';
import type { ReviewRow } from './reviews.repository.js';
import type { ReviewSide, ReviewView } from './reviews.schema.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Who still has to sign an open review. */
export function awaitingOf(review: ReviewRow): ReviewSide[] {
  if (review.state !== 'requested') return [];
  return [
    ...(review.learnerSignedAt ? [] : (['learner'] as const)),
    ...(review.supervisorSignedAt ? [] : (['supervisor'] as const)),
  ];
}

/**
 * A review as one of its two people sees it. The learner sees every share the review made, past ones too;
 * the supervisor only what is still shared, and the changes since the agreement only about that.
 */
export async function reviewViewFor(db: Database, record: ReviewRecord, side: ReviewSide): Promise<ReviewView> {
  const { review } = record;
  const now = new Date();
  const grants = (await listGrantsFrom(db, review.id)).map((row) => ({
    ...row,
    active: !row.grant.revokedAt && (!row.grant.expiresAt || row.grant.expiresAt > now),
  }));
  const shown = side === 'learner' ? grants : grants.filter((g) => g.active);
  const cover = side === 'supervisor' ? coverageOf(shown.map((g) => g.grant)) : undefined;
  const signature = (at: Date | null, seq: number | null) =>
    at && seq !== null ? { at: at.toISOString(), revision: seq } : null;
  return {
    id: review.id,
    planId: review.planId,
    organizationId: record.plan.organizationId,
    kind: review.kind,
    state: review.state,
    plan: { cycle: record.plan.cycle, title: record.plan.title, closedAt: iso(record.plan.closedAt) },
    learner: { name: record.learnerName },
    supervisor: { memberId: review.supervisorMemberId, name: record.supervisorName },
    you: side,
    learnerNote: review.learnerNote,
    supervisorNote: review.supervisorNote,
    signatures: {
      learner: signature(review.learnerSignedAt, review.learnerSignedSeq),
      supervisor: signature(review.supervisorSignedAt, review.supervisorSignedSeq),
    },
    awaiting: awaitingOf(review),
    agreedAt: iso(review.agreedAt),
    shared: shown.map(({ grant, goalWhat, active }) => ({
      scope: grant.scope,
      part: (grant.part as SharedPart | null) ?? null,
      goal: grant.goalId ? { id: grant.goalId, what: goalWhat ?? '(a goal since deleted)' } : null,
      active,
    })),
    changesSince: review.state === 'agreed' ? await changesSinceReview(db, review, cover) : null,
    version: review.version,
    createdAt: review.createdAt.toISOString(),
    updatedAt: review.updatedAt.toISOString(),
  };
}
