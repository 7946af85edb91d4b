import type { LucideIcon } from 'lucide-react';
import { NavLink } from 'react-router';

/**
 * One entry of the main navigation (app/shell): an icon, a name and, when something waits there, a count. The
 * count is shown as a number and read out in words (`countLabel`, e.g. "2 to sign").
 */
export function NavItem({
  to,
  icon: Icon,
  label,
  end = false,
  count = 0,
  countLabel,
  alsoActive = false,
  onNavigate,
}: {
  to: string;
  icon: LucideIcon;
  label: string;
  end?: boolean;
  count?: number;
  countLabel?: string;
  /** Active on other addresses too (e.g. a page reached only through this one). */
  alsoActive?: boolean;
  onNavigate?: () => void;
}) {
  return (
    <li>
      <NavLink
        to={to}
        end={end}
        className={({ isActive }) => `nav-item${isActive || alsoActive ? ' active' : ''}`}
        onClick={onNavigate}
      >
        <Icon size={20} strokeWidth={1.75} />
        <span className="nav-label">{label}</span>
        {count > 0 && (
          <span className="nav-count">
            <span aria-hidden="true">{count}</span>
            <span className="visually-hidden"> ({countLabel ?? count})</span>
          </span>
        )}
      </NavLink>
    </li>
  );
}
