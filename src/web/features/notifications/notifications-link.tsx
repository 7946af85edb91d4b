import { NavLink } from 'react-router';
import { useUnreadCount } from './notifications-api';

/** The header's link to the notifications page, saying how many are unread (checked every minute). */
export function NotificationsLink() {
  const unread = useUnreadCount(true).data?.unread ?? 0;
  return <NavLink to="/notifications">{unread > 0 ? `Notifications (${unread} unread)` : 'Notifications'}</NavLink>;
}
