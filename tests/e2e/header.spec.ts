/**
 * The site header on a phone (390 × 844, an iPhone 13/14 screen): the navigation folds behind
 * "Menu", so a page's heading starts in the first 40 % of the screen; "Need urgent help?" stays
 * in view; Menu opens with or without JavaScript; no axe violations with the menu open. On a
 * wide screen the navigation is shown as a bar and there is no Menu.
 */
import { type Browser, type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { axeViolations } from './support/axe';

const PHONE = { width: 390, height: 844 };
/** The home page, a page with breadcrumbs (the tallest header-to-heading), and the search page. */
const PAGES = ['/', '/a-z/anxiety/', '/about/our-values/', '/search/?q=anxiety'];

const menu = (page: Page) => page.locator('summary').filter({ hasText: 'Menu' });
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** A phone-sized page, with or without JavaScript. */
async function phone(browser: Browser, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled });
  return context.newPage();
}

for (const path of PAGES) {
  test(`on a phone, ${path} shows its heading in the first 40 % of the screen, with urgent help in view`, async ({
    browser,
  }) => {
    const page = await phone(browser);
    await page.goto(path);
    const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
    expect(heading?.y).toBeLessThanOrEqual(PHONE.height * 0.4);
    await expect(page.getByRole('link', { name: 'Need urgent help?' })).toBeInViewport();
    await expect(menu(page)).toBeVisible();
    await expect(mainNav(page)).toBeHidden();
    await page.context().close();
  });
}

for (const javaScriptEnabled of [true, false]) {
  test(`on a phone, Menu opens the navigation and a link goes there (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
    browser,
  }) => {
    const page = await phone(browser, javaScriptEnabled);
    await page.goto('/');
    await menu(page).click();
    const link = mainNav(page).getByRole('link', { name: 'Mental health A–Z' });
    await expect(link).toBeVisible();
    await expect(mainNav(page).getByRole('link')).not.toHaveCount(0);
    for (const item of await mainNav(page).getByRole('link').all()) await expect(item).toBeVisible();
    await link.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/A–Z/);
    await page.context().close();
  });
}

test('on a phone, the header has no axe violations with the menu closed or open', async ({ browser }) => {
  const page = await phone(browser);
  await page.goto('/');
  const scan = () => axeViolations(page);
  expect(await scan()).toEqual([]);
  await menu(page).click();
  await expect(mainNav(page)).toBeVisible();
  expect(await scan()).toEqual([]);
  await page.context().close();
});

test('on the narrowest phone (320 px) the name and the urgent-help button sit side by side without overlapping', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 568 } });
  const page = await context.newPage();
  await page.goto('/');
  const name = page.getByRole('banner').getByRole('link', { name: 'Millbrook Mental Health' });
  // No word of the name spills out of its column (under the button).
  expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  const [nameBox, urgentBox] = [
    await name.boundingBox(),
    await page.getByRole('link', { name: 'Need urgent help?' }).boundingBox(),
  ];
  expect(nameBox && urgentBox && nameBox.x + nameBox.width <= urgentBox.x).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await context.close();
});

test('on a wide screen the navigation is a bar, always shown, with no Menu', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await expect(menu(page)).toBeHidden();
  for (const item of await mainNav(page).getByRole('link').all()) await expect(item).toBeVisible();
  await expect(page.getByRole('link', { name: 'Need urgent help?' })).toBeVisible();
  await expect(page.getByLabel('Search this site')).toBeVisible();
});
