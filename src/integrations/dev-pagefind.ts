/**
 * In `astro dev`, serves the search index from the last production build (dist/pagefind), so
 * search works while editing locally. Production builds write the index themselves.
 */
import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import sirv from 'sirv';

/** Astro integration that serves `/pagefind/*` from `dist/pagefind` in the dev server. */
export function devPagefind(indexDir = resolve('dist/pagefind')): AstroIntegration {
  return {
    name: 'dev-pagefind',
    hooks: {
      'astro:server:setup': ({ server }) => {
        // sirv 3 (content types from mrmime); dev: files are looked up per request, so a new
        // build's index is served without restarting. A file it lacks falls through to Astro.
        server.middlewares.use('/pagefind', sirv(indexDir, { dev: true, etag: true }));
      },
    },
  };
}
