import { useEffect } from 'react';

/** Each page names itself in the tab and for screen readers announcing navigation. */
export function useTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · Waymark`;
  }, [title]);
}
