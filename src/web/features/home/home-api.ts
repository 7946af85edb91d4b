import { queryOptions, useQuery } from '@tanstack/react-query';
import type { HomeView, NextStepKind } from '../../../features/home/home.schema';
import { api } from '../../lib/api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { HomeView, NextStepKind };

export const homeKeys = {
  all: ['home'] as const,
  of: (orgId: string) => [...homeKeys.all, orgId] as const,
};

/**
 * What is next for the signed-in person in an organisation. Never fresh for long: it gathers what other pages
 * change (a check-in, a share, a review signed), so coming back home reads it again rather than showing the
 * answer from before.
 */
export const homeQuery = (orgId: string) =>
  queryOptions({
    queryKey: homeKeys.of(orgId),
    queryFn: () => api<HomeView>('GET', `/api/orgs/${orgId}/home`),
    staleTime: 0,
  });

export function useHome(orgId: string) {
  return useQuery(homeQuery(orgId));
}
