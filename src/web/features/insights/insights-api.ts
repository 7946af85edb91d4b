import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  actionInvite,
  actionView,
  createActionBody,
  DashboardQuery,
  DashboardView,
  figureNames,
  recountView,
  settingsView,
  suggestionList,
  topicView,
} from '../../../features/insights/insights.schema';
import { api } from '../../lib/api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { DashboardView };
export type InsightFilters = DashboardQuery;
export type Figure = (typeof figureNames)[number];
export type InsightSettings = z.infer<typeof settingsView>;
export type InsightRecount = z.infer<typeof recountView>;
export type OrgTopic = z.infer<typeof topicView>;
export type TopicSuggestion = z.infer<typeof suggestionList>['suggestions'][number];
export type InsightAction = z.infer<typeof actionView>;
export type ActionInvite = z.infer<typeof actionInvite>;
export type ActionInput = z.input<typeof createActionBody>;
export type ActionKind = InsightAction['kind'];

/** Everything insights keeps in the query cache sits under this key, so one invalidation refreshes it all. */
export const insightsKey = (orgId: string) => ['insights', orgId] as const;

/** The filters as query parameters: only those set, in a stable order (they are part of the page's address). */
export function filterParams(filters: InsightFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of ['from', 'to', 'department', 'team'] as const) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  return params;
}

const dashboardKey = (orgId: string) => [...insightsKey(orgId), 'dashboard'] as const;

export function useDashboard(orgId: string, filters: InsightFilters) {
  const query = filterParams(filters).toString();
  return useQuery({
    queryKey: [...dashboardKey(orgId), query],
    queryFn: () => api<DashboardView>('GET', `/api/orgs/${orgId}/insights${query ? `?${query}` : ''}`),
  });
}

/** "Show figures" asks for them afresh, even for a view seen a moment ago: learners may have changed since. */
export function useShowFigures(orgId: string, show: (filters: InsightFilters) => void) {
  const qc = useQueryClient();
  return (filters: InsightFilters) => {
    show(filters);
    return qc.invalidateQueries({ queryKey: dashboardKey(orgId) });
  };
}

/** Where one figure's CSV comes from, with the same filters as the figures on screen. */
export function csvHref(orgId: string, figure: Figure, filters: InsightFilters): string {
  const params = filterParams(filters);
  params.set('figure', figure);
  return `/api/orgs/${orgId}/insights/csv?${params}`;
}

/** `enabled` waits for the first dashboard: asking for figures counts them, and then the settings say when. */
/** The settings; `pollEvery` (ms) reads them again while a queued count is awaited. */
export function useInsightSettings(orgId: string, enabled = true, pollEvery: number | false = false) {
  return useQuery({
    queryKey: [...insightsKey(orgId), 'settings'],
    queryFn: () => api<InsightSettings>('GET', `/api/orgs/${orgId}/insights/settings`),
    enabled,
    refetchInterval: pollEvery,
  });
}

/** A write that changes what the figures say: everything of insights is read again after it. */
function useInsightsWrite<I, O>(orgId: string, write: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSettled: () => qc.invalidateQueries({ queryKey: insightsKey(orgId) }),
  });
}

export const useRefreshInsights = (orgId: string) =>
  useInsightsWrite(orgId, () => api<InsightRecount>('POST', `/api/orgs/${orgId}/insights/refresh`));

export const useRaiseK = (orgId: string) =>
  useInsightsWrite(orgId, (body: { k: number; version?: number }) =>
    api<InsightSettings>('PATCH', `/api/orgs/${orgId}/insights/settings`, body),
  );

export function useTopics(orgId: string) {
  return useQuery({
    queryKey: [...insightsKey(orgId), 'topics'],
    queryFn: () => api<{ topics: OrgTopic[] }>('GET', `/api/orgs/${orgId}/insights/topics`),
  });
}

export function useTopicSuggestions(orgId: string) {
  return useQuery({
    queryKey: [...insightsKey(orgId), 'suggestions'],
    queryFn: () => api<{ suggestions: TopicSuggestion[] }>('GET', `/api/orgs/${orgId}/insights/topic-suggestions`),
  });
}

type TopicInput = { name: string; synonyms: string[]; version?: number };

export const useSaveTopic = (orgId: string, topicId?: string) =>
  useInsightsWrite(orgId, (body: TopicInput) =>
    topicId
      ? api<OrgTopic>('PATCH', `/api/orgs/${orgId}/insights/topics/${topicId}`, body)
      : api<OrgTopic>('POST', `/api/orgs/${orgId}/insights/topics`, body),
  );

export const useDeleteTopic = (orgId: string) =>
  useInsightsWrite(orgId, (topicId: string) => api('DELETE', `/api/orgs/${orgId}/insights/topics/${topicId}`));

export const useAnswerSuggestion = (orgId: string) =>
  useInsightsWrite(orgId, ({ answer, ...pair }: { answer: 'merge' | 'dismiss'; phrase: string; target: string }) =>
    api('POST', `/api/orgs/${orgId}/insights/topic-suggestions/${answer}`, pair),
  );

export function useInsightActions(orgId: string) {
  return useQuery({
    queryKey: [...insightsKey(orgId), 'actions'],
    queryFn: () => api<{ actions: InsightAction[] }>('GET', `/api/orgs/${orgId}/insights/actions`),
  });
}

export const useCreateAction = (orgId: string) =>
  useInsightsWrite(orgId, (body: ActionInput) =>
    api<InsightAction>('POST', `/api/orgs/${orgId}/insights/actions`, body),
  );

export function useActionInvite(actionId: string) {
  return useQuery({
    queryKey: ['insight-action', actionId],
    queryFn: () => api<ActionInvite>('GET', `/api/insight-actions/${actionId}`),
  });
}

export function useRespondToAction(actionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<ActionInvite>('POST', `/api/insight-actions/${actionId}/respond`),
    onSuccess: (invite) => qc.setQueryData(['insight-action', actionId], invite),
  });
}

export type Consent = { consent: boolean; decidedAt: string | null };
const consentKey = (orgId: string, memberId: string) => ['insights-consent', orgId, memberId] as const;

export function useConsent(orgId: string, memberId: string) {
  return useQuery({
    queryKey: consentKey(orgId, memberId),
    queryFn: () => api<Consent>('GET', `/api/orgs/${orgId}/members/${memberId}/insights-consent`),
  });
}

export function useSetConsent(orgId: string, memberId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (consent: boolean) =>
      api<Consent>('PUT', `/api/orgs/${orgId}/members/${memberId}/insights-consent`, { consent }),
    onSuccess: (saved) => qc.setQueryData(consentKey(orgId, memberId), saved),
  });
}
