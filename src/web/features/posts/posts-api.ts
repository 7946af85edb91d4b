import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CommunityView } from '../../../features/communities/communities.schema';
import type { PostView, postCommentView } from '../../../features/posts/posts.schema';
import { api } from '../../lib/api';

export type { CommunityView, PostView };
export type PostCommentView = z.infer<typeof postCommentView>;

export const visibilityLabels = {
  organization: 'Everyone in the organisation',
  community: 'A community',
  people: 'Chosen people',
  private: 'Only me',
} as const;

export const reactionLabels = { like: 'Like', insightful: 'Insightful', thanks: 'Thanks' } as const;

export interface FeedFilter {
  view?: 'everyone' | 'following' | 'mine';
  communityId?: string;
  authorMemberId?: string;
  topic?: string;
}

/** The feed, a page at a time (newest first), as the server filters it for the viewer. */
export function useFeed(orgId: string, filter: FeedFilter) {
  return useInfiniteQuery({
    queryKey: ['feed', orgId, filter],
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ orgId, limit: '20' });
      for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
      if (pageParam) params.set('cursor', pageParam);
      return api<{ posts: PostView[]; nextCursor: string | null }>('GET', `/api/feed?${params}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchOnMount: 'always',
  });
}

export const usePost = (postId: string) =>
  useQuery({ queryKey: ['post', postId], queryFn: () => api<PostView>('GET', `/api/posts/${postId}`) });

export const usePostComments = (postId: string, enabled = true) =>
  useQuery({
    queryKey: ['post-comments', postId],
    queryFn: () => api<{ comments: PostCommentView[] }>('GET', `/api/posts/${postId}/comments`),
    enabled,
  });

export const useCommunities = (orgId: string) =>
  useQuery({
    queryKey: ['communities', orgId],
    queryFn: () => api<{ communities: CommunityView[] }>('GET', `/api/communities?orgId=${encodeURIComponent(orgId)}`),
  });

/** Writes on posts refresh every list that may show them. */
export function usePostActions(postId: string) {
  const qc = useQueryClient();
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: ['feed'] });
    await qc.invalidateQueries({ queryKey: ['post', postId] });
    await qc.invalidateQueries({ queryKey: ['post-comments', postId] });
  };
  return {
    react: useMutation({
      mutationFn: ({ kind, on }: { kind: keyof typeof reactionLabels; on: boolean }) =>
        api<PostView>(on ? 'PUT' : 'DELETE', `/api/posts/${postId}/reactions/${kind}`),
      onSuccess: refresh,
    }),
    comment: useMutation({
      mutationFn: (body: string) => api<PostCommentView>('POST', `/api/posts/${postId}/comments`, { body }),
      onSuccess: refresh,
    }),
    removeComment: useMutation({
      mutationFn: (commentId: string) => api<void>('DELETE', `/api/posts/${postId}/comments/${commentId}`),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: () => api<void>('DELETE', `/api/posts/${postId}`), onSuccess: refresh }),
  };
}
