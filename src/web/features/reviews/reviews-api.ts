import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { reviewKindLabels } from '../../../features/plans/labels';
import type {
  ChangesSince,
  Inbox,
  InboxItem,
  PlanReviews,
  RequestReviewBody,
  ReviewSide,
  ReviewView,
  SignResult,
  SignReviewBody,
  UpdateReviewBody,
} from '../../../features/reviews/reviews.schema';
import { ApiError, api } from '../../lib/api';
import { formatDateOf, formatDateTime } from '../../lib/dates';
import { planKeys } from '../plans/plan-api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { ChangesSince, InboxItem, RequestReviewBody, ReviewSide, ReviewView, SignResult };

export const kindLabel = (kind: ReviewView['kind']) => reviewKindLabels[kind];
export const stateLabels: Record<ReviewView['state'], string> = {
  requested: 'Waiting for signatures',
  agreed: 'Agreed',
  withdrawn: 'Withdrawn',
};
export const sideLabels: Record<ReviewSide, string> = { learner: 'Learner', supervisor: 'Supervisor' };

/** When something happened, and the day it happened, on the reader's clock (one format: lib/dates). */
export const when = formatDateTime;
export const day = formatDateOf;

/** A plan's reviews (the learner's side), one review, and the supervisors' inboxes (under `inboxes`). */
export const reviewKeys = {
  all: ['reviews'] as const,
  ofPlan: (planId: string) => [...reviewKeys.all, 'plan', planId] as const,
  one: (reviewId: string) => [...reviewKeys.all, 'one', reviewId] as const,
  inboxes: ['reviews', 'inbox'] as const,
  inbox: (orgId: string | undefined) => [...reviewKeys.inboxes, orgId] as const,
};

/** A plan's reviews: above every page of the plan, so read with the plan when it opens (the route's loader). */
export const planReviewsQuery = (planId: string) =>
  queryOptions({
    queryKey: reviewKeys.ofPlan(planId),
    queryFn: () => api<PlanReviews>('GET', `/api/plans/${planId}/reviews`),
    // The other side signs and writes in their own browser: ask again on every visit, unless the answer is
    // from this very moment (the loader read it as the page opened).
    refetchOnMount: (query) => (Date.now() - query.state.dataUpdatedAt < 1_000 ? false : 'always'),
  });

export function usePlanReviews(planId: string) {
  return useQuery(planReviewsQuery(planId));
}

export function useReview(reviewId: string) {
  return useQuery({
    queryKey: reviewKeys.one(reviewId),
    queryFn: () => api<ReviewView>('GET', `/api/reviews/${reviewId}`),
    refetchOnMount: 'always',
    retry: false,
  });
}

export const reviewInboxQuery = (orgId: string | undefined) =>
  queryOptions({
    queryKey: reviewKeys.inbox(orgId),
    queryFn: () => api<Inbox>('GET', `/api/reviews?orgId=${encodeURIComponent(orgId ?? '')}`),
    enabled: Boolean(orgId),
  });

export function useReviewInbox(orgId: string | undefined) {
  return useQuery(reviewInboxQuery(orgId));
}

/** The learner asks their supervisor for a review; the plan's reviews are read again. */
export function useRequestReview(planId: string, onRequested: (review: ReviewView) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RequestReviewBody) => api<ReviewView>('POST', `/api/plans/${planId}/reviews`, body),
    onSuccess: (review) => {
      onRequested(review);
      void qc.invalidateQueries({ queryKey: reviewKeys.ofPlan(planId) });
    },
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
    qc.setQueryData(reviewKeys.one(review.id), fresh);
    void qc.invalidateQueries({ queryKey: reviewKeys.ofPlan(review.planId) });
    void qc.invalidateQueries({ queryKey: reviewKeys.inboxes });
    if (fresh.state === 'agreed') void qc.invalidateQueries({ queryKey: planKeys.plan(review.planId) });
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
        } satisfies UpdateReviewBody),
      onSuccess: settle,
      onError,
    }),
    sign: useMutation({
      mutationFn: () => api<SignResult>('POST', `${base}/sign`, { version: review.version } satisfies SignReviewBody),
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
