import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type {
  ActionInvite,
  ActionList,
  ConsentBody,
  ConsentView,
  CreateActionBody,
  DashboardQuery,
  DashboardView,
  FigureName,
  InsightAction,
  InsightRecount,
  InsightSettings,
  OrgTopic,
  SettingsBody,
  SuggestionBody,
  SuggestionList,
  TopicBody,
  TopicList,
} from '../../../features/insights/insights.schema';
import { api } from '../../lib/api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { ActionInvite, DashboardView, InsightAction, InsightRecount, InsightSettings, OrgTopic };
export type InsightFilters = DashboardQuery;
export type Figure = FigureName;
export type TopicSuggestion = SuggestionList['suggestions'][number];
export type ActionInput = CreateActionBody;
export type ActionKind = InsightAction['kind'];
export type Consent = ConsentView;

/**
 * Everything an organisation's insights keep in the query cache sits under `org`, so one invalidation
 * refreshes it all. What a person told of an action sees, and each learner's own consent, stand apart.
 */
export const insightKeys = {
  all: ['insights'] as const,
  org: (orgId: string) => [...insightKeys.all, 'org', orgId] as const,
  dashboards: (orgId: string) => [...insightKeys.org(orgId), 'dashboard'] as const,
  dashboard: (orgId: string, query: string) => [...insightKeys.dashboards(orgId), query] as const,
  settings: (orgId: string) => [...insightKeys.org(orgId), 'settings'] as const,
  topics: (orgId: string) => [...insightKeys.org(orgId), 'topics'] as const,
  suggestions: (orgId: string) => [...insightKeys.org(orgId), 'suggestions'] as const,
  actions: (orgId: string) => [...insightKeys.org(orgId), 'actions'] as const,
  invite: (actionId: string) => [...insightKeys.all, 'invite', actionId] as const,
  consent: (orgId: string, memberId: string) => [...insightKeys.all, 'consent', orgId, memberId] as const,
};

/** The filters as query parameters: only those set, in a stable order (they are part of the page's address). */
export function filterParams(filters: InsightFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of ['from', 'to', 'department', 'team'] as const) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  return params;
}

export function dashboardQuery(orgId: string, filters: InsightFilters) {
  const query = filterParams(filters).toString();
  return queryOptions({
    queryKey: insightKeys.dashboard(orgId, query),
    queryFn: () => api<DashboardView>('GET', `/api/orgs/${orgId}/insights${query ? `?${query}` : ''}`),
  });
}

/** How long a refused view (too few learners) stands before mounting the page asks again: as for figures. */
const REFUSAL_STANDS_MS = 10_000;

export function useDashboard(orgId: string, filters: InsightFilters) {
  const qc = useQueryClient();
  const query = dashboardQuery(orgId, filters);
  // The route's loader asked a moment ago: a refusal (too few learners opted in) is not asked again on mounting.
  const refusedAt = qc.getQueryState(query.queryKey)?.errorUpdatedAt ?? 0;
  return useQuery({ ...query, retryOnMount: Date.now() - refusedAt > REFUSAL_STANDS_MS });
}

/** The filters a page's address holds (the figures page keeps them there: a reload shows the same). */
export const filtersFrom = (search: URLSearchParams): InsightFilters => ({
  from: search.get('from') ?? undefined,
  to: search.get('to') ?? undefined,
  department: search.get('department') ?? undefined,
  team: search.get('team') ?? undefined,
});

/** "Show figures" asks for them afresh, even for a view seen a moment ago: learners may have changed since. */
export function useShowFigures(orgId: string, show: (filters: InsightFilters) => void) {
  const qc = useQueryClient();
  return (filters: InsightFilters) => {
    show(filters);
    return qc.invalidateQueries({ queryKey: insightKeys.dashboards(orgId) });
  };
}

/** Where one figure's CSV comes from, with the same filters as the figures on screen. */
export function csvHref(orgId: string, figure: Figure, filters: InsightFilters): string {
  const params = filterParams(filters);
  params.set('figure', figure);
  return `/api/orgs/${orgId}/insights/csv?${params}`;
}

