/*
 * Waymark's service worker (docs/decisions/2026-12-05-offline-quick-capture.md), built by
 * scripts/service-worker.ts into dist/web/sw.js with the build's file list and version.
 *
 * - The app shell (the page and every file of one build) is kept in a cache named after that build, fetched
 *   whole at install: the app opens without a connection, and the page offline is always the one those files
 *   were built with, never a mix of two builds.
 * - Nothing under /api is touched: people's answers go to the network as if there were no worker, so nothing
 *   personal is ever kept here, and a person signing in after another on the same device can read nothing.
 * - A new build's worker takes over at once; the cache of the build before it stays until the next one, so a
 *   page still running the old files can still load its remaining chunks (the server has only the new ones).
 */

/** Filled in at build time: the page and the files of this build, and a hash of them. */
declare const PRECACHE: string[];
declare const VERSION: string;

// The worker's own types (the webworker library clashes with the DOM library the rest of src/web uses).
interface ExtendableEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  readonly location: Location;
}
const worker = self as unknown as WorkerScope;

const PREFIX = 'waymark-shell-';
const CACHE = `${PREFIX}${VERSION}`;
const PAGE = '/index.html';

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Past the HTTP cache: the files as the server has them now, all or none (addAll fails as a whole).
      await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' })));
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Cache names come back in the order they were made: keep this build's and the one before it.
      const shells = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
      await Promise.all(shells.slice(0, -1).map((name) => caches.delete(name)));
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== worker.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    // The network's page when there is one (a new build shows at once), this build's page when there is none.
    event.respondWith(
      fetch(request).catch(async () => (await (await caches.open(CACHE)).match(PAGE)) ?? Response.error()),
    );
    return;
  }
  // This build's copy first (the manifest and icons keep their names across builds); then the build before's,
  // for a page still running it (its chunks' names are its own); else the network's.
  event.respondWith(
    (async () =>
      (await (await caches.open(CACHE)).match(request)) ?? (await caches.match(request)) ?? fetch(request))(),
  );
});
