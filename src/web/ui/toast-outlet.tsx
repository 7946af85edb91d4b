import { lazy, Suspense, useSyncExternalStore } from 'react';
import { toastQueue } from './toasts';

const Region = lazy(async () => ({ default: (await import('./toast-region')).StatusToasts }));

const subscribe = (then: () => void) => toastQueue.subscribe(then);
const anyShown = () => toastQueue.visibleToasts.length > 0;

/**
 * The toasts' place in a layout (one per layout). React Aria's region is fetched with the first toast (it waits in
 * the queue meanwhile: tens of milliseconds) rather than with every page, and mounted while there are toasts to
 * show: mounted with them, it registers as a landmark (F6) with its element in place, which a region mounted
 * empty and kept does not do.
 */
export function ToastOutlet() {
  const shown = useSyncExternalStore(subscribe, anyShown, anyShown);
  if (!shown) return null;
  return (
    <Suspense fallback={null}>
      <Region />
    </Suspense>
  );
}
