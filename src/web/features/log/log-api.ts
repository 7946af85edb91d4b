import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateLogBody,
  ListLogQuery,
  LogEntryView,
  LogPage,
  LogToEvidenceBody,
  LogToShareBody,
  MyGoal,
  MyGoalList,
  UpdateLogBody,
} from '../../../features/log/log.schema';
import { api } from '../../lib/api';
import { type EvidenceView, evidenceKeys } from '../evidence/evidence-api';
import { planKeys } from '../plans/plan-api';

// Types only: the server's Zod schemas are the single source of these shapes.
export type { CreateLogBody, LogEntryView, MyGoal };
/** The log's filters as the page holds them: empty means not filtered by it. */
export type LogFilters = Record<keyof Pick<ListLogQuery, 'goalId' | 'form' | 'from' | 'to' | 'q'>, string>;

/** Per organisation: the log's pages (one entry per set of filters) and the learner's goals to link entries to. */
export const logKeys = {
  all: ['log'] as const,
  entries: (orgId: string) => [...logKeys.all, orgId, 'entries'] as const,
  page: (orgId: string, filters: LogFilters) => [...logKeys.entries(orgId), filters] as const,
  goals: (orgId: string) => [...logKeys.all, orgId, 'goals'] as const,
  /** Captures kept on this device for a person, not sent yet (kept-captures.ts): for every organisation. */
  kept: (userId: string) => [...logKeys.all, 'kept', userId] as const,
};

/** The learner's goals to link an entry to; `read: false` reads them only when asked (`refetch`). */
export function useMyGoals(orgId: string, { read = true } = {}) {
  return useQuery({
    queryKey: logKeys.goals(orgId),
    queryFn: () => api<MyGoalList>('GET', `/api/goals?orgId=${encodeURIComponent(orgId)}`),
    enabled: read,
  });
}

export const goalOptions = (goals: MyGoal[] | undefined): [string, string][] => [
  ['', 'No goal'],
  ...(goals ?? []).map((g): [string, string] => [g.id, `${g.what || 'Untitled goal'} (${g.cycle})`]),
];

/** The log, newest first, 25 entries a page, filtered by the filters that are set. */
export function useLog(orgId: string, filters: LogFilters) {
  return useInfiniteQuery({
    queryKey: logKeys.page(orgId, filters),
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ orgId, limit: '25' });
      for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
      if (pageParam) params.set('cursor', pageParam);
      return api<LogPage>('GET', `/api/log?${params}`);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Editing (with the version edited) and deleting an entry; the log is read again after either. */
export function useLogEntryActions(orgId: string, entry: LogEntryView, onSaved: () => void) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: logKeys.entries(orgId) });
  return {
    save: useMutation({
      mutationFn: (changes: Omit<UpdateLogBody, 'version'>) =>
        api('PATCH', `/api/log/${entry.id}`, { ...changes, version: entry.version } satisfies UpdateLogBody),
      onSuccess: () => {
        onSaved();
        void refresh();
      },
    }),
    remove: useMutation({ mutationFn: () => api('DELETE', `/api/log/${entry.id}`), onSuccess: refresh }),
  };
}

/** Makes an entry evidence of a goal; that goal's evidence and timeline show it when next shown. */
export function useLogAsEvidence(entryId: string, onAdded: (evidence: EvidenceView) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LogToEvidenceBody) => api<EvidenceView>('POST', `/api/log/${entryId}/evidence`, body),
    onSuccess: (evidence) => {
      void qc.invalidateQueries({ queryKey: evidenceKeys.goal(evidence.goalId) });
      onAdded(evidence);
    },
  });
}

/** Records an entry as a share done; the commitment lives in a plan, so every cached plan is read again. */
export function useLogAsShare(entryId: string, onRecorded: (body: LogToShareBody) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LogToShareBody) => api('POST', `/api/log/${entryId}/share`, body),
    onSuccess: (_share, body) => {
      void qc.invalidateQueries({ queryKey: planKeys.plans });
      onRecorded(body);
    },
  });
}
