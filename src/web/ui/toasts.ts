import { UNSTABLE_ToastQueue as ToastQueue } from 'react-aria-components';

/** What a toast says: a finished action ("Saved.", "Copied.") or a background action that failed. */
export interface ToastContent {
  kind: 'done' | 'failed';
  text: string;
}

/**
 * The app's one queue of toasts (React Aria's; only the queue is here, ~1 kB: the region that shows them is
 * fetched after the first paint, `toast-region.tsx`). At most three show at once, newest first.
 */
export const toastQueue = new ToastQueue<ToastContent>({ maxVisibleToasts: 3 });

/** Long enough to read a sentence; a person who hovers or focuses a toast stops its clock (React Aria). */
const READING_TIME_MS = 6000;

/**
 * Confirms a finished action: "Saved.", "Revoked “…” for Ravi.", "Copied." Announced politely to screen readers,
 * gone after a few seconds, or dismissed at once (Close, by keyboard: F6 to the toasts, Tab, Enter).
 */
export function confirmDone(text: string): void {
  show({ kind: 'done', text }, READING_TIME_MS);
}

/**
 * Reports a background action that failed (no form to put the error beside). It stays until dismissed: an error
 * should not vanish before it is read. Validation errors stay inline beside their fields, never here.
 */
export function reportFailure(text: string): void {
  show({ kind: 'failed', text });
}

/** The same words twice (a second capture kept offline) replace the first toast rather than stack under it. */
function show(content: ToastContent, timeout?: number) {
  for (const t of toastQueue.visibleToasts)
    if (t.content.kind === content.kind && t.content.text === content.text) toastQueue.close(t.key);
  toastQueue.add(content, timeout ? { timeout } : {});
}
