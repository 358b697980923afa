/**
 * Search journeys in Chromium, against the shared production build of the site's own content
 * with its real Pagefind index.
 */
import { type Browser, type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { axeViolations } from './support/axe';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readChunkLists, readWordChunk } from '../../src/integrations/pagefind-chunks';
import { DIST } from '../support/built-pages';

/** A chunk size beyond any index here, so Pagefind writes the whole word index as one chunk. */
const ONE_CHUNK = 1_000_000_000;

/** Opens the search page, with a query string if given. */
async function openSearch(page: Page, query = ''): Promise<void> {
  await page.goto(`/search/${query}`);
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
  // Five results or fewer: nothing more to show.
  await expect(page.getByRole('button', { name: 'Show more results' })).toBeHidden();
  await first.getByRole('link', { name: 'Loneliness' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Loneliness');
});

test('a synonym finds its topic first: "manic depression" → Bipolar disorder', async ({ page }) => {
  await openSearch(page, '?q=manic+depression');
  expect((await resultTitles(page))[0]).toBe('Bipolar disorder');
});

// "feeling low" is shared by many topics now (PMDD, bipolar, self-esteem); "feeling down" is
// still mostly depression's words.
test('an everyday phrase finds its topic: "feeling down" → Depression in the top three', async ({ page }) => {
  await openSearch(page, '?q=feeling+down');
  expect((await resultTitles(page)).slice(0, 3)).toContain('Depression');
});

test('news results show their date, and filters narrow the results', async ({ page }) => {
  const walk = 'Our Walk for Wellbeing raised over £3,400';
  await openSearch(page, '?q=walk');
  expect((await resultTitles(page)).length).toBeGreaterThan(1);
  const post = results(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: walk }) });
  await expect(post).toContainText('News');
  await expect(post).toContainText('23 September 2019');

  await page.getByRole('group', { name: 'News category' }).getByLabel('Fundraising').check();
  await expect(page.getByRole('status')).toHaveText('1 result for “walk”.');
  expect(await resultTitles(page)).toEqual([walk]);
  await expect(page).toHaveURL(/category=Fundraising/);

  await page.getByRole('group', { name: 'News category' }).getByLabel('Any category').check();
  await page.getByRole('group', { name: 'Show' }).getByLabel('A–Z').check();
  // Waits for the new results: every one an A–Z topic, the news post gone.
  const items = results(page).getByRole('listitem');
  await expect(items.filter({ hasNotText: 'A–Z' })).toHaveCount(0);
  await expect(items.first()).toBeVisible();
  await expect(items.filter({ hasText: walk })).toHaveCount(0);
});

test('long result lists show five at a time, and "Show more results" moves focus to the new ones', async ({ page }) => {
  await openSearch(page, '?q=the');
  await expect(page.getByRole('status')).toHaveText(/^\d+ results for “the”\.$/);
  const total = Number((await page.getByRole('status').innerText()).split(' ')[0]);
  expect(total).toBeGreaterThan(5);
  await expect(results(page).getByRole('listitem')).toHaveCount(5);
  await page.getByRole('button', { name: 'Show more results' }).click();
  await expect(results(page).getByRole('listitem')).toHaveCount(Math.min(total, 10));
  await expect(results(page).getByRole('listitem').nth(5).getByRole('link')).toBeFocused();
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
  await page.getByLabel('Search for').fill('quiz');
  await expect(page.getByRole('status')).toHaveText(/results? for “quiz”/);
  await expect(card).toBeHidden();

  await page.getByLabel('Search for').fill('self harm');
  await expect(card).toBeVisible();
  await expect(card.getByRole('link', { name: 'call 999' })).toHaveAttribute('href', 'tel:999');
  await expect(results(page).getByRole('link', { name: 'Self-harm' })).toBeVisible();
  const cardBox = await card.boundingBox();
  const listBox = await results(page).boundingBox();
  expect(cardBox && listBox && cardBox.y < listBox.y).toBe(true);
});

