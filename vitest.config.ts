import { defineConfig } from 'vitest/config';
import { useSuiteClock } from './tests/support/clock.ts';

// Builds started from tests, and the tests' own expectations, are as of the suite's one clock.
useSuiteClock();

/**
 * Four kinds of Vitest test, run by `npm test` as separate steps:
 * - unit: in-process only (src/lib, schemas, loaders over fixture trees, the CMS config);
 * - content: checks over the real content/ folder (schemas, facts, A–Z coverage);
 * - build: the few real `astro build` runs that prove bad content stops a build;
 * - site: checks over the shared production build in dist/ (run after `npm run build`).
 */
export default defineConfig({
  test: {
    projects: [
      // Unit, content and site test files share one module registry (`isolate: false`): loading
      // zod, unified and the schemas once, not once a file, halves the unit step's CPU. A test that
      // needs a module loaded with its own environment resets the registry first
      // (tests/unit/build-date.test.ts).
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false } },
      // Loading every real file through the real loaders (schemas, the content gate's prose checks)
      // is a build's worth of work (about 7 s of CPU for health-facts.test.ts), more than a unit hook's 10 s on a busy machine.
      {
        test: { name: 'content', include: ['tests/content/**/*.test.ts'], hookTimeout: 60_000, isolate: false },
      },
      { test: { name: 'build', include: ['tests/build/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000 } },
      { test: { name: 'site', include: ['tests/site/**/*.test.ts'], testTimeout: 60_000, isolate: false } },
    ],
  },
});
