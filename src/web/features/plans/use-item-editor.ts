import { useMutation } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { type ItemView, type PartKind, partPath, usePlanCache } from './plan-api';
import { useAutosave } from './use-autosave';

/** Autosave, removal and cache upkeep for one item of a plan; each editor adds only its fields. */
export function useItemEditor<T extends ItemView>(planId: string, kind: PartKind, item: T) {
  const cache = usePlanCache(planId);
  const url = `/api/plans/${planId}/${partPath[kind]}/${item.id}`;
  const autosave = useAutosave<T>(url, item, (saved) => cache.put(kind, saved));
  const remove = useMutation({
    mutationFn: () => api('DELETE', url),
    onSuccess: () => {
      localStorage.removeItem(`waymark:draft:${url}`);
      cache.remove(kind, item.id);
      // Removing a goal unlinks network entries and drops its sharing: fetch what changed.
      void cache.refresh();
    },
  });
  const set =
    <K extends keyof T>(key: K) =>
    (value: T[K]) =>
      autosave.change({ [key]: value } as unknown as Partial<T>);
  return { ...autosave, set, remove: () => remove.mutate(), error: (f: string) => autosave.fieldErrors[f] };
}
