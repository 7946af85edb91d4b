import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  EnlistInput,
  EnlistmentLists,
  EnlistmentView,
  RespondInput,
} from '../../../features/enlistment/enlistment.schema';
import { api } from '../../lib/api';
import { planKeys } from '../plans/plan-api';
import { sharingKeys } from '../sharing/sharing-api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { EnlistmentView };

export const enlistmentKeys = {
  all: ['enlistments'] as const,
  ofOrg: (orgId: string) => [...enlistmentKeys.all, orgId] as const,
};

/** My requests in an organisation: asked of me (`incoming`) and sent by me (`outgoing`), newest first. */
export function useEnlistments(orgId: string) {
  return useQuery({
    queryKey: enlistmentKeys.ofOrg(orgId),
    queryFn: () => api<EnlistmentLists>('GET', `/api/enlistments?orgId=${encodeURIComponent(orgId)}`),
    // Requests are answered by someone else's hand: ask again on every visit.
    refetchOnMount: 'always',
  });
}

/**
 * After any step: the lists, the plan (its network entry's state and version moved) and what is shared with
 * me (an acceptance or an end changes it) are fetched again.
 */
function useAfterStep(orgId: string) {
  const qc = useQueryClient();
  return (request: EnlistmentView) => {
    void qc.invalidateQueries({ queryKey: enlistmentKeys.ofOrg(orgId) });
    void qc.invalidateQueries({ queryKey: planKeys.plan(request.planId) });
    void qc.invalidateQueries({ queryKey: sharingKeys.withMe(orgId) });
  };
}

/** "Would you mentor me?" from a network entry, with an optional message. */
export function useAskToMentor(orgId: string, planId: string, entryId: string) {
  return useMutation({
    mutationFn: (message: string) =>
      api<EnlistmentView>('POST', `/api/plans/${planId}/network/${entryId}/enlist`, { message } satisfies EnlistInput),
    onSuccess: useAfterStep(orgId),
  });
}

export type StepName = 'accept' | 'decline' | 'withdraw' | 'end';

/** Accept or decline (with an optional answer), withdraw, or end a request. */
export function useEnlistmentStep(orgId: string) {
  return useMutation({
    mutationFn: ({ id, step, response }: { id: string; step: StepName; response?: string }) =>
      api<EnlistmentView>(
        'POST',
        `/api/enlistments/${id}/${step}`,
        response === undefined ? undefined : ({ response } satisfies RespondInput),
      ),
    onSuccess: useAfterStep(orgId),
  });
}
