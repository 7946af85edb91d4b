import { Link, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { ApiError } from '../../lib/api';
import { SharedPlanContent } from '../sharing/shared-plan-content';
import { useSharedPlan } from '../sharing/sharing-api';
import { ChangedSince, ReviewNotes, Signatures, SignPanel, StateBadge } from './review-parts';
import { kindLabel, type ReviewView, useReview, useReviewActions, when } from './reviews-api';

/** One review as its supervisor works on it: the learner's note, what they shared, your note, and Sign. */
export function ReviewPage() {
  const { orgId = '', reviewId = '' } = useParams();
  const review = useReview(reviewId);
  useTitle(review.data ? `${kindLabel(review.data.kind)}: ${review.data.learner.name}` : 'Review');
  if (review.isPending) return <p role="status">Loading the review…</p>;
  if (review.error) {
    if (review.error instanceof ApiError && review.error.status === 404) {
      return (
        <section>
          <h1>Page not found</h1>
          <p>
            There is no such review, or it was not asked of you. <Link to={`/orgs/${orgId}/reviews`}>Your reviews</Link>
            .
          </p>
        </section>
      );
    }
    return <FormError error={review.error} />;
  }
  return <ReviewDetail review={review.data} orgId={orgId} />;
}

function ReviewDetail({ review, orgId }: { review: ReviewView; orgId: string }) {
  const actions = useReviewActions(review);
  const planPath = `/orgs/${orgId}/plans/${review.planId}`;
  return (
    <section className="review-page">
      <p>
        <Link to={review.you === 'learner' ? `${planPath}/reviews` : `/orgs/${orgId}/reviews`}>
          {review.you === 'learner' ? 'Your plan’s reviews' : 'Reviews'}
        </Link>
      </p>
      <h1>
        {kindLabel(review.kind)}: {review.learner.name}, {review.plan.title || review.plan.cycle}{' '}
        <StateBadge review={review} />
      </h1>
      <p className="lead">
        Cycle {review.plan.cycle}. Asked on {when(review.createdAt)}.
        {review.plan.closedAt && ` The cycle was closed on ${when(review.plan.closedAt)}.`}
      </p>
      {review.changesSince && (
        <ChangedSince
          changes={review.changesSince}
          historyPath={review.you === 'learner' ? `${planPath}/history` : undefined}
        />
      )}
      <ReviewNotes
        review={review}
        actions={actions}
        level={2}
        between={review.you === 'supervisor' && <SharedForReview review={review} />}
      />
      <Signatures review={review} level={2} />
      <SignPanel review={review} actions={actions} />
    </section>
  );
}

/** The plan as shared with the supervisor (each read is in the learner's access log, as for any share). */
function SharedForReview({ review }: { review: ReviewView }) {
  const nothing = review.shared.length === 0;
  const plan = useSharedPlan(nothing ? '' : review.planId);
  return (
    <section aria-labelledby="shared-heading" className="panel shared-plan">
      <h2 id="shared-heading">What {review.learner.name} shared for the review</h2>
      {nothing || (plan.error instanceof ApiError && plan.error.status === 404) ? (
        <p>Nothing of the plan is shared with you any more.</p>
      ) : plan.isPending ? (
        <p role="status">Loading what was shared…</p>
      ) : plan.error ? (
        <FormError error={plan.error} />
      ) : (
        <SharedPlanContent plan={plan.data} />
      )}
    </section>
  );
}
