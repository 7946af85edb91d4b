import { queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  NotificationPage,
  NotificationView,
  ReadAllResult,
  UnreadCount,
} from '../../../features/notifications/notifications.schema';
import { api } from '../../lib/api';

// Types only: the server's Zod schema is the single source of this shape.
export type { NotificationView };

/** The list and the header's unread count: marking read changes both, so both hang under `all`. */
export const notificationKeys = {
  all: ['notifications'] as const,
  list: ['notifications', 'list'] as const,
  unread: ['notifications', 'unread'] as const,
};

/** Your notifications, newest first, a page at a time ("Show older"). */
export function useNotifications() {
  return useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ pageParam }) =>
      api<NotificationPage>(
        'GET',
        `/api/notifications?limit=20${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const unreadCountQuery = queryOptions({
  queryKey: notificationKeys.unread,
  queryFn: () => api<UnreadCount>('GET', '/api/notifications/unread-count'),
});

/** How many are unread, for the header: asked again every minute while the app is open. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    ...unreadCountQuery,
    refetchInterval: 60_000,
    enabled,
  });
}

function useRefreshAfter<T>(mutationFn: (arg: T) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export const useMarkRead = () =>
  useRefreshAfter((id: string) => api<NotificationView>('POST', `/api/notifications/${id}/read`));
export const useMarkAllRead = () =>
  useRefreshAfter<void>(() => api<ReadAllResult>('POST', '/api/notifications/read-all'));
