/**
 * Test-only Astro integration for the search fixture build. The A–Z, news and services detail
 * pages are built on other branches; until they are in `src/pages/`, this adds small stand-ins
 * (tests/fixtures/search/routes/) at the same addresses so the search tests can index real
 * pages made by the real BaseLayout. A stand-in steps aside as soon as the real route exists.
 * It is only used when SEARCH_STAND_INS is set, never in the production build.
 */
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROUTES = [
  { area: 'a-z', pattern: '/a-z/[slug]' },
  { area: 'news', pattern: '/news/[slug]' },
  { area: 'services', pattern: '/services/[slug]' },
] as const;

/** Adds stand-in detail pages for areas that have no route yet. */
export function searchStandIns(): AstroIntegration {
  return {
    name: 'search-stand-ins',
    hooks: {
      'astro:config:setup': ({ injectRoute, config }) => {
        const pagesDir = fileURLToPath(new URL('pages/', config.srcDir));
        for (const { area, pattern } of ROUTES) {
          if (existsSync(`${pagesDir}${area}`)) continue;
          injectRoute({
            pattern,
            entrypoint: fileURLToPath(new URL(`../fixtures/search/routes/${area}.astro`, import.meta.url)),
          });
        }
      },
    },
  };
}
