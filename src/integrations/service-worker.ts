/**
 * Writes the service worker (`dist/sw.js`) that keeps urgent help on a visitor's device, with
 * Workbox's `generateSW` (workbox-build 7.4) at the end of the build. It reads only two built
 * pages and the files they load from /_astro/, so it does not depend on Pagefind or any other
 * step of the build's end.
 *
 * What the worker does (docs/offline.md explains it for the charity):
 * - It saves the urgent help page, the files it loads and the offline page (src/pages/offline.astro)
 *   when it is installed. A new deploy changes their revisions, so the browser installs the new
 *   worker on the next visit, which saves the new copies and drops the old (`skipWaiting`,
 *   `clientsClaim`: it takes over at once).
 * - Pages always come from the network (Workbox's `NetworkOnly`). Only when that fails (no
 *   connection) does the visitor see the saved urgent help page (for /urgent-help/) or the offline
 *   page (for any other address), through Workbox's `PrecacheFallbackPlugin` (`precacheFallback`).
 *   Pages are never kept as they are read: a visitor online always gets the deployed page, and the
 *   device holds no copy of, say, the domestic abuse topic for someone else to find.
 * - `directoryIndex: null` keeps Workbox's precache route from answering /urgent-help/ from the
 *   saved copy while the network works (workbox-precaching's `generateURLVariations` adds
 *   "index.html" to an address ending in "/" only when `directoryIndex` is set).
 * - It answers nothing under /admin/: the content editor always talks to the network.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSW } from 'workbox-build';

/** The worker's file name in the build output; it controls the whole site (scope `/`). */
export const SERVICE_WORKER_FILE = 'sw.js';

/** The built pages the worker saves, as paths inside the output folder. */
export const SAVED_PAGES = { urgentHelp: 'urgent-help/index.html', offline: 'offline/index.html' } as const;

/** The files a built page loads from /_astro/ (its stylesheets and scripts), as output paths. */
export function pageAssets(html: string): string[] {
  const found = [...html.matchAll(/\b(?:href|src)="\/(_astro\/[\w.-]+)"/g)].map((match) => match[1] ?? '');
  return [...new Set(found)].filter(Boolean).sort();
}

/** What `writeServiceWorker` saved: the files and their total size in bytes. */
export interface ServiceWorkerReport {
  files: string[];
  bytes: number;
}

/**
 * Writes `sw.js` into the built site folder `dist`. Throws one line naming the missing page if
 * the build did not make a page the worker must save.
 */
export async function writeServiceWorker(dist: string): Promise<ServiceWorkerReport> {
  for (const page of Object.values(SAVED_PAGES)) {
    if (!existsSync(join(dist, page))) {
      throw new Error(`Service worker: the build has no ${page} to keep for offline use (check src/pages/)`);
    }
  }
  const assets = pageAssets(readFileSync(join(dist, SAVED_PAGES.urgentHelp), 'utf8'));
  const files = [SAVED_PAGES.urgentHelp, SAVED_PAGES.offline, ...assets];
  const { count, size, warnings } = await generateSW({
    swDest: join(dist, SERVICE_WORKER_FILE),
    globDirectory: dist,
    globPatterns: files,
    // Astro's /_astro/ names carry a hash of the content: no need to bypass the HTTP cache.
    dontCacheBustURLsMatching: /^_astro\//,
    directoryIndex: null,
    runtimeCaching: [
      {
        urlPattern: ({ request, url }) => request.mode === 'navigate' && url.pathname === '/urgent-help/',
        handler: 'NetworkOnly',
        options: { precacheFallback: { fallbackURL: '/urgent-help/index.html' } },
      },
      {
        urlPattern: ({ request, url }) => request.mode === 'navigate' && !url.pathname.startsWith('/admin/'),
        handler: 'NetworkOnly',
        options: { precacheFallback: { fallbackURL: '/offline/index.html' } },
      },
    ],
    skipWaiting: true,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    // One file: the worker needs no Workbox runtime file beside it.
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
    disableDevLogs: true,
  });
  if (warnings.length > 0) throw new Error(`Service worker: ${warnings.join('; ')}`);
  if (count !== files.length) {
    throw new Error(`Service worker: saved ${String(count)} of ${String(files.length)} files (${files.join(', ')})`);
  }
  return { files, bytes: size };
}

/** Astro integration that writes the service worker after the build. */
export function serviceWorker(): AstroIntegration {
  return {
    name: 'service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { files, bytes } = await writeServiceWorker(fileURLToPath(dir));
        logger.info(
          `wrote ${SERVICE_WORKER_FILE}: ${String(files.length)} files kept for offline use (${String(bytes)} bytes)`,
        );
      },
    },
  };
}
