/**
 * The CMS round-trip tests (tests/e2e/cms): the editor at /admin, served by `astro preview` of a
 * build whose config points at a real decap-server, which writes into a temporary copy of the
 * content. Run through `npm run test:cms` (scripts/test-cms.mjs), which prepares both.
 */
import { defineConfig, devices } from '@playwright/test';
import base from './playwright.config';

const REPO = process.env['CMS_TEST_REPO'];
const SITE = process.env['CMS_TEST_SITE'];
if (!REPO || !SITE) {
  throw new Error('Run the CMS tests with `npm run test:cms`: it makes the temporary content copy they edit.');
}
/** decap-server (8081 is left to `npm start`). */
const CMS_PORT = Number(process.env['CMS_TEST_PORT'] ?? 8085);
/** `astro preview` of the editor build. */
const PORT = Number(process.env['CMS_PREVIEW_PORT'] ?? Number(process.env['PREVIEW_PORT'] ?? 4399) + 1000);

export default defineConfig({
  testDir: 'tests/e2e/cms',
  // Every test edits the same content copy and some rebuild the site: one at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env['CI']),
  reporter: [['list']],
  timeout: 240_000,
  expect: { timeout: 20_000 },
  use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}`, actionTimeout: 20_000 },
  projects: [{ name: 'cms', use: { ...devices['Desktop Chrome'] } }],
  webServer: [
    {
      command: 'node scripts/cms-server.mjs',
      port: CMS_PORT,
      // Never reuse: a server left over from `npm start` would write into the real content/.
      reuseExistingServer: false,
      timeout: 30_000,
      env: { PORT: String(CMS_PORT), GIT_REPO_DIRECTORY: REPO },
    },
    {
      // --ignore-lock: Astro allows one tracked preview server per project, and a developer's
      // `npm run preview` (or the checking builds' servers) may be running too.
      command: `node node_modules/astro/bin/astro.mjs preview --ignore-lock --host 127.0.0.1 --port ${PORT}`,
      url: `http://127.0.0.1:${PORT}/admin/`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { ASTRO_TELEMETRY_DISABLED: '1', OUT_DIR: SITE, CONTENT_DIR: `${REPO}/content` },
    },
  ],
});
