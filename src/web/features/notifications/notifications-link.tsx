import { Bell } from 'lucide-react';
import { useEffect, useState } from 'react';
import { NavLink } from 'react-router';
import { afterFirstPage } from '../../lib/first-page';
import { useUnreadCount } from './notifications-api';

/**
 * The bell in the app's bar: the notifications page, with how many are unread on it (checked every minute),
 * read out as "Notifications (2 unread)". The count is first asked for once the first page is drawn: on a phone
 * every request of the first wave waits its turn for a connection, and the count moves nothing on the page when
 * it comes (it sits over the bell). A count the cache holds already shows at once.
 */
export function NotificationsLink() {
  const [pageDrawn, setPageDrawn] = useState(false);
  useEffect(() => {
    let mounted = true;
    void afterFirstPage().then(() => mounted && setPageDrawn(true));
    return () => {
      mounted = false;
    };
  }, []);
  const unread = useUnreadCount(pageDrawn).data?.unread ?? 0;
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
