import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Checks over the built site in dist/: run after `npm run build` (scripts/test.mjs does).
    include: ['tests/site/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
