/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

// The app shell, every code chunk (so lazy screens open offline) and the assets.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Any in-app URL (a deep link like /pick/W-0001, a reload) gets the cached shell; the
// router takes it from there. The API and server-rendered demo pages are never cached:
// sync state lives in IndexedDB, not in HTTP caches.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api(\/|$)/, /^\/demo(\/|$)/] }));

// A new version waits until the user accepts it (registerType: 'prompt').
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// Take control on activation: a first visit then works offline without a second load,
// and an accepted update takes over at once (the page reloads on 'controlling').
clientsClaim();
