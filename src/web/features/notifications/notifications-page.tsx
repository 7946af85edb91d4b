import { Link } from 'react-router';
import { FormError } from '../../components/form-error';
import { useTitle } from '../../components/use-title';
import { formatDateTime } from '../../lib/dates';
import { type NotificationView, useMarkAllRead, useMarkRead, useNotifications } from './notifications-api';

/** Your notifications (reminders now, comments later): read or unread in words, newest first. */
export function NotificationsPage() {
  useTitle('Notifications');
  const list = useNotifications();
  const markAll = useMarkAllRead();
  const items = list.data?.pages.flatMap((p) => p.notifications) ?? [];
  const unread = list.data?.pages[0]?.unread ?? 0;
  return (
    <section>
      <h1>Notifications</h1>
      <FormError error={list.error ?? markAll.error} />
      {list.isPending && <p role="status">Loading…</p>}
      {list.data && (
        <div className="row">
          <p>{unread === 0 ? 'You have read all your notifications.' : `${unread} unread.`}</p>
          {unread > 0 && (
            <button type="button" className="secondary" onClick={() => markAll.mutate()} disabled={markAll.isPending}>
              Mark all as read
            </button>
          )}
        </div>
      )}
      {list.data && items.length === 0 && (
        <p>
          No notifications yet. Reminders about check-ins, target dates and sharing will appear here; choose which also
          come by e-mail in your <Link to="/settings">settings</Link>.
        </p>
      )}
      <ul className="notification-list">
        {items.map((n) => (
          <NotificationItem key={n.id} notification={n} />
        ))}
      </ul>
      {list.hasNextPage && (
        <button type="button" className="secondary" onClick={() => list.fetchNextPage()} disabled={list.isFetching}>
          Show older notifications
        </button>
      )}
    </section>
  );
}

function NotificationItem({ notification: n }: { notification: NotificationView }) {
  const markRead = useMarkRead();
  const read = () => {
    if (!n.read) markRead.mutate(n.id);
  };
  return (
    <li className={n.read ? 'notification' : 'notification unread'}>
      <p className="notification-meta">
        <span className={n.read ? 'tag' : 'badge'}>{n.read ? 'Read' : 'Unread'}</span>{' '}
        <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
      </p>
      <h2>
        {n.link ? (
          // Opening the item counts as reading the notification.
          <Link to={n.link} onClick={read}>
            {n.title}
          </Link>
        ) : (
          n.title
        )}
      </h2>
      {n.html && (
        // Rendered from Markdown and sanitised by the server (src/server/markdown.ts), as comments and posts are.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised server-side with an allow-list
        <div className="notification-body" dangerouslySetInnerHTML={{ __html: n.html }} />
      )}
      <FormError error={markRead.error} />
      {!n.read && (
        // The name says which one: the list has a "Mark as read" per notification.
        <button
          type="button"
          className="secondary"
          onClick={read}
          disabled={markRead.isPending}
          aria-label={`Mark as read: ${n.title}`}
        >
          Mark as read
        </button>
      )}
    </li>
  );
}
