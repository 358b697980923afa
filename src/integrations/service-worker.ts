/**
 * Writes the service worker (`dist/sw.js`) that keeps urgent help on a visitor's device, at the end
 * of the build: its code (src/browser/service-worker.ts, Workbox's own modules) bundled with esbuild,
 * and the list of files it saves written in by Workbox's `injectManifest` (workbox-build 7.4). It
 * reads only two built pages and the files they load from /_astro/, so it does not depend on
 * Pagefind or any other step of the build's end. (Workbox's `generateSW` made the same worker from
 * settings, but bundled and minified it with Rollup, Babel and Terser on every cold build: about
 * two seconds, against a tenth of one.)
 *
 * What the worker does (docs/visitor-safety.md explains it for the charity):
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
import type * as Esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** The worker's code, before it is bundled. */
const WORKER_SOURCE = fileURLToPath(new URL('../browser/service-worker.ts', import.meta.url));

/**
 * Workbox's `injectManifest`, from its own module: the package's main file also loads
 * `generateSW`, and with it Rollup, Babel and Terser (about a second). workbox-build 7 is
 * CommonJS, so Node's own `require` loads it; a dynamic `import()` here would go through Vite's
 * module runner, which has closed by the end of the build.
 */
function loadInjectManifest(): typeof import('workbox-build').injectManifest {
  return (require('workbox-build/build/inject-manifest') as typeof import('workbox-build')).injectManifest;
}

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
  /** Whether the worker was the one the last build made from the same files. */
  reused: boolean;
}

/** The worker's code bundled for browsers, with `self.__WB_MANIFEST` left for `injectManifest`. */
async function bundledWorker(): Promise<string> {
  // Required here, not imported with the config (which imports this file), so a build does not
  // load esbuild's code before its content sync. Not `import()`: Vite's runner, which loaded the
  // config, rewrites that, and Astro has closed the runner by the end of the build.
  const { build } = require('esbuild') as typeof Esbuild;
  const result = await build({
    entryPoints: [WORKER_SOURCE],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2020',
    legalComments: 'none',
    // Workbox's modules leave out their checks and logging in production.
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

/**
 * The installed versions of workbox-build and of each Workbox package the worker's code imports
 * (read from its `import … from 'workbox-…'` lines, so the list cannot drift from the code).
 */
function workboxVersions(source: string): string {
  const imported = [...source.matchAll(/from '(workbox-[a-z-]+)/g)].map((match) => match[1] ?? '');
  return [...new Set(['workbox-build', ...imported])]
    .sort()
    .map((name) => `${name}@${(require(`${name}/package.json`) as { version: string }).version}`)
    .join(',');
}

/**
 * A key for everything the worker is made from: the worker's code, the versions of the Workbox
 * packages and of esbuild, and the saved files' contents. The same key gives the same worker, byte
 * for byte, so a rebuild whose saved pages did not change takes the worker from the cache.
 */
function workerKey(dist: string, files: string[]): string {
  const hash = createHash('sha256');
  const source = readFileSync(WORKER_SOURCE, 'utf8');
  const esbuild = (require('esbuild/package.json') as { version: string }).version;
  hash.update(`${workboxVersions(source)}:esbuild@${esbuild}:`).update(source);
  for (const file of files) hash.update(file).update(readFileSync(join(dist, file)));
  return hash.digest('hex');
}

/**
 * Writes `sw.js` into the built site folder `dist`. Throws one line naming the missing page if
 * the build did not make a page the worker must save.
 * @param cacheDir A folder kept between builds (Astro's `cacheDir`): the worker made from the same
 *   files and code last time is reused from there, without loading esbuild's or Workbox's code.
 */
export async function writeServiceWorker(dist: string, cacheDir?: string): Promise<ServiceWorkerReport> {
  for (const page of Object.values(SAVED_PAGES)) {
    if (!existsSync(join(dist, page))) {
      throw new Error(`Service worker: the build has no ${page} to keep for offline use (check src/pages/)`);
    }
  }
  const assets = pageAssets(readFileSync(join(dist, SAVED_PAGES.urgentHelp), 'utf8'));
  const files = [SAVED_PAGES.urgentHelp, SAVED_PAGES.offline, ...assets];
  const cached = cacheDir && join(cacheDir, 'service-worker', `${workerKey(dist, files)}.js`);
  if (cached && existsSync(cached)) {
    copyFileSync(cached, join(dist, SERVICE_WORKER_FILE));
    return { files, bytes: files.reduce((sum, file) => sum + statSync(join(dist, file)).size, 0), reused: true };
  }
  const work = mkdtempSync(join(tmpdir(), 'service-worker-'));
  try {
    const swSrc = join(work, SERVICE_WORKER_FILE);
    writeFileSync(swSrc, await bundledWorker());
    const { count, size, warnings } = await loadInjectManifest()({
      swSrc,
      swDest: join(dist, SERVICE_WORKER_FILE),
      globDirectory: dist,
      globPatterns: files,
      // Astro's /_astro/ names carry a hash of the content: no need to bypass the HTTP cache.
      dontCacheBustURLsMatching: /^_astro\//,
    });
    if (warnings.length > 0) throw new Error(`Service worker: ${warnings.join('; ')}`);
    if (count !== files.length) {
      throw new Error(`Service worker: saved ${String(count)} of ${String(files.length)} files (${files.join(', ')})`);
    }
    if (cached) {
      // Only the latest worker is kept.
      rmSync(dirname(cached), { recursive: true, force: true });
      mkdirSync(dirname(cached), { recursive: true });
      copyFileSync(join(dist, SERVICE_WORKER_FILE), cached);
    }
    return { files, bytes: size, reused: false };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Astro integration that writes the service worker after the build. */
export function serviceWorker(): AstroIntegration {
  let cacheDir: string | undefined;
  return {
    name: 'service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { files, bytes, reused } = await writeServiceWorker(fileURLToPath(dir), cacheDir);
        logger.info(
          `wrote ${SERVICE_WORKER_FILE}: ${String(files.length)} files kept for offline use (${String(bytes)} bytes)${reused ? ', the same worker as the last build' : ''}`,
        );
      },
    },
  };
}
