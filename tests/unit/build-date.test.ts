/**
 * The build's one "now": BUILD_DATE moves it (for tests, and to preview the site as of another
 * day), and a value that is not a date stops the build instead of silently using today.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Unit test files share their modules (vitest.config.ts: no isolation), so src/config is loaded
// afresh, with the environment each test sets, rather than as another file left it.
beforeEach(() => {
  vi.resetModules();
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('BUILD_NOW', () => {
  it('is the BUILD_DATE given', async () => {
    vi.stubEnv('BUILD_DATE', '2026-12-14');
    const { BUILD_NOW } = await import('../../src/config');
    expect(BUILD_NOW.toISOString()).toBe('2026-12-14T00:00:00.000Z');
  });

  it('is the moment of the build without it', async () => {
    vi.stubEnv('BUILD_DATE', '');
    const before = Date.now();
    const { BUILD_NOW } = await import('../../src/config');
    expect(BUILD_NOW.getTime()).toBeGreaterThanOrEqual(before);
    expect(BUILD_NOW.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('refuses a BUILD_DATE that is not a date', async () => {
    vi.stubEnv('BUILD_DATE', 'next Tuesday');
    await expect(import('../../src/config')).rejects.toThrow('BUILD_DATE "next Tuesday" is not a date');
  });
});