/**
 * The settings; `enabled` waits for the first dashboard (asking for figures counts them, and then the settings
 * say when); `pollEvery` (ms) reads them again while a queued count is awaited.
 */
export function useInsightSettings(orgId: string, enabled = true, pollEvery: number | false = false) {
  return useQuery({
    queryKey: insightKeys.settings(orgId),
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
    onSettled: () => qc.invalidateQueries({ queryKey: insightKeys.org(orgId) }),
  });
}

/** Reads everything of an organisation's insights again (once a queued count is done); stable per organisation. */
export function useRereadInsights(orgId: string) {
  const qc = useQueryClient();
  return useCallback(() => qc.invalidateQueries({ queryKey: insightKeys.org(orgId) }), [qc, orgId]);
}

export const useRefreshInsights = (orgId: string) =>
  useInsightsWrite(orgId, () => api<InsightRecount>('POST', `/api/orgs/${orgId}/insights/refresh`));

export const useRaiseK = (orgId: string) =>
  useInsightsWrite(orgId, (body: SettingsBody) =>
    api<InsightSettings>('PATCH', `/api/orgs/${orgId}/insights/settings`, body),
  );

export function useTopics(orgId: string) {
  return useQuery({
    queryKey: insightKeys.topics(orgId),
    queryFn: () => api<TopicList>('GET', `/api/orgs/${orgId}/insights/topics`),
  });
}

export function useTopicSuggestions(orgId: string) {
  return useQuery({
    queryKey: insightKeys.suggestions(orgId),
    queryFn: () => api<SuggestionList>('GET', `/api/orgs/${orgId}/insights/topic-suggestions`),
  });
}

export const useSaveTopic = (orgId: string, topicId?: string) =>
  useInsightsWrite(orgId, (body: TopicBody) =>
    topicId
      ? api<OrgTopic>('PATCH', `/api/orgs/${orgId}/insights/topics/${topicId}`, body)
      : api<OrgTopic>('POST', `/api/orgs/${orgId}/insights/topics`, body),
  );

export const useDeleteTopic = (orgId: string) =>
  useInsightsWrite(orgId, (topicId: string) => api('DELETE', `/api/orgs/${orgId}/insights/topics/${topicId}`));

export const useAnswerSuggestion = (orgId: string) =>
  useInsightsWrite(orgId, ({ answer, ...pair }: SuggestionBody & { answer: 'merge' | 'dismiss' }) =>
    api('POST', `/api/orgs/${orgId}/insights/topic-suggestions/${answer}`, pair),
  );

export function useInsightActions(orgId: string) {
  return useQuery({
    queryKey: insightKeys.actions(orgId),
    queryFn: () => api<ActionList>('GET', `/api/orgs/${orgId}/insights/actions`),
  });
}

export const useCreateAction = (orgId: string) =>
  useInsightsWrite(orgId, (body: ActionInput) =>
    api<InsightAction>('POST', `/api/orgs/${orgId}/insights/actions`, body),
  );

export function useActionInvite(actionId: string) {
  return useQuery({
    queryKey: insightKeys.invite(actionId),
    queryFn: () => api<ActionInvite>('GET', `/api/insight-actions/${actionId}`),
  });
}

export function useRespondToAction(actionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<ActionInvite>('POST', `/api/insight-actions/${actionId}/respond`),
    onSuccess: (invite) => qc.setQueryData(insightKeys.invite(actionId), invite),
  });
}

export function useConsent(orgId: string, memberId: string) {
  return useQuery({
    queryKey: insightKeys.consent(orgId, memberId),
    queryFn: () => api<Consent>('GET', `/api/orgs/${orgId}/members/${memberId}/insights-consent`),
  });
}

export function useSetConsent(orgId: string, memberId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (consent: boolean) =>
      api<Consent>('PUT', `/api/orgs/${orgId}/members/${memberId}/insights-consent`, { consent } satisfies ConsentBody),
    onSuccess: (saved) => qc.setQueryData(insightKeys.consent(orgId, memberId), saved),
  });
}
