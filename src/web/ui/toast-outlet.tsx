import { lazy, Suspense, useEffect, useSyncExternalStore } from 'react';
import { whenIdle } from './deferred';
import { toastQueue } from './toasts';

const load = () => import('./toast-region');
const Region = lazy(async () => ({ default: (await load()).StatusToasts }));

const subscribe = (then: () => void) => toastQueue.subscribe(then);
const anyShown = () => toastQueue.visibleToasts.length > 0;

/**
 * The toasts' place in a layout (one per layout). React Aria's region is fetched when the browser is idle after
 * the first paint, and mounted while there are toasts to show: mounted with them, it registers as a landmark
 * (F6) with its element in place, which a region mounted empty and kept does not do.
 */
export function ToastOutlet() {
  const shown = useSyncExternalStore(subscribe, anyShown, anyShown);
  useEffect(() => whenIdle(() => void load()), []);
  if (!shown) return null;
  return (
    <Suspense fallback={null}>
      <Region />
    </Suspense>
  );
}
