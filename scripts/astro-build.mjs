// `astro build` in a Node process set up for a smaller peak memory; `npm run build` and
// `npm run bench` both run it, so the benchmark measures the build Netlify runs. Arguments are
// passed on to `astro build`.
//
// Neither setting is a limit: the build still takes whatever memory a bigger site needs.
// - V8 grows the JavaScript heap by half of what is live after each full collection, instead of
//   up to four times it, so garbage is collected sooner (at 1,000 posts the heap held several
//   hundred MB of garbage while about 110 MB was live). It costs a few more collections.
// - Rolldown (Vite's bundler) allocates with mimalloc, which by default lets Linux back its arena
//   with 2 MB huge pages and keeps freed pages for a second: a build that had about 40 MB of
//   Rolldown data live held 250–300 MB of it. Without huge pages, and handing freed pages back at
//   once, it holds about what it uses. mimalloc reads these when it loads, before any of our code
//   runs, so they are set in the environment of a new process (huge pages concern Linux only).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Node options for the build's process. */
export const BUILD_NODE_OPTIONS = ['--heap-growing-percent=50'];

/** Environment for the build's process; a variable already set in the environment wins. */
export const BUILD_ENV = { MIMALLOC_ALLOW_THP: '0', MIMALLOC_PURGE_DELAY: '0' };

/** Astro's own CLI, run by this Node (npx would add an npm process that does not pass signals on). */
export const ASTRO_CLI = join(dirname(require.resolve('astro/package.json')), 'bin/astro.mjs');

/** The command line and environment of `astro build` with the settings above. */
export function astroBuildCommand(args = [], env = process.env) {
  return {
    command: process.execPath,
    args: [...BUILD_NODE_OPTIONS, ASTRO_CLI, 'build', ...args],
    env: { ...BUILD_ENV, ...env },
  };
}

if (import.meta.main) {
  const { command, args, env } = astroBuildCommand(process.argv.slice(2));
  const child = spawn(command, args, { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
