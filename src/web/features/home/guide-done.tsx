import { Link } from 'react-router';
import { usePlanNextSteps } from './home-api';
import { NextStepCards } from './next-steps';

/**
 * The guide's ending on a plan's overview: it is done, and what comes next, the same steps home suggests
 * (for the current plan; an older plan just says it is done).
 */
export function GuideDone({ planId, base }: { planId: string; base: string }) {
  const next = usePlanNextSteps(planId);
  const current = next.data?.current === true;
  const steps = current ? (next.data?.steps ?? []) : [];
  return (
    <section aria-labelledby="guide-done-heading">
      <h2 id="guide-done-heading">The guide is done</h2>
      {steps.length > 0 ? (
        <>
          <p>You have answered everything the guide asks. What comes next:</p>
          <ul className="next-list">
            <NextStepCards steps={steps} planBase={base} />
          </ul>
        </>
      ) : (
        <p>
          You have answered everything the guide asks.{' '}
          {current
            ? 'Your plan is shared, agreed and has a rhythm: keep it alive with check-ins and your learning log.'
            : 'Come back to any part whenever your learning changes.'}
        </p>
      )}
      <p>
        <Link to={`${base}/guide/1/0`}>Go through the guide again</Link>
      </p>
    </section>
  );
}
