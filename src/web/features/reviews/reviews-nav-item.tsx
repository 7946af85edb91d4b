import { ClipboardCheck } from 'lucide-react';
import { NavItem } from '../../ui/nav-item';
import { useReviewInbox } from './reviews-api';

/**
 * "Reviews" in the main navigation, with the people one learns with, for whoever was asked for a review as
 * supervisor in this organisation (nobody else has anything there), with how many wait for their signature.
 */
export function ReviewsNavItem({ orgId, onNavigate }: { orgId: string; onNavigate?: () => void }) {
  const inbox = useReviewInbox(orgId);
  const reviews = inbox.data?.reviews ?? [];
  if (reviews.length === 0) return null;
  const waiting = reviews.filter((r) => r.awaiting.includes('supervisor')).length;
  return (
    <NavItem
      to={`/orgs/${orgId}/reviews`}
      icon={ClipboardCheck}
      label="Reviews"
      count={waiting}
      countLabel={`${waiting} to sign`}
      onNavigate={onNavigate}
    />
  );
}
