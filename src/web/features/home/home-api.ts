import { queryOptions, useQuery } from '@tanstack/react-query';
import type { HomeView, NextStepKind, PlanNextStepsView } from '../../../features/home/home.schema';
import { api } from '../../lib/api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { HomeView, NextStepKind };

export const homeKeys = {
  all: ['home'] as const,
  of: (orgId: string) => [...homeKeys.all, orgId] as const,
};

/**
 * What is next for the signed-in person in an organisation. Fresh as long as any read (query-client.ts): the
 * route loader's read (started early by landing.ts) is what the page first shows, not asked for again on
 * mounting; coming back home later reads it again, as it gathers what other pages change.
 */
export const homeQuery = (orgId: string) =>
  queryOptions({ queryKey: homeKeys.of(orgId), queryFn: () => api<HomeView>('GET', `/api/orgs/${orgId}/home`) });

export function useHome(orgId: string) {
  return useQuery(homeQuery(orgId));
}

/**
 * A plan's steps after the guide, as home gives them (a plan's overview, home/guide-done.tsx): read by the
 * overview's loader instead of the whole of home, which took the longest of the page's first reads. Kept under
 * home's key, so what refreshes home refreshes it.
 */
export const planNextStepsQuery = (planId: string) =>
  queryOptions({
    queryKey: [...homeKeys.all, 'plan', planId] as const,
    queryFn: () => api<PlanNextStepsView>('GET', `/api/plans/${planId}/next-steps`),
  });

export function usePlanNextSteps(planId: string) {
  return useQuery(planNextStepsQuery(planId));
}
