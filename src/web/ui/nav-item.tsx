import type { LucideIcon } from 'lucide-react';
import { NavLink, useLocation } from 'react-router';

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
  notBelow,
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
  /** Not active below this address (another entry's pages live there: the organisers' programmes). */
  notBelow?: string;
  onNavigate?: () => void;
}) {
  const { pathname } = useLocation();
  const elsewhere = notBelow !== undefined && (pathname === notBelow || pathname.startsWith(`${notBelow}/`));
  return (
    <li>
      <NavLink
        to={to}
        end={end}
        aria-current={elsewhere ? false : 'page'}
        className={({ isActive }) => `nav-item${(isActive && !elsewhere) || alsoActive ? ' active' : ''}`}
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
