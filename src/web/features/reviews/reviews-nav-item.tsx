import { NavLink } from 'react-router';
import { useReviewInbox } from './reviews-api';

/**
 * "Reviews" in the main navigation, beside "Shared with me", for whoever was asked for a review as supervisor
 * in this organisation (nobody else has anything there), with how many wait for their signature.
 */
export function ReviewsNavItem({ orgId }: { orgId: string }) {
  const inbox = useReviewInbox(orgId);
  const reviews = inbox.data?.reviews ?? [];
  if (reviews.length === 0) return null;
  const waiting = reviews.filter((r) => r.awaiting.includes('supervisor')).length;
  return (
    <li>
      <NavLink to={`/orgs/${orgId}/reviews`}>
        Reviews{waiting > 0 && <span className="nav-count"> ({waiting} to sign)</span>}
      </NavLink>
    </li>
  );
}