test('?q= deep links run the search, the address follows typing, and Back returns to the search before', async ({
  page,
}) => {
  await openSearch(page, '?q=depression');
  await expect(page.getByLabel('Search for')).toHaveValue('depression');
  expect(await resultTitles(page)).toContain('Depression');

  await page.getByLabel('Search for').fill('loneliness');
  await expect(page).toHaveURL(/\?q=loneliness$/);
  await expect(page.getByRole('status')).toHaveText(/results? for “loneliness”/);
  await page.getByLabel('Search for').fill('quiz');
  await page.getByLabel('Search for').press('Enter');
  await expect(page).toHaveURL(/\?q=quiz$/);
  await expect(page.getByRole('status')).toHaveText(/results? for “quiz”/);

  // Typing refined one search, so one step back is the search the visitor arrived with.
  await page.goBack();
  await expect(page).toHaveURL(/\?q=depression$/);
  await expect(page.getByLabel('Search for')).toHaveValue('depression');
  await expect(page.getByRole('status')).toHaveText(/results? for “depression”/);
  await page.goForward();
  await expect(page.getByLabel('Search for')).toHaveValue('quiz');
  await expect(page.getByRole('status')).toHaveText(/results? for “quiz”/);
});

test('Enter after the address already shows the typed search still leaves Back on this site', async ({ page }) => {
  // The race CI hit: the typing pause wrote ?q=quiz before Enter, so Enter added no entry and
  // Back left the search page (to about:blank in a test, to another site for a visitor).
  await openSearch(page, '?q=depression');
  await expect(page.getByRole('status')).toHaveText(/results? for “depression”/);
  await page.getByLabel('Search for').fill('quiz');
  await expect(page).toHaveURL(/\?q=quiz$/);
  await expect(page.getByRole('status')).toHaveText(/results? for “quiz”/);
  await page.getByLabel('Search for').press('Enter');

  await page.goBack();
  await expect(page).toHaveURL(/\/search\/\?q=depression$/);
  await expect(page.getByLabel('Search for')).toHaveValue('depression');
  await expect(page.getByRole('status')).toHaveText(/results? for “depression”/);
});

test('the header search box sends people to the search page', async ({ page }) => {
  await page.goto('/about/');
  await page.getByLabel('Search this site').fill('bipolar');
  await page.getByLabel('Search this site').press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=bipolar$/);
  expect((await resultTitles(page))[0]).toBe('Bipolar disorder');
});

