/**
 * Axe sweep: every page in the sitemap, plus the 404 page, has zero WCAG 2.2 A/AA violations,
 * in light and dark colour schemes. Each page loads once: every rule runs in light mode, then the
 * colour scheme is switched in place (as a phone switching to dark mode would) and the rules that
 * depend on colour run again. The pages are checked in batches of BATCH, one browser page per
 * worker reused throughout: a test (and a browser context) for each of the 150-odd pages cost more
 * than the checks. Each page's violations are reported under its own path, and a failing page does
 * not stop the rest of its batch.
 */
import { expect, test as base, type Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';
import { axeViolations, violationLines } from './support/axe';
import { sitemapPaths } from './support/site';

/** The rules whose outcome can change with the colour scheme (the others read structure, not colour). */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
const PATHS = [...sitemapPaths(), '/404.html'];
/** Pages per test: enough batches to keep both workers busy to the end. */
const BATCH = 10;

const test = base.extend<object, { sweepPage: Page }>({
  sweepPage: [
    async ({ browser }, use, workerInfo) => {
      const { baseURL } = workerInfo.project.use;
      const context = await browser.newContext(baseURL ? { baseURL } : {});
      await use(await context.newPage());
      await context.close();
    },
    { scope: 'worker' },
  ],
});

/** Every WCAG rule on the page in light mode, then the colour rules again in dark mode. */
async function violationsOn(page: Page, path: string): Promise<string[]> {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(path);
  const light = await axeViolations(page, 'light');

  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
  // Axe is already in the page from the light run.
  const dark = await page.evaluate(
    (rules) =>
      (window as unknown as { axe: { run: (...a: unknown[]) => Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: 'rule', values: rules },
        resultTypes: ['violations'],
      }),
    COLOUR_RULES,
  );
  return [...light, ...violationLines(dark, 'dark')];
}

test('the sweep covers the sitemap and the 404 page', () => {
  expect(PATHS.length).toBeGreaterThan(100);
  expect(PATHS).toEqual(expect.arrayContaining(['/', '/urgent-help/', '/404.html']));
});

for (let start = 0; start < PATHS.length; start += BATCH) {
  const paths = PATHS.slice(start, start + BATCH);
  test(`axe: ${paths[0]} … ${paths.at(-1)}`, async ({ sweepPage: page }) => {
    for (const path of paths) {
      expect.soft(await violationsOn(page, path), `axe violations on ${path}`).toEqual([]);
    }
  });
}
