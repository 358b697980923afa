/**
 * Hashes each inlined style and script block once per build for the Content-Security-Policy,
 * instead of once on every page that carries it.
 *
 * Why: every page carries its route's styles inline (`build.inlineStylesheets: 'always'`), and
 * with `security.csp` Astro hashes every one of them again as it renders each page: astro 7.3's
 * `FetchState.createResult` (node_modules/astro/dist/core/fetch/fetch-state.js) awaits
 * `generateCspDigest(style.children, cspAlgorithm)` for each style and script of the route, and
 * `generateCspDigest` (node_modules/astro/dist/core/encryption.js) encodes the text and runs
 * `crypto.subtle.digest` on it. At 1,000 posts that is 1,684 pages each hashing the same 15 KB,
 * about 0.2 s of page generation, which runs on one core (docs/performance.md). A SHA-256 of the
 * same text is the same digest, so this keeps each one.
 *
 * How: a Vite plugin renames that module's `generateCspDigest` and puts in its place one that
 * remembers the promise of each (algorithm, text) it was given. Nothing else in the module
 * changes, and every caller (pages, server islands, fonts, images) gets the same digests as before.
 * tests/site/security.test.ts checks every inline block of the built pages against its page's
 * policy, and tests/unit/csp-digests.test.ts that the installed Astro still has the function this
 * replaces. If a later Astro no longer does, the build goes on unchanged, with one warning: the
 * pages are still right, only slower to build.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';

/** The module of Astro that defines `generateCspDigest`. */
export const ENCRYPTION_MODULE = /[\\/]node_modules[\\/]astro[\\/]dist[\\/]core[\\/]encryption\.js$/;

/**
 * The declaration this replaces, as astro 7.3.5 writes it (exported by a list at the module's end).
 * Astro 7.4 exports it where it is declared (`export async function generateCspDigest…`), which
 * the replacement keeps: renaming the exported declaration without exporting the new function
 * would leave the module without `generateCspDigest`, and Vite's build would stop on the missing
 * export rather than go on unchanged.
 */
const DECLARATION = 'async function generateCspDigest(data, algorithm) {';

/**
 * Astro's `generateCspDigest` under another name, then one with the same name that keeps each
 * digest's promise by algorithm and text. A failed digest is not kept. The store holds the few
 * blocks a build inlines; it starts again past 10,000, so a long `astro dev` session cannot grow it
 * without end.
 *
 * The texts are kept by length and found by comparing (`===`), not as the keys of a Map: Astro
 * joins each page's stylesheets into a new string for every page (`mergeInlineCss` in
 * node_modules/astro/dist/core/build/runtime.js), and a Map would work out the hash of all its
 * 15 KB every time, 25 microseconds against 3 for the comparison (docs/performance.md).
 * `exported` is whether Astro declared its own function with `export`, which this one then keeps.
 */
const cached = (exported: boolean) => `
const cspDigests = new Map();
let cspDigestCount = 0;
${exported ? 'export ' : ''}function generateCspDigest(data, algorithm) {
  if (cspDigestCount >= 10000) {
    cspDigests.clear();
    cspDigestCount = 0;
  }
  let kept = cspDigests.get(data.length);
  if (!kept) cspDigests.set(data.length, (kept = []));
  const found = kept.find((entry) => entry.algorithm === algorithm && entry.data === data);
  if (found) return found.digest;
  const entry = { algorithm, data, digest: hashCspDigest(data, algorithm) };
  kept.push(entry);
  cspDigestCount += 1;
  entry.digest.catch(() => {
    const at = kept.indexOf(entry);
    if (at >= 0) kept.splice(at, 1);
  });
  return entry.digest;
}
`;

/** The module's code with `generateCspDigest` keeping its digests, or undefined if the code has no such declaration. */
export function cacheCspDigests(code: string): string | undefined {
  if (code.split(DECLARATION).length !== 2) return undefined;
  const exported = code.includes(`export ${DECLARATION}`);
  const renamed = code.replace(
    exported ? `export ${DECLARATION}` : DECLARATION,
    'async function hashCspDigest(data, algorithm) {',
  );
  return `${renamed}${cached(exported)}`;
}

/** A Vite plugin (the part of Vite's plugin API this uses) that applies {@link cacheCspDigests}. */
function cspDigestPlugin(logger: AstroIntegrationLogger) {
  let warned = false;
  return {
    name: 'csp-digests',
    apply: 'build' as const,
    transform(code: string, id: string) {
      if (!ENCRYPTION_MODULE.test(id)) return undefined;
      const cached = cacheCspDigests(code);
      if (cached === undefined && !warned) {
        warned = true;
        logger.warn(
          `${id} no longer declares "${DECLARATION}", so each page's styles are hashed for the Content-Security-Policy ` +
            'on every page again (the pages are right, only slower to build); see src/integrations/csp-digests.ts.',
        );
      }
      return cached === undefined ? undefined : { code: cached, map: null };
    },
  };
}

/** The Astro integration (see the module comment). */
export function cspDigests(): AstroIntegration {
  return {
    name: 'csp-digests',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, logger }) => {
        if (command === 'build') updateConfig({ vite: { plugins: [cspDigestPlugin(logger)] } });
      },
    },
  };
}
