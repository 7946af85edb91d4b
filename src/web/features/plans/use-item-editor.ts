import { type ItemView, itemDraftId, type PartKind, saveItem, usePlanCache, useRemoveItem } from './plan-api';
import { forgetDraft, useAutosave } from './use-autosave';

/** Autosave, removal and cache upkeep for one item of a plan; each editor adds only its fields. */
export function useItemEditor<T extends ItemView>(planId: string, kind: PartKind, item: T) {
  const cache = usePlanCache(planId);
  const draftId = itemDraftId(planId, kind, item.id);
  const autosave = useAutosave<T>(
    draftId,
    item,
    (changes) => saveItem<T>(planId, kind, item.id, changes),
    (saved) => cache.put(kind, saved),
  );
  const remove = useRemoveItem(planId, kind, item.id, () => forgetDraft(draftId));
  const set =
    <K extends keyof T>(key: K) =>
    (value: T[K]) =>
      autosave.change({ [key]: value } as unknown as Partial<T>);
  return { ...autosave, set, remove: () => remove.mutate(), error: (f: string) => autosave.fieldErrors[f] };
}
