import { useQuery } from '@tanstack/react-query';
import type { GoalMatches } from '../../../features/mentoring/mentoring.schema';
import { api } from '../../lib/api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { GoalMatches };

export const mentoringKeys = {
  all: ['mentoring'] as const,
  matches: (goalId: string) => [...mentoringKeys.all, 'matches', goalId] as const,
};

/** Mentors and peers who could help with a goal, each with the reasons in words. */
export function useGoalMatches(planId: string, goalId: string) {
  return useQuery({
    queryKey: mentoringKeys.matches(goalId),
    queryFn: () => api<GoalMatches>('GET', `/api/plans/${planId}/goals/${goalId}/matches`),
  });
}
