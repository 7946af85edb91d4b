import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AskRecognitionBody,
  DeclineRecognitionBody,
  RecognitionList,
  RecognitionView,
  RequestableList,
} from '../../../features/badges/recognition.schema';
import { api } from '../../lib/api';
import { badgeKeys } from './badges-api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { RecognitionView };

/** Requests for recognition hang under the badges' keys: approving one changes the learner's badges too. */
export const recognitionKeys = {
  all: [...badgeKeys.all, 'recognition'] as const,
  requestable: (orgId: string) => [...recognitionKeys.all, 'requestable', orgId] as const,
  mine: (orgId: string) => [...recognitionKeys.all, 'mine', orgId] as const,
  toDecide: (orgId: string) => [...recognitionKeys.all, 'to-decide', orgId] as const,
};

const org = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;

export const useRequestableAchievements = (orgId: string) =>
  useQuery({
    queryKey: recognitionKeys.requestable(orgId),
    queryFn: () => api<RequestableList>('GET', `${org(orgId)}/recognition/achievements`),
  });

export const useMyRequests = (orgId: string) =>
  useQuery({
    queryKey: recognitionKeys.mine(orgId),
    queryFn: () => api<RecognitionList>('GET', `${org(orgId)}/recognition-requests/mine`),
  });

export const useRequestsToDecide = (orgId: string) =>
  useQuery({
    queryKey: recognitionKeys.toDecide(orgId),
    queryFn: () => api<RecognitionList>('GET', `${org(orgId)}/recognition-requests/to-decide`),
  });

export function useAskForRecognition(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ planId, goalId, ...body }: AskRecognitionBody & { planId: string; goalId: string }) =>
      api<RecognitionView>('POST', `/api/plans/${planId}/goals/${goalId}/recognition-requests`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: recognitionKeys.mine(orgId) }),
  });
}

/** Approving or declining: the list to decide, and any badges shown, are read again. */
export function useDecideRequest() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: badgeKeys.all });
  return {
    approve: useMutation({
      mutationFn: (requestId: string) => api<RecognitionView>('POST', `/api/recognition-requests/${requestId}/approve`),
      onSuccess: refresh,
    }),
    decline: useMutation({
      mutationFn: ({ requestId, ...body }: DeclineRecognitionBody & { requestId: string }) =>
        api<RecognitionView>('POST', `/api/recognition-requests/${requestId}/decline`, body),
      onSuccess: refresh,
    }),
  };
}
