import type { Database } from '../../db/client.js';
import type { Coverage } from '../access/index.js';
import { agreedChanges } from './agreed-changes.js';
import { listChangesAfter, type ReviewRow } from './reviews.repository.js';
import type { ChangesSince } from './reviews.schema.js';

type Content = Record<string, unknown> | null;
interface Change {
  entityType: string;
  entityId: string;
  before: Content;
  after: Content;
}

const linkedGoals = (c: Content, field: 'goalIds' | 'goalId'): unknown[] => {
  const v = c?.[field];
  return Array.isArray(v) ? v : v ? [v] : [];
};

/**
 * Whether a change is about something the coverage shows, judged as the shared view cuts the plan
 * (shared-view.ts): a shared goal brings its network entries and sharing commitments, before or after the
 * change. The plan's title and cycle show with any share.
 */
export function changeIsCovered(cover: Coverage, change: Change): boolean {
  if (cover.plan || change.entityType === 'plan') return true;
  const goals = new Set(cover.goalIds);
  const links = (field: 'goalIds' | 'goalId') =>
    [...linkedGoals(change.before, field), ...linkedGoals(change.after, field)].some((id) => goals.has(id as string));
  switch (change.entityType) {
    case 'reflection':
      return cover.parts.includes('reflections');
    case 'goal':
      return cover.parts.includes('goals') || goals.has(change.entityId);
    case 'network':
      return cover.parts.includes('network') || links('goalIds');
    case 'share':
      return cover.parts.includes('shares') || links('goalId');
    default:
      return false;
  }
}

/** The revision number of the second signature: the plan as both agreed to it. */
export const agreedRevision = (review: ReviewRow) =>
  Math.max(review.learnerSignedSeq ?? 0, review.supervisorSignedSeq ?? 0);

/**
 * What changed of what was agreed after an agreed review (agreed-changes.ts): every such change for the
 * learner; for the supervisor (`cover` given) only changes to what the review still shares with them, so
 * nothing unshared shows, not even as a number.
 */
export async function changesSinceReview(db: Database, review: ReviewRow, cover?: Coverage): Promise<ChangesSince> {
  if (review.state !== 'agreed' || !review.agreedAt) throw new Error('only an agreed review has changes since');
  const revision = agreedRevision(review);
  const revisions = await listChangesAfter(db, review.planId, revision);
  const { changes, last } = agreedChanges(cover ? revisions.filter((c) => changeIsCovered(cover, c)) : revisions);
  return {
    reviewId: review.id,
    kind: review.kind,
    agreedAt: review.agreedAt.toISOString(),
    revision,
    count: changes.length,
    lastChangedAt: last?.toISOString() ?? null,
    changes,
  };
}
