/**
 * Shared steps for the CMS round-trip tests: where the temporary content copy is, signing in to
 * the editor, publishing, and reading back what decap-server wrote to disk.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startNetlifyServer, type RunningServer } from '../../harness/netlify-server';
import { test as pooled } from '../support/test';
import { readSiteLists } from '../../../src/content/site-lists';
import { bodyOf, readData } from '../../support/frontmatter';

export { bodyOf, readData };
import { allSchemas, zodFor } from '../../support/schemas';

/** The temporary repository decap-server writes into (made by tests/harness/test-cms.ts). */
export const REPO = process.env['CMS_TEST_REPO'] ?? '';
/** Its content folder, which the verification builds read through CONTENT_DIR. */
export const CONTENT = join(REPO, 'content');
/** A file holding the folder of the site rebuilt from the edited content (see site/build.setup.ts). */
export const BUILT_SITE = join(REPO, 'built-site.txt');

/** The folder of the site rebuilt from the edited content. */
export function rebuiltSite(): string {
  return readFileSync(BUILT_SITE, 'utf8').trim();
}

/**
 * Serves the rebuilt site for the tests of the calling spec file (started before them, stopped
 * after), and returns a function giving its address.
 */
export function serveRebuiltSite(): () => string {
  let server: RunningServer | undefined;
  base.beforeAll(async () => {
    server = await startNetlifyServer(rebuiltSite(), 'netlify.toml');
  });
  base.afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('The rebuilt site is not being served');
    return server.url;
  };
}

/**
 * The journeys' `page`: one editor page for all the journeys of a worker (there is one), as a
 * volunteer keeps the editor open from one task to the next (the browser tests' shared pages,
 * tests/e2e/support/test.ts, with the project's options). Decap is a 6 MB app; starting it in a
 * fresh browser context costs about 5 CPU-seconds and 4 s, which, once per journey, made the round
 * trip the longest step of `npm test`. Each journey goes to its part of the editor by the address
 * after `#` (Decap's hash router: no reload). A journey that fails ends its worker, so its retry
 * starts on a fresh page.
 *
 * Decap asks through `window.confirm` (decap-cms-core 3.19 `Editor.js`) before leaving an entry
 * with unsaved changes (accepted: the next journey goes where it means to) and whether to load a
 * local backup of an entry left unsaved (refused, and Decap then deletes it, so no journey starts
 * from another's leftovers).
 */
export const test = pooled.extend({
  page: async ({ page }, use) => {
    // Listeners are taken off the shared page after each test (tests/e2e/support/test.ts).
    page.on('dialog', (dialog) => {
      const backup = /local backup/i.test(dialog.message());
      void (backup ? dialog.dismiss() : dialog.accept());
    });
    await use(page);
  },
});

/**
 * Opens the editor and signs in through the local backend, as an editor would; on the journeys'
 * shared page, once signed in, goes back to the editor's start (the list of collections).
 */
export async function signIn(page: Page): Promise<void> {
  const news = page.getByRole('link', { name: 'News', exact: true });
  if (page.url().includes('/admin/#/')) {
    await page.goto('/admin/#/');
    // The last journey's "Entry saved" stays up for 4 s: closed (a click closes Decap's toasts,
    // react-toastify's `closeOnClick`), so each journey sees only its own.
    const toasts = page.locator('.Toastify__toast');
    await page.evaluate(() => {
      for (const toast of document.querySelectorAll<HTMLElement>('.Toastify__toast')) toast.click();
    });
    await expect(toasts).toHaveCount(0);
  } else {
    await page.goto('/admin/');
    await page.getByRole('button', { name: 'Login' }).click();
  }
  await expect(news).toBeVisible();
}

/**
 * Opens an entry from its collection's list by its link, as a volunteer does. On the shared page
 * Decap draws the list from the entries it already holds, then again once it has read the folder;
 * a click on the first drawing is lost with it (seen in CI), so the click is made again, as a
 * volunteer would, until the entry's own address opens (Playwright's `toPass`).
 */
export async function openFromList(page: Page, link: Locator): Promise<void> {
  const href = (await link.getAttribute('href')) ?? '';
  expect(href).toMatch(/^#\/collections\/[^/]+\/entries\//);
  const address = new RegExp(`${RegExp.escape(href)}$`);
  await expect(async () => {
    await link.click({ timeout: 5_000 });
    await expect(page).toHaveURL(address, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

/** Clicks Publish, then "Publish now", as an editor does; waits for nothing after. */
export async function clickPublishNow(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByText('Publish now', { exact: true }).click();
}

/**
 * Publishes the open entry and waits until the editor's server has written it. decap-server answers
 * the editor's `persistEntry` request only once `fs.promises.writeFile` has finished (its local
 * file-system middleware, dist/index.js), so the file is whole when this returns. Read sooner, a
 * file longer than a page can be half written: a CI run read the first 4,096 bytes of
 * a-z/self-harm.md, which already held the new title.
 */
export async function publishNow(page: Page): Promise<void> {
  // The local backend's one address (src/cms/config.ts: `local_backend.url`), whose requests are JSON.
  const persisted = page.waitForResponse(
    (response) =>
      response.request().method() === 'POST' &&
      new URL(response.url()).pathname === '/api/v1' &&
      (response.request().postDataJSON() as { action?: string }).action === 'persistEntry',
  );
  await clickPublishNow(page);
  expect((await persisted).ok()).toBe(true);
}

/**
 * Checks data against a collection's schema, as the build would, with the lists from the content
 * copy's own settings. Returns the first problem as "field: message", or undefined when valid.
 */
export function schemaProblem(collection: string, data: Record<string, unknown>): string | undefined {
  const schema = allSchemas(readSiteLists(CONTENT, 'settings/site.yaml'))[collection];
  if (!schema) throw new Error(`No schema for ${collection}`);
  const result = zodFor(schema).safeParse(data);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  return `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`;
}

/** The Markdown files of a collection in the content copy. */
export function entryFiles(collection: string): string[] {
  return readdirSync(join(CONTENT, collection))
    .filter((name) => name.endsWith('.md'))
    .sort();
}

/**
 * Clicks just after the last character of an element's text, as a person puts the cursor there.
 * The point is found relative to the text's own element, which is then clicked through Playwright:
 * it scrolls the element into view and waits for it to stand still first, so a pane that is still
 * scrolling or re-rendering cannot move the text from under the click.
 */
export async function clickAtEnd(element: Locator): Promise<void> {
  const offset = await element.evaluate((root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, (node) =>
      node.textContent?.replace(/[\s\uFEFF]/g, '') ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP,
    );
    const node = walker.lastChild();
    const parent = node?.parentElement;
    if (!node?.textContent || !parent) throw new Error('No text to click in');
    for (const marked of root.querySelectorAll('[data-click-at-end]')) marked.removeAttribute('data-click-at-end');
    parent.setAttribute('data-click-at-end', '');
    const range = document.createRange();
    range.setStart(node, node.textContent.length - 1);
    range.setEnd(node, node.textContent.length);
    const box = range.getBoundingClientRect();
    const outer = parent.getBoundingClientRect();
    return { x: box.right - 1 - outer.left, y: box.top + box.height / 2 - outer.top };
  });
  await element.locator('[data-click-at-end]').click({ position: offset });
}
