/**
 * Copies pages from the last build instead of rendering them again, when nothing they show has
 * changed (src/data/page-cache.ts says which pages offer themselves and how their keys are made;
 * src/integrations/page-store.ts keeps the pages). Publishing a change to one news post's words
 * then renders that post's page, rather than every news post, A–Z topic and list of news.
 *
 * Astro API relied on (astro 7.3): `setPrerenderer` at `astro:build:start` wraps Astro's own
 * prerenderer (node_modules/astro/dist/core/build/generate.js calls its `render` for each path,
 * then writes the response's body to the page's file, as for any rendered page), and
 * `astro:build:generated` comes once every page is written. Astro's own incremental build
 * (`experimental.incrementalBuild`) was measured first: it writes a second copy of each page into
 * the cache folder as it renders, which made a cold build at 1,000 posts about 4 s slower on the
 * benchmark's machine (the cost of creating 1,400 more folders and files); here the kept pages
 * are hard links to the output files, made while Pagefind indexes (docs/performance.md).
 */
import type { AstroIntegration, AstroPrerenderer } from 'astro';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { codeKey, forgetOfferedPages, offeredPages, PageStore } from './page-store';

/** Pages kept between two turns of the event loop. */
const KEEP_BATCH = 32;

/** The Astro integration (see the module comment). */
export function pageReuse(): AstroIntegration {
  let store: PageStore | undefined;
  return {
    name: 'page-reuse',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') return;
        store = new PageStore(
          fileURLToPath(new URL('page-reuse/', config.cacheDir)),
          codeKey(fileURLToPath(config.root)),
        );
      },
      'astro:build:start': ({ setPrerenderer }) => {
        setPrerenderer((astro): AstroPrerenderer => ({
          name: 'page-reuse',
          setup: () => astro.setup?.() ?? Promise.resolve(),
          getStaticPaths: () => astro.getStaticPaths(),
          render: async (request, options) => {
            const key = offeredPages().get(new URL(request.url).pathname);
            const kept = key === undefined ? undefined : store?.take(key);
            if (!kept) return astro.render(request, options);
            return new Response(new Uint8Array(kept), { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
          },
          ...(astro.collectStaticImages ? { collectStaticImages: () => astro.collectStaticImages!() } : {}),
          teardown: () => astro.teardown?.() ?? Promise.resolve(),
        }));
      },
      'astro:build:generated': async ({ dir, logger }) => {
        if (!store) return;
        const offered = offeredPages();
        let done = 0;
        for (const [path, key] of offered) {
          // Pagefind is writing its index now (its hook, which runs first, returns once Pagefind
          // has read the pages), and each of its steps waits for this event loop to read the last
          // one's reply (pagefind/lib/service.js). So the pages are kept KEEP_BATCH at a time, with
          // a turn of the loop between (`setImmediate` of node:timers/promises), and Pagefind's
          // reply is read within one batch. Kept in one run, when this hook ran as Pagefind
          // started, they held its first reply back by 0.15 s (docs/performance.md).
          if (done > 0 && done % KEEP_BATCH === 0) await yieldToEventLoop();
          store.keep(key, fileURLToPath(new URL(`.${path}index.html`, dir)));
          done += 1;
        }
        const kept = store.save();
        forgetOfferedPages();
        logger.info(
          `copied ${String(store.reused)} of ${String(offered.size)} pages from the last build; kept ${String(kept)} for the next`,
        );
      },
    },
  };
}
