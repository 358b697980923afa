/**
 * Builds the site search index once Astro has written every page, so `astro build` alone gives a
 * site whose search works: Pagefind indexes the output folder into its `pagefind/` subfolder.
 *
 * Uses Pagefind's Node API as the installed pagefind 1.6.0 defines it (node_modules/pagefind/lib/
 * index.js, types/index.d.ts): `createIndex(config)` starts Pagefind's own binary as a service
 * (lib/service.js spawns it with this process's environment; `config.rootSelector` is the CLI's
 * `--root-selector`), `addDirectory({ path })` indexes the HTML files under `path`,
 * `writeFiles({ outputPath })` writes the bundle, and `close()` stops the service. Each call resolves
 * with an `errors` list rather than throwing, so every list is checked.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { readFileSync } from 'node:fs';
import { findPackageJSON } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';
import { KNOWN_PAGEFIND_VERSION, startRecut, type Recut } from './pagefind-chunks';

/**
 * The element Pagefind reads of each page (its `rootSelector`, default `html`). Everything it
 * indexes (the `data-pagefind-body`, filters, metadata and sort) is inside `<main>`, and it still
 * takes each page's language from `<html lang>`, so the index is the same, byte for byte, on the
 * sample site and at 1,000 and 5,000 posts; Pagefind only no longer walks each page's head, header
 * and footer, a fifth of its reading time at 5,000 posts (docs/performance.md).
 * tests/site/html.test.ts fails if a page puts what Pagefind indexes outside `<main>`, and the
 * search browser test compares results with an index Pagefind made of whole pages.
 */
const PAGEFIND_ROOT = 'main';

/**
 * The word positions in each chunk of Pagefind's own word index, which the re-cut then reads and
 * cuts again (src/integrations/pagefind-chunks.ts): 2,000 instead of Pagefind's 20,000. Pagefind
 * 1.6.0 compresses every file it writes at gzip's best level, one after another on one core
 * (`write` in pagefind/src/output/mod.rs), and the best level costs much more on big pieces, so its
 * writing took 603–640 ms instead of 684–767 ms at 1,000 posts, and the re-cut, reading 201 chunks
 * instead of 40, about 15 ms more. The re-cut's chunks are byte for byte the same either way, as
 * the re-cut reads every word of every chunk in order (docs/performance.md, seventeenth round).
 */
const WRITE_CHUNK_POSITIONS = '2000';

/** The installed Pagefind's version (`findPackageJSON` of node:module, Node 23.2+), or undefined. */
function installedPagefindVersion(): string | undefined {
  const file = findPackageJSON?.('pagefind', import.meta.url);
  return file ? (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version : undefined;
}

/**
 * What Pagefind's process gets in its environment for this build: the small chunks above only for
 * the version the re-cut knows. With any other version the re-cut keeps Pagefind's own chunks, and
 * those must be Pagefind's default size, as small ones lose more prefix matches (docs/search.md).
 */
export function pagefindEnvironment(version: string | undefined): Record<string, string> {
  return version === KNOWN_PAGEFIND_VERSION ? { PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: WRITE_CHUNK_POSITIONS } : {};
}

/**
 * Starts Pagefind's service with `env` added to its environment. The Node API starts the service
 * synchronously inside `createIndex` (lib/index.js `launch`, lib/service.js `child_process.spawn`
 * with this process's environment), so the variables are set for that call only and put back.
 */
function createIndexWith(env: Record<string, string>, config: Parameters<typeof createIndex>[0]) {
  const before = Object.keys(env).map((name) => [name, process.env[name]] as const);
  Object.assign(process.env, env);
  try {
    return createIndex(config);
  } finally {
    for (const [name, value] of before) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/**
 * Indexes the built site in `site` into `site/pagefind`; throws one line if Pagefind reports a problem.
 * @param onRead Called once Pagefind has read every page, before it writes the index.
 */
async function indexSite(site: string, logger: AstroIntegrationLogger, onRead?: () => void): Promise<void> {
  const outputPath = join(site, 'pagefind');
  /** Pagefind's errors for a step, as one line naming the step. */
  const fail = (step: string, errors: string[]): Error =>
    new Error(`Pagefind could not ${step} (${site}): ${errors.join('; ')}`);
  let recut: Recut | undefined;
  try {
    const { index, errors } = await createIndexWith(pagefindEnvironment(installedPagefindVersion()), {
      rootSelector: PAGEFIND_ROOT,
    });
    if (!index || errors.length > 0) throw fail('start', errors);
    const added = await index.addDirectory({ path: site });
    if (added.errors.length > 0) throw fail('index the pages', added.errors);
    if (added.page_count === 0) throw fail('find a page to index', ['no HTML files with content']);
    onRead?.();
    // The re-cut's process starts now, while Pagefind writes the index on one core, so Node's
    // start is not left for after (src/integrations/pagefind-chunks.ts, `startRecut`).
    recut = startRecut();
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw fail('write the search index', written.errors);
    logger.info(`read ${added.page_count} pages and wrote the search index to pagefind/`);
  } catch (error) {
    // Not awaited: the process ends by itself once its input is closed.
    void recut?.cancel();
    throw error;
  } finally {
    await close();
  }
  await recut.run(outputPath, logger);
}

/**
 * Astro integration that writes the Pagefind search index in a production build. Indexing starts
 * at `astro:build:generated`, when Astro has written every page (node_modules/astro/dist/core/
 * build/generate.js runs that hook once pages and images are done), and runs in Pagefind's own
 * process while the other integrations' `astro:build:done` hooks write the sitemap, redirects,
 * service worker and editor, none of which is a page Pagefind reads. The build waits for it
 * at `astro:build:done`, so it still ends only once the index is written, and fails if it failed.
 *
 * The `astro:build:generated` hook itself returns once Pagefind has read the pages (or failed), and
 * Astro waits for it before the hooks after it (integrations/hooks.js awaits each in turn). Each of
 * the Node API's steps waits for Astro's event loop to read the last one's reply
 * (pagefind/lib/service.js). With the other hooks' work running while Pagefind read the pages,
 * that reply waited behind it (in two timed builds it was read only as the editor's copy, the last
 * of them, ended), and Pagefind's reading shared the two cores with that work. Now the work runs
 * while Pagefind writes the index, which it does mostly on one core. In four alternating
 * pairs of cold builds at 1,000 posts, Pagefind's start to the re-cut's end took 1.49–1.72 s
 * against 1.64–1.84 s (docs/performance.md).
 */
export function pagefindSearch(): AstroIntegration {
  let indexing: Promise<void> | undefined;
  return {
    name: 'pagefind',
    hooks: {
      'astro:build:generated': async ({ dir, logger }) => {
        const pagesRead = Promise.withResolvers<void>();
        indexing = indexSite(fileURLToPath(dir), logger, pagesRead.resolve);
        // Its failure is reported where it is awaited, below, not as an unhandled rejection.
        const settled = indexing.catch(() => undefined);
        await Promise.race([pagesRead.promise, settled]);
      },
      'astro:build:done': async ({ dir, logger }) => {
        await (indexing ?? indexSite(fileURLToPath(dir), logger));
      },
    },
  };
}
