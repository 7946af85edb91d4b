import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreatedPortfolioLink,
  CreatePortfolioLinkBody,
  PortfolioBadge,
  PortfolioEvidence,
  PortfolioGoal,
  PortfolioLinkList,
  PortfolioLinkView,
  PortfolioView,
} from '../../../features/portfolio/portfolio.schema';
import { api } from '../../lib/api';
import { formatDateOf, formatDateTime, formatDay } from '../../lib/dates';

// Types only: the server's Zod schemas are the single source of these shapes.
export type {
  CreatedPortfolioLink,
  PortfolioBadge,
  PortfolioEvidence,
  PortfolioGoal,
  PortfolioLinkView,
  PortfolioView,
};

export const portfolioKeys = {
  all: ['portfolio'] as const,
  mine: (orgId: string) => [...portfolioKeys.all, 'mine', orgId] as const,
  links: (orgId: string) => [...portfolioKeys.all, 'links', orgId] as const,
  /** What a secret link shows, for whoever holds it (no sign-in). */
  shared: (token: string) => [...portfolioKeys.all, 'shared', token] as const,
};

export function useMyPortfolio(orgId: string) {
  return useQuery({
    queryKey: portfolioKeys.mine(orgId),
    queryFn: () => api<PortfolioView>('GET', `/api/portfolio?orgId=${encodeURIComponent(orgId)}`),
    // Evidence is added on other pages: coming back here always shows the latest.
    staleTime: 0,
  });
}

export function useMyLinks(orgId: string) {
  return useQuery({
    queryKey: portfolioKeys.links(orgId),
    queryFn: () => api<PortfolioLinkList>('GET', `/api/portfolio/links?orgId=${encodeURIComponent(orgId)}`),
  });
}

/** Makes a secret link; the answer carries its address, shown this once (the server keeps only a fingerprint). */
export function useMakeLink(orgId: string, onMade: (link: CreatedPortfolioLink) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<CreatePortfolioLinkBody, 'organizationId'>) =>
      api<CreatedPortfolioLink>('POST', '/api/portfolio/links', {
        organizationId: orgId,
        ...body,
      } satisfies CreatePortfolioLinkBody),
    onSuccess: (link) => {
      onMade(link);
      void qc.invalidateQueries({ queryKey: portfolioKeys.links(orgId) });
    },
  });
}

export function useRevokeLink(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) => api('DELETE', `/api/portfolio/links/${linkId}`),
    onSettled: () => qc.invalidateQueries({ queryKey: portfolioKeys.links(orgId) }),
  });
}

/** Whether a link shows the learner's badges: they may choose again at any time. */
export function useLinkBadges(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ linkId, showBadges }: { linkId: string; showBadges: boolean }) =>
      api<PortfolioLinkView>('PATCH', `/api/portfolio/links/${linkId}`, { showBadges }),
    onSettled: () => qc.invalidateQueries({ queryKey: portfolioKeys.links(orgId) }),
  });
}

/** The portfolio behind a secret link; each load counts as an opening, so it is not refetched on focus. */
export function useSharedPortfolio(token: string) {
  return useQuery({
    queryKey: portfolioKeys.shared(token),
    queryFn: () => api<PortfolioView>('GET', `/api/portfolio/shared/${encodeURIComponent(token)}`),
    refetchOnWindowFocus: false,
    retry: false,
  });
}

/** A calendar date (YYYY-MM-DD) as people read it, on its own day whatever the time zone. */
export const day = formatDay;
/** The day an instant falls on, on this browser's calendar. */
export const dateOf = formatDateOf;
export const moment = formatDateTime;

export function fileSize(bytes: number) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/**
 * The instant a link chosen to work "until" a day stops: the start of the next day on this browser's clock,
 * which is the learner's own day as they see it.
 */
export function endOfLocalDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + 1).toISOString();
}
