/**
 * What every page shares, as a visitor meets it: the navigation, the skip link, the header search,
 * a layout that works from 320 px wide, and dark mode. The per-page head metadata and chrome are
 * checked over every built file, without a browser, in tests/site/html.test.ts.
 */
import { expect, test } from './support/test';
import { siteSettings, sitemapPaths } from './support/site';

const settings = siteSettings();
const PATHS = sitemapPaths();

test('the sitemap lists the home page and the urgent-help page', () => {
  expect(PATHS).toContain('/');
  expect(PATHS).toContain('/urgent-help/');
});

test('the header navigation comes from settings, in order', async ({ page }) => {
  await page.goto('/');
  const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
  await expect(links).toHaveText(settings.navigation.map((item) => item.label));
});

test('the skip link is the first thing to tab to and moves focus to the main content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('the search box in the header is a plain form that goes to /search/?q=', async ({ page }) => {
  await page.goto('/');
  const search = page.getByRole('search');
  await search.getByLabel('Search this site').fill('anxiety');
  await Promise.all([
    page.waitForURL(/\/search\/\?q=anxiety$/),
    search.getByRole('button', { name: 'Search' }).click(),
  ]);
});

test('at 320 px wide nothing scrolls sideways and the urgent-help link is visible', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  for (const path of ['/', '/urgent-help/']) {
    await page.goto(path);
    await expect(page.getByRole('link', { name: 'Need urgent help?' })).toBeInViewport();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
  await context.close();
});

test('dark mode follows the system setting', async ({ browser }) => {
  const colours: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto('/');
    colours.push(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
    await context.close();
  }
  expect(colours[0]).not.toBe(colours[1]);
});
