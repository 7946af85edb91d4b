import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BlogStatusView, RegisterBlogBody } from '../../../features/blog-feeds/blog-feeds.schema';
import { api } from '../../lib/api';
import { learningKeys } from '../programme-learning/programme-learning-api';

// Types only: the server's Zod schema is the single source of this shape.
export type { BlogStatusView };

export const blogKeys = {
  all: ['blog-feeds'] as const,
  status: (enrolmentId: string) => [...blogKeys.all, 'status', enrolmentId] as const,
};

/** The blog an enrolment registered: its feed's status and the programme posts found on it. */
export const useBlogStatus = (enrolmentId: string | undefined) =>
  useQuery({
    queryKey: blogKeys.status(enrolmentId ?? ''),
    queryFn: () => api<BlogStatusView>('GET', `/api/enrolments/${enrolmentId}/blog`),
    enabled: Boolean(enrolmentId),
  });

/**
 * Registering, removing and using a post: each answers the new status (kept at once); using a post also
 * changes the participant's progress, so taking part is read again.
 */
export function useBlogActions(enrolmentId: string) {
  const qc = useQueryClient();
  const keep = (status: BlogStatusView) => qc.setQueryData(blogKeys.status(enrolmentId), status);
  return {
    register: useMutation({
      mutationFn: (body: RegisterBlogBody) => api<BlogStatusView>('PUT', `/api/enrolments/${enrolmentId}/blog`, body),
      onSuccess: keep,
    }),
    remove: useMutation({
      mutationFn: () => api<null>('DELETE', `/api/enrolments/${enrolmentId}/blog`),
      onSuccess: () => qc.invalidateQueries({ queryKey: blogKeys.status(enrolmentId) }),
    }),
    accept: useMutation({
      mutationFn: ({ itemId, thingId }: { itemId: string; thingId: string }) =>
        api<BlogStatusView>('POST', `/api/enrolments/${enrolmentId}/blog/items/${itemId}/accept`, { thingId }),
      onSuccess: (status) => {
        keep(status);
        return qc.invalidateQueries({ queryKey: learningKeys.all });
      },
    }),
  };
}
