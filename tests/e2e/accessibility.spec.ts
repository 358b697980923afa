/**
 * Axe sweep: every page in the sitemap, plus the 404 page, has zero WCAG 2.2 A/AA violations,
 * in light and dark colour schemes. Each page loads once; the colour scheme is switched in place,
 * as a phone switching to dark mode would.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { sitemapPaths } from './support/site';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PATHS = [...sitemapPaths(), '/404.html'];

for (const path of PATHS) {
  test(`axe: ${path}`, async ({ page }) => {
    await page.goto(path);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
        colorScheme === 'dark',
      );
      const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      const summary = results.violations.map(
        (v) => `${v.id} (${colorScheme}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
      expect(summary, `axe violations on ${path}`).toEqual([]);
    }
  });
}
