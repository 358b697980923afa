/**
 * Registers the service worker that keeps urgent help on the device (/sw.js, written by
 * src/integrations/service-worker.ts at build). Only built sites have it, so `astro dev` skips
 * this. Registration waits for the page to load, so the few files it saves never compete with
 * the page itself on a slow connection.
 */

/** Registers /sw.js for the whole site once the page has loaded. */
export function registerOfflineHelp(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  addEventListener('load', () => {
    // A browser that refuses (private windows in some browsers) just has no offline page.
    navigator.serviceWorker.register('/sw.js', { updateViaCache: 'none' }).catch(() => undefined);
  });
}
