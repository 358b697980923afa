/**
 * "Exit this page" on a phone, as a person in danger would use it: the button is in reach at the
 * top and still after scrolling, on every page the content flags and on no other; pressing it,
 * or Shift three times, replaces the page with the everyday website in the settings, so Back does
 * not return; without JavaScript it is a plain link to the same website; and axe finds nothing.
 *
 * The everyday website is on the internet, which the tests do not reach: Chromium's request for it
 * is answered with a small page of our own (page.route), so the test sees where the browser went.
 */
import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { axeViolations } from './support/axe';
import { siteSettings } from './support/site';
import { quickExitPaths } from '../support/quick-exit';

const PHONE = { width: 390, height: 844 };
const EXIT_URL = siteSettings().exitPageUrl;
const FLAGGED = quickExitPaths();
/** Pages without the switch: the home page, urgent help, and one of each kind that has it. */
const NOT_FLAGGED = ['/', '/a-z/anxiety/', '/news/finding-my-way-back/', '/about/', '/urgent-help/'].filter(
  (path) => !FLAGGED.includes(path),
);

test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

/** The button, found as a person finds it: the link named "Exit this page" in the sticky bar. */
const exitButton = (page: Page) => page.locator('.exit-this-page').getByRole('link', { name: /Exit this page/ });

/** Answers the everyday website with a page that names itself, and returns its title. */
async function fakeEverydaySite(page: Page): Promise<string> {
  const title = 'Everyday website';
  await page.route(`${new URL(EXIT_URL).origin}/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>${title}</title><h1>${title}</h1>` }),
  );
  return title;
}

test('the flagged pages include the topics the charity named, and some pages are not flagged', () => {
  expect(FLAGGED).toEqual(expect.arrayContaining(['/a-z/domestic-abuse/', '/staying-safe-online/']));
  expect(NOT_FLAGGED.length).toBeGreaterThanOrEqual(4);
});

for (const path of FLAGGED) {
  test(`${path}: the button is in reach at the top and after scrolling`, async ({ page }) => {
    await page.goto(path);
    await expect(exitButton(page)).toBeInViewport({ ratio: 1 });
    await expect(page.locator('.exit-this-page').getByRole('link', { name: 'Staying safe online' })).toBeVisible();
    await page.getByRole('contentinfo').scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(PHONE.height);
    await expect(exitButton(page)).toBeInViewport({ ratio: 1 });
  });
}

for (const path of NOT_FLAGGED) {
  test(`${path}: no Exit this page`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: /Exit this page/ })).toHaveCount(0);
  });
}

test('pressing the button replaces the page: same history length, and Back does not return', async ({ page }) => {
  const title = await fakeEverydaySite(page);
  await page.goto('/a-z/');
  await page.goto('/a-z/domestic-abuse/');
  const before = await page.evaluate(() => history.length);
  await exitButton(page).click();
  await expect(page).toHaveTitle(title);
  expect(page.url()).toBe(EXIT_URL);
  expect(await page.evaluate(() => history.length)).toBe(before);
  await page.goBack();
  expect(new URL(page.url()).pathname).toBe('/a-z/');
});

test('Shift pressed three times does the same, and says how many presses are left', async ({ page }) => {
  const title = await fakeEverydaySite(page);
  await page.goto('/a-z/');
  await page.goto('/a-z/rape-and-sexual-assault/');
  const before = await page.evaluate(() => history.length);
  await page.keyboard.press('Shift');
  await expect(page.getByRole('status')).toHaveText('Shift, press 2 more times to exit.');
  await page.keyboard.press('Shift');
  await expect(page.getByRole('status')).toHaveText('Shift, press 1 more time to exit.');
  await page.keyboard.press('Shift');
  await expect(page).toHaveTitle(title);
  expect(page.url()).toBe(EXIT_URL);
  expect(await page.evaluate(() => history.length)).toBe(before);
  await page.goBack();
  expect(new URL(page.url()).pathname).toBe('/a-z/');
});

test('Shift as part of typing a capital letter does not count', async ({ page }) => {
  await page.goto('/a-z/domestic-abuse/');
  const search = page.getByRole('searchbox', { name: 'Search this site' });
  await search.focus();
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift+A');
  await page.keyboard.press('Shift');
  await expect(page.getByRole('status')).toHaveText('Shift, press 2 more times to exit.');
  expect(new URL(page.url()).pathname).toBe('/a-z/domestic-abuse/');
});

test('for keyboard users the button comes first after the skip link, and Enter leaves', async ({ page }) => {
  const title = await fakeEverydaySite(page);
  await page.goto('/a-z/');
  await page.goto('/a-z/lgbtq-mental-health/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(exitButton(page)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveTitle(title);
  await page.goBack();
  expect(new URL(page.url()).pathname).toBe('/a-z/');
});

test.describe('on a computer', () => {
  test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false });

  test('the button tells keyboard users about Shift', async ({ page }) => {
    await page.goto('/a-z/domestic-abuse/');
    await expect(exitButton(page)).toHaveAccessibleName('Emergency: Exit this page or press Shift 3 times');
    await expect(exitButton(page).getByText('or press Shift 3 times')).toBeVisible();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the button is an ordinary link to the same website, and claims no Shift shortcut', async ({ page }) => {
    await page.goto('/a-z/domestic-abuse/');
    await expect(exitButton(page)).toHaveAttribute('href', EXIT_URL);
    await expect(exitButton(page)).toHaveAccessibleName('Emergency: Exit this page');
    await expect(exitButton(page)).toBeInViewport({ ratio: 1 });
  });
});

test('axe finds nothing on a flagged page, with the Shift count showing', async ({ page }) => {
  await page.goto('/a-z/children-and-young-people/');
  await page.keyboard.press('Shift');
  await expect(page.getByRole('status')).toHaveText('Shift, press 2 more times to exit.');
  expect(await axeViolations(page)).toEqual([]);
});
