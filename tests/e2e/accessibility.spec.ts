/**
 * Axe sweep: every page in the sitemap, plus the 404 page, has zero WCAG 2.2 A/AA violations,
 * in light and dark colour schemes. Each page loads once: every rule runs in light mode, then the
 * colour scheme is switched in place (as a phone switching to dark mode would) and the rules that
 * depend on colour run again. One page per worker is reused from test to test, which saves
 * starting a browser context for each of the 140-odd pages; each page is still its own test.
 */
import { expect, test as base, type Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';
import { axeViolations, violationLines } from './support/axe';
import { sitemapPaths } from './support/site';

/** The rules whose outcome can change with the colour scheme (the others read structure, not colour). */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
const PATHS = [...sitemapPaths(), '/404.html'];

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

for (const path of PATHS) {
  test(`axe: ${path}`, async ({ sweepPage: page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(path);
    expect(await axeViolations(page, 'light'), `axe violations on ${path}`).toEqual([]);

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
    expect(violationLines(dark, 'dark'), `axe violations on ${path}`).toEqual([]);
  });
}
