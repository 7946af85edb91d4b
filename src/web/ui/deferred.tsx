import {
  type ComponentType,
  type LazyExoticComponent,
  lazy,
  type ReactNode,
  Suspense,
  useEffect,
  useState,
} from 'react';
import { afterFirstPage } from '../lib/first-page';

/** Runs `then` once the browser is idle after the first page is drawn (or after 2 s where it cannot say). */
export function whenIdle(then: () => void): () => void {
  let cancel = () => {};
  let cancelled = false;
  void afterFirstPage().then(() => {
    if (cancelled) return;
    if ('requestIdleCallback' in window) {
      const id = window.requestIdleCallback(then, { timeout: 2000 });
      cancel = () => window.cancelIdleCallback(id);
    } else {
      const timer = setTimeout(then, 2000);
      cancel = () => clearTimeout(timer);
    }
  });
  return () => {
    cancelled = true;
    cancel();
  };
}

/** A control that opens (`openAtOnce`) when its stand-in was used before its code arrived. */
type Opening = { openAtOnce: boolean };

/** A component from a chunk of its own, for `Deferred` (call once, at the top of a module). */
export const later = <P extends Opening>(load: () => Promise<ComponentType<P>>) =>
  lazy(async () => ({ default: await load() }));

/**
 * A control whose code (here React Aria's menus and dialogs, ~50 kB) stays out of the first load: until it has
 * arrived, a plain button that looks the same stands in (`placeholder`, given a function that opens it). The code
 * is fetched when the browser is idle, or at once when the stand-in is used, and then opens.
 */
export function Deferred<P extends Opening>({
  component: Loaded,
  props,
  placeholder,
}: {
  component: LazyExoticComponent<ComponentType<P>>;
  props: Omit<P, 'openAtOnce'>;
  placeholder: (open: () => void) => ReactNode;
}) {
  const [state, setState] = useState<'waiting' | 'fetch' | 'open'>('waiting');
  useEffect(() => whenIdle(() => setState((s) => (s === 'waiting' ? 'fetch' : s))), []);
  const standIn = placeholder(() => setState('open'));
  if (state === 'waiting') return standIn;
  return (
    <Suspense fallback={standIn}>
      <Loaded {...({ ...props, openAtOnce: state === 'open' } as P & React.JSX.IntrinsicAttributes)} />
    </Suspense>
  );
}
