import { useQuery } from '@tanstack/react-query';
import type { MemberView } from '../../../features/members/members.schema';
import type {
  AccessLogEntry,
  GrantView,
  SharedPlanView,
  SharedWithMeItem,
} from '../../../features/sharing/sharing.schema';
import { api } from '../../lib/api';

export type { AccessLogEntry, GrantView, SharedPlanView, SharedWithMeItem };

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

export const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const grantsKey = (planId: string) => ['plan-grants', planId];

export function useGrants(planId: string) {
  return useQuery({
    queryKey: grantsKey(planId),
    queryFn: () => api<{ grants: GrantView[] }>('GET', `/api/plans/${planId}/grants`),
  });
}

export function useMembers(orgId: string) {
  return useQuery({
    queryKey: ['members', orgId, 'all'],
    queryFn: () => api<{ members: MemberView[] }>('GET', `/api/orgs/${orgId}/members?limit=500`),
  });
}

export function useSharedWithMe(orgId: string) {
  return useQuery({
    queryKey: ['shared-with-me', orgId],
    queryFn: () => api<{ items: SharedWithMeItem[] }>('GET', `/api/shared-with-me?orgId=${encodeURIComponent(orgId)}`),
    // Shares come and go by someone else's hand: ask again on every visit.
    refetchOnMount: 'always',
  });
}

export function useSharedPlan(planId: string) {
  return useQuery({
    queryKey: ['shared-plan', planId],
    queryFn: () => api<SharedPlanView>('GET', `/api/shared/plans/${planId}`),
    // A revoked share must show at once: never answer from an old copy, never retry a 404.
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
}
