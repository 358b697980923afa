/**
 * Starts the content gate's own process (src/content/gate-process.ts) as soon as a cold
 * `astro build` begins to load the Astro config: astro.config.ts imports this module before any
 * other, so the process starts before Astro has loaded the config's integrations and the modules
 * they import (the helpline registry, the schemas, Zod, YAML). Started from the
 * `astro:config:setup` hook, as before, it began about 0.65 s later, and the loader checked more
 * files itself; started here, content sync was shorter in each of six pairs of cold builds at
 * 1,000 posts, by 0.28 s on average (docs/performance.md, "A twelfth round").
 *
 * Only the command line says, this early, that Astro is building: the `content-gate` integration
 * (content-gate.ts) still decides with the config Astro resolved. It starts the process at
 * `astro:config:setup` when this module did not (a build through Astro's JavaScript API has no
 * command line), and stops it when the build is not a cold one after all.
 */
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ASTRO_CACHE_DIR, CONTENT_DIR } from '../config';
import { hasContentStore, startGateProcess } from '../content/gate-process';

/**
 * Whether `argv` (a `process.argv`) is Astro's command line running `build` (its first argument
 * that is not a flag, as in `astro build` and `npm run build`) and the cache folder `cacheDir`
 * holds no content store yet (Astro's data-store.json), so every Markdown file will be checked.
 */
export function isColdBuildCommand(argv: readonly string[], cacheDir: string): boolean {
  const command = argv.slice(2).find((arg) => !arg.startsWith('-'));
  return (
    /^astro(?:\.m?js)?$/.test(basename(argv[1] ?? '')) &&
    command === 'build' &&
    !hasContentStore(pathToFileURL(`${resolve(cacheDir)}/`))
  );
}

if (isColdBuildCommand(process.argv, ASTRO_CACHE_DIR)) startGateProcess({ contentDir: CONTENT_DIR });
