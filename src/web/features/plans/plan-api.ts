import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { GuideView } from '../../../features/guides/guides.schema';
import type { PartKind } from '../../../features/plans/plan-parts';
import type {
  GoalView,
  NetworkView,
  PlanSummary,
  PlanView,
  ReflectionView,
  ShareView,
} from '../../../features/plans/plans.schema';
import { api } from '../../lib/api';

// Types only: the server's Zod schemas are the single source of these shapes, and nothing of them is bundled.
export type { GoalView, GuideView, NetworkView, PartKind, PlanSummary, PlanView, ReflectionView, ShareView };

export type ItemView = ReflectionView | GoalView | NetworkView | ShareView;
export const partPath = { reflection: 'reflections', goal: 'goals', network: 'network', share: 'shares' } as const;
export const listKey = { reflection: 'reflections', goal: 'goals', network: 'network', share: 'shares' } as const;

export const planKey = (planId: string) => ['plan', planId] as const;

export function usePlan(planId: string) {
  return useQuery({ queryKey: planKey(planId), queryFn: () => api<PlanView>('GET', `/api/plans/${planId}`) });
}

export function usePlanList(orgId: string) {
  return useQuery({
    queryKey: ['plans', orgId],
    queryFn: () => api<{ plans: PlanSummary[] }>('GET', `/api/plans?orgId=${encodeURIComponent(orgId)}`),
  });
}

export function useGuide(orgId: string) {
  return useQuery({ queryKey: ['guide', orgId], queryFn: () => api<GuideView>('GET', `/api/guides/${orgId}`) });
}

/** Keeps the cached plan in step with an item the server just answered with (saved, created or removed). */
export function usePlanCache(planId: string) {
  const qc = useQueryClient();
  return {
    put(kind: PartKind, item: ItemView) {
      qc.setQueryData<PlanView>(planKey(planId), (plan) => {
        if (!plan) return plan;
        const list = plan[listKey[kind]] as ItemView[];
        const next = list.some((i) => i.id === item.id)
          ? list.map((i) => (i.id === item.id ? item : i))
          : [...list, item];
        return { ...plan, [listKey[kind]]: next };
      });
    },
    remove(kind: PartKind, id: string) {
      qc.setQueryData<PlanView>(planKey(planId), (plan) =>
        plan ? { ...plan, [listKey[kind]]: (plan[listKey[kind]] as ItemView[]).filter((i) => i.id !== id) } : plan,
      );
    },
    /** After changes that touch several items (a removal unlinks others, a restore): ask the server again. */
    refresh: () => qc.invalidateQueries({ queryKey: planKey(planId) }),
    set: (plan: PlanView) => qc.setQueryData(planKey(planId), plan),
  };
}
