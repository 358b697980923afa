/**
 * The CMS round trip (tests/e2e/cms), run by `npm run test:cms` (tests/harness/test-cms.ts), which
 * makes a temporary copy of content/ and builds the editor against a real decap-server that saves
 * into that copy. Three stages:
 * 1. `edit`: editing journeys in the editor, one at a time, each checking the file it saved; beside
 *    them, in a second worker, `dev-server`: one journey under the Astro dev server;
 * 2. `rebuild`: the edited copy built once, as Netlify would after a publish, with its search index;
 * 3. `site`: what each edit changed on that rebuilt site.
 */
import { defineConfig, devices } from '@playwright/test';
import base from './playwright.config';

const REPO = process.env['CMS_TEST_REPO'];
if (!REPO) {
  throw new Error('Run the CMS tests with `npm run test:cms`: it makes the temporary content copy they edit.');
}
/** decap-server (8081 is left to `npm start`). */
const CMS_PORT = Number(process.env['CMS_TEST_PORT'] ?? 8085);
/** `astro preview` of the editor build. */
const PORT = Number(process.env['CMS_PREVIEW_PORT'] ?? Number(process.env['PREVIEW_PORT'] ?? 4399) + 1000);

export default defineConfig({
  testDir: 'tests/e2e/cms',
  outputDir: 'test-results/cms',
  // Two workers: the editing journeys take one, one at a time (`workers: 1` on their project), as
  // they share the content copy and the editor's list views; the dev-server journey, which edits a
  // post no other journey touches, takes the other at the same time, so the round trip, the
  // longest chain of `npm test`, no longer waits for it.
  workers: 2,
  fullyParallel: false,
  // The editor is a large React app driven through the keyboard on a 2-core machine: a journey that
  // fails once is run once more, and Playwright reports it as flaky (named in the run's output).
  retries: process.env['CI'] ? 1 : 0,
  forbidOnly: Boolean(process.env['CI']),
  reporter: [['list']],
  timeout: 90_000,
  expect: { timeout: 20_000 },
  use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}`, actionTimeout: 20_000 },
  projects: [
    {
      name: 'edit',
      testMatch: /cms\/[^/]+\.spec\.ts$/,
      testIgnore: /dev-no-reload\.spec\.ts$/,
      // The editors are in the UK: Decap formats list dates in the browser's time zone, and the
      // journeys type dates as London times. (The journeys share one page, made with these options
      // for the whole worker: tests/e2e/cms/support.ts.)
      use: { ...devices['Desktop Chrome'], timezoneId: 'Europe/London' },
      workers: 1,
    },
    // Beside the editing journeys. The other journeys' saves also reach its dev server, and its
    // editor page must not reload for those either.
    {
      name: 'dev-server',
      testMatch: /cms\/dev-no-reload\.spec\.ts$/,
      use: { ...devices['Desktop Chrome'] },
      workers: 1,
    },
    { name: 'rebuild', testMatch: /site\/build\.setup\.ts$/, dependencies: ['edit', 'dev-server'] },
    {
      name: 'site',
      testMatch: /site\/[^/]+\.spec\.ts$/,
      dependencies: ['rebuild'],
      use: { ...devices['Desktop Chrome'] },
    },
  ],
  webServer: [
    {
      command: 'node tools/cms-server.ts',
      port: CMS_PORT,
      // Never reuse: a server left over from `npm start` would write into the real content/.
      reuseExistingServer: false,
      timeout: 30_000,
      env: { PORT: String(CMS_PORT), GIT_REPO_DIRECTORY: REPO },
    },
    {
      // In the project copy the editor was built in (tests/harness/test-cms.ts). --ignore-lock:
      // Astro allows one tracked preview server per project, and a developer's may be running.
      command: `node node_modules/astro/bin/astro.mjs preview --ignore-lock --host 127.0.0.1 --port ${PORT}`,
      cwd: `${REPO}/project`,
      url: `http://127.0.0.1:${PORT}/admin/`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { ASTRO_TELEMETRY_DISABLED: '1', OUT_DIR: `${REPO}/editor`, CONTENT_DIR: `${REPO}/content` },
    },
  ],
});
