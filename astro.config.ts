// First, before the other imports load: a cold `astro build` starts the content gate's own process
// now, while Astro loads the rest of this config (src/integrations/content-gate-start.ts).
import './src/integrations/content-gate-start';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { setFlagsFromString } from 'node:v8';
import { ASTRO_CACHE_DIR, CONTENT_DIR, SITE_URL } from './src/config';
import { readHelplineRegistry } from './src/content/helplines';
import { siteMarkdownProcessor } from './src/content/markdown-processor';
import { contentGateProcess } from './src/integrations/content-gate';
import { cspDigests } from './src/integrations/csp-digests';
import { decapCms } from './src/integrations/decap-cms';
import { devPagefind } from './src/integrations/dev-pagefind';
import { editorNoReload } from './src/integrations/editor-no-reload';
import { netlifyRedirects } from './src/integrations/netlify-redirects';
import { pageReuse } from './src/integrations/page-reuse';
import { pagefindSearch } from './src/integrations/pagefind';
import { serviceWorker } from './src/integrations/service-worker';
import { PUBLIC_DIRECTIVES, PUBLIC_SCRIPT_SOURCES } from './src/lib/csp-policy';

// Peak memory (BENCHMARKS.md): V8 grows the JavaScript heap by half of what is live after a full
// collection instead of up to four times, so garbage is collected sooner for a few % more CPU. It is
// no limit: a bigger site still gets what it needs. Set here, in the process Astro runs in, so every
// way of starting Astro gets it (`npm run build`, `npx astro build`, the tests and benchmarks). V8
// reads the flag each time it sets the next collection's limit (`MemoryController::GrowingFactor`
// in src/heap/memory-controller.cc), so Node's `v8.setFlagsFromString` applies it from here on.
// Rolldown's allocator settings cannot be set here (netlify.toml says why).
setFlagsFromString('--heap-growing-percent=50');

/** Pages that must never be listed in the sitemap (they are noindex or not pages at all). */
const NOT_IN_SITEMAP = [/\/admin\//, /\/404\/?$/, /\/thank-you\/?$/, /^\/offline\/$/];

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: SITE_URL,
  trailingSlash: 'always',
  // Tests and benchmarks build other content trees side by side, so each may have its own
  // output and cache folders.
  outDir: process.env['OUT_DIR'] ?? './dist',
  cacheDir: ASTRO_CACHE_DIR,
  integrations: [
    // The content gate's checks run on the second core while Astro loads the content.
    contentGateProcess(),
    sitemap({ filter: (page) => !NOT_IN_SITEMAP.some((pattern) => pattern.test(new URL(page).pathname)) }),
    devPagefind(),
    // npm start: saving in the editor reloads the site's pages, never the editor's.
    editorNoReload(),
    netlifyRedirects(),
    serviceWorker(),
    // Each inlined style is hashed once for the policy below, not again on every page.
    cspDigests(),
    // The editor's code at /admin/decap/, and the search index: both written into the output once
    // Astro has built the pages, so `astro build` alone gives the whole site.
    decapCms(),
    pagefindSearch(),
    // Pages whose content did not change are copied from the last build, and this build's are
    // kept for the next while Pagefind indexes (after it in this list, so Pagefind starts first).
    pageReuse(),
  ],
  security: {
    // A strict policy in a <meta> tag on every page, with hashes for what Astro emits. The admin
    // page loosens its own (src/pages/admin/index.astro); see src/lib/csp-policy.ts for the design.
    csp: {
      directives: [...PUBLIC_DIRECTIVES],
      scriptDirective: { resources: [...PUBLIC_SCRIPT_SOURCES] },
    },
  },
  markdown: {
    // Syntax highlighting writes style="" attributes, which a strict CSP forbids; the charity's
    // content has no code to highlight.
    syntaxHighlight: false,
    // Sätteri, Astro's default processor, parses and renders in Rust (with smart quotes), so the
    // site's Markdown costs what bare Astro's does. Its directive feature reads `:helpline[id]`,
    // and a plugin draws each from the helpline registry (src/lib/helpline-directive.ts).
    processor: siteMarkdownProcessor(() => readHelplineRegistry(CONTENT_DIR)),
  },
  build: {
    format: 'directory',
    // Pages are rendered 32 at a time (Astro's `build.concurrency`, default 1; generate.js runs
    // them through p-limit): pages' files are written while others render, where one at a time
    // left the build waiting on the disk for a third of page generation, and eight at a time still
    // left it waiting for some. The pages are the same; see docs/performance.md.
    concurrency: 32,
    // Styles go inside each page: one request instead of three render-blocking ones, which is what
    // visitors on slow phone connections feel. The CSP hashes each inlined <style> block.
    inlineStylesheets: 'always',
  },
  devToolbar: { enabled: false },
  vite: {
    cacheDir: process.env['VITE_CACHE_DIR'] ?? './node_modules/.vite',
    // Never inline small scripts or assets into the HTML: processed scripts stay external files,
    // so pages carry no inline script for a strict CSP to block.
    build: { assetsInlineLimit: 0 },
    // `npm start`: a file is read again only once its size has stayed the same for 0.1 s. The
    // editor's server writes a file by emptying it and then writing it (decap-server's `writeFile`,
    // src/middlewares/utils/fs.ts, is `fs.promises.writeFile`); chokidar (bundled in
    // Vite 7's node.js) reports the emptying as a change, then drops another change to the same
    // file within 50 ms (`_throttle`), so Astro's glob loader could read the file empty ("field
    // "title" is required") and never read the saved one. With `awaitWriteFinish` chokidar
    // waits, polling the file's size, and reports the change once (tests/e2e/cms/dev-no-reload.spec.ts).
    server: { watch: { awaitWriteFinish: { stabilityThreshold: 100, pollInterval: 20 } } },
  },
});
