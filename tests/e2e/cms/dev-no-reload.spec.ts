/**
 * `npm start` edits with the Astro dev server. A save in the editor changes content/, after which
 * the site's open pages reload with the change, but the editor's page must not reload (the editor
 * would lose their place). This runs the dev server as `npm start` does (tools/start.ts: `astro
 * dev` with CMS_LOCAL_PORT pointing at decap-server), on the test's content copy.
 */
import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, cpSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT, publishNow, readData, REPO } from './support';

/** The dev server's port (PORT, as for `npm start`; 4321 is left to a real `npm start`). */
const DEV_PORT = Number(process.env['PORT'] ?? 4331);
const DEV = `http://127.0.0.1:${DEV_PORT}`;
const POST = 'finding-my-way-back';

let dev: ChildProcess | undefined;
/** What the dev server printed, attached to the test's results when it fails. */
const DEV_LOG = join(REPO, 'dev-server.log');

test.beforeAll(async () => {
  // The dev server's first start, beside the editing journeys on a busy machine.
  test.setTimeout(180_000);
  // As `npm start` after a build: Astro's content layer starts from the store the editor's build of
  // this copy left (tests/harness/test-cms.ts) and re-reads only the files whose digest changed,
  // instead of checking every file again.
  cpSync(join(REPO, 'editor-cache'), join(REPO, 'dev-cache'), { recursive: true });
  const log = openSync(DEV_LOG, 'w');
  dev = spawn(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(DEV_PORT)],
    {
      // In the project copy the editor was built in (tests/harness/test-cms.ts): its own .astro/,
      // which the dev server rewrites after every save, and the same content store.
      cwd: join(REPO, 'project'),
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        CONTENT_DIR: CONTENT,
        CMS_LOCAL_PORT: process.env['CMS_TEST_PORT'] ?? '8085',
        ASTRO_CACHE_DIR: join(REPO, 'dev-cache'),
        VITE_CACHE_DIR: join(REPO, 'dev-vite'),
      },
      stdio: ['ignore', log, log],
      // Its own process group, so stopping it stops Astro's workers too.
      detached: true,
    },
  );
  closeSync(log);
  const started = dev;
  // A server that has stopped will never answer: that ends the wait at once, with its exit code.
  const exited = new Promise<string>((settle) =>
    started.once('exit', (code) => settle(`exited with code ${String(code)}`)),
  );
  const up = expect
    .poll(async () => (await fetch(`${DEV}/admin/`).catch(() => undefined))?.status, { timeout: 120_000 })
    .toBe(200)
    .then(() => 'up');
  const outcome = await Promise.race([up, exited]).catch((error: unknown) => String(error));
  if (outcome !== 'up') {
    // afterEach does not run when this hook fails, so the dev server's own words go in the error.
    up.catch(() => undefined);
    const output = readFileSync(DEV_LOG, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`The dev server did not serve /admin/ (${outcome}). Its last output:\n${output}`);
  }
});

// Playwright reads which fixtures a hook needs from its first parameter's pattern: none here.
// eslint-disable-next-line no-empty-pattern
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) {
    await testInfo.attach('dev server output', { path: DEV_LOG, contentType: 'text/plain' });
  }
});

test.afterAll(async () => {
  if (dev?.pid && dev.exitCode === null) {
    const exited = new Promise((done) => dev?.once('exit', done));
    process.kill(-dev.pid, 'SIGTERM');
    await exited;
  }
});

test('publishing under the dev server reloads the site page but never the editor', async ({ page, context }) => {
  test.setTimeout(180_000);
  const title = String(readData(join(CONTENT, 'news', `${POST}.md`))['title']);
  const newTitle = `${title} again`;

  // A reader's tab with the post open, beside the editor.
  const site = await context.newPage();
  await site.goto(`${DEV}/news/${POST}/`);
  await expect(site.getByRole('heading', { level: 1 })).toHaveText(title);
  await site.evaluate(() => Object.assign(window, { notReloaded: true }));

  await page.goto(`${DEV}/admin/`);
  // The dev server compiles the editor's page, its configuration and the helplines list on the
  // first request, which takes far longer than serving a build.
  await page.getByRole('button', { name: 'Login' }).click({ timeout: 90_000 });
  await page.goto(`${DEV}/admin/#/collections/news/entries/${POST}`);
  const box = page.getByLabel('Title', { exact: true });
  await expect(box).toHaveValue(title);
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));
  await box.fill(newTitle);
  await publishNow(page);
  await expect(page.getByText('Entry saved')).toBeVisible();

  // The site's page reloads with the change: proof the dev server told the browsers.
  await expect(site.getByRole('heading', { level: 1 })).toHaveText(newTitle, { timeout: 90_000 });
  expect(await site.evaluate(() => 'notReloaded' in window)).toBe(false);
  // The editor's page is the same page, still on the entry.
  expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(newTitle);
});
