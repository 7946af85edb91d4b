import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GuideView, UpdateGuideBody } from '../../../features/guides/guides.schema';
import { api } from '../../lib/api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { GuideView, UpdateGuideBody };

export const guideKeys = {
  all: ['guides'] as const,
  ofOrg: (orgId: string) => [...guideKeys.all, orgId] as const,
};

const guideUrl = (orgId: string) => `/api/guides/${orgId}`;

/** The organisation's guide: its own prompts where L&D adapted them, the built-in ones otherwise. */
export function useGuide(orgId: string) {
  return useQuery({ queryKey: guideKeys.ofOrg(orgId), queryFn: () => api<GuideView>('GET', guideUrl(orgId)) });
}

/** Saving the adapted guide, or going back to the built-in one; either answer replaces the cached guide. */
export function useGuideActions(orgId: string, onSaved: () => void) {
  const qc = useQueryClient();
  const onSuccess = (guide: GuideView) => {
    qc.setQueryData(guideKeys.ofOrg(orgId), guide);
    onSaved();
  };
  return {
    save: useMutation({
      mutationFn: (body: UpdateGuideBody) => api<GuideView>('PUT', guideUrl(orgId), body),
      onSuccess,
    }),
    reset: useMutation({ mutationFn: () => api<GuideView>('DELETE', guideUrl(orgId)), onSuccess }),
  };
}
