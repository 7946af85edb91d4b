import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NudgeResult, ProgressView, ThingState } from '../../../features/programme-progress/progress.schema';
import { api } from '../../lib/api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { NudgeResult, ProgressView, ThingState };

export interface ProgressFilter {
  filter: 'all' | 'behind';
  cohortId?: string;
}

/** A programme's progress pages hang under the programme: a nudge reads them all again. */
export const progressKeys = {
  all: ['programme-progress'] as const,
  programme: (programmeId: string) => [...progressKeys.all, programmeId] as const,
  page: (programmeId: string, f: ProgressFilter, cursor: string | undefined) =>
    [...progressKeys.programme(programmeId), f.filter, f.cohortId ?? '', cursor ?? ''] as const,
};

export const progressPath = (programmeId: string) => `/api/programmes/${programmeId}/progress`;

export const useProgress = (programmeId: string, f: ProgressFilter, cursor: string | undefined) =>
  useQuery({
    queryKey: progressKeys.page(programmeId, f, cursor),
    queryFn: () => {
      const q = new URLSearchParams({ filter: f.filter });
      if (f.cohortId) q.set('cohortId', f.cohortId);
      if (cursor) q.set('cursor', cursor);
      return api<ProgressView>('GET', `${progressPath(programmeId)}?${q}`);
    },
    placeholderData: (previous) => previous,
  });

/** Nudges the chosen members, or without them everyone behind (the server picks them); once a day each at most. */
export function useNudge(programmeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (memberIds?: string[]) =>
      api<NudgeResult>('POST', `/api/programmes/${programmeId}/nudges`, memberIds ? { memberIds } : {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: progressKeys.programme(programmeId) }),
  });
}
