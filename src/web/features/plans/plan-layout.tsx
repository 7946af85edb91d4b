import { ChevronDown } from 'lucide-react';
import { NavLink, Outlet, useLocation, useOutletContext, useParams } from 'react-router';
import { FormError } from '../../components/form-error';
import { Deferred, later } from '../../ui/deferred';
import { useMediaQuery } from '../../ui/use-media-query';
import { PlanReviewNotices } from '../reviews/plan-review-notices';
import { type PlanView, usePlan } from './plan-api';
import { planSections, sectionOf } from './plan-sections';

/** The ten sections fit one row of tabs from this width (with the sidebar beside them); below it, a menu. */
const ROOM_FOR_TABS = '(min-width: 78rem)';

const SectionsMenu = later(async () => (await import('./plan-sections-menu')).PlanSectionsMenu);

/** A plan's pages share its header and its sections' navigation; the loaded plan is handed to each page. */
export function PlanLayout() {
  const { orgId = '', planId = '' } = useParams();
  const plan = usePlan(planId);
  const { pathname } = useLocation();
  const roomForTabs = useMediaQuery(ROOM_FOR_TABS);
  if (plan.isPending) return <p role="status">Loading your plan…</p>;
  if (plan.error) return <FormError error={plan.error} />;
  const base = `/orgs/${orgId}/plans/${planId}`;
  const current = sectionOf(pathname.slice(base.length));
  return (
    <div className="plan">
      <nav aria-label="Plan" className="plan-tabs">
        {roomForTabs ? (
          <ul>
            {planSections.map(([path, label]) => (
              <li key={path}>
                <NavLink to={`${base}${path}`} end={path === ''}>
                  {label}
                </NavLink>
              </li>
            ))}
          </ul>
        ) : (
          <Deferred
            component={SectionsMenu}
            props={{ base, current }}
            placeholder={(open) => (
              <button
                type="button"
                className="org-button section-button"
                aria-label={`Plan section: ${current[1]}`}
                onClick={open}
              >
                <span className="org-name">{current[1]}</span>
                <ChevronDown size={16} />
              </button>
            )}
          />
        )}
      </nav>
      <PlanReviewNotices key={pathname} plan={plan.data} historyPath={`${base}/history`} />
      <Outlet context={plan.data} />
    </div>
  );
}

export const usePlanContext = () => useOutletContext<PlanView>();
