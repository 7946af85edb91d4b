import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CohortFeedLinkStatus, CohortFeedLinkView } from '../../../features/cohort-feeds/cohort-feeds.schema';
import { api } from '../../lib/api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { CohortFeedLinkStatus, CohortFeedLinkView };

export const cohortFeedKeys = {
  all: ['cohort-feeds'] as const,
  link: (cohortId: string) => [...cohortFeedKeys.all, 'link', cohortId] as const,
};

/** Whether the person has a link to the cohort's feeds (the link itself is shown once, when made). */
export const useCohortFeedLink = (cohortId: string) =>
  useQuery({
    queryKey: cohortFeedKeys.link(cohortId),
    queryFn: () => api<CohortFeedLinkStatus>('GET', `/api/cohorts/${cohortId}/feed-link`),
  });

/** Making a link (the old one stops working) and turning it off; both read whether there is one again. */
export function useCohortFeedLinkActions(
  cohortId: string,
  on: { made: (link: CohortFeedLinkView) => void; turnedOff: () => void },
) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: cohortFeedKeys.link(cohortId) });
  return {
    make: useMutation({
      mutationFn: () => api<CohortFeedLinkView>('POST', `/api/cohorts/${cohortId}/feed-link`),
      onSuccess: on.made,
      onSettled: refresh,
    }),
    turnOff: useMutation({
      mutationFn: () => api<null>('DELETE', `/api/cohorts/${cohortId}/feed-link`),
      onSuccess: on.turnedOff,
      onSettled: refresh,
    }),
  };
}
