import { Link, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { ApiError } from '../../lib/api';
import { SharedPlanContent } from './shared-plan-content';
import { accessLabel, useSharedPlan } from './sharing-api';

/** A plan someone shared with you, read-only: exactly the parts and goals they chose. */
export function SharedPlanPage() {
  const { orgId = '', planId = '' } = useParams();
  const plan = useSharedPlan(planId);
  useTitle(plan.data ? `Shared: ${plan.data.title || plan.data.cycle}` : 'Shared plan');
  if (plan.isPending) return <p role="status">Loading what was shared…</p>;
  if (plan.error) {
    if (plan.error instanceof ApiError && plan.error.status === 404) {
      return (
        <section>
          <h1>Page not found</h1>
          <p>
            There is nothing here, or it is no longer shared with you.{' '}
            <Link to={`/orgs/${orgId}/shared`}>See what is shared with you</Link>.
          </p>
        </section>
      );
    }
    return <FormError error={plan.error} />;
  }
  const p = plan.data;
  return (
    <section className="shared-plan">
      <p>
        <Link to={`/orgs/${orgId}/shared`}>Shared with me</Link>
      </p>
      <h1>
        {p.owner.name}’s plan: {p.title || p.cycle}
      </h1>
      <p className="lead">
        Cycle {p.cycle}. You may: {accessLabel(p.access).toLowerCase()}. {p.owner.name} can see when you read it.
      </p>
      <SharedPlanContent plan={p} />
    </section>
  );
}
