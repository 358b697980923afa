/**
 * Runs the content gate's checks of Markdown files in a process of its own during `astro build`
 * (src/content/gate-process.ts says why and how): started as Astro starts, stopped once the content
 * is synced. The dev server checks in its own process, file by file as they change.
 */
import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { CONTENT_DIR } from '../config';
import { startGateProcess, stopGateProcess } from '../content/gate-process';

/** Astro integration that gives a production build's content gate the second core. */
export function contentGateProcess(): AstroIntegration {
  return {
    name: 'content-gate',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') return;
        // No content store yet (Astro's data-store.json, in the cache folder for a build) means
        // every file will be checked, so the process starts on them at once.
        startGateProcess({
          contentDir: CONTENT_DIR,
          checkAll: !existsSync(new URL('data-store.json', config.cacheDir)),
        });
      },
      // Astro syncs the content before this hook (node_modules/astro/dist/core/build/index.js).
      'astro:build:start': () => stopGateProcess(),
    },
  };
}
