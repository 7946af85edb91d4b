import { Bell } from 'lucide-react';
import { NavLink } from 'react-router';
import { useUnreadCount } from './notifications-api';

/**
 * The bell in the app's bar: the notifications page, with how many are unread on it (checked every minute),
 * read out as "Notifications (2 unread)".
 */
export function NotificationsLink() {
  const unread = useUnreadCount(true).data?.unread ?? 0;
  return (
    <NavLink
      to="/notifications"
      className="icon-button bell"
      aria-label={unread > 0 ? `Notifications (${unread} unread)` : 'Notifications'}
    >
      <Bell size={20} strokeWidth={1.75} />
      {unread > 0 && (
        <span className="bell-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </NavLink>
  );
}
