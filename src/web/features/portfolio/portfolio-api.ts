import { useQuery } from '@tanstack/react-query';
import type {
  CreatedPortfolioLink,
  PortfolioEvidence,
  PortfolioGoal,
  PortfolioLinkView,
  PortfolioView,
} from '../../../features/portfolio/portfolio.schema';
import { api } from '../../lib/api';

export type { CreatedPortfolioLink, PortfolioEvidence, PortfolioGoal, PortfolioLinkView, PortfolioView };

export const portfolioKey = (orgId: string) => ['portfolio', orgId] as const;
export const linksKey = (orgId: string) => ['portfolio-links', orgId] as const;

export function useMyPortfolio(orgId: string) {
  return useQuery({
    queryKey: portfolioKey(orgId),
    queryFn: () => api<PortfolioView>('GET', `/api/portfolio?orgId=${encodeURIComponent(orgId)}`),
    // Evidence is added on other pages: coming back here always shows the latest.
    staleTime: 0,
  });
}

export function useMyLinks(orgId: string) {
  return useQuery({
    queryKey: linksKey(orgId),
    queryFn: () =>
      api<{ links: PortfolioLinkView[] }>('GET', `/api/portfolio/links?orgId=${encodeURIComponent(orgId)}`),
  });
}

/** The portfolio behind a secret link; each load counts as an opening, so it is not refetched on focus. */
export function useSharedPortfolio(token: string) {
  return useQuery({
    queryKey: ['shared-portfolio', token],
    queryFn: () => api<PortfolioView>('GET', `/api/portfolio/shared/${encodeURIComponent(token)}`),
    refetchOnWindowFocus: false,
    retry: false,
  });
}

/** A calendar date (YYYY-MM-DD) as people read it, on its own day whatever the time zone. */
export const day = (iso: string) => new Date(`${iso}T12:00:00`).toLocaleDateString(undefined, { dateStyle: 'medium' });
/** The day an instant falls on, on this browser's calendar. */
export const dateOf = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });
export const moment = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

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
