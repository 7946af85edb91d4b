import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { queryClient } from './app/query-client';
import { router } from './app/router';
import { dropUntaken } from './lib/early-reads';
import { markFirstPageDrawn } from './lib/first-page';
import { registerServiceWorker } from './pwa/register-worker';

// Every read the entry script started is one the first page's loaders take before the router is ready; one left
// over was asked for in vain (app/landing.ts and the app's queries disagree on its path). Say so, for developers.
const reportUntaken = () => {
  for (const path of dropUntaken()) console.warn(`Read early but never used: ${path} (see app/landing.ts)`);
};
const firstPageReady = () => {
  reportUntaken();
  markFirstPageDrawn();
};
if (router.state.initialized) firstPageReady();
else {
  const stop = router.subscribe((state) => {
    if (!state.initialized) return;
    stop();
    firstPageReady();
  });
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);

// Installable, and opens offline (docs/decisions/2026-12-05-offline-quick-capture.md); after the page has loaded.
registerServiceWorker();
