/**
 * Search journeys in Chromium, against a real build of the search fixture (the minimal content
 * plus tests/fixtures/search) with a real Pagefind index, served as a static host would.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { buildSearchFixture } from '../support/search-build.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// One build and one server for the whole file, so its tests share a worker and run in order.
test.describe.configure({ mode: 'default' });

let server: StaticServer;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await serveStatic(buildSearchFixture());
});

test.afterAll(async () => {
  await server?.close();
});

/** Opens the search page, with a query string if given. */
async function openSearch(page: Page, query = ''): Promise<void> {
  await page.goto(`${server.url}/search/${query}`);
}

/** The search results list. */
const results = (page: Page) => page.getByRole('list', { name: 'Search results' });
/** The result titles, in order, once the count has been announced. */
async function resultTitles(page: Page): Promise<string[]> {
  await expect(page.getByRole('status')).toHaveText(/results? for|No results/);
  return results(page).getByRole('heading', { level: 2 }).allInnerTexts();
}

test('a title query finds the page, with the matched word highlighted', async ({ page }) => {
  await openSearch(page);
  await page.getByLabel('Search for').fill('loneliness');
  const first = results(page).getByRole('listitem').first();
  await expect(first.getByRole('link', { name: 'Loneliness' })).toBeVisible();
  await expect(first).toContainText('A–Z');
  await expect(first.locator('mark').first()).toHaveText(/loneliness/i);
  // Fewer than ten results: nothing more to show.
  await expect(page.getByRole('button', { name: 'Show more results' })).toBeHidden();
  await first.getByRole('link', { name: 'Loneliness' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Loneliness');
});

test('a synonym finds its topic first: "manic depression" → Bipolar disorder', async ({ page }) => {
  await openSearch(page, '?q=manic+depression');
  expect((await resultTitles(page))[0]).toBe('Bipolar disorder');
});

test('an everyday phrase finds its topic: "feeling low" → Depression in the top three', async ({ page }) => {
  await openSearch(page, '?q=feeling+low');
  expect((await resultTitles(page)).slice(0, 3)).toContain('Depression');
});

test('news results show their date, and filters narrow the results', async ({ page }) => {
  await openSearch(page, '?q=picnic');
  const titles = await resultTitles(page);
  expect(titles).toEqual(
    expect.arrayContaining(['Summer picnic in the park', 'Picnic raffle raises funds for our groups']),
  );
  const summer = results(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: 'Summer picnic in the park' }) });
  await expect(summer).toContainText('News');
  await expect(summer).toContainText('12 July 2025');

  await page.getByRole('group', { name: 'News category' }).getByLabel('Fundraising').check();
  await expect(page.getByRole('status')).toHaveText('1 result for “picnic”.');
  expect(await resultTitles(page)).toEqual(['Picnic raffle raises funds for our groups']);
  await expect(page).toHaveURL(/category=Fundraising/);

  await page.getByRole('group', { name: 'News category' }).getByLabel('Any category').check();
  await page.getByRole('group', { name: 'Show' }).getByLabel('A–Z').check();
  await expect(page.getByRole('status')).toHaveText('No results for “picnic”.');
});

test('long result lists show ten at a time, and "Show more results" moves focus to the new ones', async ({ page }) => {
  await openSearch(page, '?q=the');
  await expect(page.getByRole('status')).toHaveText(/^\d+ results for “the”\.$/);
  const total = Number((await page.getByRole('status').innerText()).split(' ')[0]);
  expect(total).toBeGreaterThan(10);
  await expect(results(page).getByRole('listitem')).toHaveCount(10);
  await page.getByRole('button', { name: 'Show more results' }).click();
  await expect(results(page).getByRole('listitem')).toHaveCount(Math.min(total, 20));
  await expect(results(page).getByRole('listitem').nth(10).getByRole('link')).toBeFocused();
});

test('a search with no results says so and offers the A–Z and services', async ({ page }) => {
  await openSearch(page, '?q=xylophone');
  await expect(page.getByRole('status')).toHaveText('No results for “xylophone”.');
  await expect(page.getByRole('link', { name: /mental health A–Z/ })).toHaveAttribute('href', '/a-z/');
  await expect(page.getByRole('link', { name: /support group or service/ })).toHaveAttribute('href', '/services/');
});

