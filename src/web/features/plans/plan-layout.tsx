import { NavLink, Outlet, useLocation, useOutletContext, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { PlanReviewNotices } from '../reviews/plan-review-notices';
import { type PlanView, usePlan } from './plan-api';

/** A plan's pages share its header and tabs; the loaded plan is handed to each page. */
export function PlanLayout() {
  const { orgId = '', planId = '' } = useParams();
  const plan = usePlan(planId);
  const { pathname } = useLocation();
  if (plan.isPending) return <p role="status">Loading your plan…</p>;
  if (plan.error) return <FormError error={plan.error} />;
  const base = `/orgs/${orgId}/plans/${planId}`;
  const tabs: [string, string][] = [
    ['', 'Overview'],
    ['/guide', 'Guide'],
    ['/reflections', '1. Reflections'],
    ['/goals', '2. Goals'],
    ['/network', '3. Network'],
    ['/sharing', '4. Sharing'],
    ['/checkins', 'Check-ins'],
    ['/history', 'History'],
    ['/access', 'Sharing & access'],
    ['/reviews', 'Reviews'],
  ];
  return (
    <div className="plan">
      <nav aria-label="Plan" className="plan-tabs">
        <ul>
          {tabs.map(([path, label]) => (
            <li key={path}>
              <NavLink to={`${base}${path}`} end={path === ''}>
                {label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <PlanReviewNotices key={pathname} plan={plan.data} historyPath={`${base}/history`} />
      <Outlet context={plan.data} />
    </div>
  );
}

export const usePlanContext = () => useOutletContext<PlanView>();
