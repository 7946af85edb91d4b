import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationView } from '../../../features/notifications/notifications.schema';
import { api } from '../../lib/api';

// Types only: the server's Zod schema is the single source of this shape.
export type { NotificationView };

interface NotificationPage {
  notifications: NotificationView[];
  unread: number;
  nextCursor: string | null;
}

const listKey = ['notifications'] as const;
const unreadKey = ['notifications-unread'] as const;

/** Your notifications, newest first, a page at a time ("Show older"). */
export function useNotifications() {
  return useInfiniteQuery({
    queryKey: listKey,
    queryFn: ({ pageParam }) =>
      api<NotificationPage>(
        'GET',
        `/api/notifications?limit=20${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** How many are unread, for the header: asked again every minute while the app is open. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: unreadKey,
    queryFn: () => api<{ unread: number }>('GET', '/api/notifications/unread-count'),
    refetchInterval: 60_000,
    enabled,
  });
}

function useRefreshAfter<T>(mutationFn: (arg: T) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([qc.invalidateQueries({ queryKey: listKey }), qc.invalidateQueries({ queryKey: unreadKey })]),
  });
}

export const useMarkRead = () =>
  useRefreshAfter((id: string) => api<NotificationView>('POST', `/api/notifications/${id}/read`));
export const useMarkAllRead = () =>
  useRefreshAfter<void>(() => api<{ marked: number; unread: number }>('POST', '/api/notifications/read-all'));
