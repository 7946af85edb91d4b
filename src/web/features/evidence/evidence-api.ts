import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { EvidenceView } from '../../../features/evidence/evidence.schema';
import type { TimelineItem } from '../../../features/timeline/timeline.schema';
import { api } from '../../lib/api';

export type { EvidenceView, TimelineItem };

const goalUrl = (planId: string, goalId: string) => `/api/plans/${planId}/goals/${goalId}`;
export const evidenceUrl = (planId: string, goalId: string) => `${goalUrl(planId, goalId)}/evidence`;
const evidenceKey = (goalId: string) => ['evidence', goalId] as const;
const timelineKey = (goalId: string) => ['timeline', goalId] as const;

export function useEvidence(planId: string, goalId: string) {
  return useQuery({
    queryKey: evidenceKey(goalId),
    queryFn: () => api<{ evidence: EvidenceView[] }>('GET', evidenceUrl(planId, goalId)),
  });
}

export function useTimeline(planId: string, goalId: string) {
  return useQuery({
    queryKey: timelineKey(goalId),
    queryFn: () => api<{ items: TimelineItem[] }>('GET', `${goalUrl(planId, goalId)}/timeline`),
  });
}

/** After evidence changes, the list and the timeline both show it. */
export function useRefreshGoal(goalId: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: evidenceKey(goalId) }),
      qc.invalidateQueries({ queryKey: timelineKey(goalId) }),
    ]);
}

/** "2.4 MB", "820 KB": sizes as people read them. */
export function fileSize(bytes: number) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export const day = (iso: string) => new Date(`${iso}T12:00:00`).toLocaleDateString(undefined, { dateStyle: 'medium' });
