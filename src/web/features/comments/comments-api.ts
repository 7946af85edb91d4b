import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CommentView, commentList } from '../../../features/comments/comments.schema';
import { api } from '../../lib/api';
import { planKey } from '../plans/plan-api';

export type { CommentView };
export type CommentList = z.infer<typeof commentList>;
export type CommentTarget = { kind: 'goal' | 'reflection'; id: string };

const commentsKey = (planId: string) => ['comments', planId];
const commentsUrl = (planId: string) => `/api/plans/${planId}/comments`;

/** Every comment the viewer may read on the plan, in one request (pages show the threads of their items). */
export function useComments(planId: string) {
  return useQuery({
    queryKey: commentsKey(planId),
    queryFn: () => api<CommentList>('GET', commentsUrl(planId)),
    // Others write here too: look again whenever the page is opened or the window comes back.
    refetchOnMount: 'always',
  });
}

export interface NewComment {
  body: string;
  parentId?: string;
  suggestion?: { field: string; text: string };
}

/** The writes on comments; each refreshes the comments (and, on an accepted suggestion, the plan). */
export function useCommentActions(planId: string, target: CommentTarget) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: commentsKey(planId) });
  const url = commentsUrl(planId);
  return {
    add: useMutation({
      mutationFn: (c: NewComment) =>
        api<CommentView>('POST', url, { targetKind: target.kind, targetId: target.id, ...c }),
      onSuccess: refresh,
    }),
    edit: useMutation({
      mutationFn: ({ id, body }: { id: string; body: string }) => api<CommentView>('PATCH', `${url}/${id}`, { body }),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (id: string) => api<void>('DELETE', `${url}/${id}`), onSuccess: refresh }),
    decide: useMutation({
      mutationFn: ({ id, decision }: { id: string; decision: 'accept' | 'dismiss' }) =>
        api<CommentView>('POST', `${url}/${id}/${decision}`),
      onSuccess: async () => {
        await refresh();
        await qc.invalidateQueries({ queryKey: planKey(planId) });
      },
    }),
  };
}
