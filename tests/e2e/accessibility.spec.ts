/**
 * Axe sweep: every page in the sitemap, plus the 404 page, has zero WCAG 2.2 A/AA violations,
 * in light and dark colour schemes. Each page loads once: every rule runs in light mode, then the
 * colour scheme is switched in place (as a phone switching to dark mode would) and the rules that
 * depend on colour run again.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { sitemapPaths } from './support/site';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** The rules whose outcome can change with the colour scheme (the others read structure, not colour). */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
const PATHS = [...sitemapPaths(), '/404.html'];

for (const path of PATHS) {
  test(`axe: ${path}`, async ({ page }) => {
    await page.goto(path);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
        colorScheme === 'dark',
      );
      const axe = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
      const results = await (colorScheme === 'light' ? axe.withTags(TAGS) : axe.withRules(COLOUR_RULES)).analyze();
      const summary = results.violations.map(
        (v) => `${v.id} (${colorScheme}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
      expect(summary, `axe violations on ${path}`).toEqual([]);
    }
  });
}
