import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CommunityList,
  CommunityMembers,
  CommunityView,
  CreateCommunityBody,
  UpdateCommunityBody,
} from '../../../features/communities/communities.schema';
import { api } from '../../lib/api';
import { postKeys } from '../posts/posts-api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { CommunityView };

/** A community's members hang under the community: joining or leaving reads both again. */
export const communityKeys = {
  all: ['communities'] as const,
  list: (orgId: string) => [...communityKeys.all, 'list', orgId] as const,
  one: (communityId: string) => [...communityKeys.all, 'one', communityId] as const,
  members: (communityId: string) => [...communityKeys.one(communityId), 'members'] as const,
};

export const useCommunities = (orgId: string) =>
  useQuery({
    queryKey: communityKeys.list(orgId),
    queryFn: () => api<CommunityList>('GET', `/api/communities?orgId=${encodeURIComponent(orgId)}`),
  });

export const useCommunity = (communityId: string) =>
  useQuery({
    queryKey: communityKeys.one(communityId),
    queryFn: () => api<CommunityView>('GET', `/api/communities/${communityId}`),
  });

export const useCommunityMembers = (communityId: string) =>
  useQuery({
    queryKey: communityKeys.members(communityId),
    queryFn: () => api<CommunityMembers>('GET', `/api/communities/${communityId}/members`),
  });

/**
 * Joining, leaving and featuring a community. Each reads again the list, the community (with its members) and
 * the feeds, which show a community's posts to its members only.
 */
export function useCommunityActions(orgId: string, communityId: string) {
  const qc = useQueryClient();
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: communityKeys.list(orgId) });
    await qc.invalidateQueries({ queryKey: communityKeys.one(communityId) });
    await qc.invalidateQueries({ queryKey: postKeys.feeds });
  };
  return {
    membership: useMutation({
      mutationFn: (join: boolean) =>
        api<CommunityView>('POST', `/api/communities/${communityId}/${join ? 'join' : 'leave'}`),
      onSuccess: refresh,
    }),
    feature: useMutation({
      mutationFn: (featured: boolean) =>
        api<CommunityView>('PATCH', `/api/communities/${communityId}`, { featured } satisfies UpdateCommunityBody),
      onSuccess: refresh,
    }),
  };
}

export function useStartCommunity(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCommunityBody) => api<CommunityView>('POST', '/api/communities', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: communityKeys.list(orgId) }),
  });
}
