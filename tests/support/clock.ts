/**
 * The suite's one clock. Every build a test makes, and every expectation about dates, is as of
 * SUITE_DATE, never the day the tests happen to run: the content's dates (group schedules,
 * scheduled posts, review dates) then mean the same thing to the suite in any year, and a content
 * deadline passing cannot fail a commit. `npm test`, the Playwright configs and the Vitest config
 * pass it to builds as BUILD_DATE (src/config.ts reads that as the build's "now").
 *
 * Move it forward when the sample content is refreshed; nothing else needs to change.
 */

/** The moment the suite's builds treat as "now": noon in London, so a post dated that morning is out. */
export const SUITE_DATE = '2026-12-01T12:00:00Z';

/**
 * Sets BUILD_DATE to the suite's date unless the caller chose another, and returns the moment in
 * force. Called where a test tool starts, so every process it spawns inherits the same clock.
 */
export function useSuiteClock(env: NodeJS.ProcessEnv = process.env): Date {
  env['BUILD_DATE'] ||= SUITE_DATE;
  return suiteNow(env);
}

/** The moment the build under test treats as "now": BUILD_DATE when set, else SUITE_DATE. */
export function suiteNow(env: NodeJS.ProcessEnv = process.env): Date {
  return new Date(env['BUILD_DATE'] || SUITE_DATE);
}
