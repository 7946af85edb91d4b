import { FormError } from '../../components/form-error';
import { coverageLabel } from '../sharing/sharing-api';
import { ChangedSince, ReviewNotes, Signatures, SignPanel, StateBadge } from './review-parts';
import { kindLabel, type ReviewView, useReviewActions, when } from './reviews-api';

/** One review on the plan's Reviews tab: what was shared, both notes, signatures, Sign and Withdraw. */
export function LearnerReviewCard({ review, historyPath }: { review: ReviewView; historyPath: string }) {
  const actions = useReviewActions(review);
  const headingId = `review-${review.id}`;
  const shared = review.shared.filter((s) => s.active);
  return (
    <article className="card review" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {kindLabel(review.kind)} <StateBadge review={review} />
      </h3>
      <p className="hint">
        Asked of {review.supervisor.name} on {when(review.createdAt)}.{' '}
        {shared.length > 0
          ? `Shared for it: ${shared.map(coverageLabel).join(', ')}.`
          : 'Nothing is shared for it any more.'}
      </p>
      {review.changesSince && <ChangedSince changes={review.changesSince} historyPath={historyPath} />}
      <ReviewNotes review={review} actions={actions} level={4} />
      <Signatures review={review} level={4} />
      <SignPanel review={review} actions={actions} />
      {review.state === 'requested' && (
        <div className="actions">
          <button
            type="button"
            className="secondary"
            disabled={actions.withdraw.isPending}
            onClick={() => actions.withdraw.mutate()}
          >
            Withdraw the request
          </button>
        </div>
      )}
      <FormError error={actions.withdraw.error} />
    </article>
  );
}
