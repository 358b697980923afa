/**
 * The service worker (`dist/sw.js`) that keeps urgent help on a visitor's device, made of Workbox's
 * own modules (workbox-precaching, -routing, -strategies, -core 7.4). The build bundles this file
 * with esbuild and Workbox's `injectManifest` writes the list of saved files where
 * `self.__WB_MANIFEST` stands (src/integrations/service-worker.ts, which also says what the worker
 * does and why).
 */
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  precacheAndRoute,
  PrecacheFallbackPlugin,
  type PrecacheEntry,
} from 'workbox-precaching';
import type { WorkboxPlugin } from 'workbox-core/types';
import { registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';

/** What this file needs of the worker's global scope (the site's TypeScript has the DOM's types, not a worker's). */
interface WorkerScope {
  skipWaiting: () => Promise<void>;
  __WB_MANIFEST: (PrecacheEntry | string)[];
  __WB_DISABLE_DEV_LOGS: boolean;
}

const scope = self as unknown as WorkerScope;
scope.__WB_DISABLE_DEV_LOGS = true;

// A new deploy's worker takes over at once, and saves the new copies.
void scope.skipWaiting();
clientsClaim();

// The saved files. `directoryIndex: null`: /urgent-help/ is never answered from the saved copy
// while the network works (workbox-precaching adds "index.html" to an address ending in "/" only
// when it is set). Tracking parameters do not stop a saved file from matching.
precacheAndRoute((self as unknown as WorkerScope).__WB_MANIFEST, {
  // Typed as a string, but null is what turns it off: generateURLVariations
  // (node_modules/workbox-precaching/utils/generateURLVariations.js) defaults only `undefined`.
  directoryIndex: null as unknown as string,
  ignoreURLParametersMatching: [/^utm_/, /^fbclid$/],
});
cleanupOutdatedCaches();

/**
 * Answers with the saved copy of `fallbackURL` when the network fails. (Workbox's class declares
 * its hooks as optional, which the site's `exactOptionalPropertyTypes` reads as not a plugin.)
 */
function fallbackTo(fallbackURL: string): WorkboxPlugin {
  return new PrecacheFallbackPlugin({ fallbackURL }) as WorkboxPlugin;
}

// Pages always come from the network; only when it fails does the visitor get the saved page.
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && url.pathname === '/urgent-help/',
  new NetworkOnly({ plugins: [fallbackTo('/urgent-help/index.html')] }),
);
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && !url.pathname.startsWith('/admin/'),
  new NetworkOnly({ plugins: [fallbackTo('/offline/index.html')] }),
);
