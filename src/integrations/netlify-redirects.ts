/**
 * Writes Netlify's `_redirects` file into the build output from src/data/redirects.json, so the
 * list of old addresses is edited in one place. A malformed list stops the build.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseRedirectList, toRedirectsFile } from '../lib/netlify-redirects';

/** Astro integration that writes `dist/_redirects` after the build. */
export function netlifyRedirects(listFile = 'src/data/redirects.json'): AstroIntegration {
  return {
    name: 'netlify-redirects',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const rules = parseRedirectList(JSON.parse(readFileSync(listFile, 'utf8')));
        writeFileSync(fileURLToPath(new URL('_redirects', dir)), toRedirectsFile(rules));
        logger.info(`wrote _redirects with ${rules.length} old addresses`);
      },
    },
  };
}
