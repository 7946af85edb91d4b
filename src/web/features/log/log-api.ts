import { useQuery } from '@tanstack/react-query';
import type { LogEntryView } from '../../../features/log/log.schema';
import { api } from '../../lib/api';

export type { LogEntryView };
export interface MyGoal {
  id: string;
  what: string;
  status: string;
  planId: string;
  cycle: string;
  shares: { id: string; how: string; audience: string; cadence: string }[];
}

export function useMyGoals(orgId: string) {
  return useQuery({
    queryKey: ['my-goals', orgId],
    queryFn: () => api<{ goals: MyGoal[] }>('GET', `/api/goals?orgId=${encodeURIComponent(orgId)}`),
  });
}

export const goalOptions = (goals: MyGoal[] | undefined): [string, string][] => [
  ['', 'No goal'],
  ...(goals ?? []).map((g): [string, string] => [g.id, `${g.what || 'Untitled goal'} (${g.cycle})`]),
];
