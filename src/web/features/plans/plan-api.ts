import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PartKind } from '../../../features/plans/plan-parts';
import type {
  CreateItemBodies,
  CreatePlanBody,
  GoalView,
  NetworkView,
  PlanList,
  PlanSummary,
  PlanView,
  RecordShareBody,
  ReflectionView,
  RestoreBody,
  RevisionList,
  RevisionSummary,
  RevisionView,
  ShareView,
  UpdatePlanBody,
} from '../../../features/plans/plans.schema';
import { api } from '../../lib/api';

// Types only: the server's Zod schemas are the single source of these shapes, and nothing of them is bundled.
export type { GoalView, NetworkView, PartKind, PlanSummary, PlanView, ReflectionView, RevisionSummary, ShareView };

export type ItemView = ReflectionView | GoalView | NetworkView | ShareView;
export type NewItem = CreateItemBodies[PartKind];
export const partPath = { reflection: 'reflections', goal: 'goals', network: 'network', share: 'shares' } as const;
export const listKey = { reflection: 'reflections', goal: 'goals', network: 'network', share: 'shares' } as const;

/**
 * The learner's plans. `plans` holds every whole plan read (a write elsewhere that may touch any plan, such as
 * a log entry recorded as a share, reads them all again); a plan's history is kept apart, by revision, so
 * refreshing a plan does not reload its history.
 */
export const planKeys = {
  all: ['plans'] as const,
  list: (orgId: string) => [...planKeys.all, 'list', orgId] as const,
  plans: ['plans', 'plan'] as const,
  plan: (planId: string) => [...planKeys.plans, planId] as const,
  history: (planId: string, revision: number) => [...planKeys.all, 'history', planId, revision] as const,
  revision: (revisionId: string) => [...planKeys.all, 'revision', revisionId] as const,
};

const planUrl = (planId: string) => `/api/plans/${planId}`;
const itemUrl = (planId: string, kind: PartKind, itemId: string) => `${planUrl(planId)}/${partPath[kind]}/${itemId}`;

export const planQuery = (planId: string) =>
  queryOptions({ queryKey: planKeys.plan(planId), queryFn: () => api<PlanView>('GET', planUrl(planId)) });

export function usePlan(planId: string) {
  return useQuery(planQuery(planId));
}

export function usePlanList(orgId: string) {
  return useQuery({
    queryKey: planKeys.list(orgId),
    queryFn: () => api<PlanList>('GET', `/api/plans?orgId=${encodeURIComponent(orgId)}`),
  });
}

/** Where a plan downloads from, as a PDF for a review meeting, Markdown, or JSON to import elsewhere. */
export const planExportHref = (planId: string, format: 'pdf' | 'md' | 'json') =>
  `${planUrl(planId)}/export?format=${format}`;

/** Keeps the cached plan in step with an item the server just answered with (saved, created or removed). */
export function usePlanCache(planId: string) {
  const qc = useQueryClient();
  return {
    put(kind: PartKind, item: ItemView) {
      qc.setQueryData<PlanView>(planKeys.plan(planId), (plan) => {
        if (!plan) return plan;
        const list = plan[listKey[kind]] as ItemView[];
        const next = list.some((i) => i.id === item.id)
          ? list.map((i) => (i.id === item.id ? item : i))
          : [...list, item];
        return { ...plan, [listKey[kind]]: next };
      });
    },
    remove(kind: PartKind, id: string) {
      qc.setQueryData<PlanView>(planKeys.plan(planId), (plan) =>
        plan ? { ...plan, [listKey[kind]]: (plan[listKey[kind]] as ItemView[]).filter((i) => i.id !== id) } : plan,
      );
    },
    /** After changes that touch several items (a removal unlinks others, a restore): ask the server again. */
    refresh: () => qc.invalidateQueries({ queryKey: planKeys.plan(planId) }),
    set: (plan: PlanView) => qc.setQueryData(planKeys.plan(planId), plan),
  };
}

/** Starts a plan (blank, from a template, or carrying on an earlier one); it is cached before `onCreated` opens it. */
export function useCreatePlan(orgId: string, onCreated: (plan: PlanView) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePlanBody) => api<PlanView>('POST', '/api/plans', body),
    onSuccess: (plan) => {
      qc.setQueryData(planKeys.plan(plan.id), plan);
      void qc.invalidateQueries({ queryKey: planKeys.list(orgId) });
      onCreated(plan);
    },
  });
}

/** Imports a plan from its JSON export (the server checks the document); the new plan joins the list. */
export function useImportPlan(orgId: string, on: { imported: (plan: PlanView) => void; failed: (e: Error) => void }) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (document: unknown) => api<PlanView>('POST', '/api/plans/import', { organizationId: orgId, document }),
    onSuccess: (plan) => {
      void qc.invalidateQueries({ queryKey: planKeys.list(orgId) });
      on.imported(plan);
    },
    onError: on.failed,
  });
}