test('pressing / focuses the search box, but not while typing in a field', async ({ page }) => {
  await page.goto('/about/');
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
  await openSearch(page, '?q=winter+appeal+plans');
  expect(await resultTitles(page)).not.toContain('DRAFT: Winter appeal plans');
  await openSearch(page, '?q=young+adults+group');
  expect(await resultTitles(page)).not.toContain('Young Adults Group');
  // Words from a published post are found, so the index is not simply empty.
  await openSearch(page, '?q=quiz');
  expect(await resultTitles(page)).toContain('Quiz night brings in £1,870 for our groups');
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
    expect(await axeViolations(page, colorScheme)).toEqual([]);
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

// The build cuts Pagefind's word index into smaller chunks (src/integrations/pagefind-chunks.ts).
// The search engine loads, for each query word, only the chunks whose first and last words bracket
// it, so a cut between two words that begin alike would lose pages for a query of those letters. The
// reference is Pagefind's own index of the same pages in ONE chunk (its
// PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE set beyond the whole index), which has no cut to lose anything
// at: every query must find the same pages, in the same order. The queries are every beginning, of
// two letters or more, of the words either side of every cut. (One letter is not enough: no small
// chunks, Pagefind's own included, keep every word of a letter in one chunk; see docs/search.md.)
test.describe('searching the smaller index chunks', () => {
  const indexDir = join(DIST, 'pagefind');
  const chunks = readChunkLists(indexDir).get('en-gb') ?? [];
  /** The words of each chunk, in order, from the chunk files. */
  const words = chunks.map(([, , hash]) => {
    return readWordChunk(join(indexDir, 'index', `${hash}.pf_index`)).map(({ word }) => word);
  });
  /** The last word of each chunk and the first word of the next. */
  const cuts = words.slice(1).map((next, i): [string, string] => [words[i]?.at(-1) ?? '', next[0] ?? '']);
  /** Every beginning of two letters or more of the words either side of every cut. */
  const prefixQueries = [
    ...new Set(
      cuts.flat().flatMap((word) =>
        Array.from(word)
          .map((_, i) =>
            Array.from(word)
              .slice(0, i + 1)
              .join(''),
          )
          .slice(1),
      ),
    ),
  ];
  let reference = '';

  test.beforeAll(() => {
    reference = mkdtempSync(join(tmpdir(), 'pagefind-reference-'));
    const bin = join(import.meta.dirname, '../../node_modules/pagefind/lib/runner/bin.cjs');
    const made = spawnSync(process.execPath, [bin, '--site', DIST, '--output-path', join(reference, 'pagefind')], {
      env: { ...process.env, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(ONE_CHUNK) },
    });
    expect(made.status, String(made.stderr)).toBe(0);
    expect(readChunkLists(join(reference, 'pagefind')).get('en-gb')).toHaveLength(1);
  });
  test.afterAll(() => rmSync(reference, { recursive: true, force: true }));

  /** Serves the one-chunk reference index in place of the site's own, for this page. */
  const useReference = (page: Page) =>
    page.route('**/pagefind/**', (route) =>
      route.fulfill({ path: join(reference, new URL(route.request().url()).pathname) }),
    );

  test('the index is cut into many chunks, only where the first two letters change', () => {
    expect(chunks.length).toBeGreaterThan(10);
    for (const [last, next] of cuts) expect(last.slice(0, 2), `${last} | ${next}`).not.toBe(next.slice(0, 2));
    expect(prefixQueries.length).toBeGreaterThan(2 * cuts.length);
  });

  /**
   * Pagefind's own results (page ids, in order) for every prefix query, searched in a new page, with
   * the one-chunk reference index if asked.
   */
  async function searchAll(browser: Browser, withReference: boolean): Promise<Record<string, string[]>> {
    // Playwright's own script runs in the page past its Content Security Policy; the module it
    // imports is the site's own /pagefind/pagefind.js, which the policy allows.
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    if (withReference) await useReference(page);
    await page.goto('/404.html');
    const found = await page.evaluate(async (queries) => {
      type Engine = {
        options: (options: object) => Promise<void>;
        search: (query: string) => Promise<{ results: { id: string }[] }>;
      };
      const url = '/pagefind/pagefind.js';
      const pagefind = (await import(/* @vite-ignore */ url)) as Engine;
      await pagefind.options({ noWorker: true });
      const ids: Record<string, string[]> = {};
      for (const query of queries) ids[query] = (await pagefind.search(query)).results.map((result) => result.id);
      return ids;
    }, prefixQueries);
    await context.close();
    return found;
  }

  test('every prefix at every cut finds the same pages, in the same order, as one chunk', async ({ browser }) => {
    const ours = await searchAll(browser, false);
    const theirs = await searchAll(browser, true);
    const differing = prefixQueries.filter((query) => ours[query]?.join() !== theirs[query]?.join());
    expect(differing).toEqual([]);
    // The queries find something: the comparison is not of empty lists.
    expect(prefixQueries.filter((query) => (theirs[query] ?? []).length === 0)).toEqual([]);
  });

  test('typed on the search page, queries show the same results as with one chunk', async ({ page }) => {
    // Whole words either side of the first two cuts, of two letters or more: a one-letter query
    // can lose matches at any cut, Pagefind's own included (docs/search.md).
    const edgeWords = cuts.filter(([before, after]) => before.length > 1 && after.length > 1).slice(0, 2);
    expect(edgeWords).toHaveLength(2);
    const queries = ['peer support', 'advice', ...edgeWords.flat()];
    /** For each query, typed in turn on one search page: the result count and the first screen of titles. */
    async function firstScreens(): Promise<Record<string, { status: string; titles: string[] }>> {
      await openSearch(page);
      const screens: Record<string, { status: string; titles: string[] }> = {};
      for (const query of queries) {
        await page.getByLabel('Search for').fill(query);
        const status = page.getByRole('status').filter({ hasText: `“${query}”` });
        await expect(status).toHaveText(/results? for|No results/);
        screens[query] = {
          status: await status.innerText(),
          titles: await results(page).getByRole('heading', { level: 2 }).allInnerTexts(),
        };
      }
      return screens;
    }
    const ours = await firstScreens();
    await useReference(page);
    expect(ours).toEqual(await firstScreens());
  });
});