test('a query suggesting risk shows urgent help above the results', async ({ page }) => {
  await openSearch(page);
  const card = page.getByRole('complementary', { name: 'You do not have to face this alone' });
  await page.getByLabel('Search for').fill('picnic');
  await expect(page.getByRole('status')).toHaveText(/results for “picnic”/);
  await expect(card).toBeHidden();

  await page.getByLabel('Search for').fill('self harm');
  await expect(card).toBeVisible();
  await expect(card.getByRole('link', { name: 'call 999' })).toHaveAttribute('href', 'tel:999');
  await expect(results(page).getByRole('link', { name: 'Self-harm' })).toBeVisible();
  const cardBox = await card.boundingBox();
  const listBox = await results(page).boundingBox();
  expect(cardBox && listBox && cardBox.y < listBox.y).toBe(true);
});

test('?q= deep links run the search, and the address follows typing and Back', async ({ page }) => {
  await openSearch(page, '?q=depression');
  await expect(page.getByLabel('Search for')).toHaveValue('depression');
  expect(await resultTitles(page)).toContain('Depression');

  await page.getByLabel('Search for').fill('loneliness');
  await expect(page).toHaveURL(/\?q=loneliness$/);
  await page.getByLabel('Search for').fill('picnic');
  await page.getByLabel('Search for').press('Enter');
  await expect(page).toHaveURL(/\?q=picnic$/);
  await expect(page.getByRole('status')).toHaveText(/results for “picnic”/);

  // Typing replaced the address; only the submitted search added a history entry.
  await page.goBack();
  await expect(page).toHaveURL(/\?q=loneliness$/);
  await expect(page.getByLabel('Search for')).toHaveValue('loneliness');
  await expect(page.getByRole('status')).toHaveText(/results? for “loneliness”/);
});

test('the header search box sends people to the search page', async ({ page }) => {
  await page.goto(`${server.url}/about/`);
  await page.getByLabel('Search this site').fill('bipolar');
  await page.getByLabel('Search this site').press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=bipolar$/);
  expect((await resultTitles(page))[0]).toBe('Bipolar disorder');
});

test('pressing / focuses the search box, but not while typing in a field', async ({ page }) => {
  await page.goto(`${server.url}/about/`);
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search this site')).toBeFocused();
  await page.keyboard.type('a/b');
  await expect(page.getByLabel('Search this site')).toHaveValue('a/b');

  await openSearch(page, '?q=depression');
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search for')).toBeFocused();
});

test('drafts and services that are not running cannot be found', async ({ page }) => {
  // Pagefind also matches parts of a long word ("to" in "tombola"), so check by title, not count.
  await openSearch(page, '?q=tombola+plans');
  expect(await resultTitles(page)).not.toContain('Secret tombola plans for the spring fair');
  await openSearch(page, '?q=quilting+circle');
  expect(await resultTitles(page)).not.toContain('Quilting circle');
  // Words from a published post are found, so the index is not simply empty.
  await openSearch(page, '?q=raffle');
  expect(await resultTitles(page)).toContain('Picnic raffle raises funds for our groups');
});

test('the search page with results has no axe violations, light and dark', async ({ browser }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    // A query that shows the urgent-help card, filters and highlighted results all at once.
    await openSearch(page, '?q=self+harm');
    await expect(page.getByRole('complementary', { name: 'You do not have to face this alone' })).toBeVisible();
    await expect(results(page).getByRole('listitem').first()).toBeVisible();
    await expect(results(page).locator('mark').first()).toBeVisible();
    const scan = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(scan.violations.map((v) => `${v.id} (${colorScheme}): ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual(
      [],
    );
    await context.close();
  }
});

test('with JavaScript off, the page says search needs it and offers other ways in', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await openSearch(page, '?q=depression');
  await expect(page.getByText('Search needs JavaScript')).toBeVisible();
  await expect(page.getByRole('link', { name: 'the mental health A–Z' })).toHaveAttribute('href', '/a-z/');
  await expect(page.getByRole('link', { name: /our services/ })).toHaveAttribute('href', '/services/');
  await expect(page.getByRole('link', { name: /site map/ })).toHaveAttribute('href', '/site-map/');
  await expect(page.getByLabel('Search for')).toBeHidden();
  await page.getByRole('link', { name: /site map/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Site map');
  await context.close();
});
