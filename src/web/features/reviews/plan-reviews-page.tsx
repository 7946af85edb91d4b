import { useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { usePlanContext } from '../plans/plan-layout';
import { LearnerReviewCard } from './learner-review-card';
import { RequestReviewForm } from './request-review-form';
import { usePlanReviews } from './reviews-api';

/** The plan's Reviews tab: ask the supervisor for a review, and follow, write, sign or withdraw each one. */
export function PlanReviewsPage() {
  const plan = usePlanContext();
  const { orgId = '' } = useParams();
  useTitle(`Reviews · ${plan.title || plan.cycle}`);
  const reviews = usePlanReviews(plan.id);
  const historyPath = `/orgs/${orgId}/plans/${plan.id}/history`;
  return (
    <section>
      <h1>Reviews</h1>
      <p className="lead">
        Talk your plan through with your supervisor: they read what you share, you both write a note, and you both sign
        the learning agreement. A year-end review closes the cycle.
      </p>
      <RequestReviewForm plan={plan} />
      <h2>Your reviews</h2>
      {reviews.isPending && <p role="status">Loading reviews…</p>}
      <FormError error={reviews.error} />
      {reviews.data?.reviews.length === 0 && <p>You have not asked for a review of this plan yet.</p>}
      {reviews.data?.reviews.map((r) => (
        <LearnerReviewCard key={r.id} review={r} historyPath={historyPath} />
      ))}
    </section>
  );
}
