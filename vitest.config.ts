import { defineConfig } from 'vitest/config';

/**
 * Three kinds of Vitest test, run by `npm test` as separate steps:
 * - unit: in-process only (src/lib, schemas, loaders over fixture trees, the CMS config);
 * - build: the few real `astro build` runs that prove bad content stops a build;
 * - site: checks over the shared production build in dist/ (run after `npm run build`).
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/content/**/*.test.ts'] } },
      { test: { name: 'build', include: ['tests/build/**/*.test.ts'], testTimeout: 180_000, hookTimeout: 180_000 } },
      { test: { name: 'site', include: ['tests/site/**/*.test.ts'], testTimeout: 60_000 } },
    ],
  },
});
