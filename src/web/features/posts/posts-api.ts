import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreatePostBody,
  FeedFilter,
  FeedPageView,
  FollowBody,
  FollowList,
  PostCommentList,
  PostCommentView,
  PostImageUpload,
  PostView,
} from '../../../features/posts/posts.schema';
import { api, upload } from '../../lib/api';
import { planKeys } from '../plans/plan-api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { CreatePostBody, FeedFilter, PostCommentView, PostView };

export const visibilityLabels = {
  organization: 'Everyone in the organisation',
  community: 'A community',
  people: 'Chosen people',
  private: 'Only me',
} as const;

export const reactionLabels = { like: 'Like', insightful: 'Insightful', thanks: 'Thanks' } as const;

/**
 * Posts and what hangs on them. Every feed (each organisation and filter) sits under `feeds`: a new post, a
 * reaction or a comment may show in any of them.
 */
export const postKeys = {
  all: ['posts'] as const,
  feeds: ['posts', 'feed'] as const,
  feed: (orgId: string, filter: FeedFilter) => [...postKeys.feeds, orgId, filter] as const,
  post: (postId: string) => [...postKeys.all, 'post', postId] as const,
  comments: (postId: string) => [...postKeys.all, 'comments', postId] as const,
  follows: (orgId: string) => [...postKeys.all, 'follows', orgId] as const,
};

/** The feed, a page at a time (newest first), as the server filters it for the viewer. */
export function useFeed(orgId: string, filter: FeedFilter) {
  return useInfiniteQuery({
    queryKey: postKeys.feed(orgId, filter),
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ orgId, limit: '20' });
      for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
      if (pageParam) params.set('cursor', pageParam);
      return api<FeedPageView>('GET', `/api/feed?${params}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchOnMount: 'always',
  });
}

export const usePost = (postId: string) =>
  useQuery({ queryKey: postKeys.post(postId), queryFn: () => api<PostView>('GET', `/api/posts/${postId}`) });

export const usePostComments = (postId: string, enabled = true) =>
  useQuery({
    queryKey: postKeys.comments(postId),
    queryFn: () => api<PostCommentList>('GET', `/api/posts/${postId}/comments`),
    enabled,
  });

/**
 * Publishes a post: `published` hears of it at once, `inFeeds` once the feeds were read again (the new post is
 * in them by then). A post for a sharing commitment records it as done in its plan, so plans are read again too.
 */
export function usePublish(on: { published: (post: PostView) => void; inFeeds: (post: PostView) => void }) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePostBody) => api<PostView>('POST', '/api/posts', body),
    onSuccess: async (post, body) => {
      on.published(post);
      if (body.shareCommitmentId) void qc.invalidateQueries({ queryKey: planKeys.plans });
      await qc.invalidateQueries({ queryKey: postKeys.feeds });
      on.inFeeds(post);
    },
  });
}

/** Uploads an image for a post; the answer's Markdown shows it where the author puts it. */
export function useUploadPostImage(orgId: string, onUploaded: (image: PostImageUpload) => void) {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return upload<PostImageUpload>(`/api/posts/images?orgId=${encodeURIComponent(orgId)}`, form);
    },
    onSuccess: onUploaded,
  });
}

/** Writes on posts refresh every list that may show them. */
export function usePostActions(postId: string) {
  const qc = useQueryClient();
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: postKeys.feeds });
    await qc.invalidateQueries({ queryKey: postKeys.post(postId) });
    await qc.invalidateQueries({ queryKey: postKeys.comments(postId) });
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

/** The people and topics the viewer follows in an organisation. */
export function useFollows(orgId: string) {
  return useQuery({
    queryKey: postKeys.follows(orgId),
    queryFn: () => api<FollowList>('GET', `/api/follows?orgId=${encodeURIComponent(orgId)}`),
  });
}

/** Follows a person or a topic, or stops; the answer is the whole list as it is now. */
export function useSetFollow(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ follow, ...body }: Omit<FollowBody, 'orgId'> & { follow: boolean }) =>
      api<FollowList>(follow ? 'PUT' : 'DELETE', '/api/follows', { orgId, ...body } satisfies FollowBody),
    onSuccess: (list) => qc.setQueryData(postKeys.follows(orgId), list),
  });
}
