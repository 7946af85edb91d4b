import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { reviewKindLabels } from '../../../features/plans/labels';
import type {
  ChangesSince,
  InboxItem,
  ReviewSide,
  ReviewView,
  SignResult,
} from '../../../features/reviews/reviews.schema';
import { ApiError, api } from '../../lib/api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { ChangesSince, InboxItem, ReviewSide, ReviewView, SignResult };

export const kindLabel = (kind: ReviewView['kind']) => reviewKindLabels[kind];
export const stateLabels: Record<ReviewView['state'], string> = {
  requested: 'Waiting for signatures',
  agreed: 'Agreed',
  withdrawn: 'Withdrawn',
};
export const sideLabels: Record<ReviewSide, string> = { learner: 'Learner', supervisor: 'Supervisor' };

export const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

export interface PlanReviews {
  reviews: ReviewView[];
  changedSinceAgreement: ChangesSince | null;
  changedSinceClosing: ChangesSince | null;
}

export const planReviewsKey = (planId: string) => ['plan-reviews', planId];
export const reviewKey = (reviewId: string) => ['review', reviewId];

export function usePlanReviews(planId: string) {
  return useQuery({
    queryKey: planReviewsKey(planId),
    queryFn: () => api<PlanReviews>('GET', `/api/plans/${planId}/reviews`),
    // The other side signs and writes in their own browser: ask again on every visit.
    refetchOnMount: 'always',
  });
}

export function useReview(reviewId: string) {
  return useQuery({
    queryKey: reviewKey(reviewId),
    queryFn: () => api<ReviewView>('GET', `/api/reviews/${reviewId}`),
    refetchOnMount: 'always',
    retry: false,
  });
}

export function useReviewInbox(orgId: string | undefined) {
  return useQuery({
    queryKey: ['review-inbox', orgId],
    queryFn: () => api<{ reviews: InboxItem[] }>('GET', `/api/reviews?orgId=${encodeURIComponent(orgId ?? '')}`),
    enabled: Boolean(orgId),
  });
}

/**
 * Note edits, signatures and withdrawal of one review. Each answer is the review as it is now: it replaces
 * the cached copy, and the plan's list of reviews (and the plan, which a year-end agreement closes) is asked
 * for again.
 */
export function useReviewActions(review: ReviewView) {
  const qc = useQueryClient();
  const settle = (fresh: ReviewView) => {
    qc.setQueryData(reviewKey(review.id), fresh);
    void qc.invalidateQueries({ queryKey: planReviewsKey(review.planId) });
    void qc.invalidateQueries({ queryKey: ['review-inbox'] });
    if (fresh.state === 'agreed') void qc.invalidateQueries({ queryKey: ['plan', review.planId] });
  };
  // A 409 carries the review as it is now: show that, with the message saying why nothing was done.
  const onError = (e: unknown) => {
    const current = e instanceof ApiError && e.status === 409 ? (e.body.current as ReviewView | undefined) : undefined;
    if (current) settle(current);
  };
  const base = `/api/reviews/${review.id}`;
  return {
    saveNote: useMutation({
      mutationFn: (text: string) =>
        api<ReviewView>('PATCH', base, {
          [review.you === 'learner' ? 'learnerNote' : 'supervisorNote']: text,
          version: review.version,
        }),
      onSuccess: settle,
      onError,
    }),
    sign: useMutation({
      mutationFn: () => api<SignResult>('POST', `${base}/sign`, { version: review.version }),
      onSuccess: settle,
      onError,
    }),
    withdraw: useMutation({
      mutationFn: () => api<ReviewView>('POST', `${base}/withdraw`),
      onSuccess: settle,
      onError,
    }),
  };
}
