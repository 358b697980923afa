/**
 * Runs the content gate's checks of Markdown files in a process of its own during a cold
 * `astro build` (src/content/gate-process.ts says why and how): started as Astro loads the config
 * (content-gate-start.ts) or, at the latest, by this integration's setup. Once the content is
 * synced it works out the reading levels it left for later (src/content/later-readings.ts), and
 * stops. Rebuilds and the dev server check the files that changed in Astro's own process.
 */
import type { AstroIntegration } from 'astro';
import { CONTENT_DIR } from '../config';
import { hasContentStore, startGateProcess, stopGateProcess } from '../content/gate-process';
import { freezeContentFingerprints, thawContentFingerprints } from '../content/helplines';
import { askForReadings, finishReadings } from '../content/later-readings';
import { loadContentGate } from '../content/native-load';

/**
 * Astro integration that gives a production build's content gate the second core, and has the
 * build take the helpline registry's and the charity's numbers' fingerprints once
 * (`freezeContentFingerprints` in src/content/helplines.ts).
 */
export function contentGateProcess(): AstroIntegration {
  return {
    name: 'content-gate',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        // A build reads the content as it is when it starts; only `astro dev` follows edits.
        if (command === 'build') freezeContentFingerprints();
        // No content store yet (Astro's data-store.json, in the cache folder for a build) means
        // every file will be checked. content-gate-start.ts may have started the process already,
        // from the command line; this config is what decides.
        if (command !== 'build' || hasContentStore(config.cacheDir)) {
          stopGateProcess();
          return;
        }
        startGateProcess({ contentDir: CONTENT_DIR });
        logger.info('checking every Markdown file in a process of its own (no content store yet)');
      },
      // Astro syncs the content before this hook (node_modules/astro/dist/core/build/index.js).
      // The process now works out the reading levels it left for later, and stops once it has sent them.
      'astro:build:start': () => askForReadings(CONTENT_DIR),
      'astro:build:done': async ({ logger }) => {
        thawContentFingerprints();
        // Their warnings and the reading-grade summary, and the levels kept for the next build. A
        // level the process did not send is worked out here, with the gate's code loaded only then.
        await finishReadings(logger, (file) => {
          const { helplineNamer, readingOfFile } = loadContentGate();
          return readingOfFile(file, helplineNamer(CONTENT_DIR));
        });
      },
    },
  };
}
