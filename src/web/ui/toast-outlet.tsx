import { lazy, Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import { whenIdle } from './deferred';
import { toastQueue } from './toasts';

const Region = lazy(async () => ({ default: (await import('./toast-region')).StatusToasts }));

const subscribe = (then: () => void) => toastQueue.subscribe(then);
const anyWaiting = () => toastQueue.visibleToasts.length > 0;

/**
 * The toasts' place in a layout (one per layout). React Aria's region comes after the first paint, when the
 * browser is idle, or at once when a toast is added before then; toasts wait in the queue meanwhile.
 */
export function ToastOutlet() {
  const waiting = useSyncExternalStore(subscribe, anyWaiting, anyWaiting);
  const [idle, setIdle] = useState(false);
  useEffect(() => whenIdle(() => setIdle(true)), []);
  if (!idle && !waiting) return null;
  return (
    <Suspense fallback={null}>
      <Region />
    </Suspense>
  );
}
