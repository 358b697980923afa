// `npm test`: every check, in order, stopping at the first failure: lint, formatting, types,
// unit tests, the production build (with search index), checks over the built files (links,
// HTML validity, sitemap, headers, Content Security Policy), browser tests in Chromium, then the
// CMS round trip against a real decap-server.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const CHROMIUM = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];
if (!CHROMIUM.some((path) => path && existsSync(path))) {
  console.error(
    'No Chromium found: install it with `sudo apt-get update && sudo apt-get install -y chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium binary.',
  );
  process.exit(1);
}

const env = {
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  // The editor at /admin/ will not start without a repository name for its GitHub backend. On
  // Netlify it comes from REPOSITORY_URL; here a placeholder lets the tests load the editor.
  CMS_REPO: process.env.CMS_REPO ?? 'example-charity/website',
};
const RESULTS = '.build/results';
rmSync(RESULTS, { recursive: true, force: true });

const steps = [
  ['Lint', 'eslint', ['.', '--max-warnings', '0']],
  ['Formatting', 'prettier', ['--check', '.', '--log-level', 'warn']],
  ['Type check', 'astro', ['check', '--minimumSeverity', 'warning']],
  ['Unit tests', 'vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}/unit.json`]],
  ['Production build', 'npm', ['run', 'build', '--silent']],
  [
    'Built-site checks',
    'vitest',
    [
      'run',
      '--config',
      'vitest.site.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${RESULTS}/site.json`,
    ],
  ],
  ['Browser tests', 'playwright', ['test', '--reporter=list,json']],
  // The CMS round trip (scripts/test-cms.mjs): its own build, decap-server and Playwright project.
  ['CMS round trip', 'node', ['scripts/test-cms.mjs', '--reporter=list,json']],
];

for (const [name, command, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const stepEnv =
    name === 'Browser tests'
      ? { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: `${RESULTS}/e2e.json` }
      : name === 'CMS round trip'
        ? { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: `${RESULTS}/cms.json` }
        : env;
  const result = spawnSync(command, args, { stdio: 'inherit', env: stepEnv });
  if (result.status !== 0) {
    console.error(`\n${name} failed.`);
    printTotals(1);
    process.exit(result.status ?? 1);
  }
}
printTotals();

/**
 * Prints one closing line with the number of tests that passed and failed across both runners.
 * A step that failed without failing a test (lint, types, build) counts as one failure.
 */
function printTotals(failedSteps = 0) {
  let passed = 0;
  let failed = 0;
  for (const name of ['unit', 'site']) {
    const vitest = readJson(`${RESULTS}/${name}.json`);
    if (vitest) {
      passed += vitest.numPassedTests ?? 0;
      failed += vitest.numFailedTests ?? 0;
    }
  }
  for (const report of ['e2e.json', 'cms.json']) {
    const e2e = readJson(`${RESULTS}/${report}`);
    if (e2e?.stats) {
      passed += e2e.stats.expected ?? 0;
      failed += (e2e.stats.unexpected ?? 0) + (e2e.stats.flaky ?? 0);
    }
  }
  if (failed === 0) failed = failedSteps;
  console.log(`\n${passed} passed, ${failed} failed`);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}
