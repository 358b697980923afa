/**
 * In `astro dev`, serves the search index from the last production build (dist/pagefind), so
 * search works while editing locally. Production builds write the index themselves.
 */
import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';

/** Astro integration that serves `/pagefind/*` from `dist/pagefind` in the dev server. */
export function devPagefind(indexDir = resolve('dist/pagefind')): AstroIntegration {
  return {
    name: 'dev-pagefind',
    hooks: {
      'astro:server:setup': async ({ server }) => {
        // Loaded here, so a production build, which loads this file with the config, does not.
        const { default: sirv } = await import('sirv');
        // sirv 3 (content types from mrmime); dev: files are looked up per request, so a new
        // build's index is served without restarting. A file it lacks falls through to Astro.
        server.middlewares.use('/pagefind', sirv(indexDir, { dev: true, etag: true }));
      },
    },
  };
}
