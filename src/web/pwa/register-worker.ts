import { afterFirstPage } from '../lib/first-page';

/**
 * Registers the service worker (built into /sw.js: src/web/pwa/service-worker.ts) once the first page is drawn
 * and the document has loaded, so it never competes with the first paint for the network. Where there is none (an old browser, a page not served
 * over HTTPS or from localhost, the Vite dev server) the app simply works online only.
 */
export function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/', updateViaCache: 'none' }).catch(() => undefined);
  };
  void afterFirstPage().then(() => {
    if (document.readyState === 'complete') register();
    else window.addEventListener('load', register, { once: true });
  });
}
