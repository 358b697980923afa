import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumEnv, chromiumPath } from './tests/harness/chromium';
import { useSuiteClock } from './tests/support/clock';

// Every build and expectation in the browser tests is as of the suite's one clock.
useSuiteClock();

/** Port for the Netlify stand-in serving the production build (tests/harness/netlify-server.ts). */
const PORT = Number(process.env['PREVIEW_PORT'] ?? 4399);
const executablePath = chromiumPath();

export default defineConfig({
  testDir: 'tests/e2e',
  // Stops at once, with the fix, when dist/ was built on another day than the suite's clock.
  globalSetup: './tests/e2e/support/build-date.ts',
  // Its own folder: the CMS round trip runs at the same time and clears its own.
  outputDir: 'test-results/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env['CI']),
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // Recording a trace of every test costs CPU that CI's two cores need for the tests; failures
    // still print their error and the page's accessibility snapshot.
    trace: process.env['CI'] ? 'off' : 'retain-on-failure',
    // Every page registers the offline service worker, which then fetches and saves the urgent
    // help page for each new browser context: work no test but the offline and CSP ones needs.
    // Those allow it (`test.use({ serviceWorkers: 'allow' })`); the rest block it.
    serviceWorkers: 'block',
    launchOptions: { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS, env: chromiumEnv() },
  },
  projects: [{ name: 'desktop', use: { ...devices['Desktop Chrome'] }, testIgnore: /tests\/e2e\/cms\// }],
  webServer: {
    // The shared production build made by `npm run build` (`npm test` builds it first), served as
    // Netlify serves it: netlify.toml's headers (the CSP among them) on every page a test opens,
    // the generated redirects, pretty URLs and the 404 page.
    command: `node tests/harness/netlify-server.ts dist ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  },
});
