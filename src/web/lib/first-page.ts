/*
 * When the first page has been drawn. Work the page does not need (the service worker and its cache, the device
 * store: who is signed in, captures kept offline) waits for it: started while the page still waited for its
 * data, such work competed with the page for the network and the processor, and Lighthouse counted it into the
 * mobile LCP (observed: chunks fetched "when idle" at 0.46 s, the plan painted at 0.57 s).
 */

let drawn: () => void = () => {};
const firstPage = new Promise<void>((resolve) => {
  drawn = resolve;
});

/** Said once by the app (main.tsx) when the router has its first page's data and React has drawn it. */
export function markFirstPageDrawn() {
  // Two frames: the first runs before the browser paints what React committed, the second after.
  requestAnimationFrame(() => requestAnimationFrame(() => drawn()));
}

/** Resolves once the first page is on screen, or after `fallbackMs` where nothing says so (an error page). */
export function afterFirstPage(fallbackMs = 5000): Promise<void> {
  return Promise.race([firstPage, new Promise<void>((resolve) => setTimeout(resolve, fallbackMs))]);
}