/** Renames the plan or its cycle, with the version edited. */
export function useSavePlanDetails(plan: PlanView) {
  const cache = usePlanCache(plan.id);
  return useMutation({
    mutationFn: (details: Pick<UpdatePlanBody, 'cycle' | 'title'>) =>
      api<PlanView>('PATCH', planUrl(plan.id), { ...details, version: plan.version } satisfies UpdatePlanBody),
    onSuccess: cache.set,
  });
}

/** Saves the learner's place in the guide on the plan. */
export function useSaveGuidePosition(planId: string) {
  const cache = usePlanCache(planId);
  return useMutation({
    mutationFn: (guide: NonNullable<UpdatePlanBody['guide']>) =>
      api<PlanView>('PATCH', planUrl(planId), { guide } satisfies UpdatePlanBody),
    onSuccess: cache.set,
  });
}

/** Deletes the plan with its history: it leaves the cache and the list before `onDeleted` moves on. */
export function useDeletePlan(orgId: string, planId: string, onDeleted: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api('DELETE', planUrl(planId)),
    onSuccess: () => {
      qc.removeQueries({ queryKey: planKeys.plan(planId) });
      void qc.invalidateQueries({ queryKey: planKeys.list(orgId) });
      onDeleted();
    },
  });
}

/** Adds an item to a part; the answer joins the cached plan before `onAdded`. */
export function useAddItem(planId: string, kind: PartKind, onAdded: (item: ItemView) => void) {
  const cache = usePlanCache(planId);
  return useMutation({
    mutationFn: (body: NewItem) => api<ItemView>('POST', `${planUrl(planId)}/${partPath[kind]}`, body),
    onSuccess: (item) => {
      cache.put(kind, item);
      onAdded(item);
    },
  });
}

/**
 * The address of an item, which also names its autosave draft in localStorage (so drafts kept before this
 * module existed are still found).
 */
export const itemDraftId = itemUrl;

/** Saves changed fields of an item with the version they were made on (the autosave's one request). */
export const saveItem = <T extends ItemView>(planId: string, kind: PartKind, itemId: string, changes: object) =>
  api<T>('PATCH', itemUrl(planId, kind, itemId), changes);

/** Removes an item; removing a goal unlinks network entries and drops its sharing, so the plan is read again. */
export function useRemoveItem(planId: string, kind: PartKind, itemId: string, onRemoved: () => void) {
  const cache = usePlanCache(planId);
  return useMutation({
    mutationFn: () => api('DELETE', itemUrl(planId, kind, itemId)),
    onSuccess: () => {
      onRemoved();
      cache.remove(kind, itemId);
      void cache.refresh();
    },
  });
}

/** Records a share done for a sharing commitment. */
export function useRecordShare(planId: string, shareId: string) {
  const cache = usePlanCache(planId);
  return useMutation({
    mutationFn: (body: RecordShareBody) => api<ShareView>('POST', `${itemUrl(planId, 'share', shareId)}/done`, body),
    onSuccess: (saved) => cache.put('share', saved),
  });
}

/** Every change to the plan, newest first; read again when the plan's revision moves on. */
export function usePlanHistory(plan: PlanView) {
  return useQuery({
    queryKey: planKeys.history(plan.id, plan.revision),
    queryFn: () => api<RevisionList>('GET', `${planUrl(plan.id)}/revisions?limit=200`),
    // Keep the list (and the open revision) on screen while a restore's new history loads.
    placeholderData: keepPreviousData,
  });
}

export function useRevision(planId: string, revisionId: string) {
  return useQuery({
    queryKey: planKeys.revision(revisionId),
    queryFn: () => api<RevisionView>('GET', `${planUrl(planId)}/revisions/${revisionId}`),
  });
}

/** Where history can take the plan from one revision; the answer is always the plan now. */
export type HistoryStep =
  | { undo: true }
  | { undo?: false; scope: NonNullable<RestoreBody>['scope']; point: NonNullable<RestoreBody>['point'] };

/**
 * Undoes one revision alone, or brings back the item or the whole plan as it was right before (or right
 * after) it.
 */
export function useRestore(planId: string, revisionId: string) {
  const cache = usePlanCache(planId);
  const url = `${planUrl(planId)}/revisions/${revisionId}`;
  return useMutation({
    mutationFn: (step: HistoryStep) =>
      step.undo
        ? api<PlanView>('POST', `${url}/undo`)
        : api<PlanView>('POST', `${url}/restore`, { scope: step.scope, point: step.point } satisfies RestoreBody),
    onSuccess: cache.set,
  });
}
