import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CheckinCadence } from '../../../features/checkins/checkin-schedule';
import type { CheckinsOfPlanView, CheckinView, CreateCheckinInput } from '../../../features/checkins/checkins.schema';
import { api } from '../../lib/api';
import { formatDay } from '../../lib/dates';
import { planKeys } from '../plans/plan-api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { CheckinCadence, CheckinsOfPlanView, CheckinView, CreateCheckinInput };

/** Every plan's check-ins hang under `all`: a change of cadence or time zone moves every due date. */
export const checkinKeys = {
  all: ['checkins'] as const,
  ofPlan: (planId: string) => [...checkinKeys.all, planId] as const,
};

export const cadenceLabels: Record<CheckinCadence, string> = {
  none: 'No regular check-ins',
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
};

/** A plan's check-ins with the cadence, the next due date and the questions. */
export const checkinsQuery = (planId: string) =>
  queryOptions({
    queryKey: checkinKeys.ofPlan(planId),
    queryFn: () => api<CheckinsOfPlanView>('GET', `/api/plans/${planId}/checkins`),
  });

export function useCheckins(planId: string) {
  return useQuery(checkinsQuery(planId));
}

/** Records a check-in; the goals it moved are read again with the plan before the form clears. */
export function useCreateCheckin(planId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCheckinInput) => api<CheckinView>('POST', `/api/plans/${planId}/checkins`, body),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: checkinKeys.ofPlan(planId) }),
        qc.invalidateQueries({ queryKey: planKeys.plan(planId) }),
      ]),
  });
}

export function useDeleteCheckin(planId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (checkinId: string) => api('DELETE', `/api/plans/${planId}/checkins/${checkinId}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: checkinKeys.ofPlan(planId) }),
  });
}

/** A calendar date (YYYY-MM-DD) as people read it, e.g. "7 Feb 2027", without time-zone drift. */
export const dayLabel = formatDay;

/** When the next check-in is due, in words, and whether it is due now. */
export function dueSummary(view: Pick<CheckinsOfPlanView, 'dueOn' | 'today' | 'cadence'>) {
  if (!view.dueOn) return { due: false, text: 'You have not chosen a rhythm for check-ins yet.' };
  if (view.dueOn < view.today) return { due: true, text: `Your check-in was due on ${dayLabel(view.dueOn)}.` };
  if (view.dueOn === view.today) return { due: true, text: 'A check-in is due today.' };
  return { due: false, text: `Your next check-in is due on ${dayLabel(view.dueOn)}.` };
}
