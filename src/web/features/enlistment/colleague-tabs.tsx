import { NavLink } from 'react-router';

/**
 * "Shared with me" and "Mentoring requests" are one place in the main navigation (it is long already): what
 * colleagues show you, and what they ask of you. These tabs move between the two.
 */
export function ColleagueTabs({ orgId }: { orgId: string }) {
  return (
    <nav aria-label="From colleagues" className="plan-tabs">
      <ul>
        <li>
          <NavLink to={`/orgs/${orgId}/shared`} end>
            Shared with me
          </NavLink>
        </li>
        <li>
          <NavLink to={`/orgs/${orgId}/enlistments`}>Mentoring requests</NavLink>
        </li>
      </ul>
    </nav>
  );
}
