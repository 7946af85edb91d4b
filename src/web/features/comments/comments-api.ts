import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommentList, CommentView, CreateCommentBody } from '../../../features/comments/comments.schema';
import { api } from '../../lib/api';
import { planKeys } from '../plans/plan-api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { CommentList, CommentView };
export type CommentTarget = { kind: CreateCommentBody['targetKind']; id: string };
export type NewComment = Omit<CreateCommentBody, 'targetKind' | 'targetId'>;

export const commentKeys = {
  all: ['comments'] as const,
  ofPlan: (planId: string) => [...commentKeys.all, planId] as const,
};

const commentsUrl = (planId: string) => `/api/plans/${planId}/comments`;

/** Every comment the viewer may read on the plan, in one request (pages show the threads of their items). */
export function useComments(planId: string) {
  return useQuery({
    queryKey: commentKeys.ofPlan(planId),
    queryFn: () => api<CommentList>('GET', commentsUrl(planId)),
    // Others write here too: look again whenever the page is opened or the window comes back.
    refetchOnMount: 'always',
  });
}

/** The writes on comments; each refreshes the comments (and, on an accepted suggestion, the plan). */
export function useCommentActions(planId: string, target: CommentTarget) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: commentKeys.ofPlan(planId) });
  const url = commentsUrl(planId);
  return {
    add: useMutation({
      mutationFn: (c: NewComment) =>
        api<CommentView>('POST', url, {
          targetKind: target.kind,
          targetId: target.id,
          ...c,
        } satisfies CreateCommentBody),
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
        await qc.invalidateQueries({ queryKey: planKeys.plan(planId) });
      },
    }),
  };
}
