import type { PlanView } from '../plans/plan-api';
import { ChangedSince } from './review-parts';
import { type ChangesSince, day, usePlanReviews } from './reviews-api';

/**
 * Above every page of a plan: whether its cycle is closed, and whether it changed since the newest agreement
 * (or since the closing), with a link to the history. The plan layout mounts it afresh on every page, so
 * changes made on another tab are counted.
 */
export function PlanReviewNotices({ plan, historyPath }: { plan: PlanView; historyPath: string }) {
  const reviews = usePlanReviews(plan.id);
  const { changedSinceAgreement, changedSinceClosing } = reviews.data ?? {};
  return (
    <>
      {plan.closedAt && (
        <p className="notice">
          <strong>Cycle closed</strong> on {day(plan.closedAt)}, when the year-end review was agreed. You can still
          change the plan; changes made since show as made after the closing.
        </p>
      )}
      {/* Changes since the closing are changes since the agreement too: the newer of the two says it. */}
      {(changedSinceClosing ?? changedSinceAgreement) && (
        <ChangedSince
          changes={(changedSinceClosing ?? changedSinceAgreement) as ChangesSince}
          historyPath={historyPath}
        />
      )}
    </>
  );
}
