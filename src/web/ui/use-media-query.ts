import { useSyncExternalStore } from 'react';

/** Whether a CSS media query matches now, kept up to date (a window resized, a phone turned). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (changed) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', changed);
      return () => list.removeEventListener('change', changed);
    },
    () => window.matchMedia(query).matches,
  );
}

/** Wide enough for the sidebar (ui/shell.css uses the same width). */
export const WIDE = '(min-width: 60rem)';

/** A keyboard is likely at hand: a fine pointer that can hover (not a touch screen). Shortcuts are offered then. */
export const KEYBOARD = '(hover: hover) and (pointer: fine)';
