import { useId } from 'react';
import { useLocation } from 'react-router';
import type { MyMembership } from '../../features/me/me-api';
import { ReviewsNavItem } from '../../features/reviews/reviews-nav-item';
import { NavItem } from '../../ui/nav-item';
import { type NavGroup, navGroups } from './nav-groups';

/**
 * The main navigation of an organisation, in its groups: the sidebar on wide screens (with the brand and the
 * organisation switcher above, as `children`), the menu on phones. `onNavigate` lets the phone's menu close
 * when a page is chosen.
 */
export function MainNav({
  membership,
  onNavigate,
  className = 'main-nav',
  children,
}: {
  membership: MyMembership;
  onNavigate?: () => void;
  className?: string;
  children?: React.ReactNode;
}) {
  const orgId = membership.organizationId;
  return (
    <nav aria-label="Main" className={className}>
      {children}
      {navGroups(orgId, membership.role).map((group) => (
        <Group key={group.id} group={group} onNavigate={onNavigate}>
          {/* Only for whoever was asked for a review as a supervisor here; it counts the ones to sign. */}
          {group.id === 'together' && <ReviewsNavItem orgId={orgId} onNavigate={onNavigate} />}
        </Group>
      ))}
    </nav>
  );
}

function Group({
  group,
  onNavigate,
  children,
}: {
  group: NavGroup;
  onNavigate?: () => void;
  children?: React.ReactNode;
}) {
  const id = useId();
  const { pathname } = useLocation();
  return (
    <div className="nav-group">
      <p className="nav-heading" id={id}>
        {group.label}
      </p>
      <ul aria-labelledby={id}>
        {group.entries.map((entry) => (
          <NavItem
            key={entry.to}
            {...entry}
            onNavigate={onNavigate}
            // A plan shared with you opens below "Shared with me", which stays lit.
            alsoActive={entry.label === 'Shared with me' && pathname.startsWith(`${entry.to}/`)}
          />
        ))}
        {children}
      </ul>
    </div>
  );
}
