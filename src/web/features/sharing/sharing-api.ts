import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AccessLogEntry,
  AccessLogPage,
  CreateGrantBody,
  GrantList,
  GrantView,
  SharedPart,
  SharedPlanView,
  SharedWithMeItem,
  SharedWithMeList,
} from '../../../features/sharing/sharing.schema';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { AccessLogEntry, CreateGrantBody, GrantView, SharedPart, SharedPlanView, SharedWithMeItem };

export const partNames: Record<string, string> = {
  reflections: 'Reflections',
  goals: 'Goals',
  network: 'Network',
  shares: 'Sharing',
};

/** What a share covers, in a few words: "Whole plan", "Part: Goals", "Goal: Run a workshop". */
export function coverageLabel(g: { scope: string; part: string | null; goal: { what: string } | null }): string {
  if (g.scope === 'plan') return 'Whole plan';
  if (g.scope === 'part') return `Part: ${partNames[g.part ?? ''] ?? g.part}`;
  return `Goal: ${g.goal?.what || 'Untitled goal'}`;
}

export const accessLabel = (access: string) => (access === 'comment' ? 'Read and comment' : 'Read');

/** When something happened, on the reader's clock (one format for the app: lib/dates). */
export const when = formatDateTime;

/** The learner's side (their plan's shares and who read them) and the grantee's (what is shared with me). */
export const sharingKeys = {
  all: ['sharing'] as const,
  grants: (planId: string) => [...sharingKeys.all, 'grants', planId] as const,
  accessLog: (planId: string) => [...sharingKeys.all, 'access-log', planId] as const,
  withMe: (orgId: string) => [...sharingKeys.all, 'with-me', orgId] as const,
  sharedPlan: (planId: string) => [...sharingKeys.all, 'shared-plan', planId] as const,
};

const grantsUrl = (planId: string) => `/api/plans/${planId}/grants`;

export function useGrants(planId: string) {
  return useQuery({
    queryKey: sharingKeys.grants(planId),
    queryFn: () => api<GrantList>('GET', grantsUrl(planId)),
  });
}

export function useShareWith(planId: string, onShared: (grant: GrantView) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateGrantBody) => api<GrantView>('POST', grantsUrl(planId), body),
    onSuccess: (grant) => {
      onShared(grant);
      qc.invalidateQueries({ queryKey: sharingKeys.grants(planId) });
    },
  });
}

export function useRevokeGrant(planId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (grantId: string) => api<GrantView>('DELETE', `${grantsUrl(planId)}/${grantId}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: sharingKeys.grants(planId) }),
  });
}

/** Every read of what the learner shared, newest first, 25 at a time. */
export function useAccessLog(planId: string) {
  return useInfiniteQuery({
    queryKey: sharingKeys.accessLog(planId),
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: '25' });
      if (pageParam) params.set('cursor', pageParam);
      return api<AccessLogPage>('GET', `/api/plans/${planId}/access-log?${params}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useSharedWithMe(orgId: string) {
  return useQuery({
    queryKey: sharingKeys.withMe(orgId),
    queryFn: () => api<SharedWithMeList>('GET', `/api/shared-with-me?orgId=${encodeURIComponent(orgId)}`),
    // Shares come and go by someone else's hand: ask again on every visit.
    refetchOnMount: 'always',
  });
}

export function useSharedPlan(planId: string) {
  return useQuery({
    queryKey: sharingKeys.sharedPlan(planId),
    queryFn: () => api<SharedPlanView>('GET', `/api/shared/plans/${planId}`),
    // A revoked share must show at once: never answer from an old copy, never retry a 404.
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
}
