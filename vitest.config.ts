import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Only unit tests: the Playwright specs in tests/e2e have their own runner.
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
