/**
 * Loads the content layer's code (src/content/content-layer.ts and the files it imports) with
 * Node's own module loader in a production build, rather than through Vite's module runner, which
 * Astro uses for `src/content.config.ts`. The runner transforms each of our files on its way in
 * (TypeScript, import rewriting, source maps): 44 of our files, which Node reads by stripping their
 * types (Node 24). A rebuild's content sync starts about 0.3 s sooner. The code is the same; only
 * who loads it differs. `astro dev` keeps Vite's runner, which reloads the loaders when they change.
 *
 * `require()` of ES modules cannot load a module with top-level `await`: the content layer must not
 * use one (Node would stop the build with ERR_REQUIRE_ASYNC_MODULE, naming the file).
 *
 * Node APIs relied on: `module.registerHooks` (synchronous resolve hooks, Node 22.15+), for the
 * extensionless imports Vite allows (the content gate's own process uses the same hook), and
 * `require()` of an ES module (Node 22.12+), which loads it synchronously and which Vite's module
 * runner leaves alone, where it rewrites `import()`. The `content-gate` integration loads the content
 * gate the same way at the end of a build (`loadContentGate`), once Astro has closed the runner
 * that loaded the config.
 */
import { createRequire, registerHooks } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as ContentGate from './content-gate';
import type * as ContentLayer from './content-layer';

/**
 * Node's arguments to run `script` as an ES module in a Node process of our own (the content
 * gate's, src/content/gate-process.ts, and the search index re-cut's,
 * src/integrations/pagefind-chunks.ts). Before the script imports anything, the process turns on
 * Node's compile cache (`module.enableCompileCache`, Node 22.1+), as astro's own bin/astro.mjs
 * does for the process it runs in. The cache keeps, in the system's temporary folder, what Node
 * made of each module it loaded, our TypeScript with its types stripped included, and Node checks
 * each entry against the file's contents. A child process does not inherit the parent's cache
 * (the call sets no environment variable), so without this each gate process spent about 0.2 s of
 * its start (0.34–0.42 s against 0.18–0.21 s) stripping and compiling again the same modules. It
 * does nothing where `NODE_DISABLE_COMPILE_CACHE` is set. Arguments for the script follow these.
 */
export function nodeScriptArgs(script: string): string[] {
  return ['--input-type=module', '--eval', `(await import('node:module')).enableCompileCache?.();\n${script}`];
}

/** Set once the hook is registered in this process (Vite may load this file more than once). */
const HOOKED = Symbol.for('charity-site.extensionless-ts-imports');
type Hooked = typeof globalThis & { [HOOKED]?: true };

/**
 * Lets Node resolve our extensionless relative imports (`./loaders`) to their `.ts` files, in this
 * process from now on (also the content gate's own process, src/content/gate-process.ts).
 */
export function resolveTypeScriptImports(): void {
  const shared = globalThis as Hooked;
  if (shared[HOOKED]) return;
  shared[HOOKED] = true;
  registerHooks({
    resolve(specifier, context, next) {
      try {
        return next(specifier, context);
      } catch (error) {
        // Only a relative import that Node could not find is tried again, with ".ts".
        if (!specifier.startsWith('.') || (error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
        return next(`${specifier}.ts`, context);
      }
    },
  });
}

/** One of this folder's TypeScript modules, loaded by Node itself. */
function requireHere(name: string): unknown {
  resolveTypeScriptImports();
  return createRequire(import.meta.url)(join(dirname(fileURLToPath(import.meta.url)), name));
}

/** The content layer's exports, loaded by Node itself. */
export function loadContentLayer(): typeof ContentLayer {
  return requireHere('content-layer.ts') as typeof ContentLayer;
}

/**
 * The content gate's exports, loaded by Node itself: for code that Vite's runner loaded with the
 * config, whose `import()` the runner rewrites and which fails once Astro has closed the runner.
 */
export function loadContentGate(): typeof ContentGate {
  return requireHere('content-gate.ts') as typeof ContentGate;
}
