import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateEvidenceBody, EvidenceList, EvidenceView } from '../../../features/evidence/evidence.schema';
import type { GoalTimelineView, TimelineItem } from '../../../features/timeline/timeline.schema';
import { api, upload } from '../../lib/api';
import { formatDay } from '../../lib/dates';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { CreateEvidenceBody, EvidenceView, TimelineItem };

/** A goal's evidence and its timeline (which shows the evidence too) sit under the goal: one refresh for both. */
export const evidenceKeys = {
  all: ['evidence'] as const,
  goal: (goalId: string) => [...evidenceKeys.all, goalId] as const,
  list: (goalId: string) => [...evidenceKeys.goal(goalId), 'list'] as const,
  timeline: (goalId: string) => [...evidenceKeys.goal(goalId), 'timeline'] as const,
};

const goalUrl = (planId: string, goalId: string) => `/api/plans/${planId}/goals/${goalId}`;
const evidenceUrl = (planId: string, goalId: string) => `${goalUrl(planId, goalId)}/evidence`;

export function useEvidence(planId: string, goalId: string) {
  return useQuery({
    queryKey: evidenceKeys.list(goalId),
    queryFn: () => api<EvidenceList>('GET', evidenceUrl(planId, goalId)),
  });
}

export function useTimeline(planId: string, goalId: string) {
  return useQuery({
    queryKey: evidenceKeys.timeline(goalId),
    queryFn: () => api<GoalTimelineView>('GET', `${goalUrl(planId, goalId)}/timeline`),
  });
}

/** After evidence changes, the list and the timeline both show it. */
function useRefreshGoal(goalId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: evidenceKeys.goal(goalId) });
}

/** A note or a link as JSON, or a file with its fields as multipart form data (fields first, then the file). */
export type NewEvidence = CreateEvidenceBody | { file: FormData };

export function useAddEvidence(planId: string, goalId: string, onAdded: (evidence: EvidenceView) => void) {
  const refresh = useRefreshGoal(goalId);
  return useMutation({
    mutationFn: (evidence: NewEvidence) =>
      'file' in evidence
        ? upload<EvidenceView>(`${evidenceUrl(planId, goalId)}/files`, evidence.file)
        : api<EvidenceView>('POST', evidenceUrl(planId, goalId), evidence),
    onSuccess: (evidence) => {
      onAdded(evidence);
      void refresh();
    },
  });
}

export function useRemoveEvidence(evidence: EvidenceView) {
  const refresh = useRefreshGoal(evidence.goalId);
  return useMutation({
    mutationFn: () => api('DELETE', `/api/plans/${evidence.planId}/evidence/${evidence.id}`),
    onSuccess: refresh,
  });
}

/** "2.4 MB", "820 KB": sizes as people read them. */
export function fileSize(bytes: number) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export const day = formatDay;
